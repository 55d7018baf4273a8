import { createRng } from '../../../../shared/generator';
import type { SectionInput, SectionWeights } from '../../../../shared/sections';

export type InstanceOptions = {
  seed: number;
  people: number;
  sections: number;
  /** Longest preference list; each person lists 1…prefs sections (some list none, see `noPrefsShare`). */
  prefs?: number;
  municipalities?: number;
  /** Total capacity ÷ people. */
  capacityRatio?: number;
  /** Zipf exponent of section popularity (0 = uniform): real sections are never equally wanted. */
  skew?: number;
  fixedShare?: number;
  noPrefsShare?: number;
  weights?: SectionWeights;
};

/**
 * A reproducible conference: sections with uneven capacities and skewed popularity, people from
 * municipalities of uneven size, most listing three choices.
 */
export function generateSectionInstance(o: InstanceOptions): SectionInput {
  const rng = createRng(o.seed);
  const nPrefs = o.prefs ?? 3;
  const nMuni = o.municipalities ?? 60;
  const skew = o.skew ?? 0.8;
  const totalCap = Math.round(o.people * (o.capacityRatio ?? 1.1));
  const shares = Array.from({ length: o.sections }, () => 0.5 + rng.next());
  const shareSum = shares.reduce((a, b) => a + b, 0);
  const sections = shares.map((sh, i) => ({ id: `sec-${i + 1}`, capacity: Math.max(1, Math.round((totalCap * sh) / shareSum)) }));
  const weight = sections.map((_, i) => 1 / Math.pow(i + 1, skew));
  const pickSection = (exclude: Set<number>): number => {
    let sum = 0;
    for (let i = 0; i < weight.length; i++) if (!exclude.has(i)) sum += weight[i]!;
    let x = rng.next() * sum;
    for (let i = 0; i < weight.length; i++) {
      if (exclude.has(i)) continue;
      x -= weight[i]!;
      if (x < 0) return i;
    }
    return weight.findIndex((_, i) => !exclude.has(i));
  };
  const muniWeight = Array.from({ length: nMuni }, (_, i) => 1 / (i + 1));
  const muniSum = muniWeight.reduce((a, b) => a + b, 0);
  const pickMuni = (): number => {
    let x = rng.next() * muniSum;
    for (let i = 0; i < nMuni; i++) {
      x -= muniWeight[i]!;
      if (x < 0) return i;
    }
    return nMuni - 1;
  };
  const people = Array.from({ length: o.people }, (_, i) => {
    const chosen = new Set<number>();
    const count = rng.chance(o.noPrefsShare ?? 0.02) ? 0 : rng.chance(0.8) ? Math.min(nPrefs, o.sections) : rng.int(1, Math.min(nPrefs, o.sections));
    const prefs: string[] = [];
    while (prefs.length < count) {
      const s = pickSection(chosen);
      chosen.add(s);
      prefs.push(sections[s]!.id);
    }
    const person: SectionInput['people'][number] = { id: `p-${i + 1}`, prefs, municipalityId: `m-${pickMuni() + 1}` };
    if (prefs.length > 0 && rng.chance(o.fixedShare ?? 0)) person.fixedSectionId = prefs[0]!;
    return person;
  });
  return { sections, people, weights: o.weights ?? {} };
}
