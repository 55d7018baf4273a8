import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blockReliability, completeBlock, findCompleteBlocks, icc, kendallW } from '../../../../shared/results/reliability';
import { averageRanks } from '../../../../shared/results/stats';
import type { JurorTotal } from '../../../../shared/results/types';

describe("Kendall's W against published examples", () => {
  /*
   * Siegel, S. (1956). Nonparametric Statistics for the Behavioral Sciences, §9 "The Kendall coefficient
   * of concordance W": three company executives (m = 3) rank six job applicants (n = 6).
   *   applicant   a  b  c  d  e  f
   *   X           1  6  3  2  5  4
   *   Y           1  5  6  4  2  3
   *   Z           6  3  2  5  4  1
   *   R_j         8 14 11 11 11  8     mean R = 10.5
   * s = 2.5² + 3.5² + 3·0.5² + 2.5² = 25.5;  W = s / (m²(n³ − n)/12) = 25.5 / 157.5 = .16 (published: .16)
   * χ² = m(n − 1)W = 15 · 0.16190 = 2.429, df = 5.
   */
  it('Siegel (1956): three executives rank six applicants, W = .16', () => {
    const ratings = [
      [1, 1, 6],
      [6, 5, 3],
      [3, 6, 2],
      [2, 4, 5],
      [5, 2, 4],
      [4, 3, 1],
    ];
    const k = kendallW(ratings);
    expect(k.w).toBeCloseTo(0.162, 3);
    expect(k.w).toBeCloseTo(25.5 / 157.5, 12);
    expect(k.chiSquare).toBeCloseTo(2.429, 3);
    expect(k.df).toBe(5);
    expect(k.tieTerm).toBe(0);
  });

  /*
   * A second published computation: R's irr::kendall() output in D. Wollschläger's R examples
   * (github.com/dwoll/RExRepos, md/interRaterICC.md), three raters, six subjects:
   * "W = 0.568, Chisq(5) = 8.52, p-value = 0.13".
   * By hand: R = 4, 14, 15, 9, 13, 8 (mean 10.5); S = 42.25 + 12.25 + 20.25 + 2.25 + 6.25 + 6.25 = 89.5;
   * W = 12·89.5 / (9·210) = 0.5683; χ² = 15W = 8.524; p = Q(2.5, 4.262) = 0.130.
   */
  it('R irr::kendall() output (RExRepos), W = 0.568, χ²(5) = 8.52, p = 0.13', () => {
    const ratings = [
      [1, 1, 2],
      [6, 5, 3],
      [3, 6, 6],
      [2, 2, 5],
      [5, 4, 4],
      [4, 3, 1],
    ];
    const k = kendallW(ratings);
    expect(k.w).toBeCloseTo(0.568, 3);
    expect(k.chiSquare).toBeCloseTo(8.52, 2);
    expect(k.pValue).toBeCloseTo(0.13, 2);
  });

  /*
   * Tie correction, by hand. Four objects, three judges scoring (not ranking):
   *   judge 1: 1, 1, 2, 3 → ranks 1.5, 1.5, 3, 4   one pair:   T = 2³ − 2 = 6
   *   judge 2: 5, 6, 7, 8 → ranks 1,   2,   3, 4   no ties:    T = 0
   *   judge 3: 2, 2, 2, 9 → ranks 2,   2,   2, 4   one triple: T = 3³ − 3 = 24
   * R = 4.5, 5.5, 8, 12 (mean 7.5); S = 9 + 4 + 0.25 + 20.25 = 33.5
   * W = 12·33.5 / (3²(4³ − 4) − 3·30) = 402 / 450 = 0.89333 (uncorrected: 402/540 = 0.744)
   * χ² = 3·3·W = 8.04, df = 3
   */
  it('applies the tie correction', () => {
    const k = kendallW([
      [1, 5, 2],
      [1, 6, 2],
      [2, 7, 2],
      [3, 8, 9],
    ]);
    expect(k.tieTerm).toBe(30);
    expect(k.w).toBeCloseTo(402 / 450, 12);
    expect(k.chiSquare).toBeCloseTo(8.04, 10);
    expect(k.df).toBe(3);
  });

  it('is 1 for unanimous judges and undefined when nothing can be measured', () => {
    expect(kendallW([[1, 10], [2, 20], [3, 30]]).w).toBeCloseTo(1, 12);
    expect(kendallW([[1, 1, 1]]).w).toBeNull(); // one object
    expect(kendallW([[1], [2]]).w).toBeNull(); // one judge
    expect(kendallW([[5, 5], [5, 5]]).w).toBeNull(); // every judge tied everything
    expect(() => kendallW([[1, 2], [3]])).toThrow(RangeError);
  });

  it('equals S / (m · Σ squared rank deviations) — the tie term is the variance lost to ties', () => {
    // With mid-ranks, judge j's Σ_i (r_ij − (n+1)/2)² = (n³ − n − T_j)/12, so the corrected W is
    // S / (m Σ_ij (r_ij − (n+1)/2)²). Checking this on random tied data tests the Σ(t³ − t) bookkeeping.
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 7 }).chain((n) => fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }), { minLength: 2, maxLength: 6 })),
        (judges) => {
          const n = judges[0]!.length;
          const m = judges.length;
          const ratings = Array.from({ length: n }, (_, i) => judges.map((col) => col[i]!));
          const ranks = judges.map((col) => averageRanks(col));
          let ss = 0;
          for (const col of ranks) for (const r of col) ss += (r - (n + 1) / 2) ** 2;
          const k = kendallW(ratings);
          if (ss === 0) {
            expect(k.w).toBeNull(); // every judge tied every object
            return;
          }
          let s = 0;
          for (let i = 0; i < n; i++) s += (ranks.reduce((acc, col) => acc + col[i]!, 0) - (m * (n + 1)) / 2) ** 2;
          expect(k.w).toBeCloseTo(s / (m * ss), 10);
          expect(k.w!).toBeGreaterThanOrEqual(-1e-12);
          expect(k.w!).toBeLessThanOrEqual(1 + 1e-12);
        },
      ),
    );
  });
});

describe('the intraclass correlations against Shrout & Fleiss (1979)', () => {
  /*
   * Shrout, P. E., & Fleiss, J. L. (1979). Intraclass correlations: uses in assessing rater reliability.
   * Psychological Bulletin, 86(2), 420–428. Table 2: four judges rate six targets.
   * Table 3 ANOVA: BMS = 11.24, JMS = 32.49, EMS = 1.02. Table 4: ICC(2,1) = .29, ICC(2,4) = .62.
   * (psych::ICC on the same table, as shown in RExRepos md/interRaterICC.md, prints ICC2 0.29, ICC2k 0.62.)
   */
  const table2 = [
    [9, 2, 5, 8],
    [6, 1, 3, 2],
    [8, 4, 6, 8],
    [7, 1, 2, 6],
    [10, 5, 6, 9],
    [6, 2, 4, 7],
  ];
  it('reproduces the published mean squares and coefficients', () => {
    const r = icc(table2);
    expect(r.bms).toBeCloseTo(11.24, 2);
    expect(r.jms).toBeCloseTo(32.49, 2);
    expect(r.ems).toBeCloseTo(1.02, 2);
    expect(r.icc21).toBeCloseTo(0.29, 2);
    expect(r.icc2k).toBeCloseTo(0.62, 2);
  });
  // S&F Table 4, the other forms: ICC(1,1) = .17, ICC(3,1) = .71, ICC(1,4) = .44, ICC(3,4) = .91
  it('reproduces ICC(1,1), ICC(3,1), ICC(1,k) and ICC(3,k) of Table 4 (WMS = 6.26)', () => {
    const r = icc(table2);
    expect(r.wms).toBeCloseTo(6.26, 2);
    expect(r.icc11).toBeCloseTo(0.17, 2);
    expect(r.icc31).toBeCloseTo(0.71, 2);
    expect(r.icc1k).toBeCloseTo(0.44, 2);
    expect(r.icc3k).toBeCloseTo(0.91, 2);
  });
  it('is 1 for identical judges; a uniformly harsher judge lowers absolute agreement but not consistency', () => {
    expect(icc([[1, 1], [5, 5], [9, 9]]).icc21).toBeCloseTo(1, 12);
    const harsher = icc([[1, 0], [5, 4], [9, 8]]);
    expect(harsher.icc21!).toBeLessThan(1);
    expect(harsher.icc11!).toBeLessThan(1);
    expect(harsher.icc31).toBeCloseTo(1, 12);
  });
  it('is undefined (null), never 0, when every juror gave every application the same total', () => {
    const same = icc([
      [7, 7, 7],
      [7, 7, 7],
      [7, 7, 7],
    ]);
    expect([same.icc11, same.icc1k, same.icc21, same.icc2k, same.icc31, same.icc3k]).toEqual([null, null, null, null, null, null]);
    // each juror constant over the applications, but jurors differ: still nothing tells applications apart
    const perJuror = icc([
      [5, 8, 6],
      [5, 8, 6],
      [5, 8, 6],
    ]);
    expect([perJuror.icc21, perJuror.icc2k, perJuror.icc31, perJuror.icc3k]).toEqual([null, null, null, null]);
    expect(icc([[3, 3], [3, 3]]).icc21).toBeNull();
  });
  it('single-juror forms 1 and 3 stay in [−1/(k−1), 1], every form but ICC(2,k) ≤ 1, for any matrix (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((k) => fc.array(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: k, maxLength: k }), { minLength: 2, maxLength: 8 })),
        (m) => {
          const r = icc(m);
          const k = m[0]!.length;
          for (const x of [r.icc11, r.icc31]) if (x !== null) expect(x).toBeGreaterThanOrEqual(-1 / (k - 1) - 1e-9);
          // ICC(2,k)'s denominator BMS + (JMS − EMS)/n goes negative when the residual dwarfs both effects
          for (const x of [r.icc11, r.icc1k, r.icc21, r.icc31, r.icc3k]) if (x !== null) expect(x).toBeLessThanOrEqual(1 + 1e-9);
        },
      ),
    );
  });
});

describe('blocks', () => {
  const t = (jurorId: string, applicationId: string, total: number): JurorTotal => ({ jurorId, applicationId, total, maxMarks: 0 });
  // panel 1 (j1, j2) scores A, B, C; panel 2 (j3, j4, j5) scores D, E, F; G is scored by j1 alone
  const totals = [
    ...['A', 'B', 'C'].flatMap((a, i) => [t('j1', a, 10 + i), t('j2', a, 20 + i)]),
    ...['D', 'E', 'F'].flatMap((a, i) => [t('j3', a, i), t('j4', a, 2 * i), t('j5', a, 5 - i)]),
    t('j1', 'G', 1),
  ];
  const order = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];

  it('finds the complete blocks: applications grouped by the jurors who scored them', () => {
    const blocks = findCompleteBlocks(totals, order);
    expect(blocks.map((b) => [b.applicationIds, b.jurorIds])).toEqual([
      [['A', 'B', 'C'], ['j1', 'j2']],
      [['D', 'E', 'F'], ['j3', 'j4', 'j5']],
    ]);
  });

  it('computes W per block; a caller block is made complete and says what it left out', () => {
    const [p1, p2] = blockReliability(totals, order);
    expect(p1!.kendall.w).toBeCloseTo(1, 12); // j1 and j2 agree on A < B < C
    // j3 ranks D,E,F 1,2,3; j4 1,2,3; j5 3,2,1 → R = 5, 6, 7; S = 2; W = 24/(9·24) = 1/9
    expect(p2!.kendall.w).toBeCloseTo(1 / 9, 12);

    // G misses j2 (1 of 2 cells), j2 misses G (1 of 4 cells): dropping G loses less than dropping j2
    const [nomination] = blockReliability(totals, order, [{ id: 'nom-1', applicationIds: ['A', 'B', 'C', 'G', 'X'] }]);
    expect(nomination).toMatchObject({ id: 'nom-1', applicationIds: ['A', 'B', 'C'], jurorIds: ['j1', 'j2'], omittedApplicationIds: ['G', 'X'], omittedJurorIds: [] });
    expect(nomination!.kendall.w).toBeCloseTo(1, 12);
  });

  it('completing a block drops a juror who scored little rather than the applications they skipped', () => {
    // j1, j2, j3 score A…E; j4 scored only A and B: dropping j4 (3 of 5 missing) beats dropping C, D, E
    const ids = ['A', 'B', 'C', 'D', 'E'];
    const tt = [...ids.flatMap((a, i) => ['j1', 'j2', 'j3'].map((j) => t(j, a, i))), t('j4', 'A', 1), t('j4', 'B', 2)];
    const b = completeBlock({ id: 'n', applicationIds: ids }, tt);
    expect(b).toMatchObject({ applicationIds: ids, jurorIds: ['j1', 'j2', 'j3'], omittedApplicationIds: [], omittedJurorIds: ['j4'] });
  });
});
