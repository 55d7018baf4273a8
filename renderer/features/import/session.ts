/**
 * Glue between the steps of an import, pure: the first mapping for a sheet, the people to compare
 * against, and the one call that turns decisions into a preview (a dry run of the commit's builder).
 */
import type { PersonLike } from '../../../shared/import/dedupe';
import { autoMap } from '../../../shared/import/mapping';
import { suggestMunicipality, type MunicipalitySuggestion } from '../../../shared/import/municipality';
import type { ImportField, Mapping, RowIssue } from '../../../shared/import/types';
import { sectionPrefsParser } from '../../../shared/sections/prefs';
import type { ImportBase } from '../../db/repo/import';
import type { BuiltImport } from './build';
import { buildImport, touchedRegistrations } from './build';
import { categoryLabel, parseCategory } from './categories';
import type { Category } from '../../../shared/domain/types';
import type { Decision, PlanResult, Prepared } from './plan';
import type { ImportReport, ReportResult } from './report';
import { sayText } from '../../i18n';
import { issueOnly, rowIssue } from '../../../shared/import/errors';
import { said } from '../../../shared/text/said';
import { buildPlan } from './plan';
import { KEY_HEADER } from '../../../shared/import/header';
import type { AnalyzeRequest, ReadReply, SheetSummary } from './worker-protocol';

/** The people registered at the event, keyed by registration id, as dedupe compares them. */
export function existingPeople(base: ImportBase): Array<PersonLike & { id: string }> {
  return base.registrations.flatMap((r) => {
    const p = base.people.get(r.personId);
    return p ? [{ id: r.id, surname: p.surname, name: p.name, patronymic: p.patronymic, phone: p.phone ?? '' }] : [];
  });
}

/** The header of `sheet` at a row the user picked (one row) or as located (possibly two merged rows). */
export function headerAt(sheet: SheetSummary, row?: number): Pick<AnalyzeRequest, 'headerRow' | 'headerRows' | 'headers'> {
  if (row === undefined || row === sheet.headerRow) return { headerRow: sheet.headerRow, headerRows: sheet.headerRows, headers: sheet.headers };
  return { headerRow: row, headerRows: 1, headers: (sheet.head[row] ?? []).map((c) => c.trim()) };
}

export function keyColumnOf(headers: readonly string[]): number | undefined {
  const i = headers.findIndex((h) => h.trim() === KEY_HEADER);
  return i >= 0 ? i : undefined;
}

/** The first analysis request for a sheet: its located header and the automatic mapping. */
export function initialRequest(reply: ReadReply, sheetIndex: number, base: ImportBase, headerRow?: number): AnalyzeRequest {
  const sheet = reply.sheets[sheetIndex]!;
  const header = headerAt(sheet, headerRow);
  const mapping: Mapping = autoMap(header.headers);
  const req: AnalyzeRequest = {
    sheet: sheetIndex,
    ...header,
    mapping,
    fixed: {},
    municipalities: base.municipalities.map((m) => ({ id: m.id, name: m.name })),
    existing: existingPeople(base),
  };
  const key = keyColumnOf(header.headers);
  if (key !== undefined) req.keyColumn = key;
  return req;
}

/**
 * A list without a municipality column: the municipality for the whole file, suggested from the title
 * rows above the header, the file name or the organizations in the first rows (null: nothing names one).
 */
export function fileMunicipality(reply: ReadReply, req: AnalyzeRequest, fileName: string, base: ImportBase): MunicipalitySuggestion | null {
  if (req.mapping.municipality !== undefined) return null;
  const sheet = reply.sheets[req.sheet];
  if (!sheet) return null;
  const first = req.headerRow - req.headerRows + 1;
  const titles = sheet.head.slice(0, Math.max(0, first)).map((row) => row.filter(Boolean).join(' '));
  const org = req.mapping.organization;
  const organizations = org === undefined ? [] : sheet.head.slice(req.headerRow + 1).map((row) => row[org] ?? '');
  return suggestMunicipality({ titles, fileName, organizations }, base.municipalities.map((m) => ({ id: m.id, name: m.name })));
}

/** Fields a fixed value makes sense for (a name is never the same for a whole sheet). */
export const fixableFields: readonly ImportField[] = ['municipality', 'organization', 'position', 'category', 'section'];

/** Warnings the database adds to the worker's: a category or a section the event does not know. */
export function contextWarnings(prepared: Prepared, base: ImportBase, sheetLabel: string): RowIssue[] {
  const prefsOf = sectionPrefsParser(base.sections);
  const out: RowIssue[] = [];
  const sheet = sheetLabel || undefined;
  for (const r of prepared.valid) {
    if (r.category && !parseCategory(r.category)) out.push(rowIssue(r.row, 'category', sheet, said('importRows:unknownCategory', { text: r.category.slice(0, 60) })));
    if (r.section) {
      const { unknown } = prefsOf(r.section);
      if (unknown.length) out.push(rowIssue(r.row, 'section', sheet, said('importRows:unknownSection', { text: unknown.join('», «').slice(0, 80) })));
    }
    if (prepared.unknownKeys.has(r.row)) out.push(rowIssue(r.row, 'row', sheet, said('importRows:unknownKey')));
  }
  return out;
}

/**
 * The category texts of valid rows that name no category ('' for rows without one, when the file has a
 * category column or none at all), most frequent first, for the user to answer: nothing silently
 * becomes «другое».
 */
export function unknownCategories(prepared: Prepared): Array<{ text: string; rows: number }> {
  const counts = new Map<string, number>();
  for (const r of prepared.valid) {
    if (parseCategory(r.category)) continue;
    const text = r.category.trim();
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return [...counts].map(([text, rows]) => ({ text, rows })).sort((a, b) => b.rows - a.rows || a.text.localeCompare(b.text, 'ru'));
}

/** `prepared` with the user's answers written into the records' categories (the builder reads them as labels). */
export function withCategories(prepared: Prepared, choices: ReadonlyMap<string, Category>): Prepared {
  if (choices.size === 0) return prepared;
  const valid = prepared.valid.map((r) => {
    const c = parseCategory(r.category) ? undefined : choices.get(r.category.trim());
    return c ? { ...r, category: categoryLabel(c) } : r;
  });
  return { ...prepared, valid };
}

export type Preview = { plan: PlanResult; built: BuiltImport; touched: string[] };

/** A dry run of the commit: the same builder over the snapshot the wizard loaded. */
export function preview(eventId: string, prepared: Prepared, decisions: ReadonlyMap<number, Decision>, cancel: readonly string[], base: ImportBase, now: Date): Preview {
  const plan = buildPlan(eventId, prepared, decisions, cancel);
  let n = 0;
  const built = buildImport(plan.plan, base, { now, newId: () => `preview-${++n}` });
  return { plan, built, touched: touchedRegistrations(plan.plan) };
}

export type PreviewStatus = 'error' | 'new' | 'changed' | 'unchanged' | 'skipped' | 'merged';
export type PreviewRow = {
  row: number;
  name: string;
  status: PreviewStatus;
  errors: string[];
  warnings: string[];
  /** "Phone: +7… → +7…", or where the row goes ("merged with row 12"), in the interface language. */
  details: string;
  duplicate: boolean;
};

const STATUS_OF: Record<ReportResult, PreviewStatus> = { added: 'new', merged: 'changed', unchanged: 'unchanged', skipped: 'skipped', rejected: 'error' };

/** One line per considered row of the sheet, for the preview list, in the interface language. Messages lose their «Лист…, строка N:» (the row number is shown). */
export function previewRows(report: ImportReport, prepared: Prepared, warnings: readonly RowIssue[]): PreviewRow[] {
  const bare = (issue: RowIssue) => sayText(issueOnly(issue));
  const warned = new Map<number, string[]>();
  for (const w of warnings) warned.set(w.row, [...(warned.get(w.row) ?? []), bare(w)]);
  return report.lines.map((l) => {
    const folded = l.into !== undefined;
    return {
      row: l.row,
      name: l.name,
      status: folded ? 'merged' : STATUS_OF[l.result],
      errors: (prepared.rejected.get(l.row) ?? []).map(bare),
      warnings: warned.get(l.row) ?? [],
      details: l.result === 'rejected' ? '' : l.details,
      duplicate: prepared.candidates.has(l.row),
    };
  });
}
