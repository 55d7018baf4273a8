import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { badgeCodeFromSerial } from '../../../../shared/people/badge-code';
import type { SearchDoc } from '../../../../shared/search';
import { SearchIndex } from '../../../../shared/search';
import { BADGE, DESK, deskIndex, ids, people, toDoc } from './fixtures';

const shevkunov = DESK.find((d) => d.id === 'shevkunov')!;

describe('upsert and remove', () => {
  it('a renamed person is found by the new name and not by the old one', () => {
    const index = deskIndex();
    const size = index.size;
    index.upsert({ ...DESK[0]!, surname: 'Шарипова' }); // Галиуллина married
    expect(index.size).toBe(size);
    expect(ids(index, 'шарипова алия')).toEqual(['galiullina']);
    expect(ids(index, 'галиуллина алия', 100)).not.toContain('galiullina');
    expect(ids(index, 'ufkbekkbyf', 100)).not.toContain('galiullina');
    expect(ids(index, 'sharipova aliia')).toEqual(['galiullina']);
    // the rest of her record is unchanged
    expect(ids(index, BADGE)[0]).toBe('galiullina');
    expect(ids(index, '3451234')).toEqual(['galiullina']);
  });

  it('a walk-in is found at once by every reading', () => {
    const index = deskIndex();
    index.upsert({ id: 'walkin', surname: 'Кутлугильдина', name: 'Резеда', patronymic: 'Фаритовна', phone: '8-987-654-32-10', badgeCode: badgeCodeFromSerial(777) });
    expect(index.size).toBe(DESK.length + 1);
    expect(ids(index, 'кутлуг')).toEqual(['walkin']);
    expect(ids(index, 'резеда кут')).toEqual(['walkin']);
    expect(ids(index, 'Кутлугильдина Р.Ф.')).toEqual(['walkin']);
    expect(ids(index, 'renkeu')).toEqual(['walkin']); // «кутлуг» on QWERTY
    expect(ids(index, 'kutlugildina')).toEqual(['walkin']);
    expect(ids(index, 'кутлугильдна')).toEqual(['walkin']);
    expect(ids(index, '3210')).toEqual(['walkin']);
    expect(ids(index, badgeCodeFromSerial(777).toLowerCase())[0]).toBe('walkin');
  });

  it('a changed phone or badge code replaces the old one', () => {
    const index = deskIndex();
    index.upsert({ ...DESK[0]!, phone: '+7 999 111-22-33', badgeCode: undefined });
    expect(ids(index, '1234')).toEqual([]);
    expect(ids(index, '1112233')).toEqual(['galiullina']);
    expect(index.search(BADGE).some((h) => h.kind === 'badge')).toBe(false);
  });

  it('remove forgets the person, including words nobody else has', () => {
    const index = deskIndex();
    index.remove('shevkunov');
    expect(index.size).toBe(DESK.length - 1);
    for (const q of ['шевкунов', 'шевкунв', 'shevkunov', 'itdreyjd', 'дмитрий']) expect(ids(index, q, 100)).toEqual([]);
    index.remove('shevkunov'); // unknown ids are ignored
    index.remove('nobody');
    expect(index.size).toBe(DESK.length - 1);
    index.upsert(shevkunov);
    expect(ids(index, 'шевкунв')).toEqual(['shevkunov']);
  });

  it('keeps order when many people are inserted into one gap (renumbering)', () => {
    const twin = (id: string): SearchDoc => ({ id, surname: 'Ахметова', name: 'Гульнара', patronymic: 'Ринатовна' });
    const index = new SearchIndex([twin('a'), twin('b')]);
    // each id sorts between "a" and the previous one: the same gap is halved again and again
    const added = Array.from({ length: 200 }, (_, k) => 'a' + String(999 - k).padStart(3, '0'));
    for (const id of added) index.upsert(twin(id));
    expect(ids(index, 'ахметова', 1000)).toEqual(['a', ...[...added].sort(), 'b']);
  });

  it('an index built by upserts answers exactly like one built at once, after any edits', () => {
    const base = people(400, 3).map(toDoc);
    const queries = ['а', 'гал', 'ив ал', 'ufk', 'gal', 'ахметов', 'ринатовна', 'галиулина', 'шарипова', '12'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat(base.length - 1), op: fc.constantFrom('rename', 'remove', 'phone') }), { maxLength: 40 }),
        fc.shuffledSubarray(base.map((_, i) => i), { minLength: base.length, maxLength: base.length }),
        (edits, order) => {
          const incremental = new SearchIndex();
          for (const i of order) incremental.upsert(base[i]!);
          const current = new Map(base.map((d) => [d.id, d]));
          for (const { at, op } of edits) {
            const doc = base[at]!;
            if (op === 'remove') {
              current.delete(doc.id);
              incremental.remove(doc.id);
            } else {
              const next = op === 'rename' ? { ...doc, surname: 'Шарипова' } : { ...doc, phone: '+7 917 000-00-12' };
              current.set(doc.id, next);
              incremental.upsert(next);
            }
          }
          const rebuilt = new SearchIndex(current.values());
          expect(incremental.size).toBe(rebuilt.size);
          for (const q of queries) expect(incremental.search(q, 50)).toEqual(rebuilt.search(q, 50));
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('the order of a whole build', () => {
  it('is the order upserts keep: surname, name, patronymic by collation, then id among namesakes', () => {
    // few values, many collisions: namesakes, values equal but for case or ё, names that are prefixes of others
    const surnames = ['Ахметова', 'ахметова', 'Ахмётова', 'Ахметов', 'Ахметова-Гали', 'Ахметзянова'];
    const names = ['Гульнара', 'Гульнар', 'гульнара', 'Алия', ''];
    const patronymics = ['Ринатовна', 'Ринатович', '', 'ринатовна'];
    const doc = fc.record({
      id: fc.stringMatching(/^[a-f0-9]{1,6}$/),
      surname: fc.constantFrom(...surnames),
      name: fc.constantFrom(...names),
      patronymic: fc.constantFrom(...patronymics),
    });
    fc.assert(
      fc.property(fc.uniqueArray(doc, { selector: (d) => d.id, minLength: 1, maxLength: 120 }), (docs) => {
        const upserted = new SearchIndex();
        for (const d of docs) upserted.upsert(d);
        const whole = new SearchIndex(docs);
        expect(ids(whole, 'ахм', 1000)).toEqual(ids(upserted, 'ахм', 1000));
        expect(ids(whole, 'ахм', 1000)).toHaveLength(docs.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe('a badge code two people share', () => {
  // two desks offline may issue the same walk-in code: both people answer it, in result order
  const a = { id: 'a', surname: 'Ахмадеева', name: 'Айсылу', patronymic: 'Шамилевна', badgeCode: BADGE };
  const b = { id: 'b', surname: 'Баширов', name: 'Эльдар', patronymic: 'Хамитович', badgeCode: BADGE };
  const badgeHits = (index: SearchIndex) => index.search(BADGE).filter((h) => h.kind === 'badge').map((h) => h.id);

  it('finds both, whether built together or added one by one, and the one left after a removal', () => {
    const bulk = new SearchIndex([b, a]);
    const upserted = new SearchIndex([a]);
    upserted.upsert(b);
    expect(badgeHits(bulk)).toEqual(['a', 'b']);
    expect(badgeHits(upserted)).toEqual(['a', 'b']);
    bulk.remove('a');
    expect(badgeHits(bulk)).toEqual(['b']);
    bulk.upsert({ ...b, badgeCode: undefined });
    expect(badgeHits(bulk)).toEqual([]);
    bulk.upsert(a);
    expect(badgeHits(bulk)).toEqual(['a']);
  });
});

describe('the badge map a whole build leaves to its first use', () => {
  it('answers scans the same whether made before or after the first change', () => {
    const docs = people(300, 5).map((p, i) => ({ ...toDoc(p), badgeCode: badgeCodeFromSerial(i % 290) })); // ten codes shared
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.record({ at: fc.nat(docs.length - 1), op: fc.constantFrom('remove', 'recode', 'walk-in') }), { minLength: 1, maxLength: 12 }),
        (warm, edits) => {
          const index = new SearchIndex(docs);
          if (warm) index.warmUp();
          const current = new Map(docs.map((d) => [d.id, d]));
          for (const [k, { at, op }] of edits.entries()) {
            const doc = docs[at]!;
            if (op === 'remove') {
              index.remove(doc.id);
              current.delete(doc.id);
            } else {
              const next = op === 'recode' ? { ...doc, badgeCode: badgeCodeFromSerial(at + 1) } : { ...doc, id: `walk-in-${k}`, badgeCode: badgeCodeFromSerial(at) };
              index.upsert(next);
              current.set(next.id, next);
            }
          }
          const rebuilt = new SearchIndex(current.values());
          for (const serial of [...edits.map((e) => e.at), ...edits.map((e) => e.at + 1), 0, 5, 289]) {
            const code = badgeCodeFromSerial(serial);
            expect(index.withBadge(code), code).toEqual(rebuilt.withBadge(code));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('build in steps', () => {
  it('gives the same answers as the one-pass constructor, pausing between chunks', async () => {
    const docs = people(2_500).map((p, i) => ({ ...toDoc(p), badgeCode: badgeCodeFromSerial(i + 1) }));
    let pauses = 0;
    const stepped = await SearchIndex.build(docs, async () => void pauses++, 1_000);
    const whole = new SearchIndex(docs);
    // 2 pauses while entries are made, 1 after the sort, 2 while linking
    expect(pauses).toBe(5);
    expect(stepped.size).toBe(whole.size);
    for (const d of docs.slice(0, 200)) {
      for (const q of [d.surname.slice(0, 3), `${d.surname} ${d.name[0]}`, d.phone?.slice(-4) ?? '', d.badgeCode]) {
        expect(stepped.search(q, 10), q).toEqual(whole.search(q, 10));
      }
    }
    expect(stepped.withBadge(docs[7]!.badgeCode)).toEqual([docs[7]!.id]);
    expect(stepped.withBadge('NOPE')).toEqual([]);
  });
});
