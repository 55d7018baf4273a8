import { describe, expect, it } from 'vitest';
import { assignSections, evaluateSections } from '../../../../shared/sections';
import type { SectionInput, SectionResult } from '../../../../shared/sections';
import { generateSectionInstance } from './fixtures';

/** Capacity respected (fixed overflow aside), loads consistent, fixed people in place. */
function checkFeasible(input: SectionInput, r: SectionResult) {
  const count = new Map<string, number>();
  const fixed = new Map<string, number>();
  input.people.forEach((p, i) => {
    const a = r.assignment[i]!;
    if (p.fixedSectionId !== undefined) {
      expect(a.sectionId).toBe(p.fixedSectionId);
      fixed.set(p.fixedSectionId, (fixed.get(p.fixedSectionId) ?? 0) + 1);
    }
    if (a.sectionId !== null) count.set(a.sectionId, (count.get(a.sectionId) ?? 0) + 1);
  });
  for (const s of input.sections) {
    expect(r.sectionLoad[s.id]).toBe(count.get(s.id) ?? 0);
    expect(count.get(s.id) ?? 0).toBeLessThanOrEqual(Math.max(s.capacity, fixed.get(s.id) ?? 0));
  }
}

// No wall-clock assertions here: timings are printed by tests/bench/solver.bench.ts.
describe('assignSections at conference scale (10,000 people × 20 sections)', () => {
  it('places everyone when capacity allows and unlisted sections are accepted', () => {
    const input = generateSectionInstance({ seed: 11, people: 10_000, sections: 20, capacityRatio: 1.05, weights: { spread: 5, allowUnranked: true } });
    const r = assignSections(input);
    checkFeasible(input, r);
    expect(r.stats.waitlisted).toBe(0);
    expect(r.stats.overDemand).toBe(false);
    expect(r.stats.byChoice[0]).toBeGreaterThan(5_000);
  });

  it('with ranked choices only, waitlists only people whose every choice is full', () => {
    const input = generateSectionInstance({ seed: 12, people: 10_000, sections: 20, capacityRatio: 0.95, fixedShare: 0.03, weights: { spread: 3 } });
    const r = assignSections(input);
    checkFeasible(input, r);
    expect(r.stats.overDemand).toBe(true);
    const cap = new Map(input.sections.map((s) => [s.id, s.capacity]));
    for (const w of r.waitlist) {
      if (w.reason === 'no-preferences') continue;
      for (const id of w.sectionIds) expect(r.sectionLoad[id]).toBeGreaterThanOrEqual(cap.get(id)!);
    }
    expect(r.stats.waitlisted).toBeGreaterThanOrEqual(10_000 - r.stats.capacity);
  });

  it('gets the same optimum from both flow algorithms (3,000 people)', () => {
    // two independent exact methods agreeing on a large instance is the check brute force cannot give
    for (const weights of [{}, { spread: 4 }, { spread: 2, allowUnranked: true, waitlistCost: 500 }]) {
      const input = generateSectionInstance({ seed: 13, people: 3_000, sections: 20, capacityRatio: 0.98, fixedShare: 0.02, weights });
      const a = evaluateSections(input, assignSections(input, { algorithm: 'cost-scaling' }));
      const b = evaluateSections(input, assignSections(input, { algorithm: 'successive-shortest-paths' }));
      expect(a).toEqual(b);
    }
  });

  it('is deterministic at scale', () => {
    const input = generateSectionInstance({ seed: 14, people: 10_000, sections: 20, weights: { spread: 5 } });
    expect(assignSections(structuredClone(input))).toEqual(assignSections(input));
  });
});
