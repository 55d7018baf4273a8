/**
 * One indexed person, and the order the desk lists people in: Russian collation of surname, then name,
 * then patronymic, then id (see sort-key.ts). Each field points to a shared, cached Field — 100,000
 * people have a few thousand distinct values — so an entry allocates no strings of its own.
 */
export type Field = {
  /** Collation key of the value (sort-key.ts). */
  readonly key: string;
  /** Folded words ("галиуллина", "шарипова"), what matching compares. */
  readonly words: readonly string[];
  /** The same words as small integers (Vocabulary.idOf): verification indexes arrays, not maps. */
  readonly ids: readonly number[];
  /** The same words lower-cased with ё kept, for transliteration. */
  readonly spellings: readonly string[];
  /** Position among all distinct values; meaningful only during a bulk build. */
  rank: number;
};

export type Entry = {
  readonly id: string;
  readonly surname: Field;
  readonly name: Field;
  readonly patronymic: Field;
  /** The phone's digits as a number (up to 15 digits kept), or -1; `phoneLength` digits long. */
  readonly phone: number;
  readonly phoneLength: number;
  readonly badge: string | null;
  /**
   * Position in result order as a number, so the hot paths compare numbers instead of collation
   * keys. Maintained by SearchIndex (order.ts): strictly increasing along compareEntries order.
   */
  ord: number;
  /** Stamp of the last query that took this person (QueryRun) — a set without hashing. */
  mark: number;
};

function compareField(a: Field, b: Field): number {
  if (a === b || a.key === b.key) return 0;
  return a.key < b.key ? -1 : 1;
}

/** The desk's result order; ids break ties between namesakes, so the order is total. */
export function compareEntries(a: Entry, b: Entry): number {
  if (a === b) return 0;
  return (
    compareField(a.surname, b.surname) ||
    compareField(a.name, b.name) ||
    compareField(a.patronymic, b.patronymic) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Name fields in the order ranking prefers them: a query word in the surname beats one in the name. */
export const SURNAME = 0;
export const NAME = 1;
export const PATRONYMIC = 2;

export function fieldOf(e: Entry, f: number): Field {
  return f === SURNAME ? e.surname : f === NAME ? e.name : e.patronymic;
}

/**
 * Calls `visit` for each distinct word of the name with its spelling (what the entry is posted under),
 * a bitmask of the fields holding it (1 surname, 2 name, 4 patronymic), and where it was found: field
 * `f`, word `i` of that field.
 * Allocation-free: it runs 300,000 times in a 100,000-people build.
 */
export function forEachDistinctWord(e: Entry, visit: (word: string, spelling: string, fields: number, f: number, i: number) => void): void {
  const { surname: s, name: n, patronymic: p } = e;
  for (let f = 0; f < 3; f++) {
    const field = f === 0 ? s : f === 1 ? n : p;
    const words = field.words;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (words.indexOf(w) < i) continue;
      if (f > 0 && s.words.includes(w)) continue;
      if (f > 1 && n.words.includes(w)) continue;
      let mask = 1 << f;
      if (f < 1 && n.words.includes(w)) mask |= 2;
      if (f < 2 && p.words.includes(w)) mask |= 4;
      visit(w, field.spellings[i]!, mask, f, i);
    }
  }
}
