/** Contest results math (issue 7): pure functions over criteria, applications and score sheets. */
export { computeResults } from './compute-results';
export { computeTotals, totalScale } from './totals';
export { bordaPoints, computeAggregates, jurorMoments, trimmedMean, zNormalize } from './aggregates';
export { rankApplications, scoreOf } from './ranking';
export { blockReliability, completeBlock, findCompleteBlocks, icc, kendallW } from './reliability';
export { defaultThresholds, divergence, jurorStatistics } from './jurors';
export { ICC_BANDS, iccVerdict, KENDALL_BANDS, kendallVerdict, recommendedIcc } from './verdicts';
export type { IccChoice, IccForm, Verdict, VerdictLevel } from './verdicts';
export { cellKey, outlierCells } from './matrix';
export { computeSensitivity } from './sensitivity';
export { chiSquarePValue, gammaP, gammaQ, lnGamma } from './special-functions';
export { averageRanks, mean, median, nearlyEqual, pearson, sampleSd, spearman } from './stats';
export { AGGREGATION_METHODS } from './types';
export type * from './types';
