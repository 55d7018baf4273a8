/**
 * Which query word matched which word of a person's name, and how good that is. A query word matched
 * to the surname beats one matched to the name, which beats the patronymic; exact beats prefix beats
 * a typo; words in the typed order beat other orders. «Абзалов Ильяс» is Абзалов Ильяс (surname, name,
 * both exact) before Абзалов Азамат Ильясович (the name word only a prefix of his patronymic).
 *
 * The search is exhaustive with pruning: names have 3–6 words and queries fewer. It runs for every
 * candidate of a query, so it allocates nothing and reports through module-level scratch variables.
 */
import type { Entry } from './entry';
import { INITIAL, PREFIX, TYPO, TYPO2 } from './vocabulary';

// A name has a handful of words; longer ones are cut (never in practice).
const MAX_NAME_WORDS = 16;
const ids = new Int32Array(MAX_NAME_WORDS);
const fieldOfWord = new Uint8Array(MAX_NAME_WORDS);

/** Cost of one query word's level: exact 0, prefix or initial 1, one typo 2, two typos 3. */
export function levelRank(level: number): number {
  return level === TYPO2 ? 3 : level === TYPO ? 2 : level === PREFIX || level === INITIAL ? 1 : 0;
}
const LEVEL_WEIGHT = 64;
const OUT_OF_ORDER = 32;
const KEY = 4096; // > any cost: 8 words × rank 3 × 64 + 32 + 16

/** The best assignment found by the last `assign`: its worst level, its cost, and the fields matched exactly. */
export const best = { level: Infinity, cost: 0, exactFields: 0 };
let bestKey = Infinity;
let n = 0;
let m = 0;
let cap = 0;
let query: readonly Uint8Array[] = [];

/**
 * The best way every query word matches a different word of the name, at levels ≤ cap, into `best`;
 * `best.level` is Infinity when there is none. Cost (lower is better) = 64 × Σ level ranks + 32 when the
 * words are not in name order + Σ how far each word sits past its typed position (surname first).
 */
export function assign(entry: Entry, levels: readonly Uint8Array[], levelCap: number): typeof best {
  m = 0;
  const fields = [entry.surname, entry.name, entry.patronymic];
  for (let f = 0; f < 3; f++) {
    for (const id of fields[f]!.ids) {
      if (m < MAX_NAME_WORDS) {
        ids[m] = id;
        fieldOfWord[m++] = f;
      }
    }
  }
  n = levels.length;
  cap = levelCap;
  query = levels;
  best.level = Infinity;
  bestKey = Infinity;
  if (n <= m) search(0, 0, 0, 0, -1, true, 0);
  return best;
}

function search(i: number, used: number, worst: number, cost: number, prevField: number, inOrder: boolean, exact: number): void {
  if (worst * KEY + cost >= bestKey) return;
  if (i === n) {
    const key = worst * KEY + cost + (inOrder ? 0 : OUT_OF_ORDER);
    if (key < bestKey) {
      bestKey = key;
      best.level = worst;
      best.cost = key - worst * KEY;
      best.exactFields = exact;
    }
    return;
  }
  const levels = query[i]!;
  for (let j = 0; j < m; j++) {
    if (used & (1 << j)) continue;
    const level = levels[ids[j]!]!;
    if (!level || level > cap) continue;
    const f = fieldOfWord[j]!;
    const step = levelRank(level) * LEVEL_WEIGHT + Math.max(0, f - i);
    search(i + 1, used | (1 << j), level > worst ? level : worst, cost + step, f, inOrder && f >= prevField, rankIsExact(level) ? exact | (1 << f) : exact);
  }
}

const rankIsExact = (level: number) => levelRank(level) === 0;

/** The least cost any person can have when word i's best level has rank `ranks[i]`. */
export function lowestCost(ranks: readonly number[]): number {
  return ranks.reduce((sum, r) => sum + r * LEVEL_WEIGHT, 0);
}

/** Cost of a one-word match at `level` in field f: the same scale as `assign`. */
export function oneWordCost(level: number, f: number): number {
  return levelRank(level) * LEVEL_WEIGHT + f;
}
