import { describe, expect, it } from 'vitest';
import { computeTotals, totalScale } from '../../../../shared/results/totals';
import type { Criterion, ScoreSheet } from '../../../../shared/results/types';
import { apps } from './fixtures';

// «Актуальность» 0–10 × 1, «Реализуемость» 0–5 × 2: a total runs 0…20
const criteria: Criterion[] = [
  { id: 'rel', title: 'Актуальность', min: 0, max: 10, weight: 1 },
  { id: 'feas', title: 'Реализуемость', min: 0, max: 5, weight: 2 },
];
const sheet = (jurorId: string, applicationId: string, values: ScoreSheet['values'], status: ScoreSheet['status'] = 'final'): ScoreSheet => ({
  jurorId,
  applicationId,
  values,
  status,
});

describe('computeTotals', () => {
  it('sums value × weight and counts values at the maximum', () => {
    const { totals } = computeTotals(criteria, [sheet('j1', 'A', { rel: 8, feas: 5 }), sheet('j2', 'A', { rel: 10, feas: 5 })]);
    // j1: 8·1 + 5·2 = 18, one value at max (feas); j2: 10 + 10 = 20, two at max
    expect(totals).toEqual([
      { jurorId: 'j1', applicationId: 'A', total: 18, maxMarks: 1 },
      { jurorId: 'j2', applicationId: 'A', total: 20, maxMarks: 2 },
    ]);
  });

  it('excludes and reports drafts, missing values, out-of-range values, duplicates and foreign applications', () => {
    const { totals, excluded } = computeTotals(
      criteria,
      [
        sheet('j1', 'A', { rel: 8, feas: 5 }),
        sheet('j2', 'A', { rel: 9, feas: 4 }, 'draft'),
        sheet('j3', 'A', { rel: 10, feas: null }),
        sheet('j4', 'A', { rel: 10 }),
        sheet('j5', 'A', { rel: 11, feas: 1 }),
        sheet('j1', 'A', { rel: 1, feas: 1 }),
        sheet('j1', 'Z', { rel: 1, feas: 1 }),
      ],
      apps(['A']),
    );
    expect(totals.map((t) => [t.jurorId, t.total])).toEqual([['j1', 18]]);
    expect(excluded).toEqual([
      { jurorId: 'j2', applicationId: 'A', reason: 'draft' },
      { jurorId: 'j3', applicationId: 'A', reason: 'missing-values', criterionIds: ['feas'] },
      { jurorId: 'j4', applicationId: 'A', reason: 'missing-values', criterionIds: ['feas'] },
      { jurorId: 'j5', applicationId: 'A', reason: 'out-of-range', criterionIds: ['rel'] },
      { jurorId: 'j1', applicationId: 'A', reason: 'duplicate' },
      { jurorId: 'j1', applicationId: 'Z', reason: 'unknown-application' },
    ]);
  });

  it('a draft is reported as a draft even when it is also incomplete', () => {
    const { excluded } = computeTotals(criteria, [sheet('j1', 'A', { rel: null, feas: null }, 'draft')]);
    expect(excluded).toEqual([{ jurorId: 'j1', applicationId: 'A', reason: 'draft' }]);
  });

  it('gives equal totals for equal sums whatever the criteria order (decimal weights)', () => {
    const a: Criterion = { id: 'a', title: 'a', min: 0, max: 10, weight: 0.1 };
    const b: Criterion = { id: 'b', title: 'b', min: 0, max: 10, weight: 0.2 };
    const s = [sheet('j1', 'A', { a: 7, b: 3 })];
    // in binary 0.7 + 0.6 ≠ 0.6 + 0.7; rounded totals agree
    expect(computeTotals([a, b], s).totals[0]!.total).toBe(computeTotals([b, a], s).totals[0]!.total);
    expect(computeTotals([a, b], s).totals[0]!.total).toBe(1.3);
  });

  it('reports the range a total can take', () => {
    expect(totalScale(criteria)).toEqual({ min: 0, max: 20 });
    expect(totalScale([{ id: 'x', title: 'x', min: 1, max: 5, weight: 3 }])).toEqual({ min: 3, max: 15 });
  });
});
