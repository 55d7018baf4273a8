import { describe, expect, it } from 'vitest';
import { computeResults } from '../../../../shared/results/compute-results';
import { apps, sheetsFromTable, singleCriterion } from './fixtures';

/*
 * Three jurors; one criterion 0–10, weight 1, so totals are the values:
 *        A    B    C
 *   j1  10    8    0
 *   j2  10    8    0
 *   j3   1    8    0
 * mean:    A 7,  B 8,  C 0            → B, A, C
 * median:  A 10, B 8,  C 0            → A, B, C
 * trimmed: 3 reviews → the mean       → B, A, C
 * Borda:   j1, j2: A 1, B .5, C 0; j3: B 1, A .5, C 0 → A 2.5/3, B 2/3, C 0 → A, B, C
 * z-mean:  j1, j2: μj 6, σj √28 → z A .756, B .378, C −1.134; j3: μj 3, σj √19 → A −.459, B 1.147, C −.688
 *          mean z: A .351, B .634, C −.985 → B, A, C
 * So places 1 and 2 depend on the method; C is last under every method.
 */
const results = computeResults({
  criteria: singleCriterion(10),
  applications: apps(['A', 'B', 'C']),
  sheets: sheetsFromTable({ j1: { A: 10, B: 8, C: 0 }, j2: { A: 10, B: 8, C: 0 }, j3: { A: 1, B: 8, C: 0 } }),
  method: 'mean',
  tieBreaks: ['higher-median', 'shared-place'],
});

describe('sensitivity to the aggregation method', () => {
  it('gives each application its place under every method', () => {
    const byId = Object.fromEntries(results.sensitivity.applications.map((a) => [a.applicationId, a]));
    expect(byId.A!.places).toEqual({ mean: 2, median: 1, 'trimmed-mean': 2, 'z-mean': 2, borda: 1 });
    expect(byId.B!.places).toEqual({ mean: 1, median: 2, 'trimmed-mean': 1, 'z-mean': 1, borda: 2 });
    expect(byId.C).toMatchObject({ best: 3, worst: 3, dependsOnMethod: false });
    expect(byId.A).toMatchObject({ best: 1, worst: 2, dependsOnMethod: true });
  });

  it('lists the applications and the places that depend on the method', () => {
    expect(results.sensitivity.changedApplicationIds).toEqual(['B', 'A']); // official (mean) order
    expect(results.sensitivity.methodDependentPlaces.map((p) => p.place)).toEqual([1, 2]);
    expect(results.sensitivity.methodDependentPlaces[0]!.occupants).toEqual({ mean: ['B'], median: ['A'], 'trimmed-mean': ['B'], 'z-mean': ['B'], borda: ['A'] });
  });

  it('z-mean values match the hand computation', () => {
    const z = Object.fromEntries(results.aggregates.map((a) => [a.applicationId, a.zMean]));
    const grandMean = 45 / 9;
    const grandSd = Math.sqrt((3 * 25 + 3 * 9 + 2 * 25 + 16) / 8); // totals 10,10,1,8,8,8,0,0,0 around 5
    const zA = (2 * (4 / Math.sqrt(28)) + -2 / Math.sqrt(19)) / 3;
    expect(z.A).toBeCloseTo(grandMean + grandSd * zA, 10);
    expect(results.rankings['z-mean'].entries.map((e) => e.applicationId)).toEqual(['B', 'A', 'C']);
  });

  it('a shared place that another method splits counts as method-dependent', () => {
    /*
     *        A   B
     *   j1   5   3
     *   j2   5   6
     *   j3   5   6
     * mean 5 and 5 (trimmed too: 3 reviews) → shared 1, 1; median 5 vs 6 → B 1, A 2;
     * Borda A 1/3, B 2/3 → B first; z: j1 puts A above B, j2 and j3 put B above A → B first.
     */
    const r = computeResults({
      criteria: singleCriterion(10),
      applications: apps(['A', 'B']),
      sheets: sheetsFromTable({ j1: { A: 5, B: 3 }, j2: { A: 5, B: 6 }, j3: { A: 5, B: 6 } }),
      method: 'mean',
      tieBreaks: ['shared-place'],
    });
    const a = r.sensitivity.applications.find((x) => x.applicationId === 'A')!;
    expect(a.places).toEqual({ mean: 1, median: 2, 'trimmed-mean': 1, 'z-mean': 2, borda: 2 });
    expect(r.sensitivity.methodDependentPlaces).toEqual([
      { place: 1, occupants: { mean: ['A', 'B'], median: ['B'], 'trimmed-mean': ['A', 'B'], 'z-mean': ['B'], borda: ['B'] } },
      { place: 2, occupants: { mean: [], median: ['A'], 'trimmed-mean': [], 'z-mean': ['A'], borda: ['A'] } },
    ]);
  });
});
