/**
 * Scoring's lifecycle after setup (issue 21): open → close → (reopen with a reason) → close again, and,
 * while no sheet exists yet, «разблокировать критерии» back to setup. Every move is logged on the
 * contest (`scoringLog`), so the protocol and every organizer device see when and why. Pure: the
 * repository checks what is stored (how many sheets) and writes the result in one transaction.
 */
import { lockForScoring, type LockResult } from './setup';
import type { Contest, Juror, Nomination, RemovedJuror, Score, ScoringAction, ScoringLogEntry } from './types';
import { said, worded, type Said, type SaidValue } from '../text/said';

export type LifecycleResult = { ok: true; contest: Contest } | { ok: false; said: Said; message: string };

/** A refused step (`contestRules:scoring`): `said` for the screen, `message` in Russian. */
function refused(key: string, values?: Record<string, SaidValue>): LifecycleResult {
  return { ok: false, ...worded(said(`contestRules:scoring.${key}`, values)) };
}

const log = (contest: Contest, action: ScoringAction, at: string, by: string, reason?: string): ScoringLogEntry[] => [
  ...(contest.scoringLog ?? []),
  { action, at, by, ...(reason === undefined ? {} : { reason }) },
];

/** «Открыть приём оценок», logged. */
export function openScoringLogged(contest: Contest, nominations: readonly Nomination[], at: string, by: string): LockResult {
  const r = lockForScoring(contest, nominations, at);
  return r.ok ? { ok: true, contest: { ...r.contest, scoringLog: log(contest, 'open', at, by) } } : r;
}

/** «Закрыть приём оценок»: later score files are refused and the results become final. */
export function closeScoringLogged(contest: Contest, at: string, by: string): LifecycleResult {
  if (contest.status !== 'scoring') return refused(contest.status === 'closed' ? 'alreadyClosed' : 'notOpen');
  return { ok: true, contest: { ...contest, status: 'closed', scoringLog: log(contest, 'close', at, by) } };
}

/** Reopens a closed contest for more scores: only with a written reason, which the protocol shows. */
export function reopenScoring(contest: Contest, reason: string, at: string, by: string): LifecycleResult {
  if (contest.status !== 'closed') return refused('reopenNotClosed');
  const text = reason.trim();
  if (!text) return refused('reopenReason');
  return { ok: true, contest: { ...contest, status: 'scoring', scoringLog: log(contest, 'reopen', at, by, text) } };
}

/**
 * Back to setup so the criteria can be edited: only while no juror has sent a single sheet (a sheet
 * scored on the old form would silently mean something else), and with a reason.
 */
export function unlockCriteria(contest: Contest, sheets: number, reason: string, at: string, by: string): LifecycleResult {
  if (contest.status !== 'scoring') return refused('unlockNotScoring');
  if (sheets > 0) return refused('unlockHasSheets', { n: sheets });
  const text = reason.trim();
  if (!text) return refused('unlockReason');
  const { lockedAt: _lockedAt, ...rest } = contest;
  return { ok: true, contest: { ...rest, status: 'setup', scoringLog: log(contest, 'unlock', at, by, text) } };
}

/** What «Открыть приём оценок» is about to freeze, for the confirmation. */
export function lockSummary(contest: Contest, nominations: readonly Nomination[], methodLabel: string): Said[] {
  const criteria = nominations.reduce((s, n) => s + n.criteria.length, 0);
  const comment = nominations.every((n) => n.commentRequired) ? 'commentAll' : nominations.some((n) => n.commentRequired) ? 'commentSome' : 'commentNone';
  return [
    said('contestRules:scoring.summary.method', { method: methodLabel }),
    said('contestRules:scoring.summary.tieBreaks', { n: contest.tieBreaks.length }),
    said('contestRules:scoring.summary.forms', { nominations: nominations.length, criteria }),
    said(`contestRules:scoring.summary.${comment}`),
  ];
}

/** A juror's sheets the organizer should know about before removing them: how many, how many final. */
export function jurorSheetCounts(juror: Pick<Juror, 'id'>, scores: readonly Pick<Score, 'jurorId' | 'status'>[]): { all: number; final: number } {
  const mine = scores.filter((s) => s.jurorId === juror.id);
  return { all: mine.length, final: mine.filter((s) => s.status === 'final').length };
}

/** Records a removed juror's decision on the contest (replacing an earlier record of the same juror). */
export function withRemovedJuror(contest: Contest, removed: RemovedJuror): LifecycleResult {
  if (!removed.reason.trim()) return refused('removeReason');
  const others = (contest.removedJurors ?? []).filter((r) => r.jurorId !== removed.jurorId);
  return { ok: true, contest: { ...contest, removedJurors: [...others, { ...removed, reason: removed.reason.trim() }] } };
}

/** Jurors whose sheets the organizer excluded: id → their record. */
export function excludedJurors(contest: Pick<Contest, 'removedJurors'>): Map<string, RemovedJuror> {
  return new Map((contest.removedJurors ?? []).filter((r) => r.sheets === 'excluded').map((r) => [r.jurorId, r]));
}
