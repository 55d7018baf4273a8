/**
 * Evaluation of one query. Ranking: a hit's group, then its cost (assign.ts: surname > name >
 * patronymic, exact > prefix > typo, typed order first), then Russian collation of surname, name,
 * patronymic, then id. Groups:
 *   0 badge code · 1 exact words · 2 exact words with initials («Мансуров И. Р.») · 3 prefixes, initials,
 *   phone tail · 4 wrong layout, Latin spelling · 5 typos · 6 an unmatched query word left out.
 * Groups are collected best first, each walked in name order over sorted posting lists, so a query
 * stops as soon as `limit` results are certain: most keystrokes touch a few dozen people, not the tens
 * of thousands a one-letter prefix matches. Typo candidates, the costliest lookup, are built only when
 * the better groups left room.
 *
 * A hit is `certain` — Enter may act on it (enter.ts) — when the surname and the name are each matched
 * by a whole query word as typed, on the other layout or in a Latin spelling (never a typo, never with
 * a word left out), or when it is the one person with that badge code or that whole phone number.
 */
import { assign, levelRank, lowestCost, oneWordCost } from './assign';
import type { Entry } from './entry';
import { hasLatinLetter } from './fold';
import { walkUnion } from './postings';
import type { QueryPlan } from './query';
import type { MatchKind, SearchHit } from './types';
import { EXACT, INITIAL, PREFIX, TYPO, TYPO2 } from './vocabulary';
import type { Vocabulary, WordMatches } from './vocabulary';

type Found = { entry: Entry; kind: MatchKind; cost: number; certain: boolean };

/**
 * One reading of the query: per query word, the name words it matches and how well — as a map (to
 * find posting lists) and as an array indexed by word id (to verify candidates; 0 = no match).
 */
type Reading = {
  matches: WordMatches[];
  levels: Uint8Array[];
  classify: (level: number) => [group: number, kind: MatchKind];
  /** The whole words of this reading are the words the person is called by (not initials, not a partial query). */
  whole: boolean;
  /** A further check of a matched person, when the reading has one. */
  accept?: (entry: Entry) => boolean;
};

const SCORES = [100, 80, 70, 60, 40, 20, 10] as const;
const GROUPS = SCORES.length;
/** Group → the best level rank its people can have (a prefix group has at least one prefix word). */
const GROUP_RANK = [0, 0, 0, 1, 0, 2, 0] as const;
/** A group of a many-word query stops looking after this many matches beyond what it needs. */
const SCAN_BUDGET = 300;
/** Digits of a whole phone number: a unique one is as good as a badge. */
const WHOLE_PHONE = 10;

const native = (level: number): [number, MatchKind] =>
  level === EXACT ? [1, 'exact'] : level === PREFIX ? [3, 'prefix'] : level === INITIAL ? [3, 'initials'] : [5, 'typo'];
const initials = (): [number, MatchKind] => [3, 'initials'];
const fullWithInitials = (): [number, MatchKind] => [2, 'initials'];
const layout = (level: number): [number, MatchKind] => (level < TYPO ? [4, 'layout'] : [5, 'typo']);
const translit = (): [number, MatchKind] => [4, 'translit'];
const partial = (): [number, MatchKind] => [6, 'partial'];

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

  /**
   * `badge`: the people with the badge code as typed; `layoutBadge`: with the code typed on the Russian
   * layout; `phone`: the people with that phone tail — all found by the index.
   */
  run(badge: readonly Entry[], layoutBadge: readonly Entry[], phone: readonly Entry[]): SearchHit[] {
    const { plan } = this;
    const asTyped = plan.words.length ? this.reading(plan.words, native, true) : null;
    const split = plan.initials ? this.reading(plan.initials, initials, false) : null;
    // a Russian word is a valid code on the other layout one time in thirty: only a text no name starts with
    const codes = badge.length || !plan.words.length || !this.vocabulary.hasPrefix(plan.words[0]!) ? [...badge, ...layoutBadge] : [];
    let wrongLayout: Reading | null = null;
    for (let group = 0; group < GROUPS && this.hits.length < this.limit; group++) {
      const found: Found[][] = [];
      if (group === 0) found.push(codes.map((entry) => ({ entry, kind: 'badge' as const, cost: 0, certain: codes.length === 1 })));
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
        const whole = phone.length === 1 && (plan.phoneTail?.length ?? 0) >= WHOLE_PHONE;
        found.push(phone.filter((e) => e.mark !== this.stamp).map((entry) => ({ entry, kind: 'phone' as const, cost: 0, certain: whole })));
      }
      if (group === 4) {
        if (plan.layout?.length) {
          wrongLayout = this.reading(plan.layout, layout, true);
          found.push(this.collect(wrongLayout, INITIAL, group));
        }
        if (plan.translit?.length) found.push(this.collect(this.translitReading(plan.translit), INITIAL, group));
      }
      if (group === 5) {
        if (asTyped) {
          const near = this.collect(this.withTypos(asTyped, plan.words), TYPO2, group);
          // a query word reached only a typo or an initial of other people's names and nobody has all the
          // words: two typos are tried in each word no whole word or prefix explains («алесева» → «Алексеева»)
          found.push(near.length || this.hits.length ? near : this.collect(this.withTypos(asTyped, plan.words, true), TYPO2, group));
        }
        if (wrongLayout && plan.layout) found.push(this.collect(this.withTypos(wrongLayout, plan.layout), TYPO2, group));
      }
      if (group === 6 && !this.hits.length && asTyped) {
        const rest = this.withoutUnmatched(asTyped, plan.words);
        if (rest) found.push(this.collect(rest, TYPO2, group));
      }
      this.take(group, found);
    }
    return this.hits;
  }

  private reading(words: readonly string[], classify: Reading['classify'], whole: boolean): Reading {
    const matches = words.map((q) => {
      const m: WordMatches = new Map();
      this.vocabulary.matchPrefix(q, words.length, m);
      return m;
    });
    return { matches, levels: matches.map((m) => this.levelsOf(m)), classify, whole };
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
    return { matches, levels, classify: fullWithInitials, whole: false, accept };
  }

  private translitReading(words: NonNullable<QueryPlan['translit']>): Reading {
    const matches = words.map((w) => {
      const m: WordMatches = new Map();
      if ('skeletons' in w) this.vocabulary.matchSkeletons(w.skeletons, m);
      else this.vocabulary.matchPrefix(w.word, words.length, m);
      return m;
    });
    return { matches, levels: matches.map((m) => this.levelsOf(m)), classify: translit, whole: true };
  }

  /**
   * Adds typo matches: one typo in words of 5+ letters; two in Cyrillic words of 7+ letters that
   * nothing else reached — with `widen`, that no whole word or prefix reached (only a typo, or a stored
   * initial: «алесева» is «А.» as far as initials go) — when no reading found anybody
   * (a last resort: the scan is the costliest lookup, and a Latin word is a spelling, read by the
   * translit reading).
   */
  private withTypos(reading: Reading, words: readonly string[], widen = false): Reading {
    words.forEach((q, i) => this.vocabulary.matchTypos(q, reading.matches[i]!));
    words.forEach((q, i) => {
      const m = reading.matches[i]!;
      const unexplained = widen ? ![...m.values()].some((level) => level <= PREFIX) : !m.size;
      if (unexplained && !this.hits.length && !hasLatinLetter(q)) this.vocabulary.matchTwoTypos(q, m);
    });
    return { ...reading, levels: reading.matches.map((m) => this.levelsOf(m)) };
  }

  /**
   * «Зуеа Ксения Вячеславовна»: a word of 3+ letters nothing is close to is left out when every other
   * word matches some name word exactly — one bad word must not empty a strong result. An initial is
   * never left out: it is what tells people apart. `null` when there is no such word.
   */
  private withoutUnmatched(reading: Reading, words: readonly string[]): Reading | null {
    const kept = reading.matches.flatMap((m, i) => (m.size || words[i]!.length < 3 ? [i] : []));
    if (!kept.length || kept.length === reading.matches.length) return null;
    if (!kept.every((i) => [...reading.matches[i]!.values()].includes(EXACT))) return null;
    return {
      matches: kept.map((i) => reading.matches[i]!),
      levels: kept.map((i) => reading.levels[i]!),
      classify: partial,
      whole: false,
    };
  }

  private levelsOf(m: WordMatches): Uint8Array {
    const levels = new Uint8Array(this.vocabulary.idCount);
    for (const [word, level] of m) levels[this.vocabulary.idOf(word)] = level;
    return levels;
  }

  /** People of one group from one reading, best first, at most as many as still fit. */
  private collect(reading: Reading, cap: number, group: number): Found[] {
    if (reading.matches.length === 1 && !reading.accept) return this.collectOneWord(reading, cap, group);
    let driver: (readonly Entry[])[] | null = null;
    let driverSize = Infinity;
    const ranks: number[] = [];
    for (const m of reading.matches) {
      const lists: (readonly Entry[])[] = [];
      let size = 0;
      let rank = Infinity;
      for (const [word, level] of m) {
        if (level > cap) continue;
        const postings = this.vocabulary.postings(word);
        lists.push(postings);
        size += postings.length;
        rank = Math.min(rank, levelRank(level));
      }
      if (size === 0) return []; // a query word that matches nothing: nobody has all the words
      ranks.push(rank);
      if (size < driverSize) {
        driver = lists;
        driverSize = size;
      }
    }
    const out: Found[] = [];
    if (!driver) return out;
    // candidates come in name order; the best-cost ones that fit are final as soon as enough are found
    const floor = lowestCost(ranks) + Math.max(0, GROUP_RANK[group]! - Math.max(...ranks)) * lowestCost([1]);
    const need = this.limit - this.hits.length;
    let atFloor = 0;
    const { stamp } = this;
    walkUnion(driver, (entry) => {
      if (entry.mark === stamp) return true;
      const found = assign(entry, reading.levels, cap);
      if (found.level > cap || (reading.accept && !reading.accept(entry))) return true;
      const [g, kind] = reading.classify(found.level);
      // a better group was complete before this one started, so anything better is already taken
      if (g !== group) return true;
      const certain = reading.whole && found.level <= INITIAL && (found.exactFields & 3) === 3;
      out.push({ entry, kind, cost: found.cost, certain });
      if (found.cost <= floor) atFloor++;
      return atFloor < need && out.length < need + SCAN_BUDGET;
    });
    return byCost(out).slice(0, need);
  }

  /**
   * A one-word query: the surname lists first, then the name, then the patronymic, for each level from
   * the best — «Иванов» gives Иванова before Багаутдинова Инна Ивановна. Each pass walks only the
   * people holding a matched word in that field, so this is exact and stops after `need` people.
   */
  private collectOneWord(reading: Reading, cap: number, group: number): Found[] {
    const m = reading.matches[0]!;
    const levels = [...new Set(m.values())].filter((l) => l <= cap).sort((a, b) => a - b);
    const need = this.limit - this.hits.length;
    const out: Found[] = [];
    const seen = new Set<Entry>();
    for (const level of levels) {
      const [g, kind] = reading.classify(level);
      if (g !== group) continue;
      for (let f = 0; f < 3 && out.length < need; f++) {
        const lists: (readonly Entry[])[] = [];
        for (const [word, l] of m) if (l === level) lists.push(this.vocabulary.postingsIn(word, f));
        walkUnion(lists, (entry) => {
          if (entry.mark === this.stamp || seen.has(entry)) return true;
          seen.add(entry);
          out.push({ entry, kind, cost: oneWordCost(level, f), certain: false });
          return out.length < need;
        });
      }
    }
    return out;
  }

  /** Merges what the readings of one group found, best first, and keeps what fits. */
  private take(group: number, found: Found[][]): void {
    const all = byCost(found.flat());
    for (const { entry, kind, certain } of all) {
      if (this.hits.length >= this.limit) return;
      if (entry.mark === this.stamp) continue;
      entry.mark = this.stamp;
      this.hits.push({ id: entry.id, kind, score: SCORES[group]!, certain });
    }
  }
}

/** Best cost first, then name order; stable, so the same person found by two readings keeps the first one's kind. */
function byCost(found: Found[]): Found[] {
  return found.sort((a, b) => a.cost - b.cost || a.entry.ord - b.entry.ord);
}
