/** Contest and jury (issue 6): pure domain core — setup, conflicts, assignment, juror packages, score files. */
export type * from './types';
export { DEFAULT_SCALE_MAX, DEFAULT_SCALE_MIN, scoreId } from './types';
export { criterionOf, sheetOf, toResultsInput } from './results-input';
export type { ContestResultsInput, NominationResultsInput, SkippedScore } from './results-input';
export { GRANT_CRITERIA, GRANT_MIN_REVIEWS, GRANT_TIE_BREAKS, grantContestTemplate } from './template';
export type { GrantTemplateOptions } from './template';
export { canEdit, checkContestEdit, closeScoring, lockForScoring, validateContest } from './setup';
export type { ContestField, LockResult, SetupIssue } from './setup';
export { closeScoringLogged, excludedJurors, jurorSheetCounts, lockSummary, openScoringLogged, reopenScoring, unlockCriteria, withRemovedJuror } from './lifecycle';
export type { LifecycleResult } from './lifecycle';
export { blockedPairs, detectConflicts, isValidOverride, overrideConflict, pairKey } from './conflicts';
export type { ConflictInput, JurorProfile, OverrideEntry, OverrideResult, ReportedConflict } from './conflicts';
export { assignJury } from './assignment';
export type { AssignmentApplication, AssignmentInput, AssignmentJuror, AssignmentResult, AssignmentWarning, AssignmentWarningCode } from './assignment';
export type { Shortfall, ShortfallReason } from './assignment-explain';
export {
  canonicalScore,
  compareScores,
  editScore,
  finalizeScore,
  formatScore,
  invalidValues,
  lastReopen,
  mergeScores,
  newScore,
  parseScoreText,
  reopenScore,
  scaleText,
  sheetProblems,
  stepOf,
  storedKey,
  storedVersions,
  valueProblem,
} from './scores';
export type { MergeResult, ParsedScore, SheetEdit, SheetForm, SheetProblem, SheetProblemCode } from './scores';
export {
  buildJurorPackage,
  isSealedJurorPackage,
  JUROR_PACKAGE_FORMAT,
  JUROR_PACKAGE_VERSION,
  MAX_JUROR_PACKAGE_BYTES,
  newPackageCode,
  packageAttachments,
  packJurorPackage,
  parseJurorPackage,
  sealJurorPackage,
  serializeJurorPackage,
} from './juror-package';
export type { BuildPackageInput, JurorPackage, OmittedReason, PackageApplication, PackageNomination, PackageReopen, PackResult, ParsePackageResult } from './juror-package';
export { MAX_SCORE_FILE_BYTES, SCORE_FILE_FORMAT, SCORE_FILE_VERSION, verifyScoreFile, writeScoreFile } from './score-file';
export type { ScoreFileInput, ScoreFileRefusalCode, ScoreFileVerdict, ScoreRefusal, VerifyOptions } from './score-file';
