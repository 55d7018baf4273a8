/**
 * Types of the spreadsheet import pipeline: read bytes → find the header → map columns → records →
 * duplicates. Everything here is plain data (arrays, strings, numbers) so that it crosses a worker
 * boundary by structured clone and so that no text from a stranger's file ever becomes an object key
 * (a header "__proto__" must stay a string in an array, never a property name).
 */
import type { Said } from '../text/said';

/** A cell position, 0-based, as SheetJS gives it. */
export type CellRef = { r: number; c: number };
export type Merge = { s: CellRef; e: CellRef };

/** One sheet as the user sees it: the displayed text of every cell, no formulas evaluated. */
export type Sheet = {
  name: string;
  /** rows[r][c] is the cell text as shown (cached value of a formula); '' for a blank cell. Rows may be ragged. */
  rows: string[][];
  merges: Merge[];
  hasFormulas: boolean;
  /** Cells that hold a formula; their text is the value Excel saved with the file. */
  formulaCells: CellRef[];
  /** Hidden sheets are not chosen automatically (they hold lookup lists, not delegates). */
  hidden: boolean;
};

export type SpreadsheetFormat = 'xlsx' | 'xls' | 'csv' | 'ods';
/** 'utf-16le' is what Excel's «Текст Юникод» writes (tab-separated). */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1251' | 'utf-16le';
export type CsvDelimiter = ';' | ',' | '\t';

export type ReadResult = {
  format: SpreadsheetFormat;
  /** Only for text files. */
  encoding?: TextEncoding;
  /** Only for CSV. */
  delimiter?: CsvDelimiter;
  sheets: Sheet[];
};

/** A sheet as the generator and the writers produce it (all cells are text). */
export type SheetModel = { sheetName: string; rows: string[][]; merges: Merge[] };

/**
 * Limits for a file from a stranger. The caller (a worker) also enforces `maxMillis`: the pure reader
 * cannot interrupt itself, so a stuck parse is terminated from outside and reported as 'timeout'.
 */
export type ImportLimits = {
  maxBytes: number;
  /** Rows per sheet, title and header rows included. */
  maxRows: number;
  /** Cells to the right of this many columns are ignored (stray cells at XFD1 must not allocate 16k columns per row). */
  maxColumns: number;
  /** Sum of the uncompressed sizes the zip declares. */
  maxUncompressedBytes: number;
  /** Uncompressed ÷ compressed; only checked above `ratioFloorBytes` (tiny files compress oddly). */
  maxCompressionRatio: number;
  ratioFloorBytes: number;
  maxZipEntries: number;
  maxHeaderLength: number;
  maxMillis: number;
};

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxRows: 1_000_000,
  maxColumns: 256,
  maxUncompressedBytes: 512 * 1024 * 1024,
  maxCompressionRatio: 100,
  ratioFloorBytes: 16 * 1024 * 1024,
  maxZipEntries: 10_000,
  maxHeaderLength: 500,
  maxMillis: 60_000,
};

export const importFields = [
  'fullName',
  'surname',
  'name',
  'patronymic',
  'position',
  'organization',
  'phone',
  'email',
  'municipality',
  'category',
  'section',
] as const;
export type ImportField = (typeof importFields)[number];

/** Field → 0-based column index. Keys are only ever our own field names. */
export type Mapping = Partial<Record<ImportField, number>>;

export type HeaderInfo = {
  /** 0-based index of the last header row (data starts below it). */
  headerRow: number;
  /** 1 or 2: a header split over merged cells spans two rows. */
  headerRows: number;
  /** Header text per column (two-row headers combined). */
  headers: string[];
  /** How many fields the header row was recognized as; 0 means not found. */
  score: number;
};

/** One data row with the mapped fields' raw text. */
export type MappedRow = {
  /** The sheet's own 1-based row number. */
  row: number;
  cells: Partial<Record<ImportField, string>>;
  /** Mapped fields whose cell holds a formula. */
  formulaFields: ImportField[];
  /** Text of every non-empty cell of the row, to recognize totals and repeated header rows. */
  allText: string[];
};

export type MappingResult = {
  sheetName: string;
  headerRow: number;
  headers: string[];
  mapping: Mapping;
  fixed: Partial<Record<ImportField, string>>;
  rows: MappedRow[];
};

export type ImportRecord = {
  /** The sheet's own 1-based row number. */
  row: number;
  surname: string;
  name: string;
  patronymic: string;
  /** Name and/or patronymic are initials ("А.", "Х."). */
  initials: boolean;
  position: string;
  organization: string;
  /** Normalized "+7XXXXXXXXXX", or '' when absent or not recognized. */
  phone: string;
  phoneRaw: string;
  email: string;
  /** The reference name when recognized, else the text as written. */
  municipality: string;
  municipalityMatched: boolean;
  municipalityId?: string;
  category: string;
  section: string;
  /** Only on a row with errors: its cells as written (« | »-joined, cut), so a refused row says whose it is. */
  cells?: string;
};

export type RowIssue = {
  row: number;
  field: ImportField | 'row';
  /** Russian, self-contained: «Лист «Делегаты», строка 14: нет фамилии» (the CLI, check-list's JSON). */
  message: string;
  /** The same for screens, in the interface language (shared/text/said.ts). */
  said: Said;
};

export type MunicipalityRef = { id?: string; name: string };
