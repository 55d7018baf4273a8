/**
 * What the jury is promised, on random instances: every hard rule holds, whatever is short is short
 * for a stated reason, small instances are optimal against exhaustive search, and the result does not
 * depend on the order of the input.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assignJury } from '../../../../shared/contest/assignment';
import type { AssignmentInput, AssignmentResult } from '../../../../shared/contest/assignment';
import { blockedPairs, pairKey } from '../../../../shared/contest/conflicts';
import { bruteForceAssignment, randomInstance } from './fixtures';

function checkConstraints(input: AssignmentInput, r: AssignmentResult): void {
  const admitted = new Map(input.applications.filter((a) => a.status === 'admitted').map((a) => [a.id, a]));
  const jurors = new Map(input.jurors.map((j) => [j.id, j]));
  const blocked = blockedPairs(input.conflicts ?? []);
  const seen = new Set<string>();
  const load = new Map<string, number>();
  const reviews = new Map<string, number>();
  for (const as of r.assignments) {
    const a = admitted.get(as.applicationId);
    const j = jurors.get(as.jurorId);
    expect(a, 'only admitted applications').toBeDefined();
    expect(j).toBeDefined();
    expect(j!.nominationIds, 'juror of the nomination').toContain(a!.nominationId);
    expect(blocked.has(pairKey(as.jurorId, as.applicationId)), 'no conflicted pair').toBe(false);
    expect(seen.has(pairKey(as.jurorId, as.applicationId)), 'no pair twice').toBe(false);
    seen.add(pairKey(as.jurorId, as.applicationId));
    load.set(as.jurorId, (load.get(as.jurorId) ?? 0) + 1);
    reviews.set(as.applicationId, (reviews.get(as.applicationId) ?? 0) + 1);
  }
  // manual assignments that are allowed are all kept
  for (const m of input.manual ?? []) {
    const a = admitted.get(m.applicationId);
    const j = jurors.get(m.jurorId);
    if (a && j && j.nominationIds.includes(a.nominationId) && !blocked.has(pairKey(m.jurorId, m.applicationId))) {
      expect(seen.has(pairKey(m.jurorId, m.applicationId)), 'manual kept').toBe(true);
    }
  }
  for (const j of input.jurors) {
    const l = load.get(j.id) ?? 0;
    expect(r.load[j.id]).toBe(l);
    const manualOnly = r.assignments.filter((x) => x.jurorId === j.id && x.manual).length;
    // only the organizer's own manual picks may exceed a cap (they are kept and warned about)
    if (j.cap !== undefined) expect(l).toBeLessThanOrEqual(Math.max(j.cap, manualOnly));
  }
  const short = new Map(r.shortfalls.map((s) => [s.applicationId, s]));
  for (const a of admitted.values()) {
    const got = reviews.get(a.id) ?? 0;
    expect(r.reviews[a.id]).toBe(got);
    if (got >= input.minReviews) expect(short.has(a.id)).toBe(false);
    else {
      expect(short.get(a.id)?.missing).toBe(input.minReviews - got);
      // a maximum flow: every independent juror of the nomination not on this application is full
      for (const j of input.jurors) {
        if (!j.nominationIds.includes(a.nominationId) || blocked.has(pairKey(j.id, a.id)) || seen.has(pairKey(j.id, a.id))) continue;
        expect(j.cap, `juror ${j.id} could still take ${a.id}`).toBeDefined();
        expect(load.get(j.id) ?? 0).toBeGreaterThanOrEqual(j.cap!);
      }
    }
  }
  expect(r.feasible).toBe(r.shortfalls.length === 0);
  // anchors: every eligible juror has each anchor, unless the cap stopped it (warned)
  const anchorSkips = new Set(r.warnings.filter((w) => w.code === 'anchor-over-cap').map((w) => pairKey(w.jurorId, w.applicationId!)));
  for (const [nominationId, ids] of Object.entries(r.anchors)) {
    for (const id of ids) {
      expect(admitted.get(id)?.nominationId).toBe(nominationId);
      for (const j of input.jurors) {
        if (!j.nominationIds.includes(nominationId) || blocked.has(pairKey(j.id, id))) continue;
        expect(seen.has(pairKey(j.id, id)) || anchorSkips.has(pairKey(j.id, id)), `anchor ${id} for ${j.id}`).toBe(true);
      }
    }
  }
}

const params = (max: { apps: number; jurors: number }) =>
  fc.record({
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    apps: fc.integer({ min: 0, max: max.apps }),
    jurors: fc.integer({ min: 1, max: max.jurors }),
    nominations: fc.integer({ min: 1, max: 3 }),
    minReviews: fc.integer({ min: 1, max: 3 }),
    conflictRate: fc.constantFrom(0, 0.1, 0.3),
    capRate: fc.constantFrom(0, 0.5, 1),
    manualRate: fc.constantFrom(0, 0.05),
    anchors: fc.integer({ min: 0, max: 2 }),
  });

describe('assignJury properties', () => {
  it('meets every constraint on random instances', () => {
    fc.assert(
      fc.property(params({ apps: 40, jurors: 10 }), (o) => {
        const input = randomInstance(o);
        checkConstraints(input, assignJury(input));
      }),
      { numRuns: 300 },
    );
  });

  it('is optimal on small instances: most reviews, then least Σ load² and least maximum load (brute force)', () => {
    fc.assert(
      fc.property(params({ apps: 5, jurors: 4 }).map((o) => ({ ...o, anchors: 0 })), (o) => {
        const input = randomInstance(o);
        const r = assignJury(input);
        const best = bruteForceAssignment(input);
        const fixedReviews = r.assignments.filter((a) => a.manual).length;
        expect(r.assignments.length - fixedReviews).toBe(best.assigned);
        expect(r.cost).toBe(best.cost);
        expect(r.maxLoad).toBe(best.maxLoad);
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same result for the same input in any order', () => {
    fc.assert(
      fc.property(params({ apps: 25, jurors: 8 }), fc.integer({ min: 0, max: 1000 }), (o, shuffleSeed) => {
        const input = randomInstance(o);
        const shuffle = <T,>(xs: readonly T[]) => {
          const out = [...xs];
          let s = shuffleSeed + 1;
          for (let i = out.length - 1; i > 0; i--) {
            s = (s * 1103515245 + 12345) % 2147483648;
            const k = s % (i + 1);
            [out[i], out[k]] = [out[k]!, out[i]!];
          }
          return out;
        };
        const again: AssignmentInput = {
          ...input,
          applications: shuffle(input.applications),
          jurors: shuffle(input.jurors),
          conflicts: shuffle(input.conflicts ?? []),
          manual: shuffle(input.manual ?? []),
        };
        expect(assignJury(again)).toEqual(assignJury(input));
      }),
      { numRuns: 150 },
    );
  });
});
