import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PersonLike } from '../../../../shared/import';
import { findDuplicates, personKeys, splitFullName } from '../../../../shared/import';
import { generatePeople } from '../../../../shared/generator';
import { loadMunicipalities } from '../../../fixtures/import-fixtures';

type Rec = PersonLike & { row: number };

function rec(row: number, full: string, phone = ''): Rec {
  const s = splitFullName(full)!;
  return { row, surname: s.surname, name: s.name, patronymic: s.patronymic, phone };
}

describe('findDuplicates in a file', () => {
  const base = rec(2, 'Галиуллина Алия Хамитовна', '+79173451234');

  it.each([
    ['case, ё/е and spaces', rec(3, '  ГАЛИУЛЛИНА   алия  хамитовна'), ['same-name']],
    ['ё written as е', rec(3, 'Галиуллина Алия Хамитовна'), ['same-name']],
    ['initials', rec(3, 'Галиуллина А.Х.'), ['initials']],
    ['initials first', rec(3, 'А. Х. Галиуллина'), ['initials']],
    ['name first (split recognizes it)', rec(3, 'Алия Хамитовна Галиуллина'), ['same-name']],
    ['no patronymic', rec(3, 'Галиуллина Алия'), ['partial-name']],
    ['same phone, another spelling', rec(3, 'Галиулина Алия Хамитовна', '8 (917) 345-12-34'), ['same-phone']],
  ])('%s', (_label, other, reasons) => {
    expect(findDuplicates([base, other]).inFile).toEqual([{ rowA: 2, rowB: 3, reasons }]);
  });

  it('finds surname and name swapped in separate columns', () => {
    const swapped: Rec = { row: 3, surname: 'Алия', name: 'Галиуллина', patronymic: 'Хамитовна' };
    expect(findDuplicates([base, swapped]).inFile).toEqual([{ rowA: 2, rowB: 3, reasons: ['swapped'] }]);
  });

  it('matches ё and е in every part', () => {
    const a = rec(2, 'Королёв Артём Петрович');
    const b = rec(3, 'Королев Артем Петрович');
    expect(findDuplicates([a, b]).duplicatesInFile).toEqual([[2, 3]]);
  });

  it('does not pair different people: other name, other initials, both full names with the same letters', () => {
    const others = [rec(3, 'Галиуллина Айгуль Халитовна'), rec(4, 'Галиуллина Р.Х.'), rec(5, 'Галиуллин Алий Хамитович')];
    expect(findDuplicates([base, ...others]).inFile).toEqual([]);
  });

  it('reports pairs in file order with the earlier row first', () => {
    const r = findDuplicates([rec(10, 'Иванов Иван Иванович'), rec(4, 'Петров Пётр Петрович'), rec(12, 'Иванов И.И.'), rec(15, 'ИВАНОВ иван иванович')]);
    expect(r.duplicatesInFile).toEqual([
      [10, 12],
      [10, 15],
      [12, 15],
    ]);
  });
});

describe('findDuplicates against stored people', () => {
  it('gives the stored id and the reasons', () => {
    const existing = [
      { id: 'p1', surname: 'Галиуллина', name: 'Алия', patronymic: 'Хамитовна', phone: '+79173451234' },
      { id: 'p2', surname: 'Иванов', name: 'Иван', patronymic: 'Иванович' },
    ];
    const r = findDuplicates([rec(5, 'Галиуллина А.Х.', '8 917 345 12 34'), rec(6, 'Сидоров Сидор Сидорович')], existing);
    expect(r.existing).toEqual([{ row: 5, existingId: 'p1', reasons: ['initials', 'same-phone'] }]);
    expect(r.inFile).toEqual([]);
  });

  it('finds every variant of every stored person (property)', () => {
    const municipalities = loadMunicipalities();
    const people = generatePeople({ seed: 11, count: 300, municipalities, messyPhones: false });
    const existing = people.map((p) => ({ id: p.key, surname: p.surname, name: p.name, patronymic: p.patronymic, phone: p.phone }));
    const variant = fc.constantFrom(
      (p: PersonLike) => ({ ...p, phone: '', surname: p.surname.toUpperCase().replace(/Ё/g, 'Е') }),
      (p: PersonLike) => ({ ...p, phone: '', name: p.name[0] + '.', patronymic: p.patronymic[0] + '.' }),
      (p: PersonLike) => ({ ...p, phone: '', surname: p.name, name: p.surname }),
      (p: PersonLike) => ({ ...p, phone: '', patronymic: '' }),
      (p: PersonLike) => ({ ...p, surname: p.surname + 'а', name: 'Х' }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: people.length - 1 }), variant, (i, make) => {
        const p = existing[i]!;
        const r = findDuplicates([{ row: 2, ...make(p) }], existing);
        expect(r.existing.map((m) => m.existingId)).toContain(p.id);
      }),
      { numRuns: 300 },
    );
  });
});

describe('scale', () => {
  it('checks 10,000 rows against 100,000 people through indexes (no pairwise comparison)', () => {
    const municipalities = loadMunicipalities();
    const stored = generatePeople({ seed: 21, count: 100_000, municipalities, messyPhones: false });
    const existing = stored.map((p) => ({ id: p.key, surname: p.surname, name: p.name, patronymic: p.patronymic, phone: p.phone }));
    // every tenth incoming row is a stored person with initials; the rest are new people
    const fresh = generatePeople({ seed: 22, count: 10_000, municipalities, messyPhones: true });
    const incoming = fresh.map((p, i) => {
      const s = stored[i * 10]!;
      return i % 10 === 0
        ? { row: i + 2, surname: s.surname, name: s.name[0] + '.', patronymic: s.patronymic[0] + '.', phone: '' }
        : { row: i + 2, surname: p.surname, name: p.name, patronymic: p.patronymic, phone: p.phone };
    });
    const r = findDuplicates(incoming, existing);
    const hits = new Set(r.existing.map((m) => `${m.row}:${m.existingId}`));
    for (let i = 0; i < 10_000; i += 10) expect(hits.has(`${i + 2}:${stored[i * 10]!.key}`)).toBe(true);
    // candidates per row are capped, so the output stays proportional to the input
    expect(r.existing.length).toBeLessThan(incoming.length * 5);
  });
});

describe('personKeys', () => {
  it('folds case, ё, spaces and hyphens (a double surname is one key however it is joined)', () => {
    expect(personKeys({ surname: 'Иванова - Петрова', name: 'Алёна', patronymic: 'Ивановна', phone: '8 917 345-12-34' })).toEqual({
      full: 'ивановапетрова|алена|ивановна',
      initials: 'ивановапетрова|а|и',
      surnameName: 'ивановапетрова|алена',
      nameSurname: 'алена|ивановапетрова',
      phone: '+79173451234',
    });
  });
});
