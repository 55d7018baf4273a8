/**
 * Inputs and outputs of the contest results math (issue 7). The contest data model maps onto the
 * inputs; the outputs are what the results screen and the protocol print. Everything here is plain
 * data: no Dates, no Maps, so a result can be cached, sent over IPC or written into a file as is.
 */

/** One scoring criterion of a nomination. `weight` is the coefficient a value is multiplied by. */
export type Criterion = { id: string; title: string; min: number; max: number; weight: number };

/** One juror's scores for one application, by criterion id. Only `final` sheets count. */
export type ScoreSheet = {
  jurorId: string;
  applicationId: string;
  values: Record<string, number | null>;
  status: 'draft' | 'final';
  comment?: string;
};

export type ApplicationRef = { id: string; title: string; submittedAt: string /* ISO 8601 */ };

export type AggregationMethod = 'mean' | 'median' | 'trimmed-mean' | 'z-mean' | 'borda';

/** Every method, in the order the results screen shows them side by side. */
export const AGGREGATION_METHODS: readonly AggregationMethod[] = ['mean', 'median', 'trimmed-mean', 'z-mean', 'borda'];

export type TieBreak = 'higher-median' | 'more-max-marks' | 'earlier-submission' | 'shared-place';

// ─── totals ────────────────────────────────────────────────────────────────────────────────────

/**
 * Why a sheet did not count. The brief names `draft` and `missing-values`; the others guard against
 * data the contest screens should not let through but a merged file might still carry.
 */
export type ExclusionReason = 'draft' | 'missing-values' | 'out-of-range' | 'duplicate' | 'unknown-application';

export type Exclusion = {
  jurorId: string;
  applicationId: string;
  reason: ExclusionReason;
  /** for `missing-values` / `out-of-range`: the criteria at fault */
  criterionIds?: string[];
};

/** A counted sheet: Σ value × weight, and how many of its values sit at the criterion's maximum. */
export type JurorTotal = { jurorId: string; applicationId: string; total: number; maxMarks: number };

/** The range a total can take: Σ min × w … Σ max × w (for axes and default thresholds). */
export type TotalScale = { min: number; max: number };

export type TotalsResult = { totals: JurorTotal[]; excluded: Exclusion[]; scale: TotalScale };

// ─── aggregates ────────────────────────────────────────────────────────────────────────────────

/** Mean / SD of a set of totals; `sd` is the sample SD (n − 1), null below two values. */
export type Moments = { count: number; mean: number | null; sd: number | null };

/** All aggregates of one application side by side; every number is null when nobody scored it. */
export type ApplicationAggregate = {
  applicationId: string;
  reviews: number;
  /** parallel arrays: who scored it and their totals, in sheet order */
  jurorIds: string[];
  totals: number[];
  mean: number | null;
  median: number | null;
  /** mean without the single highest and lowest total when reviews ≥ 5, else the plain mean */
  trimmedMean: number | null;
  trimmed: boolean;
  /** mean of per-juror z-normalized totals, back on the totals' scale */
  zMean: number | null;
  /** mean normalized Borda points in [0, 1]: 1 = every juror put it first */
  borda: number | null;
  /** mean of the raw per-juror ranks (1 = best); depends on juror load, shown for information */
  meanRank: number | null;
  /** criterion values at their maximum, over all counted sheets (a tie-break) */
  maxMarks: number;
};

export type AggregatesResult = {
  applications: ApplicationAggregate[];
  grand: Moments;
  jurors: Record<string, Moments>;
};

// ─── ranking ───────────────────────────────────────────────────────────────────────────────────

/** What fixed a place: the aggregate itself, a tie-break rule, or nothing (`unresolved` shares it). */
export type PlaceDecision = 'score' | TieBreak | 'unresolved';

export type RankedEntry = {
  applicationId: string;
  /** 1-based; equal for a shared place (1, 2, 2, 4); null when nobody scored the application */
  place: number | null;
  score: number | null;
  decidedBy: PlaceDecision | null;
  /** other applications with the same aggregate, i.e. the tie the chain had to break */
  tiedOnScoreWith: string[];
};

export type Ranking = { method: AggregationMethod; tieBreaks: TieBreak[]; entries: RankedEntry[] };

// ─── reliability ───────────────────────────────────────────────────────────────────────────────

export type KendallW = {
  /** objects (applications) and judges (jurors) */
  n: number;
  m: number;
  w: number | null;
  chiSquare: number | null;
  df: number;
  pValue: number | null;
  /** Σ over judges of Σ (t³ − t) over their tie groups */
  tieTerm: number;
};

/**
 * Shrout & Fleiss (1979): ICC(1,·) one-way random, ICC(2,·) two-way random with absolute agreement,
 * ICC(3,·) two-way mixed (fixed judges), consistency; «1» one judge, «k» the mean of k. Null = undefined.
 */
export type Icc = {
  n: number;
  k: number;
  /** between-targets, within-targets, between-judges and residual mean squares (BMS, WMS, JMS, EMS in S&F) */
  bms: number | null;
  wms: number | null;
  jms: number | null;
  ems: number | null;
  icc11: number | null;
  icc1k: number | null;
  icc21: number | null;
  icc2k: number | null;
  icc31: number | null;
  icc3k: number | null;
};

export type BlockReliability = {
  id: string;
  applicationIds: string[];
  jurorIds: string[];
  /** explicit blocks only: what was left out to make the matrix complete (see `completeBlock`) */
  omittedApplicationIds: string[];
  omittedJurorIds: string[];
  kendall: KendallW;
  icc: Icc;
};

export type JurorFlag = 'low-agreement' | 'offset';

export type JurorStats = {
  jurorId: string;
  count: number;
  mean: number | null;
  /** μj − μ, μ the grand mean of all totals */
  offset: number | null;
  /** σj, sample SD of the juror's totals */
  spread: number | null;
  /** Spearman ρ of the juror's totals with the others' mean, over applications shared with others */
  spearman: number | null;
  shared: number;
  flags: JurorFlag[];
};

export type DivergenceFlag = 'range' | 'sd';

export type Divergence = {
  applicationId: string;
  reviews: number;
  range: number | null;
  sd: number | null;
  flags: DivergenceFlag[];
};

export type Thresholds = {
  /** a juror whose leave-one-out ρ is below this is flagged */
  minSpearman: number;
  /** a juror whose |offset| exceeds this many SDs of all jurors' offsets is flagged */
  offsetSdFactor: number;
  /** totals' range / SD on one application above which it is flagged for discussion */
  divergenceRange: number;
  divergenceSd: number;
};

export type Reliability = { blocks: BlockReliability[]; jurors: JurorStats[]; divergence: Divergence[] };

// ─── sensitivity ───────────────────────────────────────────────────────────────────────────────

export type PlacesByMethod = Record<AggregationMethod, number | null>;

export type ApplicationSensitivity = {
  applicationId: string;
  places: PlacesByMethod;
  best: number | null;
  worst: number | null;
  dependsOnMethod: boolean;
};

/** A place number whose holders are not the same under every method. */
export type MethodDependentPlace = { place: number; occupants: Record<AggregationMethod, string[]> };

export type Sensitivity = {
  applications: ApplicationSensitivity[];
  changedApplicationIds: string[];
  methodDependentPlaces: MethodDependentPlace[];
};

// ─── everything ────────────────────────────────────────────────────────────────────────────────

/** A group of applications to test for agreement together (e.g. a nomination). */
export type BlockSpec = { id: string; applicationIds: readonly string[] };

export type ResultsInput = {
  criteria: readonly Criterion[];
  applications: readonly ApplicationRef[];
  sheets: readonly ScoreSheet[];
  method: AggregationMethod;
  tieBreaks: readonly TieBreak[];
  thresholds?: Partial<Thresholds>;
  /** if absent, blocks are found automatically (see `findCompleteBlocks`) */
  blocks?: readonly BlockSpec[];
};

export type Results = {
  method: AggregationMethod;
  tieBreaks: TieBreak[];
  thresholds: Thresholds;
  scale: TotalScale;
  totals: JurorTotal[];
  excluded: Exclusion[];
  grand: Moments;
  aggregates: ApplicationAggregate[];
  /** the official ranking: the declared method and tie-break chain */
  ranking: Ranking;
  /** the same chain under every method, for the side-by-side view */
  rankings: Record<AggregationMethod, Ranking>;
  reliability: Reliability;
  sensitivity: Sensitivity;
};
