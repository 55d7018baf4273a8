import { describe, expect, it } from 'vitest';
import { computeAggregates } from '../../../../shared/results/aggregates';
import { defaultThresholds, divergence, jurorStatistics } from '../../../../shared/results/jurors';
import type { JurorTotal } from '../../../../shared/results/types';
import { apps } from './fixtures';

function totalsFrom(table: Record<string, number[]>, ids: string[]): JurorTotal[] {
  return Object.entries(table).flatMap(([jurorId, xs]) => xs.map((total, i) => ({ jurorId, applicationId: ids[i]!, total, maxMarks: 0 })));
}
const thresholds = { minSpearman: 0.2, offsetSdFactor: 1.5 };

describe('juror statistics', () => {
  /*
   * Four jurors, four applications, everyone scores everything:
   *        A   B   C   D    μj     offset (μ = 105/16 = 6.5625)
   *   j1  10   8   6   4    7       0.4375
   *   j2   9   7   5   3    6      −0.5625
   *   j3  10   9   5   4    7       0.4375
   *   j4   3   5   8   9    6.25   −0.3125
   * Leave-one-out for j4: the others' means A 29/3, B 24/3, C 16/3, D 11/3 fall while j4's rise → ρ = −1.
   * For j1: others' means A 22/3, B 21/3, C 18/3, D 16/3 fall with j1's → ρ = 1 (likewise j2, j3).
   * SD of offsets (they average 0): √((2·0.4375² + 0.5625² + 0.3125²)/3) = 0.5154; 1.5 SD = 0.773 → no offset flag.
   * j1's spread: SD of 10, 8, 6, 4 = √(20/3).
   */
  const ids = ['A', 'B', 'C', 'D'];
  const totals = totalsFrom({ j1: [10, 8, 6, 4], j2: [9, 7, 5, 3], j3: [10, 9, 5, 4], j4: [3, 5, 8, 9] }, ids);
  const { grand, jurors } = computeAggregates(apps(ids), totals);
  const stats = jurorStatistics(totals, grand, jurors, thresholds);
  const by = (id: string) => stats.find((s) => s.jurorId === id)!;

  it('offset, spread and leave-one-out Spearman ρ', () => {
    expect(by('j1').offset).toBeCloseTo(0.4375, 12);
    expect(by('j2').offset).toBeCloseTo(-0.5625, 12);
    expect(by('j4').offset).toBeCloseTo(-0.3125, 12);
    expect(by('j1').spread).toBeCloseTo(Math.sqrt(20 / 3), 12);
    expect(by('j4').spearman).toBeCloseTo(-1, 12);
    for (const j of ['j1', 'j2', 'j3']) expect(by(j).spearman).toBeCloseTo(1, 12);
    expect(by('j1').shared).toBe(4);
  });

  it('flags the juror who orders things unlike the others, and nobody for offset', () => {
    expect(stats.map((s) => [s.jurorId, s.flags])).toEqual([
      ['j1', []],
      ['j2', []],
      ['j3', []],
      ['j4', ['low-agreement']],
    ]);
  });

  it('flags a juror far more generous than the rest', () => {
    /*
     * Five jurors give A 6, B 5, C 4 (μj = 5); j6 gives 11, 10, 9 (μj = 10). μ = 105/18 = 5.8333;
     * offsets −0.8333 (×5) and 4.1667; SD = √((5·0.8333² + 4.1667²)/5) = 2.0412; 1.5 SD = 3.06 < 4.17.
     */
    const ids3 = ['A', 'B', 'C'];
    const base = [6, 5, 4];
    const t = totalsFrom({ j1: base, j2: base, j3: base, j4: base, j5: base, j6: [11, 10, 9] }, ids3);
    const a = computeAggregates(apps(ids3), t);
    const s = jurorStatistics(t, a.grand, a.jurors, thresholds);
    expect(s.find((x) => x.jurorId === 'j6')).toMatchObject({ flags: ['offset'], spearman: 1 });
    expect(s.filter((x) => x.flags.length > 0).map((x) => x.jurorId)).toEqual(['j6']);
    expect(s.find((x) => x.jurorId === 'j6')!.offset).toBeCloseTo(10 - 105 / 18, 12);
  });

  it('leaves ρ undefined below three shared applications', () => {
    const t = totalsFrom({ j1: [1, 2], j2: [2, 1] }, ['A', 'B']);
    const a = computeAggregates(apps(['A', 'B']), t);
    expect(jurorStatistics(t, a.grand, a.jurors, thresholds).map((s) => s.spearman)).toEqual([null, null]);
  });
});

describe('divergence', () => {
  it('range and SD per application, flagged over the thresholds', () => {
    // scale 0–20 → defaults: range > 6, SD > 3
    const th = defaultThresholds({ min: 0, max: 20 });
    expect(th).toEqual({ minSpearman: 0.2, offsetSdFactor: 1.5, divergenceRange: 6, divergenceSd: 3 });
    const t = totalsFrom({ j1: [10, 2, 7], j2: [10, 18, 9], j3: [10, 10, 11] }, ['A', 'B', 'C']);
    const d = divergence(computeAggregates(apps(['A', 'B', 'C']), t).applications, th);
    // A: all 10 → 0, 0. B: 2, 18, 10 → range 16, SD 8. C: 7, 9, 11 → range 4, SD 2.
    expect(d.map((x) => [x.applicationId, x.range, x.sd, x.flags])).toEqual([
      ['A', 0, 0, []],
      ['B', 16, 8, ['range', 'sd']],
      ['C', 4, 2, []],
    ]);
  });
});
