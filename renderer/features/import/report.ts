/**
 * The import report: what happened to every row of the file, in the file's own row numbers, for the
 * screen and as an xlsx the organizer can send back to the district office.
 */
import { buildXlsx } from '../../../shared/export/xlsx';
import type { ImportRecord, RowIssue } from '../../../shared/import/types';
import type { BuiltImport } from './build';
import { fullName } from '../../../shared/people/name';
import type { PlanResult } from './plan';
import { formatDate } from '../../../shared/text/format';
import { sayText, tr } from '../../i18n';

/** What happened to a row; its word is `report.results.<result>` in the import namespace. */
export type ReportResult = 'added' | 'merged' | 'unchanged' | 'skipped' | 'rejected';
/** `into`: the row of the file this one was folded into (merged within the file, not with a stored person). */
export type ReportLine = { row: number; name: string; result: ReportResult; details: string; into?: number };

export type ImportReport = {
  fileName: string;
  sheetName: string;
  at: string;
  counts: { added: number; merged: number; unchanged: number; skipped: number; rejected: number; cancelled: number };
  lines: ReportLine[];
  cancelled: Array<{ name: string }>;
  warnings: RowIssue[];
  /** How long the commit took (shown, and kept in the file for the benchmark record). */
  millis?: number;
};

/** Joins what the plan decided with what the commit (or the preview's dry run) built. */
export function buildReport(args: {
  fileName: string;
  sheetName: string;
  now: Date;
  records: readonly ImportRecord[];
  plan: PlanResult;
  built: BuiltImport;
  warnings: readonly RowIssue[];
}): ImportReport {
  const { plan, built } = args;
  const t = tr('import');
  const outcome = new Map(built.outcomes.map((o) => [o.row, o]));
  const lines: ReportLine[] = [];
  const counts = { added: 0, merged: 0, unchanged: 0, skipped: 0, rejected: 0, cancelled: built.cancelled.length };
  for (const rec of args.records) {
    const fate = plan.fates.get(rec.row);
    // a refused row is named by its own cells when no name could be read from it
    const name = fate?.kind === 'rejected' ? fullName(rec).trim() || rec.cells || '—' : fullName(rec) || '—';
    if (!fate) continue;
    if (fate.kind === 'rejected') {
      counts.rejected++;
      const cells = rec.cells && rec.cells !== name ? t('fate.inRow', { cells: rec.cells }) : '';
      lines.push({ row: rec.row, name, result: 'rejected', details: fate.reasons.join('; ') + cells });
    } else if (fate.kind === 'skipped') {
      counts.skipped++;
      lines.push({ row: rec.row, name, result: 'skipped', details: fate.reason });
    } else if (fate.kind === 'folded') {
      counts.merged++;
      lines.push({ row: rec.row, name, result: 'merged', details: t('fate.foldedInto', { row: fate.into }), into: fate.into });
    } else {
      const o = outcome.get(rec.row);
      if (!o) continue;
      if (o.kind === 'added') counts.added++;
      else if (o.kind === 'changed') counts.merged++;
      else counts.unchanged++;
      const result = o.kind === 'added' ? 'added' : o.kind === 'changed' ? 'merged' : 'unchanged';
      const details = o.changes.map((c) => `${c.field}: ${c.before || '—'} → ${c.after || '—'}`).join('; ');
      lines.push({ row: rec.row, name: o.name, result, details });
    }
  }
  return {
    fileName: args.fileName,
    sheetName: args.sheetName,
    at: args.now.toISOString(),
    counts,
    lines: lines.sort((a, b) => a.row - b.row),
    cancelled: built.cancelled.map((c) => ({ name: c.name })),
    warnings: [...args.warnings],
  };
}

/** The report as a compressed xlsx, in the interface language; every text cell is neutralized against formula injection. */
export function reportToXlsx(report: ImportReport): Uint8Array<ArrayBuffer> {
  const t = tr('import');
  const c = report.counts;
  return buildXlsx([
    {
      name: t('xlsx.summary'),
      columnWidths: [34, 14],
      rows: [
        [t('xlsx.title')],
        [t('xlsx.file'), report.fileName],
        [t('xlsx.sheet'), report.sheetName],
        [t('xlsx.time'), formatDate(report.at, 'dateTimeSeconds')],
        [],
        [t('xlsx.added'), c.added],
        [t('xlsx.merged'), c.merged],
        [t('xlsx.unchanged'), c.unchanged],
        [t('xlsx.skipped'), c.skipped],
        [t('xlsx.rejected'), c.rejected],
        [t('xlsx.cancelled'), c.cancelled],
        ...(report.millis !== undefined ? [[t('xlsx.seconds'), Math.round(report.millis / 100) / 10]] : []),
      ],
    },
    {
      name: t('xlsx.lines'),
      columnWidths: [8, 38, 16, 90],
      rows: [[t('xlsx.row'), t('xlsx.name'), t('xlsx.result'), t('xlsx.details')], ...report.lines.map((l) => [l.row, l.name, t(`report.results.${l.result}`), l.details])],
    },
    {
      name: t('xlsx.warnings'),
      columnWidths: [8, 110],
      rows: [[t('xlsx.row'), t('xlsx.warning')], ...report.warnings.map((w) => [w.row, sayText(w.said)])],
    },
    ...(report.cancelled.length ? [{ name: t('xlsx.cancelledSheet'), columnWidths: [40], rows: [[t('xlsx.name')], ...report.cancelled.map((x) => [x.name])] }] : []),
  ], sayText);
}
