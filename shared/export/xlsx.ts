import * as XLSX from 'xlsx';
import { said, wordRu, type Said } from '../text/said';

/** Words a message for a workbook: the renderer passes its `sayText` (the interface language), the CLI keeps Russian. */
export type Word = (s: Said) => string;

/**
 * Text that a spreadsheet would run as a formula if it starts with = + - @ (or a tab / CR that some
 * programs strip before looking) — "formula injection" from names typed by strangers. Such text gets
 * a leading apostrophe-like guard: a single quote, which Excel and LibreOffice show as plain text.
 */
const DANGEROUS_START = /^[=+\-@\t\r]/;

export function neutralizeCell(value: string): string {
  return DANGEROUS_START.test(value) ? `'${value}` : value;
}

/** The most text an xlsx cell holds (Excel's limit; SheetJS throws beyond it). */
export const XLSX_CELL_LIMIT = 32_767;

/**
 * Text longer than a cell holds, cut so that the export never fails: the start of the text and a marker
 * that says how long it was («… [обрезано: было 100 000 знаков]», `fileExport:cellCut`). The import refuses
 * such cells, so only data from before that (or from another device) can meet this.
 */
export function fitCell(value: string, word: Word = wordRu): string {
  if (value.length <= XLSX_CELL_LIMIT) return value;
  const marker = word(said('fileExport:cellCut', { n: value.length }));
  let cut = XLSX_CELL_LIMIT - marker.length;
  // never split a surrogate pair
  if (/[\ud800-\udbff]/.test(value[cut - 1] ?? '')) cut--;
  return value.slice(0, cut) + marker;
}

export type ExportSheet = { name: string; rows: Array<Array<string | number>>; columnWidths?: number[] };

/** A compressed xlsx with every text cell neutralized and fitted into a cell. Numbers stay numbers. */
export function buildXlsx(sheets: readonly ExportSheet[], word: Word = wordRu): Uint8Array<ArrayBuffer> {
  const wb = XLSX.utils.book_new();
  for (const sheet of sheets) {
    const safe = sheet.rows.map((row) => row.map((cell) => (typeof cell === 'string' ? fitCell(neutralizeCell(cell), word) : cell)));
    const ws = XLSX.utils.aoa_to_sheet(safe);
    if (sheet.columnWidths) ws['!cols'] = sheet.columnWidths.map((wch) => ({ wch }));
    // sheet names: at most 31 characters, none of : \ / ? * [ ]
    XLSX.utils.book_append_sheet(wb, ws, sheet.name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31));
  }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}
