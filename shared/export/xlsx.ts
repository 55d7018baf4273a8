import * as XLSX from 'xlsx';

/**
 * Text that a spreadsheet would run as a formula if it starts with = + - @ (or a tab / CR that some
 * programs strip before looking) — "formula injection" from names typed by strangers. Such text gets
 * a leading apostrophe-like guard: a single quote, which Excel and LibreOffice show as plain text.
 */
const DANGEROUS_START = /^[=+\-@\t\r]/;

export function neutralizeCell(value: string): string {
  return DANGEROUS_START.test(value) ? `'${value}` : value;
}

export type ExportSheet = { name: string; rows: Array<Array<string | number>>; columnWidths?: number[] };

/** A compressed xlsx with every text cell neutralized. Numbers stay numbers. */
export function buildXlsx(sheets: readonly ExportSheet[]): Uint8Array<ArrayBuffer> {
  const wb = XLSX.utils.book_new();
  for (const sheet of sheets) {
    const safe = sheet.rows.map((row) => row.map((cell) => (typeof cell === 'string' ? neutralizeCell(cell) : cell)));
    const ws = XLSX.utils.aoa_to_sheet(safe);
    if (sheet.columnWidths) ws['!cols'] = sheet.columnWidths.map((wch) => ({ wch }));
    // sheet names: at most 31 characters, none of : \ / ? * [ ]
    XLSX.utils.book_append_sheet(wb, ws, sheet.name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31));
  }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}
