/**
 * Step 2: every aggregate of every application, side by side. The contest declares one method for the
 * official ranking; the others are computed anyway, because "would another method change the winners?"
 * is the first question a jury is asked.
 */
import { averageRanks, mean, median, moments } from './stats';
import type { AggregatesResult, ApplicationAggregate, ApplicationRef, JurorTotal, Moments } from './types';

type Slot = { jurorIds: string[]; totals: number[]; z: number[]; borda: number[]; ranks: number[]; maxMarks: number };

/** Moments of each juror's totals. */
export function jurorMoments(totals: readonly JurorTotal[]): Record<string, Moments> {
  const byJuror = new Map<string, number[]>();
  for (const t of totals) {
    const list = byJuror.get(t.jurorId);
    if (list) list.push(t.total);
    else byJuror.set(t.jurorId, [t.total]);
  }
  const out: Record<string, Moments> = {};
  for (const [jurorId, xs] of byJuror) out[jurorId] = moments(xs);
  return out;
}

/**
 * Trimmed mean: with at least five reviews the single highest and single lowest totals are dropped
 * (one harsh or one generous juror cannot move the result alone); with fewer, dropping two would
 * leave too little, so it is the plain mean.
 */
export function trimmedMean(xs: readonly number[]): { value: number | null; trimmed: boolean } {
  if (xs.length < 5) return { value: mean(xs), trimmed: false };
  let lo = Infinity;
  let hi = -Infinity;
  let s = 0;
  for (const x of xs) {
    s += x;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return { value: (s - lo - hi) / (xs.length - 2), trimmed: true };
}

/**
 * Per-juror z-normalization mapped back onto the totals' scale:
 *   x' = μ + σ · (x − μj) / σj
 * μ, σ: grand mean and sample SD of all counted totals; μj, σj: the juror's own. It removes each
 * juror's personal level (harsh/generous) and spread (uses the whole scale or a narrow band).
 * A juror with a single total or σj = 0 has no spread to divide by; only the level is removed:
 *   x' = x − μj + μ.
 * Either way adding a constant to all of one juror's totals leaves their x' unchanged.
 */
export function zNormalize(x: number, juror: Moments, grand: Moments): number {
  const mu = grand.mean ?? 0;
  const muJ = juror.mean ?? x;
  if (juror.sd === null || juror.sd === 0 || juror.count < 2) return x - muJ + mu;
  return mu + (grand.sd ?? 0) * ((x - muJ) / juror.sd);
}

/**
 * Borda points of one juror's totals (index-aligned): each juror ranks the applications they scored,
 * 1 = best, ties by average rank, and an application gets (n_j − rank) / (n_j − 1) ∈ [0, 1]. Dividing
 * by n_j − 1 makes a juror with 10 applications and one with 40 weigh the same ("first of 10" = "first
 * of 40" = 1). A juror who scored one application expressed no preference: 0.5, the midpoint.
 */
export function bordaPoints(totals: readonly number[]): { points: number[]; ranks: number[] } {
  const n = totals.length;
  const ranks = averageRanks(totals, true);
  const points = ranks.map((r) => (n === 1 ? 0.5 : (n - r) / (n - 1)));
  return { points, ranks };
}

/** Aggregates for every application (in the order given), plus the moments they were built from. */
export function computeAggregates(applications: readonly ApplicationRef[], totals: readonly JurorTotal[]): AggregatesResult {
  const slots = new Map<string, Slot>();
  for (const a of applications) slots.set(a.id, { jurorIds: [], totals: [], z: [], borda: [], ranks: [], maxMarks: 0 });
  // a total for an application outside this list is not ours to rank, nor to normalize against
  const inScope = totals.filter((t) => slots.has(t.applicationId));
  const grand = moments(inScope.map((t) => t.total));
  const jurors = jurorMoments(inScope);

  const byJuror = new Map<string, JurorTotal[]>();
  for (const t of inScope) {
    const slot = slots.get(t.applicationId)!;
    slot.jurorIds.push(t.jurorId);
    slot.totals.push(t.total);
    slot.maxMarks += t.maxMarks;
    slot.z.push(zNormalize(t.total, jurors[t.jurorId]!, grand));
    const list = byJuror.get(t.jurorId);
    if (list) list.push(t);
    else byJuror.set(t.jurorId, [t]);
  }
  for (const list of byJuror.values()) {
    const { points, ranks } = bordaPoints(list.map((t) => t.total));
    list.forEach((t, i) => {
      const slot = slots.get(t.applicationId)!;
      slot.borda.push(points[i]!);
      slot.ranks.push(ranks[i]!);
    });
  }

  const out: ApplicationAggregate[] = applications.map((a) => {
    const s = slots.get(a.id)!;
    const tm = trimmedMean(s.totals);
    return {
      applicationId: a.id,
      reviews: s.totals.length,
      jurorIds: s.jurorIds,
      totals: s.totals,
      mean: mean(s.totals),
      median: median(s.totals),
      trimmedMean: tm.value,
      trimmed: tm.trimmed,
      zMean: mean(s.z),
      borda: mean(s.borda),
      meanRank: mean(s.ranks),
      maxMarks: s.maxMarks,
    };
  });
  return { applications: out, grand, jurors };
}
