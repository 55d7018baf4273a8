/**
 * Which column is which: recognized from the usual Russian headers, overridable by the user. Header
 * text is only ever compared against our own patterns and kept in arrays; it never becomes a property
 * name (a header "__proto__" is refused earlier, in header.ts, and would be harmless here anyway).
 */
import type { ImportField, MappedRow, Mapping, MappingResult, Sheet } from './types';
import { importFields } from './types';
import { ImportError } from './errors';
import { headerWords } from './normalize';
import { said } from '../text/said';

type Rule = readonly [ImportField | 'ignore', RegExp];

// Order matters: the first rule that matches decides ("Место работы, должность" is an organization,
// "Должность, место работы" a position; "Фамилия, имя" is a full name, "Фамилия" alone a surname).
// Patterns run on headerWords(): folded, no punctuation, "Ф.И.О." → "фио", "№ п/п" → "пп".
const RULES: readonly Rule[] = [
  ['ignore', /^((n|no|номер) ?)?пп$|^(n|no|номер|порядковый номер)$/],
  ['fullName', /^(фио|фамилия имя отчество|фамилия имя и отчество|фамилия имя|фамилия ио|фамилия инициалы|фио участника|фио делегата)( |$)/],
  ['fullName', /^(участник|делегат|участники|делегаты)$/],
  ['surname', /^фамилия( участника| делегата)?$/],
  ['name', /^имя( участника| делегата)?$/],
  ['patronymic', /^отчество( при наличии| если есть)?$/],
  ['position', /^(занимаемая )?должност/],
  ['organization', /^(место работы|место учебы|организация|учреждение|предприятие|наименование организации|наименование учреждения|организация учреждение)( |$)/],
  ['phone', /^((контактный|мобильный|сотовый|рабочий|домашний|номер) )?(телефон|тел)( |$)|^(моб|сот|мобильный|сотовый)( |$)|^контактный номер/],
  ['email', /^((e|е) ?mail|(e|е) ?мейл|email|эл почта|электронная почта|адрес электронной почты|электронный адрес|почта)( |$)/],
  ['municipality', /^(муниципалитет|муниципальное образование|муниципальный район|мо|мр|мр го|го|район|город|территория|населенный пункт|наименование мо|наименование муниципального образования|делегация)( |$)/],
  ['category', /^категори(я|и)( |$)/],
  ['section', /^(секция|секции|площадка|секционная площадка|тематическая площадка|направление|выбранная секция)( |$)/],
  ['phone', /^контакты?( |$)/],
];

/** The field a header names, 'ignore' for a row-number column, null when unknown. */
export function matchHeader(text: string): ImportField | 'ignore' | null {
  const words = headerWords(text);
  if (!words) return null;
  for (const [field, re] of RULES) if (re.test(words)) return field;
  return null;
}

/** Columns for the fields the headers name; the leftmost column wins when two name the same field. */
export function autoMap(headers: readonly string[]): Mapping {
  const mapping: Mapping = {};
  headers.forEach((h, col) => {
    const field = matchHeader(h);
    if (field && field !== 'ignore' && mapping[field] === undefined) mapping[field] = col;
  });
  // a full-name column next to separate name columns (a group title that leaked): prefer the parts
  if (mapping.fullName !== undefined && mapping.surname !== undefined && mapping.name !== undefined) delete mapping.fullName;
  return mapping;
}

/** How many fields a header row names, and whether one of them is a name. */
export function scoreHeaders(headers: readonly string[]): { score: number; hasName: boolean } {
  const seen = new Set<ImportField>();
  for (const h of headers) {
    const f = matchHeader(h);
    if (f && f !== 'ignore') seen.add(f);
  }
  return { score: seen.size, hasName: seen.has('fullName') || seen.has('surname') };
}

export function hasNameColumn(mapping: Mapping): boolean {
  return mapping.fullName !== undefined || mapping.surname !== undefined;
}

export const noNameColumn = (sheet?: string) =>
  sheet ? new ImportError('no-name-column', said('fileImport:noNameColumnSheet', { sheet }), { sheet }) : new ImportError('no-name-column', said('fileImport:noNameColumn'));

export type ApplyMappingOptions = {
  /** 0-based index of the last header row; data starts below it. */
  headerRow: number;
  mapping: Mapping;
  /** A value for every row (e.g. the municipality of the whole sheet); wins over the column. */
  fixed?: Partial<Record<ImportField, string>>;
  /** Header texts to report (two-row headers combined); defaults to the header row's cells. */
  headers?: readonly string[];
};

// Formula cells are keyed by r * WIDE + c; columns never exceed ImportLimits.maxColumns (well below this).
const WIDE = 1 << 14;

/** The mapped text of every non-blank row below the header. Throws 'no-name-column'. */
export function applyMapping(sheet: Sheet, opts: ApplyMappingOptions): MappingResult {
  const mapping: Mapping = {};
  for (const f of importFields) {
    const col = opts.mapping[f];
    if (col !== undefined && Number.isInteger(col) && col >= 0 && col < WIDE) mapping[f] = col;
  }
  const fixed: Partial<Record<ImportField, string>> = {};
  for (const f of importFields) {
    const v = opts.fixed?.[f];
    if (typeof v === 'string' && v.trim() !== '') fixed[f] = v.trim();
  }
  if (!hasNameColumn(mapping)) throw noNameColumn(sheet.name || undefined);

  const formulas = new Set<number>();
  for (const { r, c } of sheet.formulaCells) formulas.add(r * WIDE + c);
  const entries = importFields.flatMap((f) => (mapping[f] === undefined ? [] : [[f, mapping[f]] as const]));

  const rows: MappedRow[] = [];
  for (let r = opts.headerRow + 1; r < sheet.rows.length; r++) {
    const src = sheet.rows[r] ?? [];
    const allText: string[] = [];
    for (const cell of src) if (cell.trim() !== '') allText.push(cell.trim());
    if (allText.length === 0) continue;
    const cells: Partial<Record<ImportField, string>> = {};
    const formulaFields: ImportField[] = [];
    for (const [field, col] of entries) {
      cells[field] = src[col] ?? '';
      if (formulas.has(r * WIDE + col)) formulaFields.push(field);
    }
    for (const f of importFields) if (fixed[f] !== undefined) cells[f] = fixed[f];
    rows.push({ row: r + 1, cells, formulaFields, allText });
  }
  const headers = opts.headers ? [...opts.headers] : [...(sheet.rows[opts.headerRow] ?? [])];
  return { sheetName: sheet.name, headerRow: opts.headerRow, headers, mapping, fixed, rows };
}
