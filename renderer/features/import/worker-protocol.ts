/**
 * Messages between the wizard and its parse worker. Plain data only (structured clone): no class
 * instances cross, so an ImportError travels as its code, its Russian message and its `Said` (worded on
 * the main thread in the interface language). The worker has no language layer
 * (i18next lives on the main thread): its own failures travel as a WorkerFault code, put into words by
 * worker-client.ts.
 */
import type { ExistingMatch, InFileDuplicate, PersonLike } from '../../../shared/import/dedupe';
import type { ImportFailureInfo } from '../../../shared/import/errors';
import type { CsvDelimiter, ImportField, ImportLimits, ImportRecord, Mapping, MunicipalityRef, RowIssue, SpreadsheetFormat, TextEncoding } from '../../../shared/import/types';

export type { ImportFailureInfo };

/** The worker's own failures: asked to analyze before a file was read (a fresh worker), or a sheet the file has not. */
export type WorkerFault = 'no-file' | 'no-sheet';

/** For a CSV whose encoding or delimiter was guessed wrong: the user's choice. */
export type CsvOverrides = { encoding?: TextEncoding; delimiter?: CsvDelimiter };

/** A sheet as the mapping step shows it: its first rows and where the header seems to be. */
export type SheetSummary = {
  name: string;
  hidden: boolean;
  rowCount: number;
  /** The first rows (cells cut to a readable length) for the mapping step's sample. */
  head: string[][];
  /** 0-based index of the (last) header row and how many rows the header spans. */
  headerRow: number;
  headerRows: number;
  headers: string[];
  /** Whether a name column was recognized on this sheet. */
  hasName: boolean;
};

export type ReadReply = {
  format: SpreadsheetFormat;
  encoding?: TextEncoding;
  delimiter?: CsvDelimiter;
  sheets: SheetSummary[];
  /** The sheet chooseSheet picked (the first visible one when none has a name column). */
  chosen: number;
  /** Set when no sheet has a recognizable name column: the user can still map the columns by hand. */
  notice?: ImportFailureInfo;
};

export type AnalyzeRequest = {
  sheet: number;
  headerRow: number;
  headerRows: number;
  headers: string[];
  mapping: Mapping;
  fixed: Partial<Record<ImportField, string>>;
  municipalities: MunicipalityRef[];
  /** People already registered at the event; id is the registration id. */
  existing: Array<PersonLike & { id: string }>;
  /** The district template's hidden key column, when the sheet has one. */
  keyColumn?: number;
};

export type Analysis = {
  sheetName: string;
  /** Every considered row, errors included (the preview shows each next to its message). */
  records: ImportRecord[];
  errors: RowIssue[];
  warnings: RowIssue[];
  /** Among records without errors. */
  inFile: InFileDuplicate[];
  existing: Array<ExistingMatch<string>>;
  /** [sheet row, key cell] for rows whose key cell is filled (rows with errors too). */
  keys: Array<[number, string]>;
};

/**
 * Every sheet's cells as text, for importers that map columns themselves (contest applications): the
 * same isolated, limited read as 'read', without the participants' header and name-column logic.
 */
export type RowsReply = { format: SpreadsheetFormat; sheets: Array<{ name: string; hidden: boolean; rows: string[][] }> };

export type WorkerRequest =
  | { id: number; kind: 'read'; bytes: Uint8Array; fileName: string; limits?: Partial<ImportLimits>; csv?: CsvOverrides }
  | ({ id: number; kind: 'analyze' } & AnalyzeRequest)
  | { id: number; kind: 'rows'; bytes: Uint8Array; fileName: string; limits?: Partial<ImportLimits> };

export type WorkerReply =
  | { id: number; ok: true; kind: 'read'; result: ReadReply }
  | { id: number; ok: true; kind: 'analyze'; result: Analysis }
  | { id: number; ok: true; kind: 'rows'; result: RowsReply }
  | { id: number; ok: false; error: ImportFailureInfo }
  | { id: number; ok: false; fault: WorkerFault };
