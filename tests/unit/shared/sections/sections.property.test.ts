import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FlowAlgorithm } from '../../../../shared/flow';
import type { SectionInput, SectionResult } from '../../../../shared/sections';
import { assignSections, bruteForceSections, compareObjectives, evaluateSections } from '../../../../shared/sections';

const SECTION_IDS = ['A', 'B', 'C'];
const ALGORITHMS: FlowAlgorithm[] = ['auto', 'successive-shortest-paths', 'cost-scaling'];

/** Tiny conferences: ≤ 3 sections, ≤ 7 people, every weight switch, fixed people, overfull sections. */
const instance: fc.Arbitrary<SectionInput> = fc
  .integer({ min: 1, max: 3 })
  .chain((nSections) => {
    const ids = SECTION_IDS.slice(0, nSections);
    const person = fc.record({
      prefs: fc.shuffledSubarray([...ids, 'gone'], { minLength: 0 }),
      municipalityId: fc.option(fc.constantFrom('m1', 'm2'), { nil: undefined }),
      fixedSectionId: fc.option(fc.constantFrom(...ids), { nil: undefined, freq: 4 }),
    });
    return fc.record({
      sections: fc.tuple(...ids.map((id) => fc.integer({ min: 0, max: 3 }).map((capacity) => ({ id, capacity })))),
      people: fc.array(person, { maxLength: 7 }),
      weights: fc.record(
        {
          rankCosts: fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 4 }),
          unrankedCost: fc.integer({ min: 0, max: 80 }),
          waitlistCost: fc.integer({ min: 0, max: 120 }),
          spread: fc.integer({ min: 0, max: 30 }),
          allowUnranked: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
    });
  })
  .map(({ sections, people, weights }) => ({
    sections,
    people: people.map((p, i) => {
      const out: SectionInput['people'][number] = { id: `p${i}`, prefs: p.prefs };
      if (p.municipalityId !== undefined) out.municipalityId = p.municipalityId;
      if (p.fixedSectionId !== undefined) out.fixedSectionId = p.fixedSectionId;
      return out;
    }),
    weights,
  }));

const RUNS = { numRuns: 400 };

function loads(input: SectionInput, r: SectionResult) {
  const fixed = new Map<string, number>();
  for (const p of input.people) if (p.fixedSectionId) fixed.set(p.fixedSectionId, (fixed.get(p.fixedSectionId) ?? 0) + 1);
  return input.sections.map((s) => ({ ...s, fixed: fixed.get(s.id) ?? 0, load: r.sectionLoad[s.id] ?? -1 }));
}

describe('assignSections — properties', () => {
  it('never exceeds a capacity, except by fixed people, and then reports it', () => {
    fc.assert(
      fc.property(instance, (input) => {
        const r = assignSections(input);
        for (const s of loads(input, r)) {
          expect(s.load).toBe(r.assignment.filter((a) => a.sectionId === s.id).length);
          if (s.fixed > s.capacity) {
            expect(s.load).toBe(s.fixed); // nobody else joins an overfull section
            expect(r.overCapacity).toContainEqual({ sectionId: s.id, capacity: s.capacity, fixed: s.fixed });
          } else {
            expect(s.load).toBeLessThanOrEqual(s.capacity);
          }
        }
        expect(r.overCapacity.length).toBe(loads(input, r).filter((s) => s.fixed > s.capacity).length);
      }),
      RUNS,
    );
  });

  for (const algorithm of ALGORITHMS) {
    it(`reaches the brute-force optimum (${algorithm})`, () => {
      fc.assert(
        fc.property(instance, (input) => {
          const got = evaluateSections(input, assignSections(input, { algorithm }));
          const best = bruteForceSections(input);
          expect(compareObjectives(got, best, input.weights?.waitlistCost ?? null)).toBe(0);
        }),
        RUNS,
      );
    });
  }

  it('never moves a fixed person and only uses sections people listed (unless allowed)', () => {
    fc.assert(
      fc.property(instance, (input) => {
        const r = assignSections(input);
        input.people.forEach((p, i) => {
          const a = r.assignment[i]!;
          expect(a.personId).toBe(p.id);
          expect(a.fixed).toBe(p.fixedSectionId !== undefined);
          if (p.fixedSectionId !== undefined) expect(a.sectionId).toBe(p.fixedSectionId);
          else if (a.sectionId !== null && !input.weights?.allowUnranked) expect(p.prefs).toContain(a.sectionId);
          if (a.choice !== null) expect(p.prefs.filter((id, k) => id !== 'gone' && p.prefs.indexOf(id) === k)[a.choice - 1]).toBe(a.sectionId);
        });
      }),
      RUNS,
    );
  });

  it('keeps its statistics and waitlist consistent with the assignment', () => {
    fc.assert(
      fc.property(instance, (input) => {
        const r = assignSections(input);
        const placed = r.assignment.filter((a) => a.sectionId !== null && !a.fixed);
        expect(r.stats.byChoice.reduce((x, y) => x + y, 0) + r.stats.unranked).toBe(placed.length);
        expect(r.stats.fixed + placed.length + r.stats.waitlisted).toBe(r.stats.demand);
        expect(r.stats.demand).toBe(input.people.length);
        expect(r.waitlist.map((w) => w.personId)).toEqual(r.assignment.filter((a) => a.sectionId === null).map((a) => a.personId));
        expect(r.stats.overDemand).toBe(input.people.length > input.sections.reduce((x, s) => x + s.capacity, 0));
        if (input.weights?.waitlistCost === undefined) {
          // most people placed: whoever waits could not have been seated in any section open to them
          for (const w of r.waitlist) {
            expect(w.reason).not.toBe('waitlist-cheaper');
            const open = input.weights?.allowUnranked ? input.sections.map((s) => s.id) : w.sectionIds;
            for (const id of open) expect(r.sectionLoad[id]).toBeGreaterThanOrEqual(input.sections.find((s) => s.id === id)!.capacity);
          }
        }
      }),
      RUNS,
    );
  });

  it('gives the same output for the same input', () => {
    fc.assert(
      fc.property(instance, (input) => {
        expect(assignSections(structuredClone(input))).toEqual(assignSections(input));
      }),
      RUNS,
    );
  });

  it('finds the same optimum whatever the order of sections', () => {
    fc.assert(
      fc.property(
        instance.chain((input) => fc.tuple(fc.constant(input), fc.shuffledSubarray(input.sections, { minLength: input.sections.length }))),
        ([input, shuffled]) => {
          const a = evaluateSections(input, assignSections(input));
          const reordered = { ...input, sections: shuffled };
          const b = evaluateSections(reordered, assignSections(reordered));
          expect(b).toEqual(a);
        },
      ),
      RUNS,
    );
  });
});
