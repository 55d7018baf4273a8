/**
 * Spreadsheet import, pure: bytes → sheets → header → mapping → records → duplicates, plus the writers
 * that fixtures and the generator use. Runs in a browser worker (the app) and in Node (the CLI).
 */
export * from './types';
export * from './errors';
export { readSpreadsheet, isEncryptedCfb, baseName, formatFromFileName, formatName } from './read';
export type { ReadOptions } from './read';
export { decodeText, detectDelimiter, parseCsv, countRecords, looksBinary, encodingName, delimiterName } from './csv';
export { inspectZip } from './zip';
export type { ZipInspection, ZipKind, ZipEntry } from './zip';
export { findHeader, locateHeader, validateHeader, chooseSheet } from './header';
export { autoMap, applyMapping, matchHeader, scoreHeaders, hasNameColumn } from './mapping';
export type { ApplyMappingOptions } from './mapping';
export { splitFullName, normalizeNamePart, isGivenName, isPatronymic } from './names';
export type { SplitName } from './names';
export { createMunicipalityMatcher } from './municipality';
export type { MunicipalityMatch } from './municipality';
export { toRecords, fieldLabel } from './records';
export type { ToRecordsOptions, ToRecordsResult } from './records';
export { findDuplicates, personKeys, DEDUPE_REASONS, evidenceLabel } from './dedupe';
export type { DedupeReason, Evidence, PersonLike, PersonKeys, DuplicateReport, InFileDuplicate, ExistingMatch } from './dedupe';
export { checkList, analyzeList, isCheckListFailure, failure } from './check-list';
export type { CheckListOptions, CheckListReport, CheckListFailure, CheckListIssue, CheckListRecord, ListAnalysis } from './check-list';
export { encodeWindows1251, fitsWindows1251 } from './cp1251';
export { sheetToXlsx, sheetToXls, sheetToCsv, sheetToCsvText } from './write';
export type { WriteOptions, CsvWriteOptions } from './write';
export { fold, headerWords } from './normalize';
