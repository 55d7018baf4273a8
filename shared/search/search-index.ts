/**
 * The desk search: an in-memory index over people that answers every keystroke. The desk must find a
 * person in one or two keystrokes whatever the keyboard layout, spelling or typo (docs/ARCHITECTURE.md «5. The desk»).
 *
 * Storage: distinct folded words → posting lists of people in result order (vocabulary.ts); phones
 * bucketed by their last four digits; badge codes. A change touches only the changed person's words —
 * an upsert at the desk never rescans anyone else. Query evaluation is in query-run.ts.
 */
import { normalizeBadgeCode } from '../people/badge-code';
import { normalizePhone } from '../people/phone';
import type { Entry, Field } from './entry';
import { fieldOf, forEachDistinctWord, NAME, PATRONYMIC, SURNAME } from './entry';
import { foldWord, lowerName, readable, splitWords } from './fold';
import { Order } from './order';
import { insertSorted, removeSorted } from './postings';
import { parseQuery } from './query';
import { QueryRun } from './query-run';
import { fieldKey } from './sort-key';
import type { SearchDoc, SearchHit } from './types';
import { Vocabulary, type Word } from './vocabulary';

/** Phones are bucketed by their last 4 digits (number mod 10⁴): the shortest tail a query may give. */
const PHONE_BUCKET = 10_000;
/** Digits a double holds exactly; a longer "phone" keeps its last 15. */
const PHONE_MAX_DIGITS = 15;
const PHONE_MOD = 10 ** PHONE_MAX_DIGITS;

const byKey = (a: Field, b: Field) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export class SearchIndex {
  private readonly docs = new Map<string, Entry>();
  private readonly vocabulary = new Vocabulary();
  private readonly phones = new Map<number, Entry[]>();
  /**
   * Badge code → its person; an array only when two people share a code (another desk issued the
   * same walk-in code offline). One array per person would be 100,000 small allocations at build.
   * A whole build leaves it to its first use (`badges`): 100,000 string keys are a tenth of a second
   * the desk's start need not wait for (the desk builds it when the page is idle: `warmUp`).
   */
  private badgeMap: Map<string, Entry | Entry[]> | null = new Map();
  private readonly order = new Order();
  /**
   * Folding, splitting and collation keys are computed once per distinct field value. Values are not
   * evicted — a desk sees a few thousand of them in an event's lifetime.
   */
  private readonly fields = new Map<string, Field>();

  /**
   * Builds in one pass: people are ordered once by the ranks of their distinct field values (the same
   * order as comparing keys, by counting sorts: bulkOrder), so every posting list is then filled by
   * appending. Keeps each document's values, never the document: a caller may hand one object over
   * and over (renderer/db/desk-preload.ts does).
   */
  constructor(docs?: Iterable<SearchDoc>) {
    if (!docs) return;
    const steps = this.bulkBuild(docs);
    while (!steps.next().done);
  }

  /**
   * The same build as the constructor in steps of about `chunk` people, awaiting `pause()` between
   * them: a page that builds 100,000 people while it starts keeps answering its other work.
   */
  static async build(docs: Iterable<SearchDoc>, pause: () => Promise<void>, chunk = 10_000): Promise<SearchIndex> {
    const index = new SearchIndex();
    const steps = index.bulkBuild(docs, chunk);
    while (!steps.next().done) await pause();
    return index;
  }

  private *bulkBuild(docs: Iterable<SearchDoc>, chunk = Infinity): Generator<void, void, void> {
    let n = 0;
    for (const doc of docs) {
      this.docs.set(doc.id, this.entry(doc)); // a repeated id: the last one wins, as with upsert
      if (++n % chunk === 0) yield;
    }
    const entries = [...this.docs.values()];
    const distinct = [...this.fields.values()].sort(byKey);
    // equal keys share a rank, so the bulk order is exactly compareEntries order
    distinct.forEach((f, i) => (f.rank = i > 0 && distinct[i - 1]!.key === f.key ? distinct[i - 1]!.rank : i));
    const order = bulkOrder(entries, distinct.length);
    if (entries.length > chunk) yield;
    this.order.reset(Array.from(order, (i) => entries[i]!));
    this.vocabulary.beginBulk();
    // each word of a distinct field value is looked up once ([field, word] → Word), then only posted
    const words = new Map<Field, Word[]>();
    const post = (entry: Entry) =>
      forEachDistinctWord(entry, (word, spelling, mask, f, k) => {
        const field = fieldOf(entry, f);
        let refs = words.get(field);
        if (!refs) words.set(field, (refs = []));
        this.vocabulary.post((refs[k] ??= this.vocabulary.wordOf(word, spelling)), entry, mask);
      });
    n = 0;
    for (const i of order) {
      const entry = entries[i]!;
      post(entry);
      if (entry.phone >= 0) bucket(this.phones, entry.phone % PHONE_BUCKET, entry, true);
      if (++n % chunk === 0) yield;
    }
    this.vocabulary.endBulk();
    this.badgeMap = null;
  }

  /** Builds what a whole build leaves to its first use (the badge map): call it when the page is idle. */
  warmUp(): void {
    void this.badges;
  }

  private get badges(): Map<string, Entry | Entry[]> {
    if (this.badgeMap) return this.badgeMap;
    const badges = new Map<string, Entry | Entry[]>();
    for (const entry of this.order.entries) if (entry.badge) linkBadge(badges, entry.badge, entry, true);
    return (this.badgeMap = badges);
  }

  get size(): number {
    return this.docs.size;
  }

  /** Adds a person or replaces the one with the same id; touches only this person's words. */
  upsert(doc: SearchDoc): void {
    this.remove(doc.id);
    this.link(this.entry(doc));
  }

  remove(id: string): void {
    const entry = this.docs.get(id);
    if (!entry) return;
    this.docs.delete(id);
    this.order.remove(entry);
    forEachDistinctWord(entry, (word) => this.vocabulary.unlink(word, entry));
    if (entry.phone >= 0) unbucket(this.phones, entry.phone % PHONE_BUCKET, entry);
    if (entry.badge) this.unlinkBadge(entry.badge, entry);
  }

  /** The best `limit` matches (default 20), best first; [] for an empty query. Deterministic. */
  search(query: string, limit = 20): SearchHit[] {
    const max = Math.floor(limit);
    if (!(max > 0)) return [];
    const plan = parseQuery(query);
    const run = new QueryRun(this.vocabulary, plan, max);
    return run.run(this.badgeEntries(plan.badge), this.badgeEntries(plan.layoutBadge), this.phoneTail(plan.phoneTail));
  }

  /** Ids of the people with this badge code (normalized, as normalizeBadgeCode gives it): a scanner's lookup. */
  withBadge(code: string): string[] {
    return this.badgeEntries(code).map((e) => e.id);
  }

  private badgeEntries(code: string | null): readonly Entry[] {
    const found = code ? this.badges.get(code) : undefined;
    return found === undefined ? [] : Array.isArray(found) ? found : [found];
  }

  /** People whose phone ends with the given digits. */
  private phoneTail(tail: string | null): Entry[] {
    if (!tail || tail.length > PHONE_MAX_DIGITS) return [];
    const value = Number(tail);
    const mod = 10 ** tail.length;
    const bucket = this.phones.get(value % PHONE_BUCKET) ?? [];
    return bucket.filter((e) => e.phoneLength >= tail.length && e.phone % mod === value);
  }

  private field(value: string | undefined): Field {
    const v = value ?? '';
    let f = this.fields.get(v);
    if (!f) {
      const spellings = splitWords(lowerName(readable(v)));
      const words = spellings.map(foldWord);
      f = { key: fieldKey(v), words, ids: words.map((w) => this.vocabulary.idOf(w)), spellings, rank: 0 };
      this.fields.set(v, f);
    }
    return f;
  }

  private entry(doc: SearchDoc): Entry {
    const [phone, phoneLength] = phoneNumber(doc.phone ?? '');
    const badge = doc.badgeCode ? (normalizeBadgeCode(doc.badgeCode) ?? doc.badgeCode.toUpperCase().replace(/[\s-]/g, '')) : '';
    return {
      id: doc.id,
      surname: this.field(doc.surname),
      name: this.field(doc.name),
      patronymic: this.field(doc.patronymic),
      phone: phoneLength >= 4 ? phone : -1,
      phoneLength,
      badge: badge || null,
      ord: 0,
      mark: 0,
    };
  }

  private unlinkBadge(code: string, entry: Entry): void {
    const had = this.badges.get(code);
    if (had === entry) this.badges.delete(code);
    else if (Array.isArray(had)) {
      removeSorted(had, entry);
      if (had.length === 1) this.badges.set(code, had[0]!);
      else if (!had.length) this.badges.delete(code);
    }
  }

  /** An upsert's second half: touches only this person's words. */
  private link(entry: Entry): void {
    const badges = this.badges; // made from everyone else first, if a whole build left it for later
    this.docs.set(entry.id, entry);
    this.order.insert(entry);
    forEachDistinctWord(entry, (word, spelling, fields) => this.vocabulary.link(word, spelling, entry, fields));
    if (entry.phone >= 0) bucket(this.phones, entry.phone % PHONE_BUCKET, entry, false);
    if (entry.badge) linkBadge(badges, entry.badge, entry, false);
  }
}

/** `bulk`: entries arrive in result order, so a shared code's list is appended to. */
function linkBadge(badges: Map<string, Entry | Entry[]>, code: string, entry: Entry, bulk: boolean): void {
  const had = badges.get(code);
  if (had === undefined) badges.set(code, entry);
  else if (Array.isArray(had)) bucket(badges as Map<string, Entry[]>, code, entry, bulk);
  else {
    const list = [had];
    badges.set(code, list);
    if (bulk) list.push(entry);
    else insertSorted(list, entry);
  }
}

/**
 * Indexes of `entries` in result order (compareEntries), from the ranks of their fields (below `ranks`):
 * three stable counting sorts — patronymic, then name, then surname — and ids among namesakes. Linear in
 * people and distinct values, with no comparator calls (a comparison sort of 100,000 makes ~1.7 million).
 */
function bulkOrder(entries: readonly Entry[], ranks: number): Int32Array {
  const n = entries.length;
  // the ranks side by side: the passes below then touch no entry
  const rank = [new Int32Array(n), new Int32Array(n), new Int32Array(n)] as const;
  for (let i = 0; i < n; i++) {
    const e = entries[i]!;
    rank[SURNAME][i] = e.surname.rank;
    rank[NAME][i] = e.name.rank;
    rank[PATRONYMIC][i] = e.patronymic.rank;
  }
  let from = new Int32Array(n);
  let to = new Int32Array(n);
  for (let i = 0; i < n; i++) from[i] = i;
  const starts = new Int32Array(ranks + 1);
  for (const r of [rank[PATRONYMIC], rank[NAME], rank[SURNAME]]) {
    starts.fill(0);
    for (let i = 0; i < n; i++) starts[r[i]! + 1]!++;
    for (let v = 1; v <= ranks; v++) starts[v]! += starts[v - 1]!;
    for (let k = 0; k < n; k++) {
      const i = from[k]!;
      to[starts[r[i]!]!++] = i;
    }
    [from, to] = [to, from];
  }
  // namesakes (the same three ranks) are next to each other, still in input order: by id
  const same = (i: number, j: number) => rank[SURNAME][i] === rank[SURNAME][j] && rank[NAME][i] === rank[NAME][j] && rank[PATRONYMIC][i] === rank[PATRONYMIC][j];
  for (let start = 0, k = 1; k <= n; k++) {
    if (k < n && same(from[k]!, from[start]!)) continue;
    if (k - start > 1) from.set(Array.from(from.subarray(start, k)).sort((i, j) => (entries[i]!.id < entries[j]!.id ? -1 : 1)), start);
    start = k;
  }
  return from;
}

/**
 * The phone's digits as a number, and how many. Plain notations ("8 (917) 345-12-34") are just their
 * digits — a tail of up to ten digits does not care about +7 or 8 — read without allocating, which
 * matters for 100,000 people; text with letters (an extension, a label) goes through normalizePhone.
 */
function phoneNumber(raw: string): [number, number] {
  let value = 0;
  let length = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      if (++length > PHONE_MAX_DIGITS) value %= PHONE_MOD;
    } else if (c !== 32 && c !== 40 && c !== 41 && c !== 43 && c !== 45 && c !== 46 && c !== 160) {
      const normalized = normalizePhone(raw);
      return normalized ? phoneNumber(normalized) : [-1, 0];
    }
  }
  return [value, Math.min(length, PHONE_MAX_DIGITS)];
}

function bucket<K>(map: Map<K, Entry[]>, key: K, entry: Entry, bulk: boolean): void {
  const list = map.get(key);
  if (list && bulk) list.push(entry);
  else if (list) insertSorted(list, entry);
  else map.set(key, [entry]);
}

function unbucket<K>(map: Map<K, Entry[]>, key: K, entry: Entry): void {
  const list = map.get(key);
  if (!list) return;
  removeSorted(list, entry);
  if (!list.length) map.delete(key);
}
