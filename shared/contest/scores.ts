/**
 * Score sheets: the juror-side edits (autosave raises the version, «Завершить» locks the sheet) and the
 * organizer-side merge of whatever score files arrive.
 *
 * Merge invariant: per (contest, juror, application) the stored sheet is the maximum of every sheet
 * ever received under one total order — version, then updatedAt, then the sheet's canonical text. A
 * maximum does not care about order or repetition, so importing files in any order, any number of times,
 * gives the same state; and because the key contains the juror, juror A's file cannot touch B's sheet.
 * The last two tie-breaks only matter if one juror scores the same sheet on two devices (same version,
 * different content): then every organizer still picks the same one.
 */
import type { Nomination, ReopenGrant, Score } from './types';

/** What a sheet needs of its nomination; the juror's package carries exactly this. */
export type SheetForm = Pick<Nomination, 'criteria' | 'commentRequired'>;
import { scoreId } from './types';

/** The key the score-file checks use: `${jurorId}|${applicationId}` (within one contest). */
export const storedKey = (s: Pick<Score, 'jurorId' | 'applicationId'>): string => `${s.jurorId}|${s.applicationId}`;

const mergeKey = (s: Score) => `${s.contestId}\u0000${s.jurorId}\u0000${s.applicationId}`;

/** Field order fixed, values' keys sorted: two equal sheets always give the same text. */
export function canonicalScore(s: Score): string {
  const values = Object.keys(s.values)
    .sort()
    .map((k) => [k, s.values[k] ?? null]);
  const reopened = (s.reopened ?? []).map((g) => [g.id, g.reason, g.by, g.at]);
  return JSON.stringify([s.id, s.contestId, s.jurorId, s.applicationId, values, s.comment, s.status, s.version, s.updatedAt, reopened]);
}

/** > 0 when `a` wins over `b` (is newer); 0 only for identical sheets. */
export function compareScores(a: Score, b: Score): number {
  if (a.version !== b.version) return a.version - b.version;
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? -1 : 1;
  const ca = canonicalScore(a);
  const cb = canonicalScore(b);
  return ca < cb ? -1 : ca > cb ? 1 : 0;
}

export type MergeResult = {
  /** Sorted by contest, juror, application. */
  scores: Score[];
  /** Keys (`storedKey`) of sheets that were new or replaced an older version. */
  added: string[];
  replaced: string[];
};

/** Merges incoming sheets into stored ones; see the file comment for why this is order-independent. */
export function mergeScores(stored: readonly Score[], incoming: readonly Score[]): MergeResult {
  const best = new Map<string, Score>();
  for (const s of stored) {
    const k = mergeKey(s);
    const cur = best.get(k);
    if (cur === undefined || compareScores(s, cur) > 0) best.set(k, s);
  }
  const before = new Map(best);
  for (const s of incoming) {
    const k = mergeKey(s);
    const cur = best.get(k);
    if (cur === undefined || compareScores(s, cur) > 0) best.set(k, s);
  }
  const added: string[] = [];
  const replaced: string[] = [];
  for (const [k, s] of best) {
    const was = before.get(k);
    if (was === undefined) added.push(storedKey(s));
    else if (was !== s) replaced.push(storedKey(s));
  }
  const scores = [...best.entries()].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)).map(([, s]) => s);
  return { scores, added: added.sort(), replaced: replaced.sort() };
}

/** `${jurorId}|${applicationId}` → version, the shape `verifyScoreFile` takes. */
export function storedVersions(scores: readonly Score[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of scores) out.set(storedKey(s), Math.max(out.get(storedKey(s)) ?? 0, s.version));
  return out;
}

// ─── the juror's side ─────────────────────────────────────────────────────────────────────────

/** A blank sheet: every criterion of the form present and null, version 1. */
export function newScore(contestId: string, jurorId: string, applicationId: string, nomination: SheetForm, now: string): Score {
  const values: Record<string, number | null> = {};
  for (const c of nomination.criteria) values[c.id] = null;
  return { id: scoreId(jurorId, applicationId), contestId, jurorId, applicationId, values, comment: '', status: 'draft', version: 1, updatedAt: now };
}

export type SheetProblem = { criterionId?: string; code: 'missing' | 'not-integer' | 'out-of-range' | 'unknown-criterion' | 'comment-required'; message: string };

/** What stops a sheet from being finalized; empty = it can be. */
export function sheetProblems(score: Score, nomination: SheetForm): SheetProblem[] {
  const out: SheetProblem[] = [];
  const known = new Set(nomination.criteria.map((c) => c.id));
  for (const c of nomination.criteria) {
    const v = score.values[c.id];
    if (v === null || v === undefined) out.push({ criterionId: c.id, code: 'missing', message: `«${c.title}»: поставьте оценку.` });
    else if (!Number.isInteger(v)) out.push({ criterionId: c.id, code: 'not-integer', message: `«${c.title}»: оценка — целое число.` });
    else if (v < c.min || v > c.max) out.push({ criterionId: c.id, code: 'out-of-range', message: `«${c.title}»: оценка от ${c.min} до ${c.max}.` });
  }
  for (const id of Object.keys(score.values)) {
    if (!known.has(id)) out.push({ criterionId: id, code: 'unknown-criterion', message: `Критерия «${id}» нет в форме номинации.` });
  }
  if (nomination.commentRequired && score.comment.trim() === '') {
    out.push({ code: 'comment-required', message: 'Напишите обоснование оценки: в этом конкурсе оно обязательно.' });
  }
  return out;
}

export type SheetEdit = { ok: true; score: Score } | { ok: false; message: string; problems?: SheetProblem[] };

/** One autosave: new values and/or comment, version + 1. A finalized sheet is locked. */
export function editScore(score: Score, patch: { values?: Record<string, number | null>; comment?: string }, now: string): SheetEdit {
  if (score.status === 'final') return { ok: false, message: 'Лист оценки завершён; изменить его может только организатор, вернув его на доработку.' };
  return {
    ok: true,
    score: {
      ...score,
      values: { ...score.values, ...patch.values },
      comment: patch.comment ?? score.comment,
      version: score.version + 1,
      updatedAt: now,
    },
  };
}

/** «Завершить»: refused with the problems while the sheet is incomplete. */
export function finalizeScore(score: Score, nomination: SheetForm, now: string): SheetEdit {
  if (score.status === 'final') return { ok: true, score };
  const problems = sheetProblems(score, nomination);
  if (problems.length > 0) return { ok: false, message: 'Лист оценки не заполнен до конца.', problems };
  return { ok: true, score: { ...score, status: 'final', version: score.version + 1, updatedAt: now } };
}

/**
 * Applies the organizer's «вернуть на доработку» on the juror's device: the sheet becomes a draft
 * again (version + 1) and remembers the grant, which travels back in the score file. A grant is
 * applied once: seen again (the same package opened twice) it changes nothing and returns null.
 */
export function reopenScore(score: Score, grant: ReopenGrant, now: string): Score | null {
  if ((score.reopened ?? []).some((g) => g.id === grant.id)) return null;
  const copy: ReopenGrant = { id: grant.id, reason: grant.reason, by: grant.by, at: grant.at };
  return { ...score, status: 'draft', version: score.version + 1, updatedAt: now, reopened: [...(score.reopened ?? []), copy] };
}

/** The latest grant a sheet was reopened under, if any. */
export function lastReopen(score: Pick<Score, 'reopened'> | undefined): ReopenGrant | undefined {
  const list = score?.reopened;
  return list && list.length > 0 ? list[list.length - 1] : undefined;
}
