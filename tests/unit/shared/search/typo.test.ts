import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { russianSurnames, turkicSurnames } from '../../../../shared/generator';
import { foldRussian } from '../../../../shared/search/fold';
import { distanceToPrefix, TypoIndex } from '../../../../shared/search/typo';

describe('distanceToPrefix', () => {
  it.each([
    ['галиулина', 'галиуллина', 1],
    ['галиуллнна', 'галиуллина', 1],
    ['галиулилна', 'галиуллина', 1], // adjacent transposition
    ['шевкн', 'шевкунов', 1], // a prefix with one wrong letter
    ['шевку', 'шевкунов', 0],
    ['галиуллина', 'галимова', 2],
    ['галиулнна', 'галиуллина', 2],
    ['абвгд', 'где', 2],
  ])('%s vs %s → %i', (q, f, d) => {
    expect(distanceToPrefix(q, f)).toBe(d);
  });
});

const words = [...new Set([...russianSurnames, ...turkicSurnames].map(foldRussian))];
const alphabet = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';

describe('TypoIndex', () => {
  const index = new TypoIndex();
  for (const w of words) index.add(w);

  it('finds exactly the words one typo away from the query or from a prefix of theirs (checked by brute force)', () => {
    const edit = fc
      .tuple(fc.constantFrom(...words), fc.nat(), fc.constantFrom(...alphabet), fc.integer({ min: 0, max: 3 }))
      .map(([w, at, ch, kind]) => {
        const i = at % w.length;
        if (kind === 0) return w.slice(0, i) + w.slice(i + 1);
        if (kind === 1) return w.slice(0, i) + ch + w.slice(i + 1);
        if (kind === 2) return w.slice(0, i) + ch + w.slice(i);
        return i + 1 < w.length ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w;
      });
    fc.assert(
      fc.property(fc.oneof(edit, edit.map((q) => q.slice(0, Math.max(5, q.length - 3)))), (q) => {
        const expected = q.length < 5 ? [] : words.filter((w) => w !== q && distanceToPrefix(q, w) <= 1);
        expect(new Set(index.lookup(q))).toEqual(new Set(expected));
      }),
      { numRuns: 500 },
    );
  });

  it('forgets a removed word', () => {
    const i = new TypoIndex();
    i.add('шевкунов');
    i.add('шевцов');
    expect(i.lookup('шевкунв')).toEqual(['шевкунов']);
    i.remove('шевкунов');
    expect(i.lookup('шевкунв')).toEqual([]);
    expect(i.lookup('шевцв')).toEqual(['шевцов']);
  });

  it('ignores queries shorter than five letters', () => {
    expect(index.lookup('ивнв')).toEqual([]);
  });
});
