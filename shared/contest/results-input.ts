/**
 * Contest rows → shared/results input. The results math takes one criteria list, and criteria belong
 * to a nomination, so there is one ResultsInput per nomination (a ranking across nominations with
 * different forms would compare different things). Nothing is dropped silently: a score that cannot
 * take part is listed in `skipped` with the reason, for the protocol to mention.
 */
import type { ApplicationRef, Criterion, ResultsInput, ScoreSheet } from '../results/types';
import type { Application, Contest, Nomination, Score } from './types';

export type SkippedScore = {
  scoreId: string;
  jurorId: string;
  applicationId: string;
  /**
   * the application is not in this contest, is in no known nomination, or is not admitted; or the
   * juror was removed from the jury and the organizer excluded their sheets (contest.removedJurors)
   */
  reason: 'unknown-application' | 'unknown-nomination' | 'not-admitted' | 'other-contest' | 'juror-excluded';
};

export type NominationResultsInput = { nominationId: string; title: string; input: ResultsInput };

export type ContestResultsInput = { nominations: NominationResultsInput[]; skipped: SkippedScore[] };

export function criterionOf(c: Nomination['criteria'][number]): Criterion {
  return { id: c.id, title: c.title, min: c.min, max: c.max, weight: c.weight };
}

export function sheetOf(s: Score): ScoreSheet {
  return { jurorId: s.jurorId, applicationId: s.applicationId, values: { ...s.values }, status: s.status, comment: s.comment };
}

/**
 * Drafts stay in: shared/results reports them as excluded (`draft`) rather than pretending the juror
 * did not look at the application. Only admitted applications are ranked.
 */
export function toResultsInput(
  contest: Contest,
  nominations: readonly Nomination[],
  applications: readonly Application[],
  scores: readonly Score[],
): ContestResultsInput {
  const appById = new Map(applications.filter((a) => a.contestId === contest.id).map((a) => [a.id, a]));
  const nominationIds = new Set(nominations.filter((n) => n.contestId === contest.id).map((n) => n.id));
  const sheetsBy = new Map<string, ScoreSheet[]>();
  const skipped: SkippedScore[] = [];
  const excluded = new Set((contest.removedJurors ?? []).filter((r) => r.sheets === 'excluded').map((r) => r.jurorId));
  for (const s of scores) {
    const skip = (reason: SkippedScore['reason']) => skipped.push({ scoreId: s.id, jurorId: s.jurorId, applicationId: s.applicationId, reason });
    if (s.contestId !== contest.id) {
      skip('other-contest');
      continue;
    }
    const app = appById.get(s.applicationId);
    if (excluded.has(s.jurorId)) skip('juror-excluded');
    else if (app === undefined) skip('unknown-application');
    else if (!nominationIds.has(app.nominationId)) skip('unknown-nomination');
    else if (app.status !== 'admitted') skip('not-admitted');
    else {
      const list = sheetsBy.get(app.nominationId) ?? [];
      list.push(sheetOf(s));
      sheetsBy.set(app.nominationId, list);
    }
  }
  const out: NominationResultsInput[] = [];
  for (const n of nominations) {
    if (n.contestId !== contest.id) continue;
    const refs: ApplicationRef[] = [];
    for (const a of appById.values()) {
      if (a.nominationId === n.id && a.status === 'admitted') refs.push({ id: a.id, title: a.title, submittedAt: a.submittedAt });
    }
    out.push({
      nominationId: n.id,
      title: n.title,
      input: {
        criteria: n.criteria.map(criterionOf),
        applications: refs,
        sheets: sheetsBy.get(n.id) ?? [],
        method: contest.method,
        tieBreaks: [...contest.tieBreaks],
      },
    });
  }
  return { nominations: out, skipped };
}
