/**
 * Every way a file can be refused, as a code that scripts and tests match on and a Russian message that
 * tells the person at the desk what to do next. The database is never touched before a file has been
 * read without one of these.
 */
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

export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly sheet?: string;
  /** The sheet's own 1-based row number, when the error is about one row. */
  readonly row?: number;
  /** Column letter ("C"), when the error is about one column. */
  readonly column?: string;

  constructor(code: ImportErrorCode, message: string, details: ImportErrorDetails = {}) {
    super(message);
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
  const seconds = Math.round(millis / 1000);
  return new ImportError(
    'timeout',
    `Чтение файла заняло больше ${seconds} с и остановлено. Откройте файл в Excel, удалите лишние листы и строки и сохраните заново (или сохраните как CSV).`,
  );
}

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


/** «Лист «Делегаты», строка 14: » or «Строка 14: » for a CSV, which has no sheets. */
export function rowPrefix(sheet: string | undefined, row: number): string {
  return sheet ? `Лист «${sheet}», строка ${row}: ` : `Строка ${row}: `;
}
