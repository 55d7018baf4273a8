import { describe, expect, it } from 'vitest';
import type { DelegateList } from '../../../../shared/generator';
import { duplicateKinds, generateDelegateList } from '../../../../shared/generator';
import type { CheckListReport } from '../../../../shared/import';
import { analyzeList, checkList, fold } from '../../../../shared/import';
import { listVariants, loadMunicipalities, messyList } from '../../../fixtures/import-fixtures';

const municipalities = loadMunicipalities();

describe('generateDelegateList', () => {
  it('is deterministic in the seed', () => {
    expect(messyList(3, 40)).toEqual(messyList(3, 40));
    expect(messyList(3, 40).rows).not.toEqual(messyList(4, 40).rows);
  });

  it('has what real lists have when messy', () => {
    const list = messyList(7, 200);
    const text = list.rows.map((r) => r.join('|')).join('\n');
    expect(list.rows[0]![0]).toMatch(/^Список делегатов/);
    expect(list.truth.headerRows).toBe(2);
    expect(list.merges.length).toBeGreaterThan(3);
    expect(list.truth.emptyRows.length).toBeGreaterThan(1);
    expect(list.rows[list.truth.totalsRow! - 1]!.join('')).toMatch(/^Итого: \d+ человек$/);
    expect(new Set(list.truth.duplicates.map((d) => d.kind))).toEqual(new Set(duplicateKinds));
    expect(list.truth.errorRows).toHaveLength(1);
    expect(list.truth.people.some((p) => p.initials)).toBe(true);
    expect(text).toMatch(/р-н|г\.[А-Я]/);
    expect(list.rows.some((r) => r.some((c) => c.endsWith(' ')))).toBe(true);
    expect(list.rows[4]![0]).toBe('№ п/п');
  });

  it('puts columns in another order than the clean list', () => {
    const clean = generateDelegateList({ seed: 7, count: 10, municipalities, messy: false });
    expect(clean.rows[0]).toEqual(['№', 'Фамилия', 'Имя', 'Отчество', 'Муниципалитет', 'Организация', 'Должность', 'Телефон', 'E-mail', 'Категория', 'Секция']);
    expect(clean.truth.columns).not.toEqual(messyList(7, 10).truth.columns);
    expect(clean.truth.people).toHaveLength(10);
    expect(clean.truth.duplicates).toEqual([]);
  });

  it('titles a one-district list after the district', () => {
    const birsk = municipalities.filter((m) => m.name === 'Бирский район');
    const list = generateDelegateList({ seed: 1, count: 5, municipalities: birsk, messy: true });
    expect(list.rows[0]).toEqual(['Список делегатов от Бирского района']);
  });
});

/** What check-list must say about a generated list, whatever the file format. */
function expectUnderstood(list: DelegateList, report: CheckListReport, sheetLabel: boolean): void {
  const t = list.truth;
  expect(report.headerRow).toBe(t.headerRow);
  expect(report.rows).toBe(t.people.length + t.errorRows.length);
  expect(report.valid).toBe(t.people.length);
  expect(report.errors.map((e) => e.row)).toEqual(t.errorRows);
  const prefix = sheetLabel ? `Лист «${list.sheetName}», строка ` : 'Строка ';
  expect(report.errors.map((e) => e.message)).toEqual(t.errorRows.map((r) => `${prefix}${r}: нет фамилии`));

  const fields = Object.keys(t.columns).sort();
  expect(Object.keys(report.mapping).sort()).toEqual(fields);

  const byRow = new Map((report.records ?? []).map((r) => [r.row, r]));
  for (const p of t.people) {
    const r = byRow.get(p.row);
    expect(r, `row ${p.row}`).toBeDefined();
    expect([r!.surname, r!.name, r!.patronymic, r!.initials, r!.phone, r!.email, r!.municipality, r!.organization, r!.position]).toEqual([
      p.surname, p.name, p.patronymic, p.initials, p.phone, p.email, p.municipality, p.organization, p.position,
    ]);
  }

  // every planted duplicate is found; anything else found is a namesake or an initials collision
  const found = new Set(report.duplicatesInFile.map(([a, b]) => `${a},${b}`));
  for (const d of t.duplicates) expect(found.has(`${d.of},${d.row}`), `${d.kind} ${d.of},${d.row}`).toBe(true);
  const people = new Map(t.people.map((p) => [p.row, p]));
  const planted = new Set(t.duplicates.map((d) => `${d.of},${d.row}`));
  const sameKey = new Set(t.duplicates.map((d) => people.get(d.row)!.key));
  for (const [a, b] of report.duplicatesInFile) {
    if (planted.has(`${a},${b}`)) continue;
    const pa = people.get(a)!;
    const pb = people.get(b)!;
    const related = pa.key === pb.key && sameKey.has(pa.key);
    const sameSurname = fold(pa.surname) === fold(pb.surname) || fold(pa.surname) === fold(pb.name) || fold(pa.name) === fold(pb.surname);
    expect(related || sameSurname, `unexpected pair ${a},${b}`).toBe(true);
  }
}

describe.each(['single', 'split'] as const)('a messy list with %s name column(s) is understood', (nameColumns) => {
  const list = messyList(nameColumns === 'single' ? 101 : 102, 300, nameColumns);
  it.each(listVariants(list).map((v) => [v.label, v] as const))('%s', (_label, v) => {
    const report = checkList(v.bytes, { fileName: v.fileName, municipalities, records: true });
    expect('error' in report ? report.error : undefined).toBeUndefined();
    expectUnderstood(list, report as CheckListReport, v.sheetLabel);
  });
});

describe('re-reading', () => {
  it('gives the same records from every format', () => {
    const list = messyList(103, 120);
    const [first, ...rest] = listVariants(list).map((v) => analyzeList(v.bytes, { fileName: v.fileName, municipalities }).records);
    for (const r of rest) expect(r).toEqual(first);
  });
});
