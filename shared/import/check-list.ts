/**
 * What the import would understand from a file, without a database: the pipeline read → sheet and
 * header → automatic mapping → records → duplicates in the file. `checkList` returns the JSON object
 * of `npm run cli -- check-list FILE --json`; its shape is a contract other scripts rely on — add
 * nothing to it without updating them. `analyzeList` returns the same plus what people read
 * (warnings, reasons) for the human summary and the wizard.
 */
import type { ImportField, ImportLimits, ImportRecord, MunicipalityRef, ReadResult, RowIssue, SpreadsheetFormat, TextEncoding } from './types';
import { importFields } from './types';
import type { ImportErrorCode, ImportFailureInfo } from './errors';
import { failureInfo, ImportError, isImportError } from './errors';
import { said } from '../text/said';
import type { InFileDuplicate } from './dedupe';
import { findDuplicates } from './dedupe';
import { chooseSheet } from './header';
import { applyMapping, autoMap } from './mapping';
import { readSpreadsheet } from './read';
import { toRecords } from './records';

export type CheckListOptions = {
  fileName: string;
  municipalities: readonly MunicipalityRef[];
  /** Include every understood record in the report. */
  records?: boolean;
  limits?: Partial<ImportLimits>;
};

export type CheckListRecord = Pick<
  ImportRecord,
  'row' | 'surname' | 'name' | 'patronymic' | 'initials' | 'position' | 'organization' | 'phone' | 'email' | 'municipality' | 'category' | 'section'
>;

export type CheckListReport = {
  file: string;
  format: SpreadsheetFormat;
  /** Text files only; null for workbooks. */
  encoding: TextEncoding | null;
  sheet: string;
  /** The sheet's own 1-based number of the (last) header row. */
  headerRow: number;
  /** Field → the header text it was recognized from. */
  mapping: Partial<Record<ImportField, string>>;
  /** Data rows considered (empty, totals and repeated header rows are not). */
  rows: number;
  /** Considered rows without errors. */
  valid: number;
  /** Each row problem in Russian (its `Said` stays out of the JSON). */
  errors: CheckListIssue[];
  duplicatesInFile: Array<[number, number]>;
  records?: CheckListRecord[];
};

export type CheckListIssue = Omit<RowIssue, 'said'>;

export type CheckListFailure = { file: string; error: { code: ImportErrorCode; message: string } };

export type ListAnalysis = {
  report: CheckListReport;
  read: ReadResult;
  records: ImportRecord[];
  warnings: RowIssue[];
  duplicates: InFileDuplicate[];
};

export function isCheckListFailure(r: CheckListReport | CheckListFailure): r is CheckListFailure {
  return 'error' in r;
}

/** Runs the whole pipeline; throws ImportError. */
export function analyzeList(bytes: Uint8Array, opts: CheckListOptions): ListAnalysis {
  const read = readSpreadsheet(bytes, { fileName: opts.fileName, ...(opts.limits ? { limits: opts.limits } : {}) });
  const { sheet, header } = chooseSheet(read, opts.limits);
  const mapping = autoMap(header.headers);
  const mapped = applyMapping(sheet, { headerRow: header.headerRow, mapping, headers: header.headers });
  const { records, errors, warnings } = toRecords(sheet, mapped, { municipalities: opts.municipalities, sheetLabel: read.format !== 'csv' });
  const dups = findDuplicates(records);

  const mappingText: Partial<Record<ImportField, string>> = {};
  for (const f of importFields) {
    const col = mapped.mapping[f];
    if (col !== undefined) mappingText[f] = (header.headers[col] ?? '').trim();
  }
  const errorRows = new Set(errors.map((e) => e.row));
  const report: CheckListReport = {
    file: opts.fileName,
    format: read.format,
    encoding: read.encoding ?? null,
    sheet: sheet.name,
    headerRow: header.headerRow + 1,
    mapping: mappingText,
    rows: records.length,
    valid: records.filter((r) => !errorRows.has(r.row)).length,
    errors: errors.map(({ row, field, message }) => ({ row, field, message })),
    duplicatesInFile: dups.duplicatesInFile,
  };
  if (opts.records) {
    report.records = records.map((r) => ({
      row: r.row,
      surname: r.surname,
      name: r.name,
      patronymic: r.patronymic,
      initials: r.initials,
      position: r.position,
      organization: r.organization,
      phone: r.phone,
      email: r.email,
      municipality: r.municipality,
      category: r.category,
      section: r.section,
    }));
  }
  return { report, read, records, warnings, duplicates: dups.inFile };
}

/** The check-list JSON: the report, or `{ file, error: { code, message } }` for a file that cannot be read. */
export function checkList(bytes: Uint8Array, opts: CheckListOptions): CheckListReport | CheckListFailure {
  try {
    return analyzeList(bytes, opts).report;
  } catch (e) {
    const { code, message } = failure(e);
    return { file: opts.fileName, error: { code, message } };
  }
}

/** Any exception as plain data (a worker's reply, the failure JSON): an ImportError keeps its code; anything else is a damaged file. */
export function failure(e: unknown): ImportFailureInfo {
  return failureInfo(isImportError(e) ? e : new ImportError('corrupt', said('fileImport:unreadable', { detail: (e instanceof Error ? e.message : String(e)).slice(0, 200) })));
}
