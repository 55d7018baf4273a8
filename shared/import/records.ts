/**
 * Mapped rows → people as the import understands them, with per-row errors (the row cannot be imported
 * as is) and warnings (imported, but someone should look). Every considered row yields a record, even
 * one with errors, so the preview can show it next to its message; totals rows ("Итого: 12 человек"),
 * repeated header rows and rows with nothing in the mapped columns are skipped.
 */
import type { ImportField, ImportRecord, MappedRow, MappingResult, MunicipalityRef, RowIssue, Sheet } from './types';
import { normalizePhone } from '../people/phone';
import { rowIssue } from './errors';
import { matchHeader } from './mapping';
import { createMunicipalityMatcher } from './municipality';
import { isInitialPart, normalizeNamePart, splitFullName } from './names';
import { isNothing, tidy } from './normalize';
import { cleanName, cleanText, fixLookalikes } from '../text/spelling';
import { said, type Said } from '../text/said';

export type ToRecordsOptions = {
  municipalities: readonly MunicipalityRef[];
  /** Place issues on the sheet, «Лист «…», строка N» (false for CSV, which has no sheets). Default true. */
  sheetLabel?: boolean;
};

export type ToRecordsResult = { records: ImportRecord[]; errors: RowIssue[]; warnings: RowIssue[] };

/** The most a cell of an xlsx file can hold; longer text is refused here, so that no export ever meets it. */
export const MAX_CELL_TEXT = 32_767;

const NAME_FIELDS: ReadonlySet<ImportField> = new Set(['fullName', 'surname', 'name', 'patronymic']);

/**
 * The mapped cells with their characters repaired (shared/text/spelling): NFC, every dash → «-», soft
 * hyphens and zero-width characters dropped, NBSP → space; in name cells Latin look-alikes inside a
 * Cyrillic word become Cyrillic («Ивaнoв» → «Иванов»). `fixed`: name fields whose look-alikes were fixed.
 */
function cleanCells(cells: MappedRow['cells']): { cells: MappedRow['cells']; fixed: ImportField[] } {
  const out: MappedRow['cells'] = {};
  const fixed: ImportField[] = [];
  for (const f of Object.keys(cells) as ImportField[]) {
    const raw = cells[f]!;
    if (raw.length > MAX_CELL_TEXT || !NAME_FIELDS.has(f)) {
      out[f] = raw.length > MAX_CELL_TEXT ? raw : cleanText(raw);
      continue;
    }
    const repaired = cleanName(raw);
    const cyrillic = fixLookalikes(repaired);
    if (cyrillic !== repaired) fixed.push(f);
    out[f] = cyrillic;
  }
  return { cells: out, fixed };
}

/** What a field is called in messages and on the wizard's mapping step. */
export const fieldLabel = (f: ImportField): Said => said(`importRows:fields.${f}`);

// checked on raw cell text of every row: case-insensitive instead of folding each cell
const TOTALS = /^\s*(итого|всего)([\s:.,;—-]|$)/i;
const EMAIL = /^[^\s@,;<>()]+@[^\s@,;<>()]+\.[^\s@,;<>().\d]{2,}$/;

type Name = { surname: string; name: string; patronymic: string; initials: boolean };
type NameResult = { ok: true; value: Name } | { ok: false; field: ImportField; issue: Said };

const parts = (s: string) => s.split(' ').filter(Boolean);

function readName(cells: MappedRow['cells']): NameResult {
  const surnameCell = tidy(cells.surname ?? '');
  const fullCell = tidy(cells.fullName ?? '');
  if (cells.surname !== undefined && (surnameCell || !fullCell)) {
    let nameCell = tidy(cells.name ?? '');
    let patrCell = tidy(cells.patronymic ?? '');
    if (!surnameCell) return { ok: false, field: 'surname', issue: said('importRows:noSurname') };
    // a whole name typed into the surname column, or "Алия Хамитовна" into the name column
    if (parts(surnameCell).length > 1 && !nameCell && !patrCell) return fromFull(surnameCell, 'surname');
    if (parts(nameCell).length === 2 && !patrCell) [nameCell, patrCell] = parts(nameCell) as [string, string];
    const s = normalizeNamePart(surnameCell);
    const n = normalizeNamePart(nameCell);
    const p = normalizeNamePart(patrCell);
    if (s === null || isInitialPart(s)) return { ok: false, field: 'surname', issue: said('importRows:badSurname', { text: surnameCell }) };
    if (n === null) return { ok: false, field: 'name', issue: said('importRows:badName', { text: nameCell }) };
    if (p === null) return { ok: false, field: 'patronymic', issue: said('importRows:badPatronymic', { text: patrCell }) };
    if (!n) return { ok: false, field: 'name', issue: said('importRows:noName') };
    return { ok: true, value: { surname: s, name: n, patronymic: p, initials: isInitialPart(n) || isInitialPart(p) } };
  }
  if (!fullCell) return { ok: false, field: 'fullName', issue: said('importRows:noSurname') };
  return fromFull(fullCell, cells.fullName !== undefined ? 'fullName' : 'surname');
}

function fromFull(text: string, field: ImportField): NameResult {
  const split = splitFullName(text);
  if (!split) return { ok: false, field, issue: said('importRows:unparsedName', { text: text.slice(0, 80) }) };
  if (!split.name) return { ok: false, field, issue: said('importRows:noNameInFull', { text: text.slice(0, 80) }) };
  return { ok: true, value: split };
}

/** The first recognized phone in the cell; a note when the cell held several or none. */
function readPhone(raw: string): { phone: string; note?: Said } {
  if (isNothing(raw)) return { phone: '' };
  const whole = normalizePhone(raw);
  if (whole) return { phone: whole };
  const pieces = raw.split(/[,;\n]|\s{2,}|\sи\s/).map((p) => p.trim()).filter(Boolean);
  if (pieces.length > 1) {
    for (const p of pieces) {
      const n = normalizePhone(p);
      if (n) return { phone: n, note: said('importRows:severalPhones', { text: p }) };
    }
  }
  return { phone: '', note: said('importRows:badPhone', { text: raw.slice(0, 60) }) };
}

function readEmail(raw: string): { email: string; note?: Said } {
  if (isNothing(raw)) return { email: '' };
  const candidates = raw.split(/[\s,;]+/).filter(Boolean);
  const first = candidates.find((c) => EMAIL.test(c));
  if (first && candidates.length === 1) return { email: first.toLowerCase() };
  if (first) return { email: first.toLowerCase(), note: said('importRows:severalEmails', { text: first }) };
  return { email: raw, note: said('importRows:badEmail', { text: raw.slice(0, 60) }) };
}

function isRepeatedHeader(row: MappedRow): boolean {
  const nameText = row.cells.fullName ?? row.cells.surname ?? '';
  const f = matchHeader(nameText);
  return f === 'fullName' || f === 'surname';
}

/** A row's non-empty cells as written, each cut to 80 characters, the whole to 240. */
function rowCells(mr: MappedRow): string {
  return mr.allText.map((t) => (t.length > 80 ? `${t.slice(0, 80)}…` : t)).join(' | ').slice(0, 240);
}

function emptyRecord(row: number): ImportRecord {
  return { row, surname: '', name: '', patronymic: '', initials: false, position: '', organization: '', phone: '', phoneRaw: '', email: '', municipality: '', municipalityMatched: false, category: '', section: '' };
}

/** Records, errors and warnings for every mapped row; row numbers are the sheet's own. */
export function toRecords(sheet: Sheet, mapped: MappingResult, opts: ToRecordsOptions): ToRecordsResult {
  const matchMunicipality = createMunicipalityMatcher(opts.municipalities);
  const label = opts.sheetLabel === false ? undefined : sheet.name || mapped.sheetName || undefined;
  const records: ImportRecord[] = [];
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const mappedFields = (Object.keys(mapped.mapping) as ImportField[]).filter((f) => mapped.fixed[f] === undefined);

  for (const mr of mapped.rows) {
    if (mappedFields.every((f) => isNothing(mr.cells[f] ?? ''))) continue;
    if (mr.allText.some((t) => TOTALS.test(t))) continue;
    if (isRepeatedHeader(mr)) continue;
    const warn = (field: ImportField | 'row', issue: Said) => warnings.push(rowIssue(mr.row, field, label, issue));
    const tooLong = (Object.keys(mr.cells) as ImportField[]).find((f) => mr.cells[f]!.length > MAX_CELL_TEXT);
    if (tooLong) {
      const tooLongIssue = said('importRows:tooLong', { field: fieldLabel(tooLong), length: mr.cells[tooLong]!.length, max: MAX_CELL_TEXT });
      errors.push(rowIssue(mr.row, tooLong, label, tooLongIssue));
      records.push({ ...emptyRecord(mr.row), surname: (mr.cells.surname ?? mr.cells.fullName ?? '').slice(0, 80), cells: rowCells(mr) });
      continue;
    }
    const errorsBefore = errors.length;
    const { cells: c, fixed } = cleanCells(mr.cells);
    for (const f of fixed) warn(f, said('importRows:lookalikes', { field: fieldLabel(f), text: c[f]!.slice(0, 80) }));

    const name = readName(c);
    if (!name.ok) errors.push(rowIssue(mr.row, name.field, label, name.issue));
    const n: Name = name.ok ? name.value : { surname: tidy(c.surname ?? c.fullName ?? ''), name: tidy(c.name ?? ''), patronymic: tidy(c.patronymic ?? ''), initials: false };
    if (name.ok && n.initials) warn('name', said('importRows:initials', { text: `${n.surname} ${n.name}${n.patronymic ? ' ' + n.patronymic : ''}` }));

    const phoneRaw = tidy(c.phone ?? '');
    const phone = readPhone(phoneRaw);
    if (phone.note) warn('phone', phone.note);
    const email = readEmail(tidy(c.email ?? ''));
    if (email.note) warn('email', email.note);

    const municipalityRaw = tidy(c.municipality ?? '');
    const match = municipalityRaw ? matchMunicipality(municipalityRaw) : null;
    if (municipalityRaw && !match) warn('municipality', said('importRows:unknownMunicipality', { text: municipalityRaw.slice(0, 80) }));

    for (const f of mr.formulaFields) {
      const shown = tidy(c[f] ?? '');
      warn(f, shown ? said('importRows:formula', { field: fieldLabel(f), text: shown.slice(0, 60) }) : said('importRows:formulaNoValue', { field: fieldLabel(f) }));
    }

    const record: ImportRecord = {
      row: mr.row,
      surname: n.surname,
      name: n.name,
      patronymic: n.patronymic,
      initials: n.initials,
      position: tidy(c.position ?? ''),
      organization: tidy(c.organization ?? ''),
      phone: phone.phone,
      phoneRaw,
      email: email.email,
      municipality: match ? match.name : municipalityRaw,
      municipalityMatched: match !== null,
      category: tidy(c.category ?? ''),
      section: tidy(c.section ?? ''),
    };
    if (match?.id !== undefined) record.municipalityId = match.id;
    if (errors.length > errorsBefore) record.cells = rowCells(mr);
    records.push(record);
  }
  return { records, errors, warnings };
}
