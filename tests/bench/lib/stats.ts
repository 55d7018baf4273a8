/** Distribution summary of timing samples (milliseconds unless a figure says otherwise). */
export type Stats = { n: number; min: number; median: number; p95: number; max: number };

/**
 * Nearest-rank quantiles over the sorted samples: the p95 is a sample that was actually observed,
 * never an interpolation between two.
 */
export function summarize(samples: readonly number[]): Stats {
  if (!samples.length) return { n: 0, min: NaN, median: NaN, p95: NaN, max: NaN };
  const s = [...samples].sort((a, b) => a - b);
  const rank = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
  return { n: s.length, min: s[0]!, median: rank(0.5), p95: rank(0.95), max: s[s.length - 1]! };
}

/** A single measurement as a distribution of one sample (for figures measured once). */
export const single = (value: number): Stats => ({ n: 1, min: value, median: value, p95: value, max: value });
