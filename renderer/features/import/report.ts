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

export type ReportLine = { row: number; name: string; result: 'добавлен' | 'объединён' | 'без изменений' | 'пропущен' | 'отклонён'; details: string };

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
      const cells = rec.cells && rec.cells !== name ? `; в строке: ${rec.cells}` : '';
      lines.push({ row: rec.row, name, result: 'отклонён', details: fate.reasons.join('; ') + cells });
    } else if (fate.kind === 'skipped') {
      counts.skipped++;
      lines.push({ row: rec.row, name, result: 'пропущен', details: fate.reason });
    } else if (fate.kind === 'folded') {
      counts.merged++;
      lines.push({ row: rec.row, name, result: 'объединён', details: `объединена со строкой ${fate.into}` });
    } else {
      const o = outcome.get(rec.row);
      if (!o) continue;
      if (o.kind === 'added') counts.added++;
      else if (o.kind === 'changed') counts.merged++;
      else counts.unchanged++;
      const result = o.kind === 'added' ? 'добавлен' : o.kind === 'changed' ? 'объединён' : 'без изменений';
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

/** The report as a compressed xlsx; every text cell is neutralized against formula injection. */
export function reportToXlsx(report: ImportReport): Uint8Array<ArrayBuffer> {
  const c = report.counts;
  return buildXlsx([
    {
      name: 'Итог',
      columnWidths: [34, 14],
      rows: [
        ['Отчёт об импорте'],
        ['Файл', report.fileName],
        ['Лист', report.sheetName],
        ['Время', formatDate(report.at, 'dateTimeSeconds')],
        [],
        ['Добавлено', c.added],
        ['Объединено с уже известными', c.merged],
        ['Без изменений', c.unchanged],
        ['Пропущено (дубликаты)', c.skipped],
        ['Отклонено (ошибки)', c.rejected],
        ['Регистраций отменено', c.cancelled],
        ...(report.millis !== undefined ? [['Запись в базу, с', Math.round(report.millis / 100) / 10]] : []),
      ],
    },
    {
      name: 'Строки',
      columnWidths: [8, 38, 16, 90],
      rows: [['Строка', 'ФИО', 'Результат', 'Подробности'], ...report.lines.map((l) => [l.row, l.name, l.result, l.details])],
    },
    {
      name: 'Предупреждения',
      columnWidths: [8, 110],
      rows: [['Строка', 'Предупреждение'], ...report.warnings.map((w) => [w.row, w.message])],
    },
    ...(report.cancelled.length ? [{ name: 'Отменены', columnWidths: [40], rows: [['ФИО'], ...report.cancelled.map((x) => [x.name])] }] : []),
  ]);
}
