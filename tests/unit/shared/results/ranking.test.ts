import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rankApplications } from '../../../../shared/results/ranking';
import type { Ranking, TieBreak } from '../../../../shared/results/types';
import { agg, apps } from './fixtures';

const FULL_CHAIN: TieBreak[] = ['higher-median', 'more-max-marks', 'earlier-submission', 'shared-place'];
// apps(): A submitted first, then B, C, D a minute apart each
const refs = apps(['A', 'B', 'C', 'D']);
const rows = (r: Ranking) => r.entries.map((e) => [e.applicationId, e.place, e.decidedBy]);

describe('ranking and the tie-break chain', () => {
  it('orders by the aggregate; an untied place is decided by the score', () => {
    const r = rankApplications([agg('A', { mean: 6 }), agg('B', { mean: 9 }), agg('C', { mean: 7 })], refs, 'mean', FULL_CHAIN);
    expect(rows(r)).toEqual([
      ['B', 1, 'score'],
      ['C', 2, 'score'],
      ['A', 3, 'score'],
    ]);
  });

  it('higher median decides a tie in the mean', () => {
    const r = rankApplications([agg('A', { mean: 7, median: 7 }), agg('B', { mean: 7, median: 8 }), agg('C', { mean: 9 })], refs, 'mean', FULL_CHAIN);
    expect(rows(r)).toEqual([
      ['C', 1, 'score'],
      ['B', 2, 'higher-median'],
      ['A', 3, 'higher-median'],
    ]);
    expect(r.entries[1]!.tiedOnScoreWith).toEqual(['A']);
  });

  it('more maximum marks decides when the medians are equal too', () => {
    const r = rankApplications([agg('A', { mean: 7, median: 7, maxMarks: 2 }), agg('B', { mean: 7, median: 7, maxMarks: 5 })], refs, 'mean', FULL_CHAIN);
    expect(rows(r)).toEqual([
      ['B', 1, 'more-max-marks'],
      ['A', 2, 'more-max-marks'],
    ]);
  });

  it('earlier submission decides when median and maximum marks are equal', () => {
    const r = rankApplications([agg('C', { mean: 7, median: 7, maxMarks: 2 }), agg('A', { mean: 7, median: 7, maxMarks: 2 })], refs, 'mean', FULL_CHAIN);
    expect(rows(r)).toEqual([
      ['A', 1, 'earlier-submission'],
      ['C', 2, 'earlier-submission'],
    ]);
  });

  it('shared place gives 1, 2, 2, 4', () => {
    const r = rankApplications([agg('A', { mean: 9 }), agg('B', { mean: 8 }), agg('C', { mean: 8 }), agg('D', { mean: 7 })], refs, 'mean', ['shared-place']);
    expect(rows(r)).toEqual([
      ['A', 1, 'score'],
      ['B', 2, 'shared-place'],
      ['C', 2, 'shared-place'],
      ['D', 4, 'score'],
    ]);
  });

  it('applies the rules in order, each one only to what the previous left tied', () => {
    // X, Y, Z tie on the mean; X has the higher median; Y and Z tie on it and Y has more max marks
    const r = rankApplications(
      [agg('Z', { mean: 5, median: 5, maxMarks: 1 }), agg('Y', { mean: 5, median: 5, maxMarks: 3 }), agg('X', { mean: 5, median: 6, maxMarks: 0 })],
      apps(['X', 'Y', 'Z']),
      'mean',
      FULL_CHAIN,
    );
    expect(rows(r)).toEqual([
      ['X', 1, 'higher-median'],
      ['Y', 2, 'more-max-marks'],
      ['Z', 3, 'more-max-marks'],
    ]);
  });

  it('a declared order changes the outcome: maximum marks before the median', () => {
    const aggs = [agg('A', { mean: 7, median: 8, maxMarks: 1 }), agg('B', { mean: 7, median: 7, maxMarks: 4 })];
    expect(rows(rankApplications(aggs, refs, 'mean', ['more-max-marks', 'higher-median']))[0]).toEqual(['B', 1, 'more-max-marks']);
    expect(rows(rankApplications(aggs, refs, 'mean', ['higher-median', 'more-max-marks']))[0]).toEqual(['A', 1, 'higher-median']);
  });

  it('a chain that runs out leaves the place shared and says so', () => {
    const r = rankApplications([agg('A', { mean: 7, median: 7 }), agg('B', { mean: 7, median: 7 })], refs, 'mean', ['higher-median']);
    expect(rows(r)).toEqual([
      ['A', 1, 'unresolved'],
      ['B', 1, 'unresolved'],
    ]);
  });

  it('rules after shared-place never apply', () => {
    const r = rankApplications([agg('B', { mean: 7 }), agg('A', { mean: 7 })], refs, 'mean', ['shared-place', 'earlier-submission']);
    expect(r.entries.map((e) => e.place)).toEqual([1, 1]);
  });

  it('treats aggregates equal up to rounding as a tie', () => {
    const r = rankApplications([agg('A', { mean: 0.1 + 0.2 }), agg('B', { mean: 0.3 })], refs, 'mean', ['shared-place']);
    expect(r.entries.map((e) => e.place)).toEqual([1, 1]);
  });

  it('ranks Borda by points (higher first) and puts unscored applications last without a place', () => {
    const r = rankApplications([agg('A', { borda: 0.2 }), agg('B', { reviews: 0 }), agg('C', { borda: 0.9 })], refs, 'borda', FULL_CHAIN);
    expect(rows(r)).toEqual([
      ['C', 1, 'score'],
      ['A', 2, 'score'],
      ['B', null, null],
    ]);
  });

  it('a malformed submission date loses the earlier-submission rule', () => {
    const r = rankApplications([agg('A', { mean: 7 }), agg('B', { mean: 7 })], [{ id: 'A', title: 'A', submittedAt: 'вчера' }, refs[1]!], 'mean', ['earlier-submission']);
    expect(rows(r)[0]).toEqual(['B', 1, 'earlier-submission']);
  });

  it('always numbers places in the competition style (place = 1 + how many are strictly ahead)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ mean: fc.integer({ min: 0, max: 4 }), median: fc.integer({ min: 0, max: 2 }), maxMarks: fc.integer({ min: 0, max: 2 }) }), { minLength: 1, maxLength: 12 }),
        fc.subarray(FULL_CHAIN),
        (specs, chain) => {
          const ids = specs.map((_, i) => `a${i}`);
          const r = rankApplications(
            specs.map((s, i) => agg(ids[i]!, s)),
            apps(ids),
            'mean',
            chain,
          );
          r.entries.forEach((e, i) => {
            const ahead = r.entries.filter((o) => o.place! < e.place!).length;
            expect(e.place).toBe(ahead + 1);
            if (i > 0) expect(r.entries[i - 1]!.place!).toBeLessThanOrEqual(e.place!);
          });
          // the score order is never overturned by a tie-break
          for (let i = 1; i < r.entries.length; i++) expect(r.entries[i - 1]!.score!).toBeGreaterThanOrEqual(r.entries[i]!.score!);
        },
      ),
    );
  });
});
