/**
 * The distinct words of all indexed names. 100,000 people have only a few thousand distinct surnames,
 * names and patronymics, so every expensive lookup — prefix ranges, Latin skeletons, typo candidates —
 * runs over distinct words, and only the matched words' posting lists touch documents.
 */
import type { Entry } from './entry';
import { insertSorted, removeSorted } from './postings';
import { cyrillicSkeletons } from './translit';
import { TypoIndex } from './typo';

/** How well a query word matches a name word; a document's level is its worst matched word. */
export const EXACT = 1;
export const PREFIX = 2;
/** An initial against a whole word, either way round ("а" ↔ «Алия», "альфия" ↔ «А.»). */
export const INITIAL = 3;
export const TYPO = 4;
/** Two typos in a long word (≥ 7 letters), tried only when nothing closer was found. */
export const TYPO2 = 5;

/** Matched name word → level, for one query word. */
export type WordMatches = Map<string, number>;

/**
 * `postings`: everyone with the word anywhere in the name; `byField[f]`: those with it in field f
 * (entry.ts SURNAME/NAME/PATRONYMIC). A one-word query walks the surname lists first, so «Иванов»
 * lists Иванова before Ивановна without scanning every patronymic.
 */
export type Word = { postings: Entry[]; byField: [Entry[], Entry[], Entry[]]; spellings: Set<string>; skeletons: Set<string> };

// "skeleton\0word": one sorted array answers "which words have a skeleton starting with …".
const SEP = '\u0000';

function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertString(sorted: string[], s: string, bulk: boolean): void {
  if (bulk) sorted.push(s);
  else sorted.splice(lowerBound(sorted, s), 0, s);
}

function removeString(sorted: string[], s: string): void {
  const at = lowerBound(sorted, s);
  if (sorted[at] === s) sorted.splice(at, 1);
}

export class Vocabulary {
  private readonly words = new Map<string, Word>();
  private readonly sorted: string[] = [];
  private readonly skeletons: string[] = [];
  private readonly typos = new TypoIndex();
  /**
   * Small integer per word ever seen, for array-indexed verification. Never reused or freed: the
   * cached Fields that hold these ids outlive a word's last posting.
   */
  private readonly ids = new Map<string, number>();
  /** While true, sorted arrays are appended to and sorted once by `endBulk` (the initial build). */
  private bulk = false;

  beginBulk(): void {
    this.bulk = true;
  }

  endBulk(): void {
    this.bulk = false;
    this.sorted.sort();
    this.skeletons.sort();
  }

  idOf(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(word, id);
    }
    return id;
  }

  /** Upper bound of ids: the length of a levels array indexed by id. */
  get idCount(): number {
    return this.ids.size;
  }

  /**
   * Adds one document under a folded word found in `fields` (bitmask, see forEachDistinctWord);
   * `spelling` is the same word with ё kept, for transliteration.
   */
  link(word: string, spelling: string, doc: Entry, fields: number): void {
    this.post(this.wordOf(word, spelling), doc, fields);
  }

  /**
   * The word's entry, made if it is new, with `spelling` noted. A whole build resolves each word of a
   * distinct field value once and then only posts (`post`): no lookup per person.
   */
  wordOf(word: string, spelling: string): Word {
    let w = this.words.get(word);
    if (!w) {
      w = { postings: [], byField: [[], [], []], spellings: new Set(), skeletons: new Set() };
      this.words.set(word, w);
      insertString(this.sorted, word, this.bulk);
      this.typos.add(word);
    }
    if (!w.spellings.has(spelling)) {
      w.spellings.add(spelling);
      for (const sk of cyrillicSkeletons(spelling)) {
        if (w.skeletons.has(sk)) continue;
        w.skeletons.add(sk);
        insertString(this.skeletons, sk + SEP + word, this.bulk);
      }
    }
    return w;
  }

  /** Adds one document to a word's lists (from wordOf, with no unlink in between). */
  post(w: Word, doc: Entry, fields: number): void {
    if (this.bulk) w.postings.push(doc);
    else insertSorted(w.postings, doc);
    for (let f = 0; f < 3; f++) {
      if (!(fields & (1 << f))) continue;
      if (this.bulk) w.byField[f]!.push(doc);
      else insertSorted(w.byField[f]!, doc);
    }
  }

  unlink(word: string, doc: Entry): void {
    const w = this.words.get(word);
    if (!w) return;
    removeSorted(w.postings, doc);
    for (const list of w.byField) removeSorted(list, doc);
    if (w.postings.length) return;
    this.words.delete(word);
    removeString(this.sorted, word);
    this.typos.remove(word);
    for (const sk of w.skeletons) removeString(this.skeletons, sk + SEP + word);
  }

  postings(word: string): readonly Entry[] {
    return this.words.get(word)?.postings ?? [];
  }

  /** People with the word in field f (SURNAME, NAME or PATRONYMIC). */
  postingsIn(word: string, field: number): readonly Entry[] {
    return this.words.get(word)?.byField[field] ?? [];
  }

  /** Whether some name word starts with q. */
  hasPrefix(q: string): boolean {
    return this.sorted[lowerBound(this.sorted, q)]?.startsWith(q) ?? false;
  }

  /**
   * Words starting with q (EXACT when equal). In a query of several words a lone letter is an initial,
   * and a whole query word also matches a name stored as an initial («Муталлапова А.»).
   */
  matchPrefix(q: string, queryWords: number, out: WordMatches): void {
    const several = queryWords > 1;
    for (let i = lowerBound(this.sorted, q); i < this.sorted.length; i++) {
      const w = this.sorted[i]!;
      if (!w.startsWith(q)) break;
      // a lone "а" is not an exact match for «А.»: it would put every initial first
      const level = w === q ? (several || q.length > 1 ? EXACT : PREFIX) : several && q.length === 1 ? INITIAL : PREFIX;
      setBest(out, w, level);
    }
    if (several && q.length > 1 && this.words.has(q[0]!)) setBest(out, q[0]!, INITIAL);
  }

  /** Words within one typo of q or of a prefix of theirs (q of 5+ letters), unless already matched. */
  matchTypos(q: string, out: WordMatches): void {
    for (const w of this.typos.lookup(q)) setBest(out, w, TYPO);
  }

  /** Whole words two typos from q (q of 7+ letters), unless already matched. */
  matchTwoTypos(q: string, out: WordMatches): void {
    for (const w of this.typos.lookupTwo(q)) setBest(out, w, TYPO2);
  }

  /** Words whose Latin skeleton starts with one of the given skeletons (EXACT when it is the whole skeleton). */
  matchSkeletons(prefixes: readonly string[], out: WordMatches): void {
    for (const p of prefixes) {
      for (let i = lowerBound(this.skeletons, p); i < this.skeletons.length; i++) {
        const entry = this.skeletons[i]!;
        if (!entry.startsWith(p)) break;
        const sep = entry.indexOf(SEP);
        setBest(out, entry.slice(sep + 1), sep === p.length ? EXACT : PREFIX);
      }
    }
  }
}

function setBest(out: WordMatches, word: string, level: number): void {
  const had = out.get(word);
  if (had === undefined || level < had) out.set(word, level);
}
