/**
 * The attacks of issue 20, one test each: name-position traps, gibberish, badge codes on the Russian
 * layout, Bashkir letters both ways, glued initials and surnames, German-style Latin, a word nothing
 * matches, a pasted long line — and the Enter rule on top of them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { badgeCodeFromSerial } from '../../../../shared/people/badge-code';
import type { SearchDoc } from '../../../../shared/search';
import { enterDecision, SearchIndex } from '../../../../shared/search';
import { cyrillicToLatinLayout, latinLayoutToCyrillic } from '../../../../shared/search/keyboard';
import { people, toDoc } from './fixtures';

const CODE = badgeCodeFromSerial(1234);
const DOCS: SearchDoc[] = [
  { id: 'ilyas', surname: 'Абзалов', name: 'Ильяс', patronymic: 'Маратович' },
  { id: 'azamat', surname: 'Абзалов', name: 'Азамат', patronymic: 'Ильясович' },
  { id: 'bagautdinova', surname: 'Багаутдинова', name: 'Инна', patronymic: 'Ивановна' },
  { id: 'ivanova', surname: 'Иванова', name: 'Лиана', patronymic: 'Рустамовна' },
  { id: 'petrov-ivan', surname: 'Петров', name: 'Иван', patronymic: 'Сергеевич' },
  { id: 'petrovich', surname: 'Анисимов', name: 'Иван', patronymic: 'Петрович' },
  { id: 'ramil', surname: 'Усманов', name: 'Рамиль', patronymic: 'Ильдарович', badgeCode: CODE },
  { id: 'ramilevich', surname: 'Усманов', name: 'Артур', patronymic: 'Рамилевич' },
  { id: 'galiev', surname: 'Ғәлиев', name: 'Айдар', patronymic: 'Рәшитович' },
  { id: 'haziev', surname: 'Хазиев', name: 'Ринат', patronymic: 'Азатович' },
  { id: 'ivanov-ii', surname: 'Иванов', name: 'Игорь', patronymic: 'Ильич' },
  { id: 'khairullin', surname: 'Хайруллин', name: 'Артур', patronymic: 'Маратович' },
  { id: 'petrova-vodkina', surname: 'Петрова-Водкина', name: 'Анна', patronymic: 'Сергеевна' },
  { id: 'yusupov', surname: 'Юсупов', name: 'Тимур', patronymic: 'Ренатович' },
  { id: 'shamsutdinov', surname: 'Шамсутдинов', name: 'Радик', patronymic: 'Фаритович' },
  { id: 'zueva', surname: 'Зуева', name: 'Ксения', patronymic: 'Вячеславовна' },
  { id: 'twin-1', surname: 'Сафина', name: 'Алсу', patronymic: 'Ринатовна', phone: '+7 917 111-22-33' },
  { id: 'twin-2', surname: 'Сафина', name: 'Алсу', patronymic: 'Ринатовна', phone: '+7 917 444-55-66' },
];
const index = new SearchIndex(DOCS);
const top = (q: string) => index.search(q, 12).map((h) => h.id);
const enter = (q: string) => {
  const d = enterDecision(index.search(q, 12));
  return d.act ? d.id : null;
};

describe('name position: surname > name > patronymic, exact before prefix', () => {
  it.each([
    ['абзалов ильяс', 'ilyas'],
    ['f,pfkjd bkmzc', 'ilyas'], // wrong layout
    ['Abzalov Ilyas', 'ilyas'], // Latin
    ['абзолов ильяс', 'ilyas'], // a typo
  ])('%j lists Ильяс before Азамат Ильясович', (q, id) => {
    expect(top(q)[0]).toBe(id);
    expect(top(q)).toContain('azamat');
  });

  it('the Абзалов case: Enter acts on Ильяс or on nobody, never on Азамат', () => {
    for (const q of ['абзалов ильяс', 'f,pfkjd bkmzc', 'Abzalov Ilyas', 'абзолов ильяс']) expect([null, 'ilyas']).toContain(enter(q));
    expect(enter('абзалов ильяс')).toBe('ilyas');
    expect(enter('f,pfkjd bkmzc')).toBe('ilyas');
    expect(enter('абзолов ильяс')).toBeNull(); // a typo is never certain
  });

  it('«Иванов» puts the surname Иванова above the patronymic Ивановна', () => {
    expect(top('иванов')).toEqual(['ivanov-ii', 'ivanova', 'bagautdinova']);
  });

  it('«петров ива» puts Петров Иван above Иван Петрович', () => {
    expect(top('петров ива')).toEqual(['petrov-ivan', 'petrovich']);
  });

  it('«Usmanov Ramil» puts Усманов Рамиль above Усманов … Рамилевич', () => {
    expect(top('Usmanov Ramil')).toEqual(['ramil', 'ramilevich']);
    expect(enter('Usmanov Ramil')).toBe('ramil');
  });
});

describe('gibberish and absent people', () => {
  it.each(['zzzz', 'qqqq', 'ъъъъ', 'xkcdq'])('%j finds nobody', (q) => {
    expect(top(q)).toEqual([]);
  });

  it('a person who is not registered gets no Enter', () => {
    expect(enter('Абзалов Тимур')).toBeNull();
    expect(enter('Петров Ильяс')).toBeNull();
  });
});

describe('badge codes on either layout', () => {
  it('a code typed with the Russian layout on finds its owner, and Enter acts', () => {
    const typed = latinLayoutToCyrillic(CODE); // the same keys with the Russian layout on
    expect(typed).not.toBe(CODE);
    expect(cyrillicToLatinLayout(typed)).toBe(CODE);
    expect(index.search(typed)[0]).toMatchObject({ id: 'ramil', kind: 'badge', certain: true });
    expect(enter(typed)).toBe('ramil');
  });
});

describe('Bashkir letters both ways', () => {
  it('Russian letters find a Bashkir spelling, Bashkir letters a Russian one', () => {
    expect(top('галиев')).toEqual(['galiev']);
    expect(top('Һаҙиев')).toEqual(['haziev']);
    expect(enter('Галиев Айдар')).toBe('galiev');
  });
});

describe('glued and split forms', () => {
  it('glued initials', () => {
    expect(top('ИвановИИ')[0]).toBe('ivanov-ii');
    expect(top('ХайруллинАМ')[0]).toBe('khairullin');
  });

  it('a double surname glued or spaced', () => {
    expect(top('ПетроваВодкина Анна')[0]).toBe('petrova-vodkina');
    expect(top('Петрова Водкина Анна')[0]).toBe('petrova-vodkina');
  });

  it('two typos in a long surname, and a typo in the surname plus one in the name', () => {
    expect(top('шасмутдинв радик')[0]).toBe('shamsutdinov');
    expect(top('шамсутдинав радек')[0]).toBe('shamsutdinov');
  });

  it('German-style Latin', () => {
    expect(top('Jussupow')[0]).toBe('yusupov');
    expect(top('Schamsutdinow Radik')[0]).toBe('shamsutdinov');
  });

  it('a word nothing matches is left out, not emptying a strong result, and Enter does not act', () => {
    expect(index.search('Зуеа Ксения Вячеславовна')[0]).toMatchObject({ id: 'zueva', kind: 'partial', certain: false });
    expect(enter('Зуеа Ксения Вячеславовна')).toBeNull();
  });
});

describe('the Enter rule', () => {
  it('namesakes: Enter selects nobody, both are listed together', () => {
    expect(top('сафина алсу')).toEqual(['twin-1', 'twin-2']);
    expect(enterDecision(index.search('сафина алсу ринатовна'))).toEqual({ act: false, why: 'several' });
  });

  it('a whole phone number tells namesakes apart; a phone tail does not act', () => {
    expect(enter('+7 917 444-55-66')).toBe('twin-2');
    expect(enter('5566')).toBeNull();
  });

  it('prefixes and initials never act', () => {
    expect(enter('абзалов иль')).toBeNull();
    expect(enter('абзалов и м')).toBeNull();
    expect(enter('абзалов')).toBeNull();
  });

  it('on generated people, Enter acts only on a person whose surname and name are the typed words', () => {
    const docs = people(3000, 3).map(toDoc);
    const big = new SearchIndex(docs);
    const byId = new Map(docs.map((d) => [d.id, d]));
    let acted = 0;
    fc.assert(
      fc.property(fc.constantFrom(...docs), fc.constantFrom(...docs), fc.boolean(), (a, other, own) => {
        const b = own ? a : other;
        const q = `${a.surname} ${b.name}`;
        const d = enterDecision(big.search(q, 12));
        if (!d.act) return;
        acted++;
        const hit = byId.get(d.id)!;
        expect(hit.surname.toLowerCase().replace(/ё/g, 'е')).toBe(a.surname.toLowerCase().replace(/ё/g, 'е'));
        expect(hit.name.toLowerCase().replace(/ё/g, 'е')).toBe(b.name.toLowerCase().replace(/ё/g, 'е'));
        const same = docs.filter((p) => p.surname === hit.surname && p.name === hit.name);
        expect(same).toHaveLength(1);
      }),
      { numRuns: 300 },
    );
    expect(acted).toBeGreaterThan(50);
  });
});

describe('a pasted long line', () => {
  it('is capped and answered like its first 200 characters', () => {
    const long = 'абзалов ильяс ' + 'ж'.repeat(20_000);
    expect(index.search(long)).toEqual(index.search(long.slice(0, 200)));
  });
});
