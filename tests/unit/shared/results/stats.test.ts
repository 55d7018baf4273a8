import { describe, expect, it } from 'vitest';
import { averageRanks, median, nearlyEqual, pearson, sampleSd, spearman, tieTerm } from '../../../../shared/results/stats';

describe('descriptive statistics', () => {
  it('median of odd and even counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
  it('sample SD uses n − 1 and is exactly 0 for equal values', () => {
    // [2, 4, 4, 4, 5, 5, 7, 9]: mean 5, Σ(x − 5)² = 32, s = √(32/7)
    expect(sampleSd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(sampleSd([7.3, 7.3, 7.3])).toBe(0);
    expect(sampleSd([1])).toBeNull();
  });
  it('treats sums that differ only in rounding as equal', () => {
    expect(nearlyEqual(0.1 + 0.2, 0.3)).toBe(true);
    expect(nearlyEqual(7.0001, 7)).toBe(false);
  });
});

describe('ranks', () => {
  it('gives tied values the average of their ranks', () => {
    // sorted 10, 20, 20, 30, 30, 30 → ranks 1, 2.5, 2.5, 5, 5, 5
    expect(averageRanks([30, 20, 10, 30, 20, 30])).toEqual([5, 2.5, 1, 5, 2.5, 5]);
    expect(averageRanks([30, 20, 10], true)).toEqual([1, 2, 3]);
  });
  it('computes the tie term Σ(t³ − t)', () => {
    // one pair (6) and one triple (24)
    expect(tieTerm([1, 1, 2, 3, 3, 3])).toBe(30);
    expect(tieTerm([1, 2, 3])).toBe(0);
  });
  it('Spearman ρ: ±1 for monotone relations, ties handled, undefined for a constant side', () => {
    expect(spearman([1, 2, 3, 4], [10, 100, 1000, 10000])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    // x ranks [1,2,3,4], y = [1, 2.5, 2.5, 4] (ties): Σdxdy = 4.5, Σdx² = 5, Σdy² = 4.5 → ρ = 4.5/√22.5
    expect(spearman([1, 2, 3, 4], [5, 6, 6, 9])).toBeCloseTo(4.5 / Math.sqrt(22.5), 12);
    expect(pearson([1, 2, 3], [5, 5, 5])).toBeNull();
  });
});
