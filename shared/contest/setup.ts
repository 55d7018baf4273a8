/**
 * Contest setup rules: what a valid contest looks like, and what may still change once scoring opens.
 * The method, the tie-break chain and the forms are frozen at `lockForScoring`: a jury that could see
 * the counting rules change after it scored would rightly call the ranking arbitrary. Everything here
 * is pure — the repository calls `checkContestEdit` before writing and refuses with its messages.
 */
import { AGGREGATION_METHODS } from '../results/types';
import type { TieBreak } from '../results/types';
import type { Contest, Juror, Nomination } from './types';
import { said, worded, type Said, type SaidValue } from '../text/said';

export type SetupIssue = {
  severity: 'error' | 'warning';
  code:
    | 'title-empty'
    | 'min-reviews'
    | 'min-reviews-low'
    | 'method-unknown'
    | 'tie-break-unknown'
    | 'tie-break-duplicate'
    | 'tie-break-after-shared'
    | 'no-nominations'
    | 'nomination-contest'
    | 'nomination-duplicate'
    | 'nomination-title'
    | 'no-criteria'
    | 'criterion-duplicate'
    | 'criterion-title'
    | 'scale'
    | 'weight'
    | 'band-range'
    | 'band-overlap'
    | 'band-gap'
    | 'band-text'
    | 'jurors-too-few'
    | 'not-setup'
    | 'locked';
  /** where: 'contest', 'nomination:<id>', 'criterion:<nominationId>/<criterionId>' */
  path: string;
  /** For the screen (`contestRules:setup`); `message` is the same in Russian. */
  said: Said;
  message: string;
};

/** An issue with its words. */
function issue(severity: SetupIssue['severity'], code: SetupIssue['code'], path: string, key: string, values?: Record<string, SaidValue>): SetupIssue {
  return { severity, code, path, ...worded(said(`contestRules:setup.${key}`, values)) };
}

const TIE_BREAKS: readonly TieBreak[] = ['higher-median', 'more-max-marks', 'earlier-submission', 'shared-place'];

/**
 * Every problem of a contest setup, errors first in input order. `jurors` (optional) adds a warning for
 * nominations with fewer jurors than `minReviews` — not an error in setup, jurors are often added last.
 */
export function validateContest(contest: Contest, nominations: readonly Nomination[], jurors?: readonly Juror[]): SetupIssue[] {
  const out: SetupIssue[] = [];
  const err: Report = (code, path, key, values) => out.push(issue('error', code, path, key, values));
  const warn: Report = (code, path, key, values) => out.push(issue('warning', code, path, key, values));

  if (contest.title.trim() === '') err('title-empty', 'contest', 'titleEmpty');
  if (!Number.isInteger(contest.minReviews) || contest.minReviews < 1) {
    err('min-reviews', 'contest', 'minReviews', { value: String(contest.minReviews) });
  } else if (contest.minReviews < 2) {
    warn('min-reviews-low', 'contest', 'minReviewsLow');
  }
  if (!AGGREGATION_METHODS.includes(contest.method)) err('method-unknown', 'contest', 'methodUnknown', { method: String(contest.method) });
  const seen = new Set<string>();
  for (const t of contest.tieBreaks) {
    if (!TIE_BREAKS.includes(t)) err('tie-break-unknown', 'contest', 'tieBreakUnknown', { rule: String(t) });
    else if (seen.has(t)) err('tie-break-duplicate', 'contest', 'tieBreakDuplicate', { rule: t });
    // «shared place» settles every remaining tie, so a rule after it can never apply
    if (seen.has('shared-place')) warn('tie-break-after-shared', 'contest', 'tieBreakAfterShared');
    seen.add(t);
  }

  if (nominations.length === 0) err('no-nominations', 'contest', 'noNominations');
  const nominationIds = new Set<string>();
  for (const n of nominations) {
    const np = `nomination:${n.id}`;
    const name = n.title.trim() === '' ? n.id : n.title;
    if (n.contestId !== contest.id) err('nomination-contest', np, 'nominationContest', { name });
    if (nominationIds.has(n.id)) err('nomination-duplicate', np, 'nominationDuplicate', { name });
    nominationIds.add(n.id);
    if (n.title.trim() === '') err('nomination-title', np, 'nominationTitle');
    if (n.criteria.length === 0) err('no-criteria', np, 'noCriteria', { name });
    const criterionIds = new Set<string>();
    for (const c of n.criteria) {
      const cp = `criterion:${n.id}/${c.id}`;
      const where = said('contestRules:setup.where', { name, criterion: c.title.trim() === '' ? c.id : c.title });
      if (criterionIds.has(c.id)) err('criterion-duplicate', cp, 'criterionDuplicate', { where });
      criterionIds.add(c.id);
      if (c.title.trim() === '') err('criterion-title', cp, 'criterionTitle', { name });
      const scaleOk = Number.isInteger(c.min) && Number.isInteger(c.max) && c.min < c.max;
      if (!scaleOk) err('scale', cp, 'scale', { where, min: String(c.min), max: String(c.max) });
      if (!Number.isFinite(c.weight) || c.weight <= 0) err('weight', cp, 'weight', { where, weight: String(c.weight) });
      if (scaleOk) checkBands(c, where, cp, err, warn);
    }
  }

  if (jurors !== undefined && Number.isInteger(contest.minReviews)) {
    for (const n of nominations) {
      const count = jurors.filter((j) => j.nominationIds.includes(n.id)).length;
      if (count < contest.minReviews) {
        warn('jurors-too-few', `nomination:${n.id}`, 'jurorsTooFew', { name: n.title, count: String(count), need: contest.minReviews });
      }
    }
  }
  out.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return out;
}

type Report = (code: SetupIssue['code'], path: string, key: string, values?: Record<string, SaidValue>) => void;

/** Bands are hints, so a gap is a warning; a band outside the scale or overlapping another is an error. */
function checkBands(c: Nomination['criteria'][number], where: Said, path: string, err: Report, warn: Report): void {
  const bands = [...c.bands].sort((a, b) => a.from - b.from || a.to - b.to);
  let covered = c.min - 1;
  for (const b of bands) {
    const range = { where, from: String(b.from), to: String(b.to) };
    if (!Number.isInteger(b.from) || !Number.isInteger(b.to) || b.from > b.to || b.from < c.min || b.to > c.max) {
      err('band-range', path, 'bandRange', { ...range, min: String(c.min), max: String(c.max) });
      continue;
    }
    if (b.from <= covered) err('band-overlap', path, 'bandOverlap', range);
    else if (b.from > covered + 1) warn('band-gap', path, 'bandGap', { where, from: String(covered + 1), to: String(b.from - 1) });
    if (b.text.trim() === '') warn('band-text', path, 'bandText', range);
    covered = Math.max(covered, b.to);
  }
  if (bands.length > 0 && covered < c.max) warn('band-gap', path, 'bandGap', { where, from: String(covered + 1), to: String(c.max) });
}

/** What the organizer edits; `canEdit` says which of these a contest in a given status allows. */
export type ContestField =
  | 'title'
  | 'minReviews'
  | 'method'
  | 'tieBreaks'
  | 'nominations'
  | 'criteria'
  | 'commentRequired'
  | 'applications'
  | 'jurors'
  | 'assignments';

/** Frozen when scoring opens: they decide how scores are counted or what a juror was asked. */
const FROZEN_BY_SCORING: ReadonlySet<ContestField> = new Set(['method', 'tieBreaks', 'nominations', 'criteria', 'commentRequired']);

/**
 * setup: everything. scoring: the counting rules and the forms are frozen; applications, jurors,
 * assignments and the minimum number of reviews still change (a juror falls ill, a late application is
 * admitted). closed: nothing — the protocol has been signed on these numbers.
 */
export function canEdit(contest: Pick<Contest, 'status'>, field: ContestField): boolean {
  if (contest.status === 'setup') return true;
  if (contest.status === 'closed') return false;
  return !FROZEN_BY_SCORING.has(field);
}


type Setup = { contest: Contest; nominations: readonly Nomination[] };

/**
 * The refused parts of an edit of contest settings and forms (empty = allowed). Status and lockedAt
 * are not edits — they move only through `lockForScoring` / `closeScoring`.
 */
export function checkContestEdit(before: Setup, after: Setup): SetupIssue[] {
  const changed = new Set<ContestField>();
  const b = before.contest;
  const a = after.contest;
  if (b.title !== a.title) changed.add('title');
  if (b.minReviews !== a.minReviews) changed.add('minReviews');
  if (b.method !== a.method) changed.add('method');
  if (JSON.stringify(b.tieBreaks) !== JSON.stringify(a.tieBreaks)) changed.add('tieBreaks');
  const idsOf = (s: Setup) => JSON.stringify(s.nominations.map((n) => n.id));
  if (idsOf(before) !== idsOf(after)) changed.add('nominations');
  const afterById = new Map(after.nominations.map((n) => [n.id, n]));
  for (const n of before.nominations) {
    const m = afterById.get(n.id);
    if (m === undefined) continue;
    if (JSON.stringify(n.criteria) !== JSON.stringify(m.criteria)) changed.add('criteria');
    if (n.commentRequired !== m.commentRequired) changed.add('commentRequired');
  }
  const state = said(`contestRules:setup.lockedState.${b.status === 'closed' ? 'closed' : 'scoring'}`);
  return [...changed].filter((f) => !canEdit(b, f)).map((f) => issue('error', 'locked', 'contest', 'locked', { field: said(`contestRules:setup.fields.${f}`), state }));
}

export type LockResult = { ok: true; contest: Contest } | { ok: false; issues: SetupIssue[] };

/** Opens scoring: refused while the setup has errors (warnings are the organizer's call). */
export function lockForScoring(contest: Contest, nominations: readonly Nomination[], now: string): LockResult {
  if (contest.status !== 'setup') {
    return { ok: false, issues: [issue('error', 'not-setup', 'contest', 'notSetup')] };
  }
  const errors = validateContest(contest, nominations).filter((i) => i.severity === 'error');
  if (errors.length > 0) return { ok: false, issues: errors };
  return { ok: true, contest: { ...contest, status: 'scoring', lockedAt: now } };
}

/** Ends scoring; the results are then computed on what was received. Only from `scoring`. */
export function closeScoring(contest: Contest): Contest {
  if (contest.status !== 'scoring') throw new Error(`closeScoring: contest ${contest.id} is ${contest.status}`);
  return { ...contest, status: 'closed' };
}
