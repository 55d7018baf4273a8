/**
 * Issue 22: one person is one person, whatever the spelling. Every spelling the issue names is a case
 * here — names the import used to reject, duplicates it used to miss — and the default decision for a
 * candidate pair with its evidence («тот же телефон», «те же инициалы», «другой муниципалитет»).
 */
import { describe, expect, it } from 'vitest';
import type { PersonLike, Sheet } from '../../../../shared/import';
import { applyMapping, autoMap, findDuplicates, findHeader, splitFullName, toRecords } from '../../../../shared/import';
import { weigh } from '../../../../shared/import/dedupe';
import { MAX_CELL_TEXT } from '../../../../shared/import/records';
import { loadMunicipalities } from '../../../fixtures/import-fixtures';

const municipalities = loadMunicipalities();

function records(header: string[], ...rows: string[][]) {
  const sheet: Sheet = { name: 'Делегаты', rows: [header, ...rows], merges: [], hasFormulas: false, formulaCells: [], hidden: false };
  const h = findHeader(sheet);
  return toRecords(sheet, applyMapping(sheet, { headerRow: h.headerRow, mapping: autoMap(h.headers) }), { municipalities });
}

const person = (full: string, phone = ''): PersonLike => {
  const s = splitFullName(full)!;
  return { surname: s.surname, name: s.name, patronymic: s.patronymic, phone };
};

describe('names the import rejected are accepted, repaired', () => {
  it.each([
    ['a decomposed «й» (и + U+0306)', 'Баи\u0306рамов', 'Байрамов'],
    ['an en dash in a double surname', 'Петрова\u2013Водкина', 'Петрова-Водкина'],
    ['an em dash in a double surname', 'Петрова\u2014Водкина', 'Петрова-Водкина'],
    ['a spaced dash', 'Петрова \u2013 Водкина', 'Петрова-Водкина'],
    ['a soft hyphen', 'Галиул\u00adлина', 'Галиуллина'],
    ['a zero-width space', 'Галиуллина\u200b', 'Галиуллина'],
    ['Latin look-alikes', 'Ивaнoв', 'Иванов'],
  ])('%s in the surname column', (_label, surname, stored) => {
    const r = records(['Фамилия', 'Имя', 'Отчество'], [surname, 'Алия', 'Хамитовна']);
    expect(r.errors).toEqual([]);
    expect(r.records[0]!.surname).toBe(stored);
    expect(r.records[0]!.surname.normalize('NFC')).toBe(r.records[0]!.surname);
  });

  it.each([
    ['a non-breaking space between the parts', 'Байрамов\u00a0Ильдар\u00a0Рашитович'],
    ['a decomposed «й» in the name', 'Байрамов Алексеи\u0306 Рашитович'],
    ['an en dash in the surname', 'Петрова\u2013Водкина Анна Ивановна'],
  ])('%s in the ФИО column', (_label, full) => {
    const r = records(['ФИО'], [full]);
    expect(r.errors).toEqual([]);
    expect(r.records[0]!.name.length).toBeGreaterThan(1);
    expect(`${r.records[0]!.surname} ${r.records[0]!.name}`).not.toMatch(/\u00a0|\u00ad|\u0306|\u2013/);
  });

  it('says when Latin letters were replaced', () => {
    const r = records(['ФИО'], ['Ивaнoв Иван Иванович']);
    expect(r.warnings.map((w) => w.message)).toEqual([expect.stringContaining('латинские буквы среди русских заменены на русские')]);
  });

  it('refuses a cell longer than an xlsx cell can hold, naming the column', () => {
    const r = records(['Фамилия', 'Имя'], ['Ж'.repeat(MAX_CELL_TEXT + 1), 'Иван'], ['Иванов', 'Иван']);
    expect(r.errors).toMatchObject([{ row: 2, field: 'surname', message: expect.stringMatching(/строка 2: в столбце «Фамилия» 32\s768 знаков — .*не больше 32\s767/) }]);
    expect(r.records.map((x) => x.row)).toEqual([2, 3]);
    expect(r.records[0]!.surname.length).toBeLessThanOrEqual(80);
  });
});

describe('duplicates found whatever the spelling', () => {
  it.each([
    ['Latin look-alikes', 'Ивaнoв Иван Иванович', 'Иванов Иван Иванович', 'same-name'],
    ['Bashkir ғ, ә vs Russian', 'Ғәлиев Ринат Маратович', 'Галиев Ринат Маратович', 'same-name'],
    ['Bashkir һ, ҙ vs Russian', 'Һаҙиев Ринат Маратович', 'Хазиев Ринат Маратович', 'same-name'],
    ['a surname initial only', 'Хайруллин А.', 'Хайруллин Азат Маратович', 'initials'],
    ['a name against initials', 'Хайруллин Азат', 'Хайруллин А.М.', 'initials'],
    ['space vs hyphen in a double surname', 'Петрова Водкина Анна Ивановна', 'Петрова-Водкина Анна Ивановна', 'same-name'],
    ['en dash vs hyphen', 'Петрова\u2013Водкина Анна Ивановна', 'Петрова-Водкина Анна Ивановна', 'same-name'],
  ])('%s: «%s» ~ «%s»', (_label, a, b, reason) => {
    const pa = a.includes(' Водкина') ? { surname: 'Петрова Водкина', name: 'Анна', patronymic: 'Ивановна' } : person(a);
    const found = findDuplicates([{ row: 2, ...pa }, { row: 3, ...person(b) }]);
    expect(found.inFile).toEqual([{ rowA: 2, rowB: 3, reasons: [reason] }]);
    // and against a stored person
    expect(findDuplicates([{ row: 2, ...pa }], [{ id: 'x', ...person(b) }]).existing.map((m) => m.existingId)).toEqual(['x']);
  });

  it('does not pair initials that disagree', () => {
    expect(findDuplicates([{ row: 2, ...person('Хайруллин А.М.') }, { row: 3, ...person('Хайруллин Азат Ринатович') }]).inFile).toEqual([]);
    expect(findDuplicates([{ row: 2, ...person('Хайруллин Б.') }, { row: 3, ...person('Хайруллин Азат Маратович') }]).inFile).toEqual([]);
  });
});

describe('the default for a candidate pair, with its evidence', () => {
  const office = '+73472721145';

  it('«Козлов Э.Т.» (Уфа) and «Козлов Эрик Тагирович» (Бирск) sharing an office phone: asks', () => {
    const a = person('Козлов Э.Т.', office);
    const b = person('Козлов Эрик Тагирович', office);
    const [found] = findDuplicates([{ row: 2, ...a }, { row: 3, ...b }]).inFile;
    expect(found!.reasons).toEqual(['initials', 'same-phone']);
    const v = weigh(found!.reasons, { phone: office, municipality: 'ufa' }, { phone: office, municipality: 'birsk' });
    expect(v).toEqual({ evidence: ['initials', 'same-phone', 'other-municipality'], merge: false });
    // the same two in one municipality: the phone backs the initials up
    expect(weigh(found!.reasons, { phone: office, municipality: 'ufa' }, { phone: office, municipality: 'ufa' }).merge).toBe(true);
  });

  it('Хайруллин Азат Маратович, same ФИО and organization, another phone: merges (nothing contradicts)', () => {
    const v = weigh(['same-name'], { phone: '+79170000001', organization: 'МБОУ СОШ № 2', municipality: 'sibay' }, { phone: '+79170000002', organization: 'МБОУ «СОШ № 2»', municipality: 'sibay' });
    expect(v).toEqual({ evidence: ['same-name', 'same-organization', 'other-phone'], merge: true });
  });

  it.each([
    ['another municipality', { municipality: 'ufa' }, { municipality: 'birsk' }, 'other-municipality'],
    ['another birth year', { birthYear: 1980 }, { birthYear: 1981 }, 'other-birth-year'],
    ['another organization and another phone', { organization: 'Школа № 1', phone: '+79170000001' }, { organization: 'Больница', phone: '+79170000002' }, 'other-organization'],
  ] as const)('the same ФИО with %s: asks', (_label, a, b, contradiction) => {
    const v = weigh(['same-name'], a, b);
    expect(v.merge).toBe(false);
    expect(v.evidence).toContain(contradiction);
  });

  it('the same ФИО with nothing else known merges; one changed fact (an updated list) or a fact known on one side only does not contradict', () => {
    expect(weigh(['same-name'], {}, {}).merge).toBe(true);
    expect(weigh(['same-name'], { phone: '+79170000001' }, { phone: '+79170000002' })).toEqual({ evidence: ['same-name', 'other-phone'], merge: true });
    expect(weigh(['same-name'], { organization: 'Школа № 1' }, { organization: 'Больница' })).toEqual({ evidence: ['same-name', 'other-organization'], merge: true });
    expect(weigh(['same-name'], {}, { municipality: 'ufa' }).merge).toBe(true);
  });

  it('initials, a missing patronymic or swapped parts merge only when a phone or the organization backs them', () => {
    for (const r of ['initials', 'partial-name', 'swapped'] as const) {
      expect(weigh([r], {}, {}).merge).toBe(false);
      expect(weigh([r, 'same-phone'], { phone: office }, { phone: office }).merge).toBe(true);
      expect(weigh([r], { organization: 'Школа № 1' }, { organization: 'школа №1' }).merge).toBe(false);
      expect(weigh([r], { organization: 'Школа № 1' }, { organization: 'школа № 1' }).merge).toBe(true);
    }
  });

  it('a shared phone alone never merges', () => {
    expect(weigh(['same-phone'], { phone: office }, { phone: office })).toEqual({ evidence: ['same-phone'], merge: false });
  });
});
