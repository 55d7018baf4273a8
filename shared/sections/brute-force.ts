/**
 * Exhaustive optimum of the section problem for tiny instances: tries every placement (or the
 * waitlist) for every non-fixed person under the capacities left after fixed people, and scores each
 * complete assignment with the same objective as the solver (model.ts). Exponential —
 * (candidates + 1)^people — so it refuses anything beyond a small search space; it exists to prove the
 * flow model right in property tests, not to run in the app.
 */
import type { Objective, SectionInput } from './model';
import { candidateSections, compareObjectives, evaluateNormalized, normalizeSectionInput } from './model';

const MAX_LEAVES = 2_000_000;

export function bruteForceSections(input: SectionInput): Objective {
  const norm = normalizeSectionInput(input);
  const S = norm.sectionIds.length;
  const { people, weights } = norm;
  const free = [...norm.capacity];
  for (const p of people) if (p.fixed >= 0) free[p.fixed]!--;
  const free0 = free.map((f) => Math.max(0, f));

  const movable = people.flatMap((p, i) => (p.fixed < 0 ? [i] : []));
  const options = movable.map((i) => candidateSections(people[i]!, S, weights.allowUnranked));
  const leaves = options.reduce((acc, o) => acc * (o.length + 1), 1);
  if (leaves > MAX_LEAVES) throw new RangeError(`bruteForceSections: ${leaves} assignments is too many`);

  const sectionOf = people.map((p) => p.fixed);
  let best: Objective | null = null;
  const visit = (k: number): void => {
    if (k === movable.length) {
      const o = evaluateNormalized(norm, sectionOf);
      if (best === null || compareObjectives(o, best, weights.waitlistCost) < 0) best = o;
      return;
    }
    const i = movable[k]!;
    sectionOf[i] = -1;
    visit(k + 1);
    for (const s of options[k]!) {
      if (free0[s]! <= 0) continue;
      free0[s]!--;
      sectionOf[i] = s;
      visit(k + 1);
      free0[s]!++;
    }
    sectionOf[i] = -1;
  };
  visit(0);
  return best ?? { waitlisted: 0, cost: 0 };
}
