/**
 * The change log's compact form for large writes: a PAGE holds many change records in one stored entry
 * of `changes`.
 *
 * In Chromium every IndexedDB record costs about 0.1 ms of the page's time however small it is, so an
 * import that stored one change record beside each row it wrote spent half its commit on the log
 * (ARCHITECTURE §2). A chunk of an import (batch.ts) stores its changes in a few pages per table
 * (PAGES_PER_WRITE), each
 *
 *   { hlc: <its last change's stamp>, table: '#page', rowId: '<first stamp> <count>', items, rows }
 *
 * Only this device writes pages, only in one transaction with the rows they describe, and only its own
 * freshly ticked stamps, so a page's changes are the stamps from `first` to its key and no other entry
 * is keyed by one of them. What the log MEANS does not change: every reader below sees the changes, one
 * by one, in stamp order, and everything that leaves the device (exchange files, signed batches) carries
 * them one by one. The key of a page being its newest stamp keeps `orderBy('hlc').last()`, `above(x)`
 * and the per-device last stamp right without reading a page. The `[table+rowId]` index lists the pages
 * (their row id says where they start and how many they hold), and the multi-entry `rows` index finds
 * the pages that hold a row's history.
 *
 * Read the log through here, never `db.changes` directly (tests/unit/lint/db-writes.test.ts).
 */
import type { ChangeRecord } from '../../shared/sync/change';
import type { SkhodDb } from './database';

export const PAGE_TABLE = '#page';

export type ChangePage = ChangeRecord & { table: typeof PAGE_TABLE; items: ChangeRecord[]; rows: string[] };

export function isPage(c: ChangeRecord): c is ChangePage {
  return c.table === PAGE_TABLE;
}

/**
 * How many entries one paged write stores: Dexie's change tracking for live queries notes each key of a
 * write of fewer than 50 records one by one (and each index key: a page's `rows`, thousands of row ids,
 * merged into every live query's set — 1.5 s of a 10,000-row import), and a write of 50 or more as the
 * whole table changed. So a chunk's changes go in up to this many pages of equal size; below it, in
 * one-change pages.
 */
export const PAGES_PER_WRITE = 50;

/** Stored entries for `changes` (this device's, just stamped, in stamp order): exactly min(n, PAGES_PER_WRITE) pages. */
export function pagesOf(changes: readonly ChangeRecord[]): ChangePage[] {
  const n = changes.length;
  const k = Math.min(n, PAGES_PER_WRITE);
  return Array.from({ length: k }, (_, i) => pageOf(changes.slice(Math.floor((i * n) / k), Math.floor(((i + 1) * n) / k))));
}

/** One stored entry for `items`: changes this device just stamped, in stamp order. */
function pageOf(items: readonly ChangeRecord[]): ChangePage {
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) throw new Error('a change page needs at least one change');
  return { hlc: last.hlc, device: last.device, table: PAGE_TABLE, rowId: `${first.hlc} ${items.length}`, op: 'put', fields: {}, items: [...items], rows: items.map((c) => c.rowId) };
}

const byHlc = (a: ChangeRecord, b: ChangeRecord) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0);

/** The changes stored entries hold, in stamp order; a page's changes at or before `after` are left out. */
export function unpage(stored: readonly ChangeRecord[], after = ''): ChangeRecord[] {
  if (!stored.some(isPage)) return stored as ChangeRecord[];
  return stored.flatMap((c) => (isPage(c) ? c.items.filter((i) => i.hlc > after) : [c])).sort(byHlc);
}

type PageRef = { first: string; last: string; size: number };

/** Where each page starts and ends and how many changes it holds, from the index alone. */
async function pageRefs(db: SkhodDb): Promise<PageRef[]> {
  const pages = () => db.changes.where('[table+rowId]').between([PAGE_TABLE, ''], [PAGE_TABLE, '\uffff']);
  const [keys, lasts] = await Promise.all([pages().keys(), pages().primaryKeys()]);
  return keys.map((key, i) => {
    const [first = '', size = '1'] = String((key as unknown as [string, string])[1]).split(' ');
    return { first, last: String(lasts[i]), size: Number(size) };
  });
}

/** How many changes the log holds (a page counts its changes). */
export async function countChanges(db: SkhodDb): Promise<number> {
  const [entries, refs] = await Promise.all([db.changes.count(), pageRefs(db)]);
  return refs.reduce((n, r) => n + r.size - 1, entries);
}

/** Every change of the log, in stamp order. */
export async function allChanges(db: SkhodDb): Promise<ChangeRecord[]> {
  return unpage(await db.changes.orderBy('hlc').toArray());
}

/** The changes stamped after `after`, in stamp order. */
export async function changesAfter(db: SkhodDb, after: string): Promise<ChangeRecord[]> {
  return unpage(await db.changes.where('hlc').above(after).toArray(), after);
}

/** The stored change under each stamp (undefined where none), looking inside pages for the ones not keyed. */
export async function changesByStamp(db: SkhodDb, stamps: readonly string[]): Promise<Array<ChangeRecord | undefined>> {
  const stored: Array<ChangeRecord | undefined> = await db.changes.bulkGet([...stamps]);
  const missing = stamps.filter((s, i) => stored[i] === undefined || isPage(stored[i]!));
  if (missing.length === 0) return stored;
  const refs = (await pageRefs(db)).filter((r) => missing.some((s) => s >= r.first && s <= r.last));
  const inPages = new Map<string, ChangeRecord>();
  if (refs.length) for (const page of await db.changes.bulkGet(refs.map((r) => r.last))) if (page) for (const c of unpage([page])) inPages.set(c.hlc, c);
  return stamps.map((s, i) => (stored[i] && !isPage(stored[i]!) ? stored[i] : inPages.get(s)));
}

/** Every change to the given rows, in stamp order. */
export async function rowHistory(db: SkhodDb, rows: ReadonlyArray<readonly [string, string]>): Promise<ChangeRecord[]> {
  if (rows.length === 0) return [];
  const wanted = new Set(rows.map(([table, rowId]) => `${table}|${rowId}`));
  const [own, pages] = await Promise.all([
    db.changes.where('[table+rowId]').anyOf(rows.map(([t, r]) => [t, r])).toArray(),
    db.changes.where('rows').anyOf([...new Set(rows.map(([, rowId]) => rowId))]).toArray(),
  ]);
  const seen = new Set<string>();
  const fromPages = pages.filter((p) => !seen.has(p.hlc) && seen.add(p.hlc)).flatMap((p) => unpage([p]).filter((c) => wanted.has(`${c.table}|${c.rowId}`)));
  return [...own, ...fromPages].sort(byHlc);
}

/**
 * The newest `limit` stored entries older than `before` ('' = from the newest), as changes newest first.
 * `next`: where the following read starts (a page's changes all come with it, however old), or null when
 * the log's start was reached.
 */
export async function changesBefore(db: SkhodDb, before: string, limit: number): Promise<{ changes: ChangeRecord[]; next: string | null }> {
  const all = db.changes;
  const entries = await (before ? all.where('hlc').below(before) : all.orderBy('hlc')).reverse().limit(limit).toArray();
  const last = entries[entries.length - 1];
  return { changes: unpage([...entries].reverse()).reverse(), next: entries.length < limit || !last ? null : last.hlc };
}
