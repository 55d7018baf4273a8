/**
 * Mapped rows → people as the import understands them, with per-row errors (the row cannot be imported
 * as is) and warnings (imported, but someone should look). Every considered row yields a record, even
 * one with errors, so the preview can show it next to its message; totals rows ("Итого: 12 человек"),
 * repeated header rows and rows with nothing in the mapped columns are skipped.
 */
import type { ImportField, ImportRecord, MappedRow, MappingResult, MunicipalityRef, RowIssue, Sheet } from './types';
import { normalizePhone } from '../people/phone';
import { rowPrefix } from './errors';
import { matchHeader } from './mapping';
import { createMunicipalityMatcher } from './municipality';
import { isInitialPart, normalizeNamePart, splitFullName } from './names';
import { isNothing, tidy } from './normalize';
import { cleanName, cleanText, fixLookalikes } from '../text/spelling';
import { formatNumber } from '../text/format';

export type ToRecordsOptions = {
  municipalities: readonly MunicipalityRef[];
  /** Prefix messages with «Лист «…»» (false for CSV, which has no sheets). Default true. */
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

/** What a column is called in messages. */
export const FIELD_LABELS: Readonly<Record<ImportField, string>> = {
  fullName: 'ФИО',
  surname: 'Фамилия',
  name: 'Имя',
  patronymic: 'Отчество',
  position: 'Должность',
  organization: 'Организация',
  phone: 'Телефон',
  email: 'E-mail',
  municipality: 'Муниципалитет',
  category: 'Категория',
  section: 'Секция',
};

// checked on raw cell text of every row: case-insensitive instead of folding each cell
const TOTALS = /^\s*(итого|всего)([\s:.,;—-]|$)/i;
const EMAIL = /^[^\s@,;<>()]+@[^\s@,;<>()]+\.[^\s@,;<>().\d]{2,}$/;

type Name = { surname: string; name: string; patronymic: string; initials: boolean };
type NameResult = { ok: true; value: Name } | { ok: false; field: ImportField; message: string };

const parts = (s: string) => s.split(' ').filter(Boolean);

function readName(cells: MappedRow['cells']): NameResult {
  const surnameCell = tidy(cells.surname ?? '');
  const fullCell = tidy(cells.fullName ?? '');
  if (cells.surname !== undefined && (surnameCell || !fullCell)) {
    let nameCell = tidy(cells.name ?? '');
    let patrCell = tidy(cells.patronymic ?? '');
    if (!surnameCell) return { ok: false, field: 'surname', message: 'нет фамилии' };
    // a whole name typed into the surname column, or "Алия Хамитовна" into the name column
    if (parts(surnameCell).length > 1 && !nameCell && !patrCell) return fromFull(surnameCell, 'surname');
    if (parts(nameCell).length === 2 && !patrCell) [nameCell, patrCell] = parts(nameCell) as [string, string];
    const s = normalizeNamePart(surnameCell);
    const n = normalizeNamePart(nameCell);
    const p = normalizeNamePart(patrCell);
    if (s === null || isInitialPart(s)) return { ok: false, field: 'surname', message: `фамилия «${surnameCell}» не похожа на фамилию` };
    if (n === null) return { ok: false, field: 'name', message: `имя «${nameCell}» не похоже на имя` };
    if (p === null) return { ok: false, field: 'patronymic', message: `отчество «${patrCell}» не похоже на отчество` };
    if (!n) return { ok: false, field: 'name', message: 'нет имени' };
    return { ok: true, value: { surname: s, name: n, patronymic: p, initials: isInitialPart(n) || isInitialPart(p) } };
  }
  if (!fullCell) return { ok: false, field: 'fullName', message: 'нет фамилии' };
  return fromFull(fullCell, cells.fullName !== undefined ? 'fullName' : 'surname');
}

function fromFull(text: string, field: ImportField): NameResult {
  const split = splitFullName(text);
  if (!split) return { ok: false, field, message: `не удаётся разобрать ФИО «${text.slice(0, 80)}»: нужны фамилия, имя и отчество (или инициалы)` };
  if (!split.name) return { ok: false, field, message: `в ФИО «${text.slice(0, 80)}» нет имени` };
  return { ok: true, value: split };
}

/** The first recognized phone in the cell; a note when the cell held several or none. */
function readPhone(raw: string): { phone: string; note?: string } {
  if (isNothing(raw)) return { phone: '' };
  const whole = normalizePhone(raw);
  if (whole) return { phone: whole };
  const pieces = raw.split(/[,;\n]|\s{2,}|\sи\s/).map((p) => p.trim()).filter(Boolean);
  if (pieces.length > 1) {
    for (const p of pieces) {
      const n = normalizePhone(p);
      if (n) return { phone: n, note: `в ячейке несколько телефонов, взят первый распознанный («${p}»)` };
    }
  }
  return { phone: '', note: `телефон «${raw.slice(0, 60)}» не распознан — нужен российский номер из 10 цифр после +7 или 8` };
}

function readEmail(raw: string): { email: string; note?: string } {
  if (isNothing(raw)) return { email: '' };
  const candidates = raw.split(/[\s,;]+/).filter(Boolean);
  const first = candidates.find((c) => EMAIL.test(c));
  if (first && candidates.length === 1) return { email: first.toLowerCase() };
  if (first) return { email: first.toLowerCase(), note: `в ячейке несколько адресов, взят «${first}»` };
  return { email: raw, note: `e-mail «${raw.slice(0, 60)}» выглядит неверно` };
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
    const at = rowPrefix(label, mr.row);
    const warn = (field: ImportField | 'row', text: string) => warnings.push({ row: mr.row, field, message: at + text });
    const tooLong = (Object.keys(mr.cells) as ImportField[]).find((f) => mr.cells[f]!.length > MAX_CELL_TEXT);
    if (tooLong) {
      const length = formatNumber(mr.cells[tooLong]!.length);
      errors.push({ row: mr.row, field: tooLong, message: `${at}в столбце «${FIELD_LABELS[tooLong]}» ${length} знаков — в ячейке Excel помещается не больше 32 767; сократите текст` });
      records.push({ ...emptyRecord(mr.row), surname: (mr.cells.surname ?? mr.cells.fullName ?? '').slice(0, 80), cells: rowCells(mr) });
      continue;
    }
    const errorsBefore = errors.length;
    const { cells: c, fixed } = cleanCells(mr.cells);
    for (const f of fixed) warn(f, `в столбце «${FIELD_LABELS[f]}» латинские буквы среди русских заменены на русские («${c[f]!.slice(0, 80)}»)`);

    const name = readName(c);
    if (!name.ok) errors.push({ row: mr.row, field: name.field, message: at + name.message });
    const n: Name = name.ok ? name.value : { surname: tidy(c.surname ?? c.fullName ?? ''), name: tidy(c.name ?? ''), patronymic: tidy(c.patronymic ?? ''), initials: false };
    if (name.ok && n.initials) warn('name', `вместо имени и отчества инициалы («${n.surname} ${n.name}${n.patronymic ? ' ' + n.patronymic : ''}»)`);

    const phoneRaw = tidy(c.phone ?? '');
    const phone = readPhone(phoneRaw);
    if (phone.note) warn('phone', phone.note);
    const email = readEmail(tidy(c.email ?? ''));
    if (email.note) warn('email', email.note);

    const municipalityRaw = tidy(c.municipality ?? '');
    const match = municipalityRaw ? matchMunicipality(municipalityRaw) : null;
    if (municipalityRaw && !match) warn('municipality', `муниципалитет «${municipalityRaw.slice(0, 80)}» не найден в справочнике — выберите его вручную или добавьте в справочник`);

    for (const f of mr.formulaFields) {
      const shown = tidy(c[f] ?? '');
      warn(f, shown ? `в столбце «${FIELD_LABELS[f]}» формула — взято значение, сохранённое в файле («${shown.slice(0, 60)}»)` : `в столбце «${FIELD_LABELS[f]}» формула без сохранённого значения — откройте файл в Excel и сохраните заново`);
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
