import { describe, expect, it } from 'vitest';
import { bordaPoints, computeAggregates, trimmedMean, zNormalize } from '../../../../shared/results/aggregates';
import type { JurorTotal } from '../../../../shared/results/types';
import { apps } from './fixtures';

function totalsFrom(table: Record<string, Record<string, number>>): JurorTotal[] {
  return Object.entries(table).flatMap(([jurorId, row]) => Object.entries(row).map(([applicationId, total]) => ({ jurorId, applicationId, total, maxMarks: 0 })));
}

/*
 * Hand-computed case. Five jurors, three applications (A has 5 reviews, B and C have 4):
 *        A    B    C
 *   j1   8    6    4
 *   j2   9    9    3
 *   j3   5    7    –
 *   j4  10    –    6
 *   j5   2    8    5
 * mean:    A 34/5 = 6.8          B 30/4 = 7.5        C 18/4 = 4.5
 * median:  A [2,5,8,9,10] → 8    B [6,7,8,9] → 7.5   C [3,4,5,6] → 4.5
 * trimmed: A (34 − 10 − 2)/3 = 22/3 (5 reviews); B, C: fewer than 5 → plain mean
 * per-juror ranks (1 = best, ties averaged) and Borda points (n − r)/(n − 1):
 *   j1 (n=3): A 1 → 1,    B 2 → .5,    C 3 → 0
 *   j2 (n=3): A 1.5 → .75, B 1.5 → .75, C 3 → 0
 *   j3 (n=2): B 1 → 1,    A 2 → 0
 *   j4 (n=2): A 1 → 1,    C 2 → 0
 *   j5 (n=3): B 1 → 1,    C 2 → .5,    A 3 → 0
 * Borda:     A (1 + .75 + 0 + 1 + 0)/5 = .55   B (.5 + .75 + 1 + 1)/4 = .8125   C (0 + 0 + 0 + .5)/4 = .125
 * mean rank: A (1 + 1.5 + 2 + 1 + 3)/5 = 1.7    B (2 + 1.5 + 1 + 1)/4 = 1.375    C (3 + 3 + 2 + 2)/4 = 2.5
 */
const table = {
  j1: { A: 8, B: 6, C: 4 },
  j2: { A: 9, B: 9, C: 3 },
  j3: { A: 5, B: 7 },
  j4: { A: 10, C: 6 },
  j5: { A: 2, B: 8, C: 5 },
};

describe('aggregates, hand-computed', () => {
  const { applications: result } = computeAggregates(apps(['A', 'B', 'C']), totalsFrom(table));
  const [A, B, C] = result;

  it('mean, median and trimmed mean', () => {
    expect([A!.mean, B!.mean, C!.mean]).toEqual([6.8, 7.5, 4.5]);
    expect([A!.median, B!.median, C!.median]).toEqual([8, 7.5, 4.5]);
    expect(A!.trimmedMean).toBeCloseTo(22 / 3, 12);
    expect(A!.trimmed).toBe(true);
    expect([B!.trimmedMean, B!.trimmed, C!.trimmedMean]).toEqual([7.5, false, 4.5]);
  });

  it('Borda points normalized by each juror’s load, and mean ranks', () => {
    expect(A!.borda).toBeCloseTo(0.55, 12);
    expect(B!.borda).toBeCloseTo(0.8125, 12);
    expect(C!.borda).toBeCloseTo(0.125, 12);
    expect([A!.meanRank, B!.meanRank, C!.meanRank]).toEqual([1.7, 1.375, 2.5]);
  });

  it('keeps who scored what, and reports nulls for an application nobody scored', () => {
    expect(A!.jurorIds).toEqual(['j1', 'j2', 'j3', 'j4', 'j5']);
    expect(A!.totals).toEqual([8, 9, 5, 10, 2]);
    const { applications } = computeAggregates(apps(['A', 'Q']), totalsFrom(table));
    expect(applications[1]).toMatchObject({ applicationId: 'Q', reviews: 0, mean: null, median: null, zMean: null, borda: null });
  });
});

describe('z-normalized mean, hand-computed', () => {
  /*
   * j1 gives A 2, B 4 (μ1 = 3, σ1 = √2); j2 gives A 6, B 8 (μ2 = 7, σ2 = √2).
   * All totals 2, 4, 6, 8: μ = 5, σ = √(((−3)² + (−1)² + 1² + 3²)/3) = √(20/3).
   * x' = μ + σ(x − μj)/σj: both jurors' A → 5 − √(20/3)/√2 = 5 − √(10/3) ≈ 3.1743; B → 5 + √(10/3) ≈ 6.8257.
   * The raw means (4 and 6) are pulled apart because both jurors agree A < B by the same margin.
   */
  it('rescales each juror to the grand mean and SD', () => {
    const { applications, grand } = computeAggregates(apps(['A', 'B']), totalsFrom({ j1: { A: 2, B: 4 }, j2: { A: 6, B: 8 } }));
    expect(grand.mean).toBe(5);
    expect(grand.sd).toBeCloseTo(Math.sqrt(20 / 3), 12);
    expect(applications[0]!.zMean).toBeCloseTo(5 - Math.sqrt(10 / 3), 12);
    expect(applications[1]!.zMean).toBeCloseTo(5 + Math.sqrt(10 / 3), 12);
  });

  it('only shifts a juror with a single score or σj = 0: x − μj + μ', () => {
    const grand = { count: 10, mean: 5, sd: 2 };
    expect(zNormalize(9, { count: 1, mean: 9, sd: null }, grand)).toBe(5);
    expect(zNormalize(7, { count: 3, mean: 7, sd: 0 }, grand)).toBe(5);
    // a regular juror: μj = 6, σj = 4, x = 10 → 5 + 2·(10 − 6)/4 = 7
    expect(zNormalize(10, { count: 3, mean: 6, sd: 4 }, grand)).toBe(7);
  });
});

describe('building blocks', () => {
  it('trimmed mean drops exactly one highest and one lowest from 5 reviews on', () => {
    // [1, 1, 5, 9, 9]: drop one 1 and one 9 → (1 + 5 + 9)/3 = 5
    expect(trimmedMean([1, 1, 5, 9, 9])).toEqual({ value: 5, trimmed: true });
    expect(trimmedMean([1, 5, 9, 100])).toEqual({ value: 28.75, trimmed: false });
  });
  it('Borda: 1 for a juror’s favourite, 0 for the last, 0.5 for a lone application', () => {
    // totals 30, 10, 20 → ranks 1, 3, 2 → points (3 − r)/2 = 1, 0, 0.5
    expect(bordaPoints([30, 10, 20])).toEqual({ points: [1, 0, 0.5], ranks: [1, 3, 2] });
    expect(bordaPoints([42]).points).toEqual([0.5]);
  });
});
