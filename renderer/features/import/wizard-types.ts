/**
 * What the import wizard (ImportWizard.tsx) hands its steps (Step*.tsx): the file as read, the analysis of
 * the chosen columns, the progress of the write. In their own file so the steps do not import the wizard
 * that imports them.
 */
import type { MunicipalitySuggestion } from '../../../shared/import/municipality';
import type { ImportBase, ImportProgress } from '../../db/repo/import';
import type { Prepared, Removed } from './plan';
import type { Analysis, AnalyzeRequest, CsvOverrides, ReadReply } from './worker-protocol';

/** A file read by the worker, with what the database already holds for the comparison. */
export type Loaded = { fileName: string; bytes: Uint8Array; reply: ReadReply; base: ImportBase; csv?: CsvOverrides; suggested?: MunicipalitySuggestion };
/** The rows analysed under the chosen mapping, matched against the database. */
export type Analyzed = { request: AnalyzeRequest; analysis: Analysis; prepared: Prepared; warnings: Analysis['warnings']; template: boolean; removed: Removed[] };
/** The write under way: building the rows, then writing them in chunks. */
export type Committing = { phase: 'build' | 'write'; progress: ImportProgress };
