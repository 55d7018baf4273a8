/**
 * One typo (insertion, deletion, substitution, adjacent transposition) in a query word of five letters
 * or more. Shorter words are not corrected: with 3–4 letters one edit reaches half the name list.
 *
 * A query word q matches a name word f when q is within distance 1 of f or of some prefix of f — the
 * operator may be halfway through typing ("галиулн" → «Галиуллина»).
 *
 * Candidates come from a symmetric-delete index over DISTINCT name words: every word f (≥ 4 letters)
 * is stored with each of its one-letter deletions. If q is within distance 1 of a prefix of f, then q
 * or one of its deletions is a prefix of f or of one of f's deletions (substitution and transposition:
 * delete the same/the swapped position on both sides; insertion: delete it from q; deletion: from f).
 * Stored strings are bucketed by their first four letters, so a lookup touches a few small buckets;
 * every candidate is then verified exactly, because the delete trick also lets some distance-2 pairs in.
 */
export const TYPO_MIN_LENGTH = 5;
/** Two typos are corrected only in words this long: in shorter ones two edits reach too many names. */
export const TWO_TYPOS_MIN_LENGTH = 7;
/** No name word is longer; a longer query word is a paste, not a typo, and costs nothing to refuse. */
export const TYPO_MAX_LENGTH = 40;
const KEY = 4;

type Variant = { variant: string; word: string };

export class TypoIndex {
  private readonly buckets = new Map<string, Variant[]>();
  /** Distinct words by length, for the two-typo scan (a few thousand words in all). */
  private readonly byLength = new Map<number, Set<string>>();

  add(word: string): void {
    const same = this.byLength.get(word.length);
    if (same) same.add(word);
    else this.byLength.set(word.length, new Set([word]));
    for (const variant of variants(word)) {
      const key = variant.slice(0, KEY);
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push({ variant, word });
      else this.buckets.set(key, [{ variant, word }]);
    }
  }

  remove(word: string): void {
    this.byLength.get(word.length)?.delete(word);
    for (const variant of variants(word)) {
      const key = variant.slice(0, KEY);
      const bucket = this.buckets.get(key);
      if (!bucket) continue;
      const kept = bucket.filter((v) => v.word !== word);
      if (kept.length) this.buckets.set(key, kept);
      else this.buckets.delete(key);
    }
  }

  /** Indexed words within one typo of the query word (or of a prefix of the word); q itself excluded. */
  lookup(q: string): string[] {
    if (q.length < TYPO_MIN_LENGTH || q.length > TYPO_MAX_LENGTH) return [];
    const probes = new Set([q]);
    for (let i = 0; i < q.length; i++) probes.add(q.slice(0, i) + q.slice(i + 1));
    const candidates = new Set<string>();
    for (const probe of probes) {
      const bucket = this.buckets.get(probe.slice(0, KEY));
      if (!bucket) continue;
      for (const { variant, word } of bucket) if (variant.startsWith(probe)) candidates.add(word);
    }
    const out: string[] = [];
    for (const word of candidates) if (word !== q && distanceToPrefix(q, word) <= 1) out.push(word);
    return out;
  }

  /**
   * Whole indexed words of 7+ letters exactly two typos from q (closer words come from `lookup`).
   * A scan of the words within two letters of q's length, each compared with a capped distance: no
   * index of double deletions (a hundred variants per word) for a lookup made only when all else failed.
   */
  lookupTwo(q: string): string[] {
    if (q.length < TWO_TYPOS_MIN_LENGTH - 2 || q.length > TYPO_MAX_LENGTH) return [];
    const out: string[] = [];
    countLetters(q, 1);
    for (let len = Math.max(q.length - 2, TWO_TYPOS_MIN_LENGTH); len <= q.length + 2; len++) {
      for (const word of this.byLength.get(len) ?? []) {
        // letters one word has and the other lacks: a lower bound of the distance, and cheap
        if (bagDistance(word, q.length) <= 4 && distanceAtMost(q, word, 2) === 2) out.push(word);
      }
    }
    countLetters(q, -1);
    return out;
  }
}

// Letter counts of the query word by char code (mod 128: Cyrillic letters map apart), kept between lookups at zero.
const counts = new Int16Array(128);

function countLetters(word: string, sign: 1 | -1): void {
  for (let i = 0; i < word.length; i++) counts[word.charCodeAt(i) & 127]! += sign;
}

/** max(letters only in q, letters only in the word), q of `qLength` letters counted in `counts`: ≤ the edit distance × 2. */
function bagDistance(word: string, qLength: number): number {
  let extra = 0;
  for (let i = 0; i < word.length; i++) if (--counts[word.charCodeAt(i) & 127]! < 0) extra++;
  for (let i = 0; i < word.length; i++) counts[word.charCodeAt(i) & 127]!++;
  return Math.max(extra, qLength - (word.length - extra));
}

// Rows of the distance table, reused: a word is at most TYPO_MAX_LENGTH + 2 letters.
const rowA = new Int32Array(TYPO_MAX_LENGTH + 3);
const rowB = new Int32Array(TYPO_MAX_LENGTH + 3);
const rowC = new Int32Array(TYPO_MAX_LENGTH + 3);

/**
 * Optimal-string-alignment distance between two whole words, or max + 1 as soon as it must exceed max
 * (rows stop early when every cell is over the cap). Allocation-free: runs over thousands of words.
 */
export function distanceAtMost(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (m > TYPO_MAX_LENGTH + 2) return max + 1;
  let prev2 = rowC;
  let prev = rowA;
  let row = rowB;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) d = Math.min(d, prev2[j - 2]! + 1);
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const spare = prev2;
    prev2 = prev;
    prev = row;
    row = spare;
  }
  return Math.min(prev[m]!, max + 1);
}

function variants(word: string): Set<string> {
  const out = new Set<string>();
  if (word.length < KEY) return out; // a 3-letter word is 2 edits away from any 5-letter query
  out.add(word);
  if (word.length > KEY) for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/**
 * The smallest optimal-string-alignment distance (Damerau–Levenshtein with adjacent transpositions)
 * between q and any prefix of f, including f itself. Capped: returns 2 as soon as it cannot be ≤ 1.
 */
export function distanceToPrefix(q: string, f: string): number {
  const n = q.length;
  const m = Math.min(f.length, n + 1); // a longer prefix is already 2 insertions away
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const row = new Array<number>(m + 1);
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = q[i - 1] === f[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && q[i - 1] === f[j - 2] && q[i - 2] === f[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > 1) return 2;
    prev2 = prev;
    prev = row;
  }
  let best = 2;
  for (let j = 0; j <= m; j++) if (prev[j]! < best) best = prev[j]!;
  return best;
}
