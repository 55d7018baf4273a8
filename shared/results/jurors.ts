/**
 * Step 4b: the questions a jury chair asks about people and entries rather than blocks — is one juror
 * much harsher, or ordering things unlike everyone else? which applications split the jury and need
 * discussing? Flags are prompts for a conversation, never automatic corrections.
 */
import { averageRanks, pearson, sampleSd } from './stats';
import type { ApplicationAggregate, Divergence, DivergenceFlag, JurorFlag, JurorStats, JurorTotal, Moments, Thresholds, TotalScale } from './types';

/**
 * Defaults scaled to the contest's own totals, since a "big" disagreement on a 0–10 scale and on a
 * 0–300 one differ: an application is flagged when its totals span more than 30 % of the possible
 * range or their SD exceeds 15 % of it; a juror when ρ < 0.2 or |offset| > 1.5 SD of all offsets.
 */
export function defaultThresholds(scale: TotalScale): Thresholds {
  const span = scale.max - scale.min;
  return { minSpearman: 0.2, offsetSdFactor: 1.5, divergenceRange: 0.3 * span, divergenceSd: 0.15 * span };
}

/**
 * Per juror: offset μj − μ (level), spread σj, and the leave-one-out Spearman ρ between the juror's
 * totals and the mean of the other jurors' totals on the same applications. Only applications someone
 * else also scored count; with fewer than 3 of them ρ is null (two points always correlate ±1).
 *
 * Offset flag: |offset| > offsetSdFactor · SD(offsets), SD over the jurors (sample SD). Note that with
 * m jurors no |offset| can exceed (m − 1)/√m SDs of a centred set, so with 1.5 SD and offsets that
 * average to zero nobody is flagged below 5 jurors — a jury that small has no "typical" juror to
 * deviate from.
 */
export function jurorStatistics(
  totals: readonly JurorTotal[],
  grand: Moments,
  jurors: Readonly<Record<string, Moments>>,
  thresholds: Pick<Thresholds, 'minSpearman' | 'offsetSdFactor'>,
): JurorStats[] {
  const appSum = new Map<string, number>();
  const appCount = new Map<string, number>();
  const byJuror = new Map<string, JurorTotal[]>();
  for (const t of totals) {
    appSum.set(t.applicationId, (appSum.get(t.applicationId) ?? 0) + t.total);
    appCount.set(t.applicationId, (appCount.get(t.applicationId) ?? 0) + 1);
    const list = byJuror.get(t.jurorId);
    if (list) list.push(t);
    else byJuror.set(t.jurorId, [t]);
  }

  const out: JurorStats[] = [];
  for (const [jurorId, list] of byJuror) {
    const own: number[] = [];
    const others: number[] = [];
    for (const t of list) {
      const c = appCount.get(t.applicationId)!;
      if (c < 2) continue;
      own.push(t.total);
      others.push((appSum.get(t.applicationId)! - t.total) / (c - 1));
    }
    const m = jurors[jurorId];
    const mean = m?.mean ?? null;
    out.push({
      jurorId,
      count: list.length,
      mean,
      offset: mean === null || grand.mean === null ? null : mean - grand.mean,
      spread: m?.sd ?? null,
      spearman: own.length < 3 ? null : pearson(averageRanks(own), averageRanks(others)),
      shared: own.length,
      flags: [],
    });
  }

  const offsets = out.flatMap((j) => (j.offset === null ? [] : [j.offset]));
  const sdOffsets = sampleSd(offsets);
  for (const j of out) {
    const flags: JurorFlag[] = [];
    if (j.spearman !== null && j.spearman < thresholds.minSpearman) flags.push('low-agreement');
    if (j.offset !== null && sdOffsets !== null && sdOffsets > 0 && Math.abs(j.offset) > thresholds.offsetSdFactor * sdOffsets) {
      flags.push('offset');
    }
    j.flags = flags;
  }
  return out;
}

/** Range and sample SD of each application's totals; flagged when either is over its threshold. */
export function divergence(aggregates: readonly ApplicationAggregate[], thresholds: Pick<Thresholds, 'divergenceRange' | 'divergenceSd'>): Divergence[] {
  return aggregates.map((a) => {
    const xs = a.totals;
    let range: number | null = null;
    if (xs.length > 0) {
      let lo = Infinity;
      let hi = -Infinity;
      for (const x of xs) {
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
      range = hi - lo;
    }
    const sd = sampleSd(xs);
    const flags: DivergenceFlag[] = [];
    if (range !== null && range > thresholds.divergenceRange) flags.push('range');
    if (sd !== null && sd > thresholds.divergenceSd) flags.push('sd');
    return { applicationId: a.applicationId, reviews: xs.length, range, sd, flags };
  });
}
