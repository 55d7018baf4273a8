/**
 * The organizer's scores matrix (issue 21): applications (in the official order) × jurors, each cell a
 * juror's total or why there is none, the application's official score, and the per-criterion values
 * behind every cell; the same rows go to the xlsx export (text cells neutralized by buildXlsx).
 */
import { buildXlsx, type ExportSheet } from '../../../shared/export/xlsx';
import { cellKey, outlierCells, type Results, type ResultsInput } from '../../../shared/results';
import { formatFactor } from '../../../shared/text/format';
import { sayText, tr } from '../../i18n';
import { exclusionLabel } from './format';

const t = (key: string, options?: Record<string, unknown>) => tr('results')(key, options);

export type MatrixCell = { total: number | null; note: string | null; outlier: boolean; values: Record<string, number | null> | null; comment: string };
export type MatrixRow = { applicationId: string; title: string; place: number | null; score: number | null; divergent: boolean; cells: Map<string, MatrixCell> };
export type ScoresMatrix = { jurorIds: string[]; rows: MatrixRow[] };

export function scoresMatrix(results: Results, input: ResultsInput): ScoresMatrix {
  const titles = new Map(input.applications.map((a) => [a.id, a.title]));
  const jurorIds = [...new Set(input.sheets.map((s) => s.jurorId))];
  const totals = new Map(results.totals.map((t) => [cellKey(t.jurorId, t.applicationId), t.total]));
  const excluded = new Map(results.excluded.map((e) => [cellKey(e.jurorId, e.applicationId), exclusionLabel(e.reason)]));
  const sheets = new Map(input.sheets.map((s) => [cellKey(s.jurorId, s.applicationId), s]));
  const outliers = outlierCells(results);
  const divergent = new Set(results.reliability.divergence.filter((d) => d.flags.length > 0).map((d) => d.applicationId));
  const rows = results.ranking.entries.map((e): MatrixRow => {
    const cells = new Map<string, MatrixCell>();
    for (const j of jurorIds) {
      const key = cellKey(j, e.applicationId);
      const sheet = sheets.get(key);
      if (!sheet) continue;
      cells.set(j, { total: totals.get(key) ?? null, note: excluded.get(key) ?? null, outlier: outliers.has(key), values: sheet.values, comment: sheet.comment ?? '' });
    }
    return { applicationId: e.applicationId, title: titles.get(e.applicationId) ?? '—', place: e.place, score: e.score, divergent: divergent.has(e.applicationId), cells };
  });
  return { jurorIds, rows };
}

/** Two sheets: the matrix of totals, and every juror's values per criterion with the comment. */
export function scoresMatrixXlsx(m: ScoresMatrix, input: ResultsInput, jurorName: (id: string) => string): Uint8Array<ArrayBuffer> {
  const totals: ExportSheet = {
    name: t('matrixXlsx.totalsSheet'),
    rows: [
      [t('xlsx.place'), t('xlsx.application'), t('xlsx.score'), ...m.jurorIds.map(jurorName), t('matrixXlsx.divergence')],
      ...m.rows.map((r) => [
        r.place ?? '',
        r.title,
        r.score ?? '',
        ...m.jurorIds.map((j) => {
          const c = r.cells.get(j);
          return c === undefined ? '' : c.note !== null ? t('matrixXlsx.notCounted', { note: c.note }) : (c.total ?? '');
        }),
        r.divergent ? t('matrixXlsx.divergent') : '',
      ]),
    ],
    columnWidths: [8, 44, 14, ...m.jurorIds.map(() => 18), 26],
  };
  const detail: ExportSheet = {
    name: t('matrixXlsx.detailSheet'),
    rows: [
      [t('xlsx.application'), t('matrixXlsx.juror'), ...input.criteria.map((c) => `${c.title} (${formatFactor(c.weight)})`), t('matrixXlsx.sum'), t('matrixXlsx.comment')],
      ...m.rows.flatMap((r) =>
        m.jurorIds.flatMap((j) => {
          const c = r.cells.get(j);
          return c === undefined ? [] : [[r.title, jurorName(j), ...input.criteria.map((k) => c.values?.[k.id] ?? ''), c.total ?? '', c.comment]];
        }),
      ),
    ],
    columnWidths: [44, 28, ...input.criteria.map(() => 12), 10, 60],
  };
  return buildXlsx([totals, detail], sayText);
}
