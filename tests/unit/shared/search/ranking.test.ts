import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SearchDoc, SearchHit } from '../../../../shared/search';
import { foldRussian, SearchIndex } from '../../../../shared/search';
import { DESK, deskIndex, people, toDoc } from './fixtures';

const index = deskIndex();
const pairs = (hits: SearchHit[]) => hits.map((h) => [h.id, h.kind]);

describe('ranking: badge > exact > prefix/initials/phone > layout/translit > typo', () => {
  it('exact words before prefixes before typos', () => {
    expect(pairs(index.search('галиуллин'))).toEqual([
      ['galiullin', 'exact'],
      ['galiullina', 'prefix'],
      ['sharipova', 'prefix'],
    ]);
    expect(pairs(index.search('галиуллина'))).toEqual([
      ['galiullina', 'exact'],
      ['sharipova', 'exact'],
      ['galiullin', 'typo'], // «галиуллин» is «галиуллина» without the last letter
    ]);
    expect(pairs(index.search('илья'))).toEqual([
      ['ilin', 'exact'],
      ['yusupov', 'prefix'], // Ильяс
    ]);
  });

  it('prefixes before typos, each group in name order', () => {
    expect(pairs(index.search('галим'))).toEqual([
      ['galimova', 'prefix'],
      ['galiullin', 'typo'], // «галиу…»: one letter from "галим"
      ['galiullina', 'typo'],
      ['sharipova', 'typo'],
    ]);
  });

  it('a native prefix before a Latin spelling', () => {
    // "smi" is a prefix of «Smith» as typed, and the Latin spelling of «Смирнова»
    expect(pairs(index.search('smi'))).toEqual([
      ['smith', 'prefix'],
      ['smirnova', 'translit'],
    ]);
  });

  it('wrong layout before typos', () => {
    expect(pairs(index.search('ufkbekkbyf'))).toEqual([
      ['galiullina', 'layout'],
      ['sharipova', 'layout'],
      ['galiullin', 'typo'],
    ]);
  });

  it('scores fall with the group and are equal within it; a phone tail scores as a prefix', () => {
    const score = (q: string, id: string) => index.search(q, 100).find((h) => h.id === id)?.score;
    const badge = score(DESK[0]!.badgeCode!, 'galiullina')!;
    const exact = score('галиуллина', 'galiullina')!;
    const prefix = score('галиул', 'galiullina')!;
    const layout = score('ufkbekkbyf', 'galiullina')!;
    const typo = score('галиулина', 'galiullina')!;
    expect([badge, exact, prefix, layout, typo]).toEqual([...[badge, exact, prefix, layout, typo]].sort((a, b) => b - a));
    expect(new Set([badge, exact, prefix, layout, typo]).size).toBe(5);
    expect(score('1234', 'galiullina')).toBe(prefix);
    const withInitials = score('галиуллина а х', 'galiullina')!;
    expect(withInitials).toBeLessThan(exact);
    expect(withInitials).toBeGreaterThan(prefix);
    expect(score('галиуллина ах', 'galiullina')).toBe(withInitials);
    expect(score('galiullina', 'galiullina')).toBe(layout);
  });
});

describe('a whole surname with initials', () => {
  const i = new SearchIndex([
    { id: 'ivan-mansurovich', surname: 'Ибрагимов', name: 'Руслан', patronymic: 'Мансурович' },
    { id: 'mansurov', surname: 'Мансуров', name: 'Ильдар', patronymic: 'Рустемович' },
    { id: 'yakhina-ra', surname: 'Яхина', name: 'Резеда', patronymic: 'Альбертовна' },
    { id: 'yakhina-ar', surname: 'Яхина', name: 'Альбина', patronymic: 'Ринатовна' },
  ]);
  it('puts the person with that surname first, not a patronymic that starts with it', () => {
    expect(i.search('мансуров и р').map((h) => h.id)).toEqual(['mansurov', 'ivan-mansurovich']);
    expect(i.search('Мансуров И.Р.').map((h) => h.id)[0]).toBe('mansurov');
  });
  it('keeps the order of the initials: name first, then patronymic', () => {
    expect(i.search('Яхина Р.А.').map((h) => h.id)[0]).toBe('yakhina-ra');
    expect(i.search('яхина а р').map((h) => h.id)[0]).toBe('yakhina-ar');
  });
});

describe('ties: Russian collation of surname, then name, then patronymic, then id', () => {
  it('orders ё after е and the shorter name first', () => {
    expect(pairs(index.search('федоров'))).toEqual([
      ['fedorov', 'exact'], // Федоров before Фёдоров: ё sorts right after е when all else is equal
      ['fyodorov', 'exact'],
      ['fedorova', 'prefix'],
    ]);
  });

  it('namesakes are ordered by id', () => {
    const twin = (id: string): SearchDoc => ({ id, surname: 'Ахметова', name: 'Гульнара', patronymic: 'Ринатовна' });
    const i = new SearchIndex([twin('r-30'), twin('r-4'), twin('r-100')]);
    expect(i.search('ахметова').map((h) => h.id)).toEqual(['r-100', 'r-30', 'r-4']);
  });

  it('surname decides before name, name before patronymic', () => {
    const i = new SearchIndex([
      { id: '1', surname: 'Яхина', name: 'Алия', patronymic: 'Азатовна' },
      { id: '2', surname: 'Абдрахманова', name: 'Эльвира', patronymic: 'Азатовна' },
      { id: '3', surname: 'Абдрахманова', name: 'Алия', patronymic: 'Ринатовна' },
      { id: '4', surname: 'Абдрахманова', name: 'Алия', patronymic: 'Азатовна' },
    ]);
    expect(i.search('азатовна').map((h) => h.id)).toEqual(['4', '2', '1']);
    expect(i.search('а').map((h) => h.id)).toEqual(['4', '3', '2', '1']);
  });

  const collator = new Intl.Collator('ru');
  const byName = (a: SearchDoc, b: SearchDoc) =>
    collator.compare(a.surname, b.surname) ||
    collator.compare(a.name, b.name) ||
    collator.compare(a.patronymic, b.patronymic) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  // a one-word Cyrillic query: within a group, people with the word in the surname come first, then
  // the name, then the patronymic (the first field with a word starting so); ties by collation
  const fieldRank = (d: SearchDoc, q: string) =>
    [d.surname, d.name, d.patronymic].findIndex((f) => foldRussian(f).split(/[^\p{L}]+/u).some((w) => w.startsWith(foldRussian(q))));

  it('within every score group: surname before name before patronymic, then Intl.Collator("ru") order (generated people)', () => {
    const docs = people(3000, 11).map(toDoc);
    const byId = new Map(docs.map((d) => [d.id, d]));
    const i = new SearchIndex(docs);
    for (const q of ['а', 'г', 'ф', 'ал', 'гал', 'ив', 'ш', 'е', 'ё', 'ринат', 'иванов', 'ахмет']) {
      const hits = i.search(q, 500).filter((h) => h.kind === 'exact' || h.kind === 'prefix');
      for (let k = 1; k < hits.length; k++) {
        const a = byId.get(hits[k - 1]!.id)!;
        const b = byId.get(hits[k]!.id)!;
        expect(hits[k - 1]!.score).toBeGreaterThanOrEqual(hits[k]!.score);
        if (hits[k - 1]!.score !== hits[k]!.score) continue;
        const fa = fieldRank(a, q);
        const fb = fieldRank(b, q);
        expect(fa, `${q}: ${a.id} before ${b.id}`).toBeLessThanOrEqual(fb);
        if (fa === fb) expect(byName(a, b), `${q}: ${a.id} before ${b.id}`).toBeLessThan(0);
      }
    }
  });
});

describe('limit and determinism', () => {
  const docs = people(2000, 5).map(toDoc);
  const big = new SearchIndex(docs);
  const queries = ['а', 'г', 'гал', 'ал р', 'и и', 'ufk', 'gal', 'khab', 'галиулина', 'ахметов', 'иван', 'ринатовна', '1234', 'шевк'];

  it('search(q, k) is the first k of a longer search: stopping early never changes the ranking', () => {
    fc.assert(
      fc.property(fc.constantFrom(...queries), fc.integer({ min: 1, max: 60 }), (q, k) => {
        expect(big.search(q, k)).toEqual(big.search(q, 400).slice(0, k));
      }),
      { numRuns: 150 },
    );
  });

  it('defaults to 20 results', () => {
    expect(big.search('а')).toHaveLength(20);
    expect(big.search('а', 7)).toHaveLength(7);
  });

  it('the same people in any order give the same results', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...DESK], { minLength: DESK.length, maxLength: DESK.length }), (shuffled) => {
        const i = new SearchIndex(shuffled);
        for (const q of ['гал', 'федоров', 'ufkbekkbyf', 'a', 'ил ил', 'галиулина']) expect(i.search(q)).toEqual(index.search(q));
      }),
      { numRuns: 30 },
    );
  });
});
