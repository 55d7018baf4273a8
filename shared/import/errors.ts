/**
 * Every way a file can be refused, as a code that scripts and tests match on and a `Said` (catalog
 * shared/text/messages/<language>/fileImport.ts) that tells the person at the desk what to do next; the
 * Russian wording is the error's `message`. The database is never touched before a file has been read
 * without one of these. Also the place a row's problem is about (`rowIssue`).
 */
import { isSaid, said, SaidError, wordRu, type Said } from '../text/said';
import type { ImportField, RowIssue } from './types';

export const importErrorCodes = [
  'empty-file',
  'not-a-spreadsheet',
  'truncated',
  'corrupt',
  'password-protected',
  'zip-bomb',
  'too-many-rows',
  'too-large',
  'bad-header',
  'no-name-column',
  'timeout',
] as const;
export type ImportErrorCode = (typeof importErrorCodes)[number];

export type ImportErrorDetails = { sheet?: string; row?: number; column?: string };

export class ImportError extends SaidError {
  readonly code: ImportErrorCode;
  readonly sheet?: string;
  /** The sheet's own 1-based row number, when the error is about one row. */
  readonly row?: number;
  /** Column letter ("C"), when the error is about one column. */
  readonly column?: string;

  constructor(code: ImportErrorCode, words: Said, details: ImportErrorDetails = {}) {
    super(words);
    this.name = 'ImportError';
    this.code = code;
    if (details.sheet !== undefined) this.sheet = details.sheet;
    if (details.row !== undefined) this.row = details.row;
    if (details.column !== undefined) this.column = details.column;
  }
}

export function isImportError(e: unknown): e is ImportError {
  return e instanceof ImportError;
}

/** For the worker that enforces the time limit: the reader itself cannot stop a stuck parse. */
export function timeoutError(millis: number): ImportError {
  return new ImportError('timeout', said('fileImport:timeout', { seconds: Math.round(millis / 1000) }));
}

/** A refusal as plain data, for a worker's reply and the CLI: the code, the Russian wording and the `Said`. */
export type ImportFailureInfo = { code: ImportErrorCode; message: string; said: Said };

export const failureInfo = (e: ImportError): ImportFailureInfo => ({ code: e.code, message: e.message, said: e.said });

/** "A", "Z", "AA" for 0, 25, 26 — as Excel labels columns. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A row's problem with its place: «Лист «Делегаты», строка 14: нет фамилии», or «Строка 14: …» for a CSV, which has no sheets. */
export function rowIssue(row: number, field: ImportField | 'row', sheet: string | undefined, issue: Said): RowIssue {
  const words = sheet ? said('importRows:at.sheet', { sheet, row, issue }) : said('importRows:at.row', { row, issue });
  return { row, field, message: wordRu(words), said: words };
}

/** The problem itself, without «Лист …, строка N:» (a list that shows the row number beside it). */
export function issueOnly(issue: RowIssue): Said {
  const inner = issue.said.values?.['issue'];
  return isSaid(inner) ? inner : issue.said;
}
