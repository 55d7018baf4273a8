/**
 * Small descriptive statistics shared by the results modules. Plain loops over arrays: these run
 * thousands of times per computation (500 applications × 15 jurors), so no intermediate copies
 * beyond what sorting needs.
 */
import type { Moments } from './types';

/**
 * Equality for aggregates. Means of the same integers summed in a different order differ in the
 * last bits; an official place must not hinge on that, so values within 1e-9 (relative) are a tie.
 */
export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

export function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

export function mean(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : sum(xs) / xs.length;
}

/** Median; the mean of the two middle values for an even count. */
export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Sample standard deviation √(Σ(x − x̄)² / (n − 1)): jurors' totals are a sample of how they would
 * score, and the protocol's readers expect the usual "SD". Null below two values.
 */
export function sampleSd(xs: readonly number[]): number | null {
  if (xs.length < 2) return null;
  // equal values have exactly zero spread; the mean of e.g. three 7.3s is not exactly 7.3 in binary
  if (xs.every((x) => x === xs[0])) return 0;
  const m = sum(xs) / xs.length;
  let ss = 0;
  for (const x of xs) ss += (x - m) * (x - m);
  return Math.sqrt(ss / (xs.length - 1));
}

export function moments(xs: readonly number[]): Moments {
  return { count: xs.length, mean: mean(xs), sd: sampleSd(xs) };
}

/**
 * Ranks 1…n with ties given the average of the ranks they span ("mid-ranks"), as Kendall's W and
 * Spearman's ρ require. `descending`: rank 1 goes to the largest value (a juror's favourite).
 * Equality is exact: totals are already rounded (see totals.ts), so equal sums are equal numbers.
 */
export function averageRanks(xs: readonly number[], descending = false): number[] {
  const order = xs.map((_, i) => i);
  order.sort((i, j) => (descending ? xs[j]! - xs[i]! : xs[i]! - xs[j]!));
  const ranks = new Array<number>(xs.length);
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && xs[order[end]!] === xs[order[start]!]) end++;
    const avg = (start + 1 + end) / 2; // mean of ranks start+1 … end
    for (let t = start; t < end; t++) ranks[order[t]!] = avg;
    start = end;
  }
  return ranks;
}

/** Σ (t³ − t) over the groups of tied values: the tie term of Kendall's W. */
export function tieTerm(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  let total = 0;
  let start = 0;
  while (start < s.length) {
    let end = start + 1;
    while (end < s.length && s[end] === s[start]) end++;
    const t = end - start;
    total += t * t * t - t;
    start = end;
  }
  return total;
}

/** Pearson's r; null when either side has no variance (the correlation is undefined, not 0). */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 2 || ys.length !== n) return null;
  const mx = sum(xs) / n;
  const my = sum(ys) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/** Spearman's ρ as Pearson's r of mid-ranks — the form that stays right with ties. */
export function spearman(xs: readonly number[], ys: readonly number[]): number | null {
  return pearson(averageRanks(xs), averageRanks(ys));
}
