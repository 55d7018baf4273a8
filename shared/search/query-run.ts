/**
 * Evaluation of one query. Ranking (a hit's group, then Russian collation of surname, name,
 * patronymic, then id):
 *   0 badge code · 1 exact words · 2 exact words with initials («Мансуров И. Р.») · 3 prefixes, initials,
 *   phone tail · 4 wrong layout, Latin spelling · 5 one typo.
 * Groups are collected best first, each walked in final order over sorted posting lists, so a query
 * stops as soon as `limit` results are certain: most keystrokes touch a few dozen people, not the tens
 * of thousands a one-letter prefix matches. Typo candidates, the costliest lookup, are built only when
 * the better groups left room.
 */
import type { Entry } from './entry';
import { walkUnion } from './postings';
import type { QueryPlan } from './query';
import type { MatchKind, SearchHit } from './types';
import { EXACT, INITIAL, PREFIX, TYPO } from './vocabulary';
import type { Vocabulary, WordMatches } from './vocabulary';

type Found = { entry: Entry; kind: MatchKind };

/**
 * One reading of the query: per query word, the name words it matches and how well — as a map (to
 * find posting lists) and as an array indexed by word id (to verify candidates; 0 = no match).
 */
type Reading = {
  matches: WordMatches[];
  levels: Uint8Array[];
  classify: (level: number) => [group: number, kind: MatchKind];
  /** A further check of a matched person, when the reading has one. */
  accept?: (entry: Entry) => boolean;
};

const SCORES = [100, 80, 70, 60, 40, 20] as const;
const GROUPS = SCORES.length;

const native = (level: number): [number, MatchKind] =>
  level === EXACT ? [1, 'exact'] : level === PREFIX ? [3, 'prefix'] : level === INITIAL ? [3, 'initials'] : [5, 'typo'];
const initials = (): [number, MatchKind] => [3, 'initials'];
const fullWithInitials = (): [number, MatchKind] => [2, 'initials'];
const layout = (level: number): [number, MatchKind] => (level < TYPO ? [4, 'layout'] : [5, 'typo']);
const translit = (): [number, MatchKind] => [4, 'translit'];

let stamps = 0;

export class QueryRun {
  private readonly hits: SearchHit[] = [];
  /** Entries taken by this query carry this mark (see Entry.mark). */
  private readonly stamp = ++stamps;

  constructor(
    private readonly vocabulary: Vocabulary,
    private readonly plan: QueryPlan,
    private readonly limit: number,
  ) {}

  /** `badge` and `phone` are the people with that badge code / phone tail, found by the index. */
  run(badge: readonly Entry[], phone: readonly Entry[]): SearchHit[] {
    const { plan } = this;
    const asTyped = plan.words.length ? this.reading(plan.words, native) : null;
    const split = plan.initials ? this.reading(plan.initials, initials) : null;
    let wrongLayout: Reading | null = null;
    for (let group = 0; group < GROUPS && this.hits.length < this.limit; group++) {
      const found: Found[][] = [];
      if (group === 0) found.push(badge.map((entry) => ({ entry, kind: 'badge' as const })));
      if (group === 1 && asTyped) found.push(this.collect(asTyped, EXACT, group));
      if (group === 2) {
        for (const [reading, words] of [[asTyped, plan.words], [split, plan.initials]] as const) {
          const strict = reading && words ? this.wordsWithInitials(reading, words) : null;
          if (strict) found.push(this.collect(strict, EXACT, group));
        }
      }
      if (group === 3) {
        if (asTyped) found.push(this.collect(asTyped, INITIAL, group));
        if (split) found.push(this.collect(split, INITIAL, group));
        found.push(phone.filter((e) => e.mark !== this.stamp).map((entry) => ({ entry, kind: 'phone' as const })));
      }
      if (group === 4) {
        if (plan.layout?.length) {
          wrongLayout = this.reading(plan.layout, layout);
          found.push(this.collect(wrongLayout, INITIAL, group));
        }
        if (plan.translit?.length) found.push(this.collect(this.translitReading(plan.translit), INITIAL, group));
      }
      if (group === 5) {
        if (asTyped) found.push(this.collect(this.withTypos(asTyped, plan.words), TYPO, group));
        if (wrongLayout && plan.layout) found.push(this.collect(this.withTypos(wrongLayout, plan.layout), TYPO, group));
      }
      this.take(group, found);
    }
    return this.hits;
  }

  private reading(words: readonly string[], classify: Reading['classify']): Reading {
    const matches = words.map((q) => {
      const m: WordMatches = new Map();
      this.vocabulary.matchPrefix(q, words.length, m);
      return m;
    });
    return { matches, levels: matches.map((m) => this.levelsOf(m)), classify };
  }

  /**
   * «Мансуров И. Р.»: the whole words must be exact and the one-letter words count as initials. People
   * matching so rank above those whose words are merely prefixes (a patronymic «Мансурович» with a
   * surname and name starting with И and Р). `null` when the query has no whole word or no initial.
   */
  private wordsWithInitials(reading: Reading, words: readonly string[]): Reading | null {
    const letters = words.map((w) => [...w].length === 1);
    if (!letters.includes(true) || !letters.includes(false)) return null;
    const asExact = (m: WordMatches): WordMatches => {
      const out: WordMatches = new Map();
      for (const [word, level] of m) if (level <= INITIAL) out.set(word, EXACT);
      return out;
    };
    const matches = reading.matches.map((m, i) => (letters[i] ? asExact(m) : m));
    const levels = reading.levels.map((l, i) => (letters[i] ? l.map((v) => (v && v <= INITIAL ? EXACT : 0)) : l));
    const wanted = words.filter((_, i) => letters[i]);
    // the initials in the order typed: «Яхина Р. А.» is Резеда Альбертовна, not Альбина Ринатовна
    const accept = (entry: Entry): boolean => {
      let k = 0;
      for (const field of [entry.name, entry.patronymic]) {
        for (const word of field.words) if (k < wanted.length && word.startsWith(wanted[k]!)) k++;
      }
      return k === wanted.length;
    };
    return { matches, levels, classify: fullWithInitials, accept };
  }

  private translitReading(words: NonNullable<QueryPlan['translit']>): Reading {
    const matches = words.map((w) => {
      const m: WordMatches = new Map();
      if ('skeletons' in w) this.vocabulary.matchSkeletons(w.skeletons, m);
      else this.vocabulary.matchPrefix(w.word, words.length, m);
      return m;
    });
    return { matches, levels: matches.map((m) => this.levelsOf(m)), classify: translit };
  }

  private withTypos(reading: Reading, words: readonly string[]): Reading {
    words.forEach((q, i) => this.vocabulary.matchTypos(q, reading.matches[i]!));
    return { ...reading, levels: reading.matches.map((m) => this.levelsOf(m)) };
  }

  private levelsOf(m: WordMatches): Uint8Array {
    const levels = new Uint8Array(this.vocabulary.idCount);
    for (const [word, level] of m) levels[this.vocabulary.idOf(word)] = level;
    return levels;
  }

  /**
   * People of one group from one reading, in final order, at most as many as still fit. Candidates
   * come from the query word with the fewest postings; each is checked against all query words.
   */
  private collect(reading: Reading, cap: number, group: number): Found[] {
    let driver: (readonly Entry[])[] | null = null;
    let driverSize = Infinity;
    for (const m of reading.matches) {
      const lists: (readonly Entry[])[] = [];
      let size = 0;
      for (const [word, level] of m) {
        if (level > cap) continue;
        const postings = this.vocabulary.postings(word);
        lists.push(postings);
        size += postings.length;
      }
      if (size === 0) return []; // a query word that matches nothing: nobody has all the words
      if (size < driverSize) {
        driver = lists;
        driverSize = size;
      }
    }
    const out: Found[] = [];
    if (!driver) return out;
    const need = this.limit - this.hits.length;
    const { stamp } = this;
    walkUnion(driver, (entry) => {
      if (entry.mark === stamp) return true;
      const level = assign(entry, reading.levels, cap);
      if (level > cap || (reading.accept && !reading.accept(entry))) return true;
      const [g, kind] = reading.classify(level);
      // a better group was complete before this one started, so anything better is already taken
      if (g === group) out.push({ entry, kind });
      return out.length < need;
    });
    return out;
  }

  /** Merges what the readings of one group found, in result order, and keeps what fits. */
  private take(group: number, found: Found[][]): void {
    const all = found.flat();
    if (!all.length) return;
    // stable: the same person found by two readings of a group keeps the first reading's kind
    all.sort((a, b) => a.entry.ord - b.entry.ord);
    for (const { entry, kind } of all) {
      if (this.hits.length >= this.limit) return;
      if (entry.mark === this.stamp) continue;
      entry.mark = this.stamp;
      this.hits.push({ id: entry.id, kind, score: SCORES[group]! });
    }
  }
}

// Scratch space for assign(): a name has a handful of words; longer ones are cut (never in practice).
const MAX_NAME_WORDS = 16;
const ids = new Int32Array(MAX_NAME_WORDS);

/**
 * The best (lowest) level at which every query word matches a different word of the name, or
 * Infinity. Names have 3–6 words and queries fewer, so a pruned exhaustive search is cheapest.
 */
function assign(entry: Entry, query: readonly Uint8Array[], cap: number): number {
  let m = 0;
  for (const field of [entry.surname, entry.name, entry.patronymic]) {
    for (const id of field.ids) if (m < MAX_NAME_WORDS) ids[m++] = id;
  }
  const n = query.length;
  if (n > m) return Infinity;
  if (n === 1) {
    const levels = query[0]!;
    let best = Infinity;
    for (let j = 0; j < m; j++) {
      const level = levels[ids[j]!]!;
      if (level && level <= cap && level < best) best = level;
    }
    return best;
  }
  return search(query, m, cap, 0, 0, 0, Infinity);
}

/** Query word i onwards, name words in `used` (a bitmask) taken, `worst` level so far. */
function search(query: readonly Uint8Array[], m: number, cap: number, i: number, used: number, worst: number, best: number): number {
  if (worst >= best) return best;
  if (i === query.length) return worst;
  const levels = query[i]!;
  for (let j = 0; j < m; j++) {
    if (used & (1 << j)) continue;
    const level = levels[ids[j]!]!;
    if (!level || level > cap) continue;
    best = search(query, m, cap, i + 1, used | (1 << j), level > worst ? level : worst, best);
  }
  return best;
}
