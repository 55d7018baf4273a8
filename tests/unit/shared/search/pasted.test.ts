import { describe, expect, it } from 'vitest';
import { enterDecision, SearchIndex, type SearchDoc } from '../../../../shared/search';

// What an operator pastes from a district list or a messenger: the invisible characters and dash
// variants of shared/text/spelling.ts must not keep the desk from finding (and checking in) the person.
const docs: SearchDoc[] = [
  { id: 'aliya', surname: 'Галиуллина', name: 'Алия', patronymic: 'Хамитовна', badgeCode: 'A7KQ2M' },
  { id: 'anna', surname: 'Петрова-Водкина', name: 'Анна', patronymic: 'Сергеевна', badgeCode: 'B8LR3N' },
  { id: 'ildar', surname: 'Галиев', name: 'Ильдар', patronymic: 'Рашитович', badgeCode: 'C9MS4P' },
];

describe('a pasted name with invisible characters or another dash', () => {
  it.each([
    ['no-break space', 'Галиуллина\u00a0Алия'],
    ['soft hyphen inside the surname', 'Галиул\u00adлина Алия'],
    ['zero-width space at the end', 'Галиуллина Алия\u200b'],
    ['a Latin a inside the surname', 'Г\u0061лиуллина Алия'],
  ])('%s still finds and certainly picks the person', async (_what, query) => {
    const index = await SearchIndex.build(docs, async () => undefined);
    const hits = index.search(query);
    expect(hits[0]?.id).toBe('aliya');
    expect(enterDecision(hits)).toEqual({ act: true, id: 'aliya' });
  });

  it('an en dash in a double surname finds the hyphenated one', async () => {
    const index = await SearchIndex.build(docs, async () => undefined);
    const hits = index.search('Петрова\u2013Водкина Анна');
    expect(hits[0]?.id).toBe('anna');
    expect(enterDecision(hits)).toEqual({ act: true, id: 'anna' });
  });
});
