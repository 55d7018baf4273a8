/**
 * Property tests (fast-check) of what a jury is promised: the z-normalized ranking ignores a juror's
 * personal level, nothing depends on how jurors are numbered or sheets ordered, unanimous scores show
 * no divergence, and Borda only sees each juror's order.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeAggregates } from '../../../../shared/results/aggregates';
import { computeResults } from '../../../../shared/results/compute-results';
import { createRng } from '../../../../shared/generator/rng';
import { AGGREGATION_METHODS } from '../../../../shared/results/types';
import type { JurorTotal, Results, ScoreSheet, TieBreak } from '../../../../shared/results/types';
import { apps, singleCriterion } from './fixtures';

type Table = (number | null)[][]; // table[juror][application], null = not assigned

/** 2–8 applications × 2–6 jurors, values 20…80 on a 0…100 criterion (room to shift by ±20). */
const tableArb: fc.Arbitrary<Table> = fc
  .record({ nApps: fc.integer({ min: 2, max: 8 }), nJurors: fc.integer({ min: 2, max: 6 }) })
  .chain(({ nApps, nJurors }) =>
    fc.array(fc.array(fc.option(fc.integer({ min: 20, max: 80 }), { nil: null, freq: 4 }), { minLength: nApps, maxLength: nApps }), {
      minLength: nJurors,
      maxLength: nJurors,
    }),
  );

const appIds = (t: Table) => t[0]!.map((_, i) => `a${i}`);
const CHAIN: TieBreak[] = ['higher-median', 'more-max-marks', 'earlier-submission', 'shared-place'];

function sheets(t: Table, jurorName = (j: number) => `j${j}`): ScoreSheet[] {
  return t.flatMap((row, j) => row.flatMap((v, a) => (v === null ? [] : [{ jurorId: jurorName(j), applicationId: `a${a}`, values: { c: v }, status: 'final' as const }])));
}

function run(t: Table, s: ScoreSheet[], tieBreaks: TieBreak[] = CHAIN): Results {
  return computeResults({ criteria: singleCriterion(100), applications: apps(appIds(t)), sheets: s, method: 'mean', tieBreaks });
}

const placesOf = (r: Results, m: (typeof AGGREGATION_METHODS)[number]) =>
  Object.fromEntries(r.rankings[m].entries.map((e) => [e.applicationId, [e.place, e.decidedBy]]));

describe('results properties', () => {
  it('adding a constant to all of one juror’s scores does not change the z-normalized ranking', () => {
    fc.assert(
      fc.property(tableArb, fc.nat(), fc.integer({ min: -20, max: 20 }), (t, pick, c) => {
        const j = pick % t.length;
        const shifted = t.map((row, jj) => (jj === j ? row.map((v) => (v === null ? null : v + c)) : row));
        const before = run(t, sheets(t), ['shared-place']);
        const after = run(shifted, sheets(shifted), ['shared-place']);
        expect(placesOf(after, 'z-mean')).toEqual(placesOf(before, 'z-mean'));
      }),
    );
  });

  it('permuting jurors (their ids and the order of their sheets) changes nothing', () => {
    fc.assert(
      fc.property(tableArb, fc.integer(), (t, seed) => {
        const rng = createRng(seed);
        const perm = t.map((_, i) => i);
        for (let i = perm.length - 1; i > 0; i--) {
          const k = rng.int(0, i);
          [perm[i], perm[k]] = [perm[k]!, perm[i]!];
        }
        const renamed = sheets(t, (j) => `j${perm[j]}`);
        for (let i = renamed.length - 1; i > 0; i--) {
          const k = rng.int(0, i);
          [renamed[i], renamed[k]] = [renamed[k]!, renamed[i]!];
        }
        const a = run(t, sheets(t));
        const b = run(t, renamed);
        for (const m of AGGREGATION_METHODS) expect(placesOf(b, m)).toEqual(placesOf(a, m));
        a.aggregates.forEach((x, i) => {
          const y = b.aggregates[i]!;
          for (const key of ['mean', 'median', 'trimmedMean', 'zMean', 'borda', 'meanRank'] as const) {
            if (x[key] === null) expect(y[key]).toBeNull();
            else expect(y[key]).toBeCloseTo(x[key], 9);
          }
        });
        // per-juror statistics follow the juror, whatever they are called
        for (const s of a.reliability.jurors) {
          const twin = b.reliability.jurors.find((o) => o.jurorId === `j${perm[Number(s.jurorId.slice(1))]}`)!;
          expect(twin.flags).toEqual(s.flags);
          if (s.spearman === null) expect(twin.spearman).toBeNull();
          else expect(twin.spearman).toBeCloseTo(s.spearman, 9);
        }
        const w = (r: Results) => r.reliability.blocks.map((bl) => bl.kendall.w).sort();
        expect(w(b).length).toBe(w(a).length);
        w(a).forEach((x, i) => (x === null ? expect(w(b)[i]).toBeNull() : expect(w(b)[i]).toBeCloseTo(x, 9)));
      }),
    );
  });

  it('an application scored identically by all its jurors has zero divergence', () => {
    fc.assert(
      fc.property(tableArb, fc.nat(), fc.integer({ min: 20, max: 80 }), (t, pick, v) => {
        const a = pick % t[0]!.length;
        // every juror who scored `a` gives it v; juror 0 always does, so it has at least one review
        const same = t.map((row, j) => row.map((x, i) => (i === a ? (j === 0 || x !== null ? v : null) : x)));
        const d = run(same, sheets(same)).reliability.divergence[a]!;
        expect(d.range).toBe(0);
        if (d.reviews >= 2) expect(d.sd).toBe(0);
        expect(d.flags).toEqual([]);
      }),
    );
  });

  it('Borda is invariant to a strictly increasing transform of one juror’s totals', () => {
    fc.assert(
      fc.property(tableArb, fc.nat(), (t, pick) => {
        const j = `j${pick % t.length}`;
        const totals: JurorTotal[] = sheets(t).map((s) => ({ jurorId: s.jurorId, applicationId: s.applicationId, total: s.values.c!, maxMarks: 0 }));
        // x ↦ x³/1000 + 3: strictly increasing, far from linear
        const warped = totals.map((x) => (x.jurorId === j ? { ...x, total: x.total ** 3 / 1000 + 3 } : x));
        const refs = apps(appIds(t));
        const before = computeAggregates(refs, totals).applications.map((x) => x.borda);
        const after = computeAggregates(refs, warped).applications.map((x) => x.borda);
        expect(after).toEqual(before);
      }),
    );
  });
});
