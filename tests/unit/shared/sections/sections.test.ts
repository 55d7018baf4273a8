import { describe, expect, it } from 'vitest';
import type { SectionInput } from '../../../../shared/sections';
import { assignSections, evaluateSections } from '../../../../shared/sections';

const sections = (caps: Record<string, number>) => Object.entries(caps).map(([id, capacity]) => ({ id, capacity }));
const sectionOf = (r: ReturnType<typeof assignSections>) => Object.fromEntries(r.assignment.map((a) => [a.personId, a.sectionId]));

describe('assignSections', () => {
  it('gives everyone their first choice when it fits', () => {
    const r = assignSections({
      sections: sections({ A: 2, B: 2, C: 2 }),
      people: [
        { id: 'p1', prefs: ['A', 'B'] },
        { id: 'p2', prefs: ['B', 'A'] },
        { id: 'p3', prefs: ['C'] },
        { id: 'p4', prefs: ['A', 'C', 'B'] },
      ],
    });
    expect(sectionOf(r)).toEqual({ p1: 'A', p2: 'B', p3: 'C', p4: 'A' });
    expect(r.assignment.every((a) => a.choice === 1 && !a.fixed)).toBe(true);
    expect(r.stats).toEqual({ byChoice: [4, 0, 0], unranked: 0, fixed: 0, waitlisted: 0, demand: 4, capacity: 6, overDemand: false });
    expect(r.sectionLoad).toEqual({ A: 2, B: 1, C: 1 });
    expect(r.waitlist).toEqual([]);
  });

  it('overflows a popular section to second choices, earlier people first', () => {
    const r = assignSections({
      sections: sections({ A: 2, B: 5 }),
      people: ['p1', 'p2', 'p3', 'p4'].map((id) => ({ id, prefs: ['A', 'B'] })),
    });
    expect(sectionOf(r)).toEqual({ p1: 'A', p2: 'A', p3: 'B', p4: 'B' });
    expect(r.assignment.map((a) => a.choice)).toEqual([1, 1, 2, 2]);
    expect(r.stats.byChoice).toEqual([2, 2]);
  });

  it('prefers two second choices to a first and a third (convex rank costs)', () => {
    // p1 wants A then B; p2 wants A then C then B. Giving A to p2 sends p1 to B (0 + 10);
    // giving A to p1 sends p2 to its third choice B (0 + 25), since C is closed.
    const r = assignSections({
      sections: sections({ A: 1, B: 2, C: 0 }),
      people: [
        { id: 'p1', prefs: ['A', 'B'] },
        { id: 'p2', prefs: ['A', 'C', 'B'] },
      ],
    });
    expect(sectionOf(r)).toEqual({ p1: 'B', p2: 'A' });
  });

  it('waitlists the overflow when demand exceeds capacity, and says so', () => {
    const r = assignSections({
      sections: sections({ A: 1, B: 1 }),
      people: ['p1', 'p2', 'p3'].map((id) => ({ id, prefs: ['A', 'B'] })),
    });
    expect(sectionOf(r)).toEqual({ p1: 'A', p2: 'B', p3: null });
    expect(r.waitlist).toEqual([{ personId: 'p3', reason: 'all-choices-full', sectionIds: ['A', 'B'] }]);
    expect(r.stats).toMatchObject({ waitlisted: 1, demand: 3, capacity: 2, overDemand: true });
  });

  it('places as many people as possible before caring about ranks', () => {
    // p1 could take A as a first choice, but then p2 (only A) would wait
    const r = assignSections({
      sections: sections({ A: 1, B: 1 }),
      people: [
        { id: 'p1', prefs: ['A', 'B'] },
        { id: 'p2', prefs: ['A'] },
      ],
    });
    expect(sectionOf(r)).toEqual({ p1: 'B', p2: 'A' });
  });

  it('keeps fixed assignments even in a popular section, and counts them first', () => {
    const r = assignSections({
      sections: sections({ A: 2, B: 3 }),
      people: [
        { id: 'p1', prefs: ['A', 'B'] },
        { id: 'f1', prefs: ['B'], fixedSectionId: 'A' },
        { id: 'p2', prefs: ['A', 'B'] },
        { id: 'f2', prefs: [], fixedSectionId: 'A' },
      ],
    });
    expect(sectionOf(r)).toEqual({ p1: 'B', f1: 'A', p2: 'B', f2: 'A' });
    expect(r.assignment.find((a) => a.personId === 'f1')).toEqual({ personId: 'f1', sectionId: 'A', choice: null, fixed: true });
    expect(r.stats).toMatchObject({ fixed: 2, byChoice: [0, 2] });
    expect(r.overCapacity).toEqual([]);
  });

  it('keeps fixed people beyond capacity, reports it, and places nobody else there', () => {
    const r = assignSections({
      sections: sections({ A: 1, B: 1 }),
      people: [
        { id: 'f1', prefs: [], fixedSectionId: 'A' },
        { id: 'f2', prefs: [], fixedSectionId: 'A' },
        { id: 'p1', prefs: ['A'] },
        { id: 'p2', prefs: ['B', 'A'] },
        { id: 'p3', prefs: ['B'] },
      ],
    });
    expect(sectionOf(r)).toEqual({ f1: 'A', f2: 'A', p1: null, p2: 'B', p3: null });
    expect(r.overCapacity).toEqual([{ sectionId: 'A', capacity: 1, fixed: 2 }]);
    expect(r.sectionLoad).toEqual({ A: 2, B: 1 });
    expect(r.waitlist).toEqual([
      { personId: 'p1', reason: 'over-capacity-fixed', sectionIds: ['A'] },
      { personId: 'p3', reason: 'all-choices-full', sectionIds: ['B'] },
    ]);
  });

  it('gives a section of capacity 0 the reason «all choices full», not «filled by fixed people» (issue 18, item 7)', () => {
    const r = assignSections({
      sections: sections({ A: 0, B: 1 }),
      people: [
        { id: 'p1', prefs: ['A'] },
        { id: 'f1', prefs: [], fixedSectionId: 'B' },
        { id: 'p2', prefs: ['B'] },
        { id: 'p3', prefs: ['A', 'B'] },
      ],
    });
    expect(sectionOf(r)).toEqual({ p1: null, f1: 'B', p2: null, p3: null });
    expect(r.waitlist).toEqual([
      { personId: 'p1', reason: 'all-choices-full', sectionIds: ['A'] },
      { personId: 'p2', reason: 'over-capacity-fixed', sectionIds: ['B'] },
      { personId: 'p3', reason: 'all-choices-full', sectionIds: ['A', 'B'] },
    ]);
  });

  it('spreads a municipality over sections when its delegates\u2019 choices allow', () => {
    const delegates = ['d1', 'd2', 'd3', 'd4'].map((id) => ({ id, prefs: ['A', 'B', 'C', 'D'], municipalityId: 'ufa' }));
    const other = { id: 'o1', prefs: ['A'], municipalityId: 'sibay' };
    const input = (spread: number): SectionInput => ({ sections: sections({ A: 5, B: 4, C: 4, D: 4 }), people: [...delegates, other], weights: { spread } });

    const packed = assignSections(input(0));
    expect(new Set(delegates.map((d) => sectionOf(packed)[d.id]))).toEqual(new Set(['A']));

    // together in A the four cost spread·(0+1+2+3) = 600; apart, their ranks cost 0+10+25+45 = 80
    const spread = assignSections(input(100));
    expect(new Set(delegates.map((d) => sectionOf(spread)[d.id]))).toEqual(new Set(['A', 'B', 'C', 'D']));
    expect(sectionOf(spread)['o1']).toBe('A');
    expect(evaluateSections(input(100), spread)).toEqual({ waitlisted: 0, cost: 80 });
  });

  it('counts fixed delegates in the spread', () => {
    const r = assignSections({
      sections: sections({ A: 3, B: 3 }),
      people: [
        { id: 'f1', prefs: [], municipalityId: 'm', fixedSectionId: 'A' },
        { id: 'p1', prefs: ['A', 'B'], municipalityId: 'm' },
      ],
      weights: { spread: 20 },
    });
    // A would make p1 the second delegate there (20); B is a second choice (10)
    expect(sectionOf(r)['p1']).toBe('B');
  });

  it('waitlists people without preferences unless unlisted sections are allowed', () => {
    const people = [
      { id: 'p1', prefs: [] },
      { id: 'p2', prefs: ['A'] },
    ];
    const strict = assignSections({ sections: sections({ A: 1, B: 1 }), people });
    expect(strict.waitlist).toEqual([{ personId: 'p1', reason: 'no-preferences', sectionIds: [] }]);

    const loose = assignSections({ sections: sections({ A: 1, B: 1 }), people, weights: { allowUnranked: true } });
    expect(sectionOf(loose)).toEqual({ p1: 'B', p2: 'A' });
    expect(loose.assignment[0]).toEqual({ personId: 'p1', sectionId: 'B', choice: null, fixed: false });
    expect(loose.stats).toMatchObject({ unranked: 1, waitlisted: 0, byChoice: [1] });
  });

  it('with allowUnranked, sends overflow to an unlisted section rather than the waitlist', () => {
    const r = assignSections({
      sections: sections({ A: 1, B: 1, C: 0 }),
      people: [
        { id: 'p1', prefs: ['A', 'C'] },
        { id: 'p2', prefs: ['A', 'C'] },
      ],
      weights: { allowUnranked: true },
    });
    expect(sectionOf(r)).toEqual({ p1: 'A', p2: 'B' });
    expect(r.stats.unranked).toBe(1);
  });

  it('with a finite waitlist price, leaves someone out rather than on a costly choice', () => {
    const r = assignSections({
      sections: sections({ A: 1, B: 1 }),
      people: [
        { id: 'p1', prefs: ['A', 'B'] },
        { id: 'p2', prefs: ['A', 'B'] },
      ],
      weights: { waitlistCost: 5 },
    });
    expect(sectionOf(r)).toEqual({ p1: 'A', p2: null });
    expect(r.waitlist).toEqual([{ personId: 'p2', reason: 'waitlist-cheaper', sectionIds: ['A', 'B'] }]);
  });

  it('drops unknown and repeated preferences and ranks what is left', () => {
    const r = assignSections({
      sections: sections({ A: 0, B: 1 }),
      people: [{ id: 'p1', prefs: ['gone', 'A', 'A', 'B'] }],
    });
    expect(r.assignment[0]).toEqual({ personId: 'p1', sectionId: 'B', choice: 2, fixed: false });
    expect(r.stats.byChoice).toEqual([0, 1]);
  });

  it('uses custom rank costs', () => {
    // flat rank costs: giving p1 its second choice costs the same as p2's, so input order decides
    const input: SectionInput = {
      sections: sections({ A: 1, B: 1, C: 1 }),
      people: [
        { id: 'p1', prefs: ['A', 'B'] },
        { id: 'p2', prefs: ['A', 'C'] },
      ],
      weights: { rankCosts: [0, 7] },
    };
    expect(evaluateSections(input, assignSections(input))).toEqual({ waitlisted: 0, cost: 7 });
  });

  it('refuses inconsistent input', () => {
    expect(() => assignSections({ sections: sections({ A: 1 }).concat({ id: 'A', capacity: 2 }), people: [] })).toThrow(/duplicate/);
    expect(() => assignSections({ sections: [{ id: 'A', capacity: -1 }], people: [] })).toThrow(RangeError);
    expect(() => assignSections({ sections: [{ id: 'A', capacity: 1.5 }], people: [] })).toThrow(RangeError);
    expect(() => assignSections({ sections: sections({ A: 1 }), people: [{ id: 'p', prefs: [], fixedSectionId: 'X' }] })).toThrow(/unknown section/);
    expect(() => assignSections({ sections: sections({ A: 1 }), people: [], weights: { spread: -1 } })).toThrow(RangeError);
    expect(() => assignSections({ sections: sections({ A: 1 }), people: [], weights: { rankCosts: [0, 0.5] } })).toThrow(RangeError);
  });

  it('handles the empty cases', () => {
    expect(assignSections({ sections: [], people: [] }).stats).toEqual({ byChoice: [], unranked: 0, fixed: 0, waitlisted: 0, demand: 0, capacity: 0, overDemand: false });
    const r = assignSections({ sections: [], people: [{ id: 'p', prefs: ['A'] }], weights: { allowUnranked: true } });
    expect(r.waitlist).toEqual([{ personId: 'p', reason: 'all-choices-full', sectionIds: [] }]);
  });
});
