/**
 * Where the table starts. Hand-made lists open with title rows ("Список делегатов от Бирского района",
 * a date, blank rows) and often split the header over two rows with merged cells: "ФИО" merged over
 * "Фамилия | Имя | Отчество", "Контакты" over "Телефон | E-mail", "Должность" merged down both rows.
 * We score each of the first rows (and each pair of adjacent rows, combined) by how many known fields
 * it names, and take the best.
 */
import type { HeaderInfo, ImportLimits, Merge, ReadResult, Sheet } from './types';
import { DEFAULT_IMPORT_LIMITS } from './types';
import { ImportError, columnLetter } from './errors';
import { said } from '../text/said';
import { matchHeader, noNameColumn, scoreHeaders } from './mapping';
import { fold } from './normalize';

/** The hidden key column of the district template; also how the import wizard recognizes a template. */
export const KEY_HEADER = 'Ключ записи (не изменять)';

const MAX_SCAN_ROWS = 30;

// Text that would be dangerous as an object key in code that builds objects from headers. Ours never
// does, but the file is refused anyway: a list with such a header was made to attack someone.
const FORBIDDEN_HEADERS = new Set(['__proto__', 'constructor', 'prototype']);

type Candidate = HeaderInfo & { hasName: boolean };

function mergeAt(merges: readonly Merge[], r: number, c: number): Merge | undefined {
  return merges.find((m) => m.s.r <= r && r <= m.e.r && m.s.c <= c && c <= m.e.c);
}

/**
 * Header text per column of rows r and r+1 read as one header. A cell merged across several columns in
 * the upper row is a group title ("Контакты"): the lower row names the column. A cell merged down both
 * rows names the column alone. Otherwise the lower text wins if it names a field by itself ("Фамилия"
 * under an unmerged "ФИО" in a CSV), else both are joined ("ФИО" over "(полностью)").
 */
function combineRows(sheet: Sheet, merges: readonly Merge[], r: number): string[] {
  const upperRow = sheet.rows[r] ?? [];
  const lowerRow = sheet.rows[r + 1] ?? [];
  let width = Math.max(upperRow.length, lowerRow.length);
  for (const m of merges) if (m.s.r <= r + 1 && m.e.r >= r) width = Math.max(width, m.e.c + 1);
  const out: string[] = [];
  for (let c = 0; c < width; c++) {
    const um = mergeAt(merges, r, c);
    const upper = (um ? (sheet.rows[um.s.r]?.[um.s.c] ?? '') : (upperRow[c] ?? '')).trim();
    const lm = mergeAt(merges, r + 1, c);
    const lower = (lm && lm.s.r <= r ? '' : lm ? (sheet.rows[lm.s.r]?.[lm.s.c] ?? '') : (lowerRow[c] ?? '')).trim();
    const group = um !== undefined && um.e.c > um.s.c && um.e.r === r;
    if (!upper || !lower) out.push(lower || upper);
    else if (group || matchHeader(lower)) out.push(lower);
    else if (matchHeader(upper) && !matchHeader(`${upper} ${lower}`)) out.push(upper);
    else out.push(`${upper} ${lower}`);
  }
  return out;
}

const better = (a: Candidate, b: Candidate | undefined) =>
  !b || (a.hasName && !b.hasName) || (a.hasName === b.hasName && a.score > b.score);

/** The most header-like row (or pair of rows) among the first 30. Never throws; score 0 means none. */
export function locateHeader(sheet: Sheet): HeaderInfo & { hasName: boolean } {
  const scan = Math.min(sheet.rows.length, MAX_SCAN_ROWS);
  const merges = sheet.merges.filter((m) => m.s.r <= scan + 1);
  const singles: Candidate[] = [];
  let best: Candidate | undefined;
  for (let r = 0; r < scan; r++) {
    const headers = (sheet.rows[r] ?? []).map((h) => h.trim());
    const s = scoreHeaders(headers);
    const cand: Candidate = { headerRow: r, headerRows: 1, headers, score: s.score, hasName: s.hasName };
    singles.push(cand);
    if (better(cand, best)) best = cand;
  }
  for (let r = 0; r + 1 < scan; r++) {
    const upper = singles[r]!;
    const lower = singles[r + 1]!;
    // combine only what looks like a two-row header, so a header and its first data row never merge
    const merged = merges.some((m) => m.s.r === r && (m.e.c > m.s.c || m.e.r > r));
    if (upper.score < 1 || !(merged || lower.score >= 2)) continue;
    const headers = combineRows(sheet, merges, r);
    const s = scoreHeaders(headers);
    if (s.score <= Math.max(upper.score, lower.score)) continue;
    const cand: Candidate = { headerRow: r + 1, headerRows: 2, headers, score: s.score, hasName: s.hasName };
    if (better(cand, best)) best = cand;
  }
  return best ?? { headerRow: 0, headerRows: 1, headers: [], score: 0, hasName: false };
}

/** Refuses a header row with a forbidden or absurdly long cell, naming the column. */
export function validateHeader(sheet: Sheet, info: HeaderInfo, maxHeaderLength = DEFAULT_IMPORT_LIMITS.maxHeaderLength, sheetLabel = true): void {
  const first = info.headerRow - info.headerRows + 1;
  for (let r = first; r <= info.headerRow; r++) {
    const row = sheet.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const text = row[c] ?? '';
      const where = { sheet: sheet.name, row: r + 1, column: columnLetter(c) };
      const place =
        sheetLabel && sheet.name ? said('fileImport:sheetColumn', { sheet: sheet.name, column: where.column, row: where.row }) : said('fileImport:column', { column: where.column, row: where.row });
      if (text.length > maxHeaderLength) {
        throw new ImportError('bad-header', said('fileImport:headerTooLong', { place, count: text.length, max: maxHeaderLength }), where);
      }
      if (FORBIDDEN_HEADERS.has(fold(text))) {
        throw new ImportError('bad-header', said('fileImport:forbiddenHeader', { place, text: text.trim() }), where);
      }
    }
  }
}

/** locateHeader + validateHeader. Throws 'bad-header'; a result with score 0 means no header found. */
export function findHeader(sheet: Sheet, limits: Partial<ImportLimits> = {}): HeaderInfo {
  const { hasName: _hasName, ...info } = locateHeader(sheet);
  validateHeader(sheet, info, limits.maxHeaderLength);
  return info;
}

/**
 * The sheet with the delegates: the visible sheet whose header names a person column and the most
 * fields (instruction and lookup sheets name none). Throws 'no-name-column' when no sheet qualifies,
 * 'bad-header' when the chosen one has a forbidden header.
 */
export function chooseSheet(read: ReadResult, limits: Partial<ImportLimits> = {}): { index: number; sheet: Sheet; header: HeaderInfo } {
  let best: { index: number; cand: ReturnType<typeof locateHeader> } | undefined;
  read.sheets.forEach((sheet, index) => {
    const cand = locateHeader(sheet);
    if (!cand.hasName) return;
    const b = best;
    const hiddenPenalty = (i: number) => (read.sheets[i]!.hidden ? 1 : 0);
    if (!b || hiddenPenalty(index) < hiddenPenalty(b.index) || (hiddenPenalty(index) === hiddenPenalty(b.index) && cand.score > b.cand.score)) {
      best = { index, cand };
    }
  });
  if (!best) throw noNameColumn(read.sheets.length === 1 && read.format !== 'csv' ? read.sheets[0]!.name : undefined);
  const sheet = read.sheets[best.index]!;
  const { hasName: _hasName, ...header } = best.cand;
  validateHeader(sheet, header, limits.maxHeaderLength, read.format !== 'csv');
  return { index: best.index, sheet, header };
}
