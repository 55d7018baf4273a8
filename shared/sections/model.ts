/**
 * The section-assignment problem itself: input/result types, weights with their defaults, input
 * normalization, and the objective. The solver (assign.ts) and the exhaustive check (brute-force.ts)
 * both read the problem through this file, so they cannot disagree about what "optimal" means.
 */

export type SectionWeights = {
  /**
   * Cost of getting the 1st, 2nd, 3rd… choice; default [0, 10, 25, 45, 70, …] (5·r·(r+3)/2).
   * Convex on purpose: two people on their 2nd choice (10 + 10) beat one on the 1st and one on the 3rd
   * (0 + 25), so nobody is pushed far down their list to give someone else a small gain. Ranks beyond
   * the list repeat its last step. Non-negative integers (the flow solver is exact on integers).
   */
  rankCosts?: number[];
  /** Cost of a section the person did not list (only with `allowUnranked`); default twice the cost of the first rank nobody listed. */
  unrankedCost?: number;
  /**
   * Price of leaving one person on the waitlist. Omitted (the default): placing as many people as
   * possible comes strictly first, exactly (max-flow, no big-M). Given: a finite trade-off — someone may
   * wait rather than take a placement that costs more than this.
   */
  waitlistCost?: number;
  /** Weight for spreading each municipality's delegates: the k-th in one section costs spread·(k−1). 0 = off (default). */
  spread?: number;
  /** Place people in sections they did not list, at `unrankedCost`, when their choices are full. Default false. */
  allowUnranked?: boolean;
};

export type SectionInput = {
  sections: Array<{ id: string; capacity: number }>;
  people: Array<{
    id: string;
    /** Ranked section ids; unknown ids and repeats are dropped, ranks count the remaining ones. */
    prefs: string[];
    municipalityId?: string;
    /** A manual or fixed decision: kept as is and counted against capacity first. */
    fixedSectionId?: string;
  }>;
  weights?: SectionWeights;
};

export type WaitlistReason =
  /** Every section they could go to is full. */
  | 'all-choices-full'
  /** They listed no section and `allowUnranked` is off. */
  | 'no-preferences'
  /** Every section they could go to was already filled by fixed/manual assignments alone. */
  | 'over-capacity-fixed'
  /** Only with a finite `waitlistCost`: a seat was free, but the placement would cost more than waiting. */
  | 'waitlist-cheaper';

export type SectionResult = {
  /** One entry per input person, in input order. */
  assignment: Array<{ personId: string; sectionId: string | null; choice: number | null /* 1-based rank; null = unranked, fixed or waitlisted */; fixed: boolean }>;
  stats: {
    /** [first, second, third, …] counts of people placed by the solver (fixed people are not counted here). */
    byChoice: number[];
    unranked: number;
    fixed: number;
    waitlisted: number;
    /** Everybody who needs a seat: all input people. */
    demand: number;
    /** Sum of section capacities. */
    capacity: number;
    overDemand: boolean;
  };
  /** Waitlisted people in input order. */
  waitlist: Array<{ personId: string; reason: WaitlistReason; sectionIds: string[] /* their choices, in order */ }>;
  /** People per section, fixed included. */
  sectionLoad: Record<string, number>;
  /** Sections whose fixed/manual assignments alone exceed capacity: kept (manual decisions win), reported here. */
  overCapacity: Array<{ sectionId: string; capacity: number; fixed: number }>;
};

/** Weights large enough to overflow float64 integer sums (2^53) on real inputs are refused. */
const MAX_WEIGHT = 1_000_000;

export type ResolvedWeights = {
  /** rankCost[r] for 0-based rank r, long enough for the longest preference list. */
  rankCost: number[];
  unrankedCost: number;
  waitlistCost: number | null;
  spread: number;
  allowUnranked: boolean;
};

export type NormalizedPerson = {
  /** Section indices, deduplicated, known sections only, in rank order. */
  prefs: number[];
  /** Municipality index, −1 if none. */
  muni: number;
  /** Fixed section index, −1 if none. */
  fixed: number;
};

export type NormalizedInput = {
  sectionIds: string[];
  capacity: number[];
  people: NormalizedPerson[];
  municipalityCount: number;
  weights: ResolvedWeights;
};

function checkWeight(name: string, v: number): number {
  if (!Number.isSafeInteger(v) || v < 0 || v > MAX_WEIGHT) {
    throw new RangeError(`sections: ${name} = ${v}; expected an integer in 0…${MAX_WEIGHT}`);
  }
  return v;
}

export const defaultRankCost = (r: number): number => (5 * r * (r + 3)) / 2;

function resolveWeights(w: SectionWeights, maxPrefs: number): ResolvedWeights {
  const given = (w.rankCosts ?? []).map((c, i) => checkWeight(`rankCosts[${i}]`, c));
  const rankCost: number[] = [];
  for (let r = 0; r <= maxPrefs; r++) {
    if (w.rankCosts === undefined) rankCost.push(defaultRankCost(r));
    else if (r < given.length) rankCost.push(given[r]!);
    else {
      const last = given.length > 0 ? given[given.length - 1]! : 0;
      const step = given.length > 1 ? Math.max(1, last - given[given.length - 2]!) : 1;
      rankCost.push(last + step * (r - given.length + 1));
    }
  }
  return {
    rankCost,
    // the first rank nobody listed is still "a choice"; an unlisted section should be clearly worse
    unrankedCost: w.unrankedCost === undefined ? 2 * rankCost[maxPrefs]! : checkWeight('unrankedCost', w.unrankedCost),
    waitlistCost: w.waitlistCost === undefined ? null : checkWeight('waitlistCost', w.waitlistCost),
    spread: checkWeight('spread', w.spread ?? 0),
    allowUnranked: w.allowUnranked ?? false,
  };
}

/** Validates and indexes the input. Throws on duplicate section ids, bad capacities or weights, and fixed sections that do not exist. */
export function normalizeSectionInput(input: SectionInput): NormalizedInput {
  const index = new Map<string, number>();
  const capacity: number[] = [];
  for (const s of input.sections) {
    if (index.has(s.id)) throw new Error(`sections: duplicate section id "${s.id}"`);
    if (!Number.isSafeInteger(s.capacity) || s.capacity < 0) throw new RangeError(`sections: section "${s.id}" capacity ${s.capacity}`);
    index.set(s.id, capacity.length);
    capacity.push(s.capacity);
  }
  const munis = new Map<string, number>();
  let maxPrefs = 0;
  const people = input.people.map((p): NormalizedPerson => {
    const prefs: number[] = [];
    for (const id of p.prefs) {
      const s = index.get(id);
      if (s !== undefined && !prefs.includes(s)) prefs.push(s);
    }
    maxPrefs = Math.max(maxPrefs, prefs.length);
    let muni = -1;
    if (p.municipalityId !== undefined) {
      muni = munis.get(p.municipalityId) ?? munis.size;
      munis.set(p.municipalityId, muni);
    }
    let fixed = -1;
    if (p.fixedSectionId !== undefined) {
      const s = index.get(p.fixedSectionId);
      // a manual decision cannot be kept "as is" in a section that does not exist: a caller bug
      if (s === undefined) throw new Error(`sections: person "${p.id}" is fixed to unknown section "${p.fixedSectionId}"`);
      fixed = s;
    }
    return { prefs, muni, fixed };
  });
  return {
    sectionIds: input.sections.map((s) => s.id),
    capacity,
    people,
    municipalityCount: munis.size,
    weights: resolveWeights(input.weights ?? {}, maxPrefs),
  };
}

/** Sections a non-fixed person may be placed in, in order of cost class: their ranked choices, then (if allowed) the rest in section order. */
export function candidateSections(p: NormalizedPerson, sectionCount: number, allowUnranked: boolean): number[] {
  if (!allowUnranked) return p.prefs;
  const out = [...p.prefs];
  for (let s = 0; s < sectionCount; s++) if (!p.prefs.includes(s)) out.push(s);
  return out;
}

/** Cost of placing a non-fixed person in section s (rank cost or unranked cost). */
export function placementCost(p: NormalizedPerson, s: number, w: ResolvedWeights): number {
  const r = p.prefs.indexOf(s);
  return r >= 0 ? w.rankCost[r]! : w.unrankedCost;
}

export type Objective = {
  waitlisted: number;
  /** Rank + unranked + spread costs (the waitlist price is not included). */
  cost: number;
};

/**
 * The objective of an assignment (section index per person, −1 = waitlisted; fixed people must sit in
 * their fixed section). Spread counts fixed delegates too: a municipality's third delegate in a
 * section costs 2·spread whether or not the first two were placed by hand.
 */
export function evaluateNormalized(norm: NormalizedInput, sectionOf: ArrayLike<number>): Objective {
  const S = norm.sectionIds.length;
  const { weights: w } = norm;
  const perPair = new Map<number, number>();
  let waitlisted = 0;
  let cost = 0;
  norm.people.forEach((p, i) => {
    const s = sectionOf[i]!;
    if (s < 0) {
      waitlisted++;
      return;
    }
    if (p.fixed < 0) cost += placementCost(p, s, w);
    if (p.muni >= 0 && w.spread > 0) {
      const key = p.muni * S + s;
      const k = perPair.get(key) ?? 0;
      cost += w.spread * k;
      perPair.set(key, k + 1);
    }
  });
  return { waitlisted, cost };
}

/** The objective of a solver result, by section id. */
export function evaluateSections(input: SectionInput, result: Pick<SectionResult, 'assignment'>): Objective {
  const norm = normalizeSectionInput(input);
  const index = new Map(norm.sectionIds.map((id, i) => [id, i] as const));
  return evaluateNormalized(
    norm,
    result.assignment.map((a) => (a.sectionId === null ? -1 : index.get(a.sectionId)!)),
  );
}

/** Negative if a is better. Without a waitlist price: fewer waitlisted first, then lower cost. */
export function compareObjectives(a: Objective, b: Objective, waitlistCost: number | null): number {
  if (waitlistCost === null) return a.waitlisted !== b.waitlisted ? a.waitlisted - b.waitlisted : a.cost - b.cost;
  return a.cost + waitlistCost * a.waitlisted - (b.cost + waitlistCost * b.waitlisted);
}
