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
import type { CriterionDef, Nomination, ReopenGrant, Score } from './types';

/** What a sheet needs of its nomination; the juror's package carries exactly this. */
export type SheetForm = Pick<Nomination, 'criteria' | 'commentRequired'>;
import { scoreId } from './types';
import { said, worded, type Said, type SaidValue } from '../text/said';

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

export type SheetProblemCode = 'missing' | 'not-a-number' | 'not-integer' | 'wrong-step' | 'out-of-range' | 'unknown-criterion' | 'comment-required';

export type SheetProblem = { criterionId?: string; code: SheetProblemCode; said: Said; message: string };

/** A message of the sheet's rules (`contestRules:sheet`) with its words. */
const words = (key: string, values?: Record<string, SaidValue>) => worded(said(`contestRules:sheet.${key}`, values));

type Scale = Pick<CriterionDef, 'title' | 'min' | 'max' | 'step'>;

/** The step a criterion's scores move by: 1, or 0.5 where the form allows halves. */
export const stepOf = (c: Pick<CriterionDef, 'step'>): number => (c.step === 0.5 ? 0.5 : 1);

// enough digits never to round what a file brought (9.99 must read «9,99», not «10»)
const ruNumber = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 10, useGrouping: false });

/** A score as the juror sees and types it: «7», «7,5» (Russian decimal comma). */
export const formatScore = (v: number): string => ruNumber.format(v);

/** «от 0 до 10, целое число» / «от 0 до 10, с шагом 0,5» — what a criterion accepts, in words. */
export function scaleText(c: Scale): Said {
  return said(stepOf(c) === 1 ? 'contestRules:sheet.scaleWhole' : 'contestRules:sheet.scaleHalf', { min: c.min, max: c.max });
}

/**
 * What is wrong with one stored value of a criterion, or null when the value is allowed: a finite
 * number inside the scale that is a multiple of the criterion's step. The same rule guards the juror's
 * field, «Завершить», and every sheet a score file brings (score-file.ts).
 */
export function valueProblem(c: Scale, v: number): SheetProblem | null {
  const code: SheetProblemCode | null = !Number.isFinite(v)
    ? 'not-a-number'
    : !Number.isInteger(v / stepOf(c))
      ? stepOf(c) === 1
        ? 'not-integer'
        : 'wrong-step'
      : v < c.min || v > c.max
        ? 'out-of-range'
        : null;
  return code === null ? null : { code, ...words('badValue', { title: c.title, value: formatScoreValue(v), scale: scaleText(c) }) };
}

const formatScoreValue = (v: number): SaidValue => (Number.isFinite(v) ? formatScore(v) : said('contestRules:sheet.notANumber'));

/** Several problems (at least one) as one message, each in full, one after another. */
export function problemsSaid(problems: readonly SheetProblem[]): Said {
  return problems.slice(0, -1).reduceRight<Said>((rest, p) => said('contestRules:sheet.joined', { first: p.said, rest }), problems.at(-1)!.said);
}

export type ParsedScore = { ok: true; value: number | null } | { ok: false; said: Said; message: string };

/**
 * The juror's text in a score field → the value to store. Empty = no score yet. Digits with at most one
 * decimal separator (comma or dot) and an optional leading minus are read as a number and then checked
 * like a stored value, so «15», «7,5» on a whole-point criterion and «-3» each get their own message;
 * anything else (letters, «7,,5») is «не число». Never rounds or trims: what is stored is what was typed.
 */
export function parseScoreText(text: string, c: Scale): ParsedScore {
  const t = text.trim();
  if (t === '') return { ok: true, value: null };
  if (!/^[-−]?\d+([.,]\d+)?$/.test(t)) return { ok: false, ...words('textNotANumber', { title: c.title, text: t, scale: scaleText(c) }) };
  // «-0» and «−0» are zero: a sheet never stores a negative zero that prints as «-0»
  const value = Number(t.replace('−', '-').replace(',', '.')) + 0;
  const problem = valueProblem(c, value);
  return problem === null ? { ok: true, value } : { ok: false, ...words('textBad', { title: c.title, text: t, scale: scaleText(c) }) };
}

/**
 * The values that break the form: a value outside its criterion's scale or step, or a value for a
 * criterion the form does not have. Missing values are not problems here (a draft may lack them).
 */
export function invalidValues(values: Score['values'], form: SheetForm): SheetProblem[] {
  const out: SheetProblem[] = [];
  const byId = new Map(form.criteria.map((c) => [c.id, c]));
  for (const [id, v] of Object.entries(values)) {
    const c = byId.get(id);
    if (c === undefined) out.push({ criterionId: id, code: 'unknown-criterion', ...words('unknownCriterion', { id }) });
    else if (v !== null) {
      const problem = valueProblem(c, v);
      if (problem) out.push({ ...problem, criterionId: id });
    }
  }
  return out;
}

/** What stops a sheet from being finalized, in the form's order; empty = it can be. */
export function sheetProblems(score: Score, nomination: SheetForm): SheetProblem[] {
  const invalid = invalidValues(score.values, nomination);
  const out: SheetProblem[] = [];
  for (const c of nomination.criteria) {
    const v = score.values[c.id];
    if (v === null || v === undefined) out.push({ criterionId: c.id, code: 'missing', ...words('missing', { title: c.title }) });
    else out.push(...invalid.filter((p) => p.criterionId === c.id));
  }
  out.push(...invalid.filter((p) => p.code === 'unknown-criterion'));
  if (nomination.commentRequired && score.comment.trim() === '') {
    out.push({ code: 'comment-required', ...words('commentRequired') });
  }
  return out;
}

/** A refused edit: `said`/`message` for the whole, `problems` (when there are) for each field. */
export type SheetEdit = { ok: true; score: Score } | { ok: false; said: Said; message: string; problems?: SheetProblem[] };

/**
 * One autosave: new values and/or comment, version + 1. A finalized sheet is locked; given the form, a
 * value outside its scale or step, or for a criterion it does not have, is refused (nothing stored).
 */
export function editScore(score: Score, patch: { values?: Record<string, number | null>; comment?: string }, now: string, form?: SheetForm): SheetEdit {
  if (score.status === 'final') return { ok: false, ...words('final') };
  if (form !== undefined) {
    const problems = invalidValues(patch.values ?? {}, form);
    if (problems.length > 0) {
      return { ok: false, ...worded(problemsSaid(problems)), problems };
    }
  }
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
  if (problems.length > 0) return { ok: false, ...words('incomplete'), problems };
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
