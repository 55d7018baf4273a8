/**
 * The import report in words: result codes on the lines (not words), the folded row pointing at its row,
 * and the xlsx report written in the interface language, Russian or English.
 */
import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { DbContext } from '../../../../../renderer/db/context';
import { createEvent } from '../../../../../renderer/db/repo/events';
import { buildReport, reportToXlsx } from '../../../../../renderer/features/import/report';
import { previewRows } from '../../../../../renderer/features/import/session';
import { sheetToXlsx } from '../../../../../shared/generator';
import { freshDb } from '../../db/helpers';
import { runImport } from './pipeline';

let ctx: DbContext | undefined;
afterEach(() => ctx?.db.close());

const list = sheetToXlsx({
  sheetName: 'Бирск',
  rows: [
    ['ФИО', 'Муниципалитет', 'Телефон'],
    ['Галиуллина Айгуль Ринатовна', 'Бирский район', '8 917 345-12-34'],
    ['Галиуллина Айгуль Ринатовна', 'Бирский район', '8 917 345-12-34'],
    ['Петров', 'Бирский район', ''],
  ],
  merges: [],
});

async function report() {
  ctx = await freshDb();
  const event = await createEvent(ctx, { title: 'Форум', startDate: '2019-12-18', endDate: '2019-12-18', city: 'Уфа' });
  const run = await runImport(ctx, event.id, list, 'бирск.xlsx');
  const args = { fileName: 'бирск.xlsx', sheetName: run.analysis.sheetName, now: new Date('2019-12-10T10:00:00Z'), records: run.analysis.records, plan: run.plan, built: run.built, warnings: run.analysis.warnings };
  return { run, args };
}

const sheets = (bytes: Uint8Array) => {
  const wb = XLSX.read(bytes, { type: 'array' });
  return Object.fromEntries(wb.SheetNames.map((n) => [n, XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[n]!, { header: 1, defval: '' })]));
};

describe('import report', () => {
  it('lines carry result codes; a row folded into another says which, and the preview shows it as merged', async () => {
    const { run, args } = await report();
    const r = buildReport(args);
    expect(r.lines.map((l) => [l.row, l.result, l.into])).toEqual([
      [2, 'added', undefined],
      [3, 'merged', 2],
      [4, 'rejected', undefined],
    ]);
    expect(r.lines[1]!.details).toBe('объединена со строкой 2');
    expect(previewRows(r, run.prepared, []).map((p) => p.status)).toEqual(['new', 'merged', 'error']);
  });

  it('the xlsx report is written in the interface language', async () => {
    const { args } = await report();
    const ru = sheets(reportToXlsx(buildReport(args)));
    expect(Object.keys(ru)).toEqual(['Итог', 'Строки', 'Предупреждения']);
    expect(ru['Строки']![0]).toEqual(['Строка', 'ФИО', 'Результат', 'Подробности']);
    expect(ru['Строки']!.slice(1).map((l) => l[2])).toEqual(['добавлен', 'объединён', 'отклонён']);
    await i18next.changeLanguage('en');
    try {
      const en = sheets(reportToXlsx(buildReport(args)));
      expect(Object.keys(en)).toEqual(['Summary', 'Rows', 'Warnings']);
      expect(en['Rows']![0]).toEqual(['Row', 'Full name', 'Result', 'Details']);
      expect(en['Rows']!.slice(1).map((l) => [l[2], String(l[3]).startsWith('merged with row 2')])).toEqual([
        ['added', false],
        ['merged', true],
        ['rejected', false],
      ]);
    } finally {
      await i18next.changeLanguage('ru');
    }
  });

  it('a refused row’s reason reads in the interface language, in the report and (without its place) in the preview', async () => {
    const ru = await report();
    const rejected = (r: ReturnType<typeof buildReport>) => r.lines.find((l) => l.result === 'rejected')!.details;
    expect(rejected(buildReport(ru.args))).toBe('Лист «Бирск», строка 4: в ФИО «Петров» нет имени; в строке: Петров | Бирский район');
    ctx?.db.close();
    await i18next.changeLanguage('en');
    try {
      const { run, args } = await report();
      const r = buildReport(args);
      expect(rejected(r)).toBe('Sheet «Бирск», row 4: the full name «Петров» has no first name; the row reads: Петров | Бирский район');
      expect(previewRows(r, run.prepared, []).find((p) => p.status === 'error')!.errors).toEqual(['the full name «Петров» has no first name']);
    } finally {
      await i18next.changeLanguage('ru');
    }
  });
});
