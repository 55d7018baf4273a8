/**
 * The organizer's scores matrix and its workbook: applications in the official order × jurors, a total
 * far from the others marked, a draft named as such, the values per criterion behind each cell, and
 * text typed by strangers (titles, comments) neutralized against formula injection.
 */
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { computeResults, type ResultsInput } from '../../../../../shared/results';
import { scoresMatrix, scoresMatrixXlsx } from '../../../../../renderer/features/results/scores-matrix';
import { apps, sheetsFromTable, singleCriterion } from '../../../shared/results/fixtures';
import { initI18n } from '../../../../../renderer/i18n';

initI18n('ru');

const input: ResultsInput = {
  criteria: singleCriterion(100),
  applications: apps(['a', 'b', 'c']).map((a) => (a.id === 'c' ? { ...a, title: '=HYPERLINK("http://x","нажми")' } : a)),
  sheets: [
    ...sheetsFromTable({ j1: { a: 90, b: 60, c: 30 }, j2: { a: 85, b: 62, c: 35 }, j3: { a: 20, b: 58, c: 32 } }),
    { jurorId: 'j4', applicationId: 'b', values: { c: 50 }, status: 'draft', comment: '+cmd|calc' },
  ],
  method: 'mean',
  tieBreaks: [],
};
const results = computeResults(input);

describe('scores matrix', () => {
  const m = scoresMatrix(results, input);
  it('lists applications in the official order and every juror who sent a sheet', () => {
    expect(m.rows.map((r) => r.applicationId)).toEqual(results.ranking.entries.map((e) => e.applicationId));
    expect(m.jurorIds).toEqual(['j1', 'j2', 'j3', 'j4']);
  });
  it('marks the total far from the others and names a draft instead of a number', () => {
    const a = m.rows.find((r) => r.applicationId === 'a')!;
    expect(a.cells.get('j3')).toMatchObject({ total: 20, outlier: true });
    expect(a.cells.get('j1')!.outlier).toBe(false);
    expect(m.rows.find((r) => r.applicationId === 'b')!.cells.get('j4')).toMatchObject({ total: null, note: 'черновик' });
  });
  it('exports totals and values per criterion with every text cell neutralized', () => {
    const wb = XLSX.read(scoresMatrixXlsx(m, input, (id) => `Эксперт ${id}`), { type: 'array' });
    expect(wb.SheetNames).toEqual(['Оценки экспертов', 'По критериям']);
    const cells = Object.values(wb.Sheets['Оценки экспертов']!).filter((c): c is XLSX.CellObject => typeof c === 'object' && c !== null && 't' in c);
    expect(cells.some((c) => c.f !== undefined)).toBe(false);
    const rows = XLSX.utils.sheet_to_json<(string | number)[]>(wb.Sheets['Оценки экспертов']!, { header: 1 });
    expect(rows.some((r) => r[1] === `'=HYPERLINK("http://x","нажми")`)).toBe(true);
    const detail = XLSX.utils.sheet_to_json<(string | number)[]>(wb.Sheets['По критериям']!, { header: 1 });
    expect(detail.some((r) => r.includes(`'+cmd|calc`))).toBe(true);
    expect(detail).toHaveLength(1 + 10);
  });
});
