/**
 * readSpreadsheet: bytes from a stranger → the text of every sheet, or a named ImportError.
 *
 * Order matters: size first, then magic bytes, then the zip directory (bomb / truncation) or the OLE
 * directory (encryption), and only then SheetJS. SheetJS 0.20.3 (npm:@e965/xlsx, without the advisories
 * of npm's frozen 0.18.5) is used with dense sheets, a row cap and no formula evaluation (SheetJS never evaluates; we read the
 * value Excel cached). Nothing here turns cell text into an object key. Run it in a worker: the caller
 * enforces `limits.maxMillis` and reports 'timeout'.
 */
import * as XLSX from 'xlsx';
import type { CellRef, CsvDelimiter, ImportLimits, Merge, ReadResult, Sheet, SpreadsheetFormat, TextEncoding } from './types';
import { DEFAULT_IMPORT_LIMITS } from './types';
import { ImportError } from './errors';
import { said } from '../text/said';
import { decodeText, detectDelimiter, looksBinary, parseCsv } from './csv';
import { inspectZip } from './zip';
import { refuseDeclaredTallSheets } from './sheet-dimension';

export type ReadOptions = {
  fileName: string;
  limits?: Partial<ImportLimits>;
  /** Overrides for a CSV whose guess was wrong (the wizard lets the user pick). */
  encoding?: TextEncoding;
  delimiter?: CsvDelimiter;
};

// Formats people rename to .xlsx by mistake or send instead of a table.
// The second element names the kind in the fileImport catalog («Это не таблица, а PDF-документ»).
type Kind = 'pdf' | 'png' | 'jpeg' | 'gif' | 'rar' | 'sevenZip' | 'gzip' | 'exe' | 'rtf' | 'document' | 'zip' | 'word97' | 'office' | 'binary' | 'web';
const MAGIC: ReadonlyArray<readonly [number[], Kind]> = [
  [[0x25, 0x50, 0x44, 0x46], 'pdf'],
  [[0x89, 0x50, 0x4e, 0x47], 'png'],
  [[0xff, 0xd8, 0xff], 'jpeg'],
  [[0x47, 0x49, 0x46, 0x38], 'gif'],
  [[0x52, 0x61, 0x72, 0x21], 'rar'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'sevenZip'],
  [[0x1f, 0x8b], 'gzip'],
  [[0x4d, 0x5a], 'exe'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'rtf'],
];

const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);
const notATable = (kind: Kind) => new ImportError('not-a-spreadsheet', said('fileImport:notATable', { what: said(`fileImport:kinds.${kind}`) }));

function withLimits(partial?: Partial<ImportLimits>): ImportLimits {
  return { ...DEFAULT_IMPORT_LIMITS, ...partial };
}

export function baseName(fileName: string): string {
  const last = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = last.lastIndexOf('.');
  return dot > 0 ? last.slice(0, dot) : last;
}

/** Reads any supported spreadsheet. Throws ImportError saying what to do. */
export function readSpreadsheet(bytes: Uint8Array, opts: ReadOptions): ReadResult {
  const limits = withLimits(opts.limits);
  if (bytes.length === 0) {
    throw new ImportError('empty-file', said('fileImport:emptyFile'));
  }
  if (bytes.length > limits.maxBytes) {
    throw new ImportError('too-large', said('fileImport:tooLarge', { size: bytes.length, max: limits.maxBytes }));
  }
  let result: ReadResult;
  if (startsWith(bytes, [0x50, 0x4b])) result = readZip(bytes, limits);
  else if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) result = readCfb(bytes, limits);
  else {
    const magic = MAGIC.find(([sig]) => startsWith(bytes, sig));
    if (magic) throw notATable(magic[1]);
    result = readText(bytes, opts, limits);
  }
  if (result.sheets.every((s) => s.rows.every((r) => r.every((c) => c.trim() === '')))) {
    throw new ImportError('empty-file', said('fileImport:noCells'));
  }
  return result;
}

function readZip(bytes: Uint8Array, limits: ImportLimits): ReadResult {
  const zip = inspectZip(bytes, limits);
  switch (zip.kind) {
    case 'xlsx':
      refuseDeclaredTallSheets(zip.bytes, zip, limits);
      return { format: 'xlsx', sheets: readWithSheetJs(zip.bytes, 'array', limits) };
    case 'ods':
      return { format: 'ods', sheets: readWithSheetJs(zip.bytes, 'array', limits) };
    case 'xlsb':
      throw new ImportError('not-a-spreadsheet', said('fileImport:xlsb'));
    case 'other-document':
      throw notATable('document');
    default:
      throw notATable('zip');
  }
}

/** OLE compound file: an Excel 97–2003 book, or an encrypted Excel 2007+ book, or a Word 97 document. */
function readCfb(bytes: Uint8Array, limits: ImportLimits): ReadResult {
  let paths: string[];
  try {
    paths = (XLSX.CFB.read(bytes, { type: 'array' }) as { FullPaths: string[] }).FullPaths;
  } catch {
    // compound files are whole 512-byte sectors; a cut file usually is not
    if (bytes.length % 512 !== 0) {
      throw new ImportError('truncated', said('fileImport:truncatedXls'));
    }
    throw new ImportError('corrupt', said('fileImport:corruptXls'));
  }
  const names = new Set(paths.map((p) => p.replace(/\/$/, '').split('/').pop() ?? ''));
  if (isEncryptedCfb(names)) throw passwordProtected();
  if (names.has('Workbook') || names.has('Book')) return { format: 'xls', sheets: readWithSheetJs(bytes, 'array', limits) };
  if (names.has('WordDocument')) throw notATable('word97');
  throw notATable('office');
}

/**
 * An encrypted .xlsx is not a zip: Excel wraps it in an OLE container with the streams
 * "EncryptionInfo" and "EncryptedPackage" (MS-OFFCRYPTO). Encrypted .xls keeps its Workbook stream and
 * carries a FILEPASS record, which SheetJS reports as "password-protected" (mapped in readWithSheetJs).
 */
export function isEncryptedCfb(streamNames: ReadonlySet<string>): boolean {
  return streamNames.has('EncryptionInfo') || streamNames.has('EncryptedPackage');
}

const passwordProtected = () => new ImportError('password-protected', said('fileImport:passwordProtected'));

function readText(bytes: Uint8Array, opts: ReadOptions, limits: ImportLimits): ReadResult {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe;
  if (!utf16 && looksBinary(bytes)) throw notATable('binary');
  const decoded = opts.encoding ? decodeAs(bytes, opts.encoding) : decodeText(bytes);
  const head = decoded.text.slice(0, 4096).trimStart().toLowerCase();
  if (/^<(!doctype|html|\?xml|table)/.test(head)) {
    // Excel's "Web page" and "XML Spreadsheet 2003" files, and 1C's exports, are often named .xls
    if (head.includes('urn:schemas-microsoft-com:office:spreadsheet') || /<table/i.test(decoded.text)) {
      return { format: 'xls', encoding: decoded.encoding, sheets: readWithSheetJs(decoded.text, 'string', limits) };
    }
    throw notATable('web');
  }
  const delimiter = opts.delimiter ?? detectDelimiter(decoded.text);
  const rows = parseCsv(decoded.text, delimiter, limits);
  const sheet: Sheet = { name: baseName(opts.fileName), rows: rows.map(trimRow), merges: [], hasFormulas: false, formulaCells: [], hidden: false };
  return { format: 'csv', encoding: decoded.encoding, delimiter, sheets: [sheet] };
}

function decodeAs(bytes: Uint8Array, encoding: TextEncoding): { text: string; encoding: TextEncoding } {
  const skip = encoding === 'utf-8-bom' && bytes[0] === 0xef ? 3 : encoding === 'utf-16le' && bytes[0] === 0xff ? 2 : 0;
  const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  return { text: new TextDecoder(label).decode(bytes.subarray(skip)), encoding };
}

function trimRow(row: string[]): string[] {
  let end = row.length;
  while (end > 0 && row[end - 1] === '') end--;
  return end === row.length ? row : row.slice(0, end);
}

type Cell = { t?: string; v?: unknown; w?: string; f?: string; F?: string };

/** The text Excel shows, except that a long integer (a phone typed as a number) is never shown as 8,92E+10. */
function cellText(cell: Cell | undefined): string {
  if (!cell || cell.t === 'z') return '';
  if (typeof cell.w === 'string') {
    if (cell.t === 'n' && typeof cell.v === 'number' && Number.isSafeInteger(cell.v) && /e[+-]/i.test(cell.w)) return String(cell.v);
    return cell.w;
  }
  if (cell.v === undefined || cell.v === null) return '';
  return String(cell.v);
}

function readWithSheetJs(data: Uint8Array | string, type: 'array' | 'string', limits: ImportLimits): Sheet[] {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(data, {
      type,
      dense: true,
      cellFormula: true, // only to know which cells are formulas; SheetJS never evaluates them
      cellHTML: false,
      cellText: true,
      cellNF: false,
      cellStyles: false,
      cellDates: false,
      bookVBA: false,
      bookDeps: false,
      bookFiles: false,
      sheetStubs: false,
      sheetRows: limits.maxRows + 1,
      WTF: false,
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(message)) throw passwordProtected();
    throw new ImportError('corrupt', said('fileImport:corrupt', { detail: message.slice(0, 200) }));
  }
  const hiddenFlags = wb.Workbook?.Sheets ?? [];
  return wb.SheetNames.map((name, i) => {
    const ws = wb.Sheets[name];
    const hidden = Boolean(hiddenFlags[i]?.Hidden);
    return ws ? toSheet(ws, name, hidden, limits) : { name, rows: [], merges: [], hasFormulas: false, formulaCells: [], hidden };
  });
}

function toSheet(ws: XLSX.WorkSheet, name: string, hidden: boolean, limits: ImportLimits): Sheet {
  const data = (ws['!data'] ?? []) as Array<Array<Cell | undefined> | undefined>;
  if (data.length > limits.maxRows) {
    throw new ImportError('too-many-rows', said('fileImport:tooManyRowsSheet', { sheet: name, max: limits.maxRows }), { sheet: name });
  }
  const rows: string[][] = new Array(data.length);
  const formulaCells: CellRef[] = [];
  for (let r = 0; r < data.length; r++) {
    const src = data[r];
    if (!src) {
      rows[r] = [];
      continue;
    }
    const width = Math.min(src.length, limits.maxColumns);
    const row: string[] = new Array(width);
    for (let c = 0; c < width; c++) {
      const cell = src[c];
      row[c] = cellText(cell);
      if (cell && (cell.f !== undefined || cell.F !== undefined)) formulaCells.push({ r, c });
    }
    rows[r] = trimRow(row);
  }
  const merges: Merge[] = (ws['!merges'] ?? [])
    .filter((m) => m.s.r < data.length && m.s.c < limits.maxColumns)
    .map((m) => ({ s: { r: m.s.r, c: m.s.c }, e: { r: m.e.r, c: Math.min(m.e.c, limits.maxColumns - 1) } }));
  return { name, rows, merges, hasFormulas: formulaCells.length > 0, formulaCells, hidden };
}

/** What a format is called («книга Excel (.xlsx)»). */
export const formatName = (f: SpreadsheetFormat) => said(`fileImport:formats.${f}`);

/** For tests and callers that only have a file name: the format its extension promises. */
export function formatFromFileName(fileName: string): SpreadsheetFormat | undefined {
  const ext = fileName.toLowerCase().split('.').pop();
  return ext === 'xlsx' || ext === 'xls' || ext === 'csv' || ext === 'ods' ? ext : undefined;
}
