/**
 * Sheet models → xlsx / xls / csv bytes, as Excel on a district office's machine would save them. Used
 * by the messy-list generator and by fixtures. Not an export path: these writers do not neutralize
 * formula injection (exports must, see docs/ARCHITECTURE.md «11. Reports, exports, the demo»).
 */
import * as XLSX from 'xlsx';
import type { CsvDelimiter, SheetModel } from './types';
import { encodeWindows1251 } from './cp1251';

export type WriteOptions = {
  /**
   * Write digit-only cells (a row number, a phone typed as 89173451234) as numbers, as Excel does when
   * someone types them — the reader must still show them as the same digits. Default true.
   */
  numeric?: boolean;
};

const DIGITS = /^[1-9]\d{0,14}$/;

function toWorksheet(sheet: SheetModel, opts: WriteOptions): XLSX.WorkSheet {
  const numeric = opts.numeric ?? true;
  const width = sheet.rows.reduce((w, r) => Math.max(w, r.length), 0);
  // full rectangular rows: SheetJS writers stumble over holes
  const aoa = sheet.rows.map((row) => {
    const out: Array<string | number | null> = new Array(width).fill(null);
    row.forEach((cell, c) => {
      if (cell === '') return;
      out[c] = numeric && DIGITS.test(cell) && Number.isSafeInteger(Number(cell)) ? Number(cell) : cell;
    });
    return out;
  });
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  if (sheet.merges.length > 0) ws['!merges'] = sheet.merges.map((m) => ({ s: { ...m.s }, e: { ...m.e } }));
  return ws;
}

function toWorkbook(sheets: SheetModel | readonly SheetModel[], opts: WriteOptions): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  for (const s of Array.isArray(sheets) ? sheets : [sheets as SheetModel]) XLSX.utils.book_append_sheet(wb, toWorksheet(s, opts), s.sheetName);
  return wb;
}

/** A compressed .xlsx (SheetJS writes uncompressed unless told). */
export function sheetToXlsx(sheets: SheetModel | readonly SheetModel[], opts: WriteOptions = {}): Uint8Array {
  return new Uint8Array(XLSX.write(toWorkbook(sheets, opts), { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

/** An Excel 97–2003 .xls (BIFF8). */
export function sheetToXls(sheets: SheetModel | readonly SheetModel[], opts: WriteOptions = {}): Uint8Array {
  return new Uint8Array(XLSX.write(toWorkbook(sheets, opts), { type: 'array', bookType: 'biff8' }) as ArrayBuffer);
}

export type CsvWriteOptions = {
  encoding: 'utf-8' | 'utf-8-bom' | 'windows-1251';
  delimiter: CsvDelimiter;
  /** Pad every row to the widest, as Excel does ("Список делегатов;;;;;"). Default true. */
  pad?: boolean;
};

function quote(cell: string, delimiter: string): string {
  return cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** CSV text as Excel saves it (CRLF, quotes only where needed). */
export function sheetToCsvText(sheet: SheetModel, opts: Omit<CsvWriteOptions, 'encoding'>): string {
  const width = sheet.rows.reduce((w, r) => Math.max(w, r.length), 0);
  return sheet.rows
    .map((row) => {
      const cells = opts.pad === false ? row : [...row, ...new Array<string>(Math.max(0, width - row.length)).fill('')];
      return cells.map((c) => quote(c, opts.delimiter)).join(opts.delimiter);
    })
    .join('\r\n')
    .concat('\r\n');
}

export function sheetToCsv(sheet: SheetModel, opts: CsvWriteOptions): Uint8Array {
  const text = sheetToCsvText(sheet, opts);
  if (opts.encoding === 'windows-1251') return encodeWindows1251(text);
  const body = new TextEncoder().encode(text);
  if (opts.encoding === 'utf-8') return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}
