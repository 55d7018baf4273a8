import { describe, expect, it } from 'vitest';
import { computeResults } from '../../../../shared/results/compute-results';
import { AGGREGATION_METHODS } from '../../../../shared/results/types';
import { apps, generateContest, sheetsFromTable, singleCriterion } from './fixtures';

describe('computeResults', () => {
  const contest = generateContest({ seed: 2019, nApps: 40, nJurors: 8, nCriteria: 5, minReviews: 3, maxReviews: 5 });
  const r = computeResults({ ...contest, method: 'trimmed-mean', tieBreaks: ['higher-median', 'earlier-submission', 'shared-place'] });

  it('accounts for every sheet: counted or excluded with a reason', () => {
    expect(r.totals.length + r.excluded.length).toBe(contest.sheets.length);
    const drafts = contest.sheets.filter((s) => s.status === 'draft').length;
    expect(r.excluded.filter((e) => e.reason === 'draft')).toHaveLength(drafts);
  });

  it('ranks every application exactly once, under the declared method and under every method', () => {
    expect(r.ranking).toBe(r.rankings['trimmed-mean']);
    for (const m of AGGREGATION_METHODS) {
      const ids = r.rankings[m].entries.map((e) => e.applicationId).sort();
      expect(ids).toEqual(contest.applications.map((a) => a.id).sort());
      expect(r.rankings[m].tieBreaks).toEqual(['higher-median', 'earlier-submission', 'shared-place']);
    }
    expect(r.sensitivity.applications.map((a) => a.applicationId)).toEqual(r.ranking.entries.map((e) => e.applicationId));
  });

  it('reports statistics for every juror and application, and the thresholds it applied', () => {
    expect(r.reliability.jurors).toHaveLength(8);
    expect(r.reliability.divergence).toHaveLength(40);
    // 5 criteria 0–10 with weights 1–3 → scale max = 10 · Σ weights
    expect(r.scale.min).toBe(0);
    expect(r.thresholds.divergenceRange).toBeCloseTo(0.3 * r.scale.max, 9);
    expect(r.thresholds.minSpearman).toBe(0.2);
  });

  it('takes the caller’s thresholds over the defaults, ignoring undefined ones', () => {
    const t = computeResults({ ...contest, method: 'mean', tieBreaks: [], thresholds: { minSpearman: 0.5, divergenceSd: undefined } });
    expect(t.thresholds.minSpearman).toBe(0.5);
    expect(t.thresholds.divergenceSd).toBeCloseTo(0.15 * t.scale.max, 9);
  });

  it('when everyone scores everything there is one block with W and ICC', () => {
    const res = computeResults({
      criteria: singleCriterion(10),
      applications: apps(['A', 'B', 'C', 'D']),
      sheets: sheetsFromTable({ j1: { A: 9, B: 7, C: 5, D: 2 }, j2: { A: 8, B: 8, C: 4, D: 1 }, j3: { A: 10, B: 6, C: 6, D: 3 } }),
      method: 'median',
      tieBreaks: ['shared-place'],
    });
    expect(res.reliability.blocks).toHaveLength(1);
    const [b] = res.reliability.blocks;
    expect(b!.jurorIds).toEqual(['j1', 'j2', 'j3']);
    expect(b!.kendall.w!).toBeGreaterThan(0.8);
    expect(b!.icc.icc21!).toBeGreaterThan(0.8);
    expect(res.ranking.entries.map((e) => [e.applicationId, e.place])).toEqual([
      ['A', 1],
      ['B', 2],
      ['C', 3],
      ['D', 4],
    ]);
  });

  it('uses the caller’s blocks (e.g. nominations) when given', () => {
    const res = computeResults({ ...contest, method: 'mean', tieBreaks: [], blocks: [{ id: 'nom', applicationIds: contest.applications.slice(0, 10).map((a) => a.id) }] });
    expect(res.reliability.blocks.map((b) => b.id)).toEqual(['nom']);
  });
});
