/**
 * The worker's work, without the worker: read a file into sheet summaries, then map and analyze a
 * sheet. Kept apart from parse.worker.ts so tests run it directly in Node.
 */
import { findDuplicates } from '../../../shared/import/dedupe';
import { failureInfo, isImportError } from '../../../shared/import/errors';
import { chooseSheet, locateHeader, validateHeader } from '../../../shared/import/header';
import { applyMapping } from '../../../shared/import/mapping';
import { readSpreadsheet } from '../../../shared/import/read';
import { toRecords } from '../../../shared/import/records';
import type { ImportLimits, ReadResult } from '../../../shared/import/types';
import type { Analysis, AnalyzeRequest, CsvOverrides, ReadReply, SheetSummary, WorkerFault } from './worker-protocol';

/** A failure of the worker's own (not of the file), as a code the main thread puts into words. */
export class WorkerFaultError extends Error {
  constructor(readonly fault: WorkerFault) {
    super(fault);
    this.name = 'WorkerFaultError';
  }
}

/** A file read and kept for re-mapping. */
export type ParsedFile = { read: ReadResult; limits: Partial<ImportLimits> };

const HEAD_ROWS = 40;
const HEAD_CELL = 120;

/** Reads a file (throws ImportError) and summarizes its sheets. */
export function readFile(bytes: Uint8Array, fileName: string, limits: Partial<ImportLimits> = {}, csv: CsvOverrides = {}): { reply: ReadReply; file: ParsedFile } {
  const result = readSpreadsheet(bytes, { fileName, limits, ...(csv.encoding ? { encoding: csv.encoding } : {}), ...(csv.delimiter ? { delimiter: csv.delimiter } : {}) });
  const sheets: SheetSummary[] = result.sheets.map((s) => {
    const h = locateHeader(s);
    return {
      name: s.name,
      hidden: s.hidden,
      rowCount: s.rows.length,
      head: s.rows.slice(0, HEAD_ROWS).map((row) => row.map((c) => (c.length > HEAD_CELL ? `${c.slice(0, HEAD_CELL)}…` : c))),
      headerRow: h.headerRow,
      headerRows: h.headerRows,
      headers: h.headers.map((c) => c.slice(0, limits.maxHeaderLength ?? 500)),
      hasName: h.hasName,
    };
  });
  let chosen = result.sheets.findIndex((s) => !s.hidden);
  let notice: ReadReply['notice'];
  try {
    chosen = chooseSheet(result, limits).index;
  } catch (e) {
    // no name column anywhere: the user may still point at the columns by hand; anything else stops here
    if (!isImportError(e) || e.code !== 'no-name-column') throw e;
    notice = failureInfo(e);
  }
  const reply: ReadReply = { format: result.format, sheets, chosen: Math.max(0, chosen) };
  if (result.encoding) reply.encoding = result.encoding;
  if (result.delimiter) reply.delimiter = result.delimiter;
  if (notice) reply.notice = notice;
  return { reply, file: { read: result, limits } };
}

/** Maps a sheet of a read file and analyzes its rows. Throws ImportError ('bad-header', 'no-name-column') or WorkerFaultError ('no-sheet'). */
export function analyzeFile(file: ParsedFile, req: AnalyzeRequest): Analysis {
  const { read: result, limits } = file;
  const sheet = result.sheets[req.sheet];
  if (!sheet) throw new WorkerFaultError('no-sheet');
  const sheetLabel = result.format !== 'csv';
  validateHeader(sheet, { headerRow: req.headerRow, headerRows: req.headerRows, headers: req.headers, score: 0 }, limits.maxHeaderLength, sheetLabel);
  const mapped = applyMapping(sheet, { headerRow: req.headerRow, mapping: req.mapping, fixed: req.fixed, headers: req.headers });
  const { records, errors, warnings } = toRecords(sheet, mapped, { municipalities: req.municipalities, sheetLabel });
  const bad = new Set(errors.map((e) => e.row));
  const valid = records.filter((r) => !bad.has(r.row));
  const dups = findDuplicates(valid, req.existing);
  const keys: Array<[number, string]> = [];
  if (req.keyColumn !== undefined) {
    // only rows the import considers: a row whose cells were cleared but the hidden key left is a removal
    const considered = new Set(records.map((r) => r.row));
    for (const r of mapped.rows) {
      if (!considered.has(r.row)) continue;
      const key = (sheet.rows[r.row - 1]?.[req.keyColumn] ?? '').trim();
      if (key) keys.push([r.row, key.slice(0, 100)]);
    }
  }
  return { sheetName: sheet.name, records, errors, warnings, inFile: dups.inFile, existing: dups.existing, keys };
}

