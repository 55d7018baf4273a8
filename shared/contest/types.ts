/**
 * The contest data model (issue 6): contests, nominations with their scoring forms, applications,
 * jurors, conflicts of interest, assignments and scores. Rows are plain JSON (ISO strings, arrays,
 * records — no Dates, Maps or classes): they are stored in the same database as people and events,
 * travel in juror packages and score files, and are written into the change log as they are.
 *
 * The results math (shared/results) consumes these through `toResultsInput` (results-input.ts); the
 * names here mirror its types so that adapter is a rename, never a reinterpretation.
 */
import type { Id, IsoDateTime } from '../domain/types';
import type { AggregationMethod, TieBreak } from '../results/types';
import type { Said } from '../text/said';

export type { AggregationMethod, TieBreak } from '../results/types';

export type ContestStatus = 'setup' | 'scoring' | 'closed';

export type Contest = {
  id: Id;
  eventId: Id;
  title: string;
  /**
   * setup → scoring → closed. Method, tie-breaks and the forms are declared in `setup` and frozen when
   * scoring opens (setup.ts `canEdit`): a jury must not learn afterwards how its scores will be counted.
   */
  status: ContestStatus;
  /** Independent reviews every admitted application must get (grant-contest practice: at least 2). */
  minReviews: number;
  method: AggregationMethod;
  tieBreaks: TieBreak[];
  /** When scoring opened; absent in `setup`. */
  lockedAt?: IsoDateTime;
  /**
   * Names under the results protocol's signature lines, remembered so the next print is prefilled
   * (issue 7). Not part of the counting rules: editable in any status, absent until first saved.
   */
  protocolChair?: string;
  protocolSecretary?: string;
  /** Every open, close, reopen and unlock of scoring, oldest first (lifecycle.ts); absent until scoring first opens. */
  scoringLog?: ScoringLogEntry[];
  /** Jurors taken off the jury after their sheets arrived, with what was decided about those sheets. */
  removedJurors?: RemovedJuror[];
};

export type ScoringAction = 'open' | 'close' | 'reopen' | 'unlock';

export type ScoringLogEntry = {
  action: ScoringAction;
  at: IsoDateTime;
  /** «организатор (Ноутбук 1)» */
  by: string;
  /** Required for reopen and unlock: the protocol and the audit show why the rules moved. */
  reason?: string;
};

/**
 * A juror removed from the jury while sheets of theirs were stored. The juror row goes (assignments,
 * conflicts, packages), but the name and the decision stay on the contest so the protocol can say
 * «оценки исключены: причина» or name them in the commission — never an id.
 */
export type RemovedJuror = {
  jurorId: Id;
  name: string;
  at: IsoDateTime;
  by: string;
  reason: string;
  /** excluded: their sheets do not count (listed as excluded with the reason); kept: they count. */
  sheets: 'excluded' | 'kept';
  /** Finalized sheets of theirs when removed (what the organizer was told). */
  finalSheets: number;
};

/** A description of what a score band means («9–10 баллов — проект полностью…»), shown next to the input. */
export type ScoreBand = { from: number; to: number; text: string };

export const DEFAULT_SCALE_MIN = 0;
export const DEFAULT_SCALE_MAX = 10;

export type CriterionDef = {
  /** Unique inside its nomination; the key of `Score.values`. */
  id: Id;
  title: string;
  description: string;
  /** Integer scale, default 0–10. */
  min: number;
  max: number;
  /**
   * The smallest difference between two scores: absent = whole points; 0.5 = halves allowed
   * («7,5»). Stored only when 0.5, so forms of the first release stay byte-for-byte the same.
   */
  step?: 0.5;
  /** The coefficient: a juror's total is Σ value × weight (shared/results `Criterion.weight`). */
  weight: number;
  bands: ScoreBand[];
};

export type Nomination = {
  id: Id;
  contestId: Id;
  title: string;
  /** The scoring form, in display order. */
  criteria: CriterionDef[];
  /** A written justification is required before a sheet can be finalized. */
  commentRequired: boolean;
};

/** A file attached to an application. The bytes live elsewhere (attachment store), keyed by sha256. */
export type AttachmentRef = { id: Id; name: string; mime: string; size: number; sha256: string };

export type ApplicationStatus = 'submitted' | 'admitted' | 'rejected' | 'withdrawn';

export type Application = {
  id: Id;
  contestId: Id;
  nominationId: Id;
  title: string;
  summary: string;
  municipalityId?: Id;
  /** The applicant organization. */
  organizationId?: Id;
  /** People (shared/domain Person ids) who submitted it; a juror among them is in conflict. */
  applicantPersonIds: Id[];
  /** Roubles. */
  requestedAmount?: number;
  /** Also the «earlier submission» tie-break. */
  submittedAt: IsoDateTime;
  /** Only `admitted` applications are assigned, scored and ranked. */
  status: ApplicationStatus;
  rejectReason?: string;
  attachments: AttachmentRef[];
};

export type Juror = {
  id: Id;
  contestId: Id;
  /** The person (shared/domain Person) — their organization and municipality drive conflict detection. */
  personId: Id;
  /** Nominations this juror scores. */
  nominationIds: Id[];
  /** Most applications this juror may be given (anchors and manual ones included); absent = no limit. */
  cap?: number;
};

export type ConflictKind = 'organization' | 'municipality' | 'applicant' | 'declared' | 'manual';

/** Who lifted a conflict and why. A conflict without a written reason cannot be overridden. */
export type ConflictOverride = { by: string; at: IsoDateTime; reason: string };

export type Conflict = {
  jurorId: Id;
  applicationId: Id;
  kind: ConflictKind;
  /** In Russian, for the protocol and logs («Эксперт работает в организации-заявителе»). */
  reason: string;
  /** The same for the screen, in the interface language (shared/text/said.ts); absent on a conflict built by hand. */
  said?: Said;
  overridden?: ConflictOverride;
};

/**
 * The organizer's decision to return a finalized sheet to the juror («вернуть на доработку»). It is
 * stored on the assignment (change-logged, so every organizer device knows it), travels to the juror in
 * the next package, is applied there once (by id) and comes back inside the sheet (`Score.reopened`).
 * The organizer refuses a sheet that was reopened without one of their grants (score-file.ts).
 */
export type ReopenGrant = {
  /** Random; the juror's device applies each grant once. */
  id: Id;
  /** Why, in the organizer's words; required. */
  reason: string;
  /** Who decided («организатор (Ноутбук 1)»). */
  by: string;
  at: IsoDateTime;
};

export type Assignment = {
  jurorId: Id;
  applicationId: Id;
  /** Scored by every non-conflicted juror of the nomination, so per-juror normalization has common ground. */
  anchor?: boolean;
  /** Set by the organizer; the solver keeps it as is. */
  manual?: boolean;
  /** Every time the organizer returned this juror's finalized sheet, oldest first. */
  reopens?: ReopenGrant[];
};

export type ScoreStatus = 'draft' | 'final';

/**
 * One juror's sheet for one application. Owned by the juror's device: only it raises `version`
 * (every autosave), and the organizer's merge keeps the highest version (scores.ts). Ids are
 * `scoreId(jurorId, applicationId)` so two devices creating the same sheet agree on its id.
 */
export type Score = {
  id: Id;
  contestId: Id;
  jurorId: Id;
  applicationId: Id;
  /** By criterion id; null = not filled yet. */
  values: Record<Id, number | null>;
  comment: string;
  status: ScoreStatus;
  /** 1, 2, 3… per sheet; newer replaces older, equal is the same edit seen twice. */
  version: number;
  updatedAt: IsoDateTime;
  /** The organizer's grants this sheet was reopened under, oldest first; absent when never reopened. */
  reopened?: ReopenGrant[];
};

export function scoreId(jurorId: Id, applicationId: Id): Id {
  return `${jurorId}|${applicationId}`;
}
