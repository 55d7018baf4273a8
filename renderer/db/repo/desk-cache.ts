// The desk cache's bookkeeping: the desk epoch, foreign-change notes, and writing, opening and watching the cache.
import { liveQuery } from 'dexie';
import type { DbContext } from '../context';
import { readSettled, UNSETTLED, whenSettled } from '../settled';
import { changesAfter } from '../change-pages';
import {
  CACHE_ROW_PREFIX,
  decodeDeskCache,
  deskCacheStore,
  encodeDeskCache,
  readDeskCacheHeader,
  type DeskCache,
  type DeskCacheHeader,
  type DeskCard,
} from '../desk-cache-file';
import { loadDeskLookups, loadDeskRegistrations, toDeskCards } from './desk-cards';

// ── The desk cache ───────────────────────────────────────────────────────────────────────────────
//
// The desk's cards of an event are cached on the device (../desk-cache-file.ts: a file in OPFS, or a
// `caches` row where there is none) with `stamp`, the greatest stamp they reflect, and `epoch`, the
// database's desk epoch when they were read. The desk replays what was stored after the stamp
// (deskChangesAfter): this device's own changes, by their stamps, and notes of changes from other
// devices. Those changes (exchange files, the LAN hub) keep their own, older stamps, so whoever stores
// them calls noteForeignDeskChanges in the same transaction: it stores a note, stamped now, of the
// registrations whose cards they touched — or, when they touch too much to replay, moves the epoch
// on (dropDeskCaches), which voids every cache and makes an open desk read everything again.

/** Tables whose names the cards show (loadDeskLookups): a change to one may touch any card. */
export const DESK_LOOKUP_TABLES: ReadonlySet<string> = new Set(['organizations', 'municipalities', 'sections']);
/** The tables desk cards are made of (toDeskCards): a change elsewhere never changes a card. */
export const DESK_CARD_TABLES: ReadonlySet<string> = new Set(['registrations', 'people', ...DESK_LOOKUP_TABLES]);

/** The epoch row (in `caches`): changes whenever a cache can no longer be replayed forward. */
const EPOCH_KEY = 'desk-epoch';

/** The current desk epoch ('' only in a database no one has opened with openDatabase yet). */
export async function deskCacheEpoch(ctx: Pick<DbContext, 'db'>): Promise<string> {
  return (await ctx.db.caches.get(EPOCH_KEY))?.stamp ?? '';
}

/** Gives the database a new desk epoch; inside a caller's rw transaction over `caches`, or its own. */
export async function newDeskEpoch(ctx: Pick<DbContext, 'db'>): Promise<void> {
  await ctx.db.caches.put({ key: EPOCH_KEY, stamp: crypto.randomUUID(), value: null });
}

/** The database has a desk epoch (opening a database gives it one; a restore clears `caches`). */
export async function ensureDeskEpoch(ctx: Pick<DbContext, 'db'>): Promise<void> {
  const { db } = ctx;
  if (await deskCacheEpoch(ctx)) return;
  await db.transaction('rw', db.caches, async () => {
    if (!(await deskCacheEpoch(ctx))) await newDeskEpoch(ctx);
  });
}

/** Stores the desk's cards of an event as of `stamp` under `epoch` (they must reflect every change up to it). */
export async function writeDeskCache(ctx: DbContext, cache: DeskCacheHeader, cards: Iterable<DeskCard>): Promise<void> {
  if (!cache.epoch) return; // nothing could tell this cache from one of another database
  const bytes = encodeDeskCache(cache, cards);
  await (await deskCacheStore(ctx.db)).write(ctx.db.name, cache.eventId, bytes);
}

/**
 * Reads the event's registrations and people as they are now and stores the desk cache, so the next
 * opening of the desk takes the cached path. Call it after a big write (an import commit, the demo):
 * the rows, the stamp and the epoch are read in one transaction, so the cache is exactly as of them.
 */
export async function refreshDeskCache(ctx: DbContext, eventId: string): Promise<DeskCache> {
  const { db } = ctx;
  const cache = await whenSettled(db, async () => {
    const [stamp, epoch, lookups, all] = await Promise.all([lastDeskStamp(ctx), deskCacheEpoch(ctx), loadDeskLookups(ctx, eventId), loadDeskRegistrations(ctx, eventId)]);
    return { eventId, stamp, epoch, cards: toDeskCards(all.registrations, all.people, lookups) };
  });
  await writeDeskCache(ctx, cache, cache.cards);
  return cache;
}

/**
 * Voids every desk cache on this device and tells an open desk to read everything again; inside a
 * caller's rw transaction over `caches`, or its own.
 */
export async function dropDeskCaches(ctx: DbContext): Promise<void> {
  const { db } = ctx;
  await db.transaction('rw', db.caches, async () => {
    await Promise.all([db.caches.where('key').startsWith(CACHE_ROW_PREFIX).delete(), foreignNotes(ctx).delete()]);
    await newDeskEpoch(ctx);
  });
}

/** `caches` rows `desk-foreign:<stamp>`: registrations whose cards changes from other devices touched. */
const FOREIGN_PREFIX = 'desk-foreign:';
type ForeignNote = { registrations: string[]; lookups: boolean };
/** Beyond this many touched registrations, reading everything again beats reading them one by one. */
const FOREIGN_MAX_ROWS = 5_000;
/** Notes kept at most; the next one folds them all into a new epoch (a full read, once). */
const FOREIGN_MAX_NOTES = 1_000;
/** In deskChangesAfter: the names of organizations changed, so the cards it lists need fresh lookups. */
export const FOREIGN_LOOKUPS = '@lookups';

const foreignNotes = (ctx: Pick<DbContext, 'db'>, after = '') => ctx.db.caches.where('key').between(FOREIGN_PREFIX + after, FOREIGN_PREFIX + '\uffff', false, false);

/**
 * Whoever stores changes from another device MUST call this in the same rw transaction (with
 * `caches`, `people` and `registrations`), after the clock has received their stamps: it notes which
 * registrations' cards the changes touch, under a stamp newer than any stored, so desk caches (and an
 * open desk) replay just those. Changes to municipalities or sections, or too many rows, void the
 * caches instead. Check-ins and prints are not on the cards and cost nothing.
 * @returns whether the caches were voided (a fresh cache is then worth writing: refreshDeskCache)
 */
export async function noteForeignDeskChanges(ctx: DbContext, changes: readonly { table: string; rowId: string }[]): Promise<boolean> {
  const { db } = ctx;
  const of = (table: string) => [...new Set(changes.flatMap((c) => (c.table === table ? [c.rowId] : [])))];
  const voidAll = async () => {
    await dropDeskCaches(ctx);
    return true;
  };
  if (!changes.some((c) => DESK_CARD_TABLES.has(c.table))) return false;
  if (changes.some((c) => c.table === 'municipalities' || c.table === 'sections')) return voidAll();
  const organizations = of('organizations');
  const people = new Set(of('people'));
  if (organizations.length) for (const id of await db.people.where('organizationId').anyOf(organizations).primaryKeys()) people.add(id);
  const registrations = new Set(of('registrations'));
  if (people.size) for (const id of await db.registrations.where('personId').anyOf([...people]).primaryKeys()) registrations.add(id);
  if (registrations.size > FOREIGN_MAX_ROWS || (await foreignNotes(ctx).count()) >= FOREIGN_MAX_NOTES) return voidAll();
  if (!registrations.size) return false;
  const stamp = ctx.clock.tick();
  const note: ForeignNote = { registrations: [...registrations], lookups: organizations.length > 0 };
  await db.caches.put({ key: FOREIGN_PREFIX + stamp, stamp, value: note });
  return false;
}

/**
 * What the desk replays after `after`, in stamp order: this device's changes and, from the notes of
 * foreign changes, one `registrations` entry per touched card (after a `FOREIGN_LOOKUPS` entry when
 * the names they show changed). One transaction: the two sources are read as of the same moment.
 */
export async function deskChangesAfter(ctx: DbContext, after: string): Promise<{ hlc: string; table: string; rowId: string }[]> {
  const { db } = ctx;
  // nothing of an import still being written: the watcher reads again when its batch ends
  const read = await readSettled(db, () => Promise.all([changesAfter(db, after), foreignNotes(ctx, after).toArray()]));
  if (read === UNSETTLED) return [];
  const [changes, notes] = read;
  if (!notes.length) return changes;
  const out: { hlc: string; table: string; rowId: string }[] = changes;
  for (const { stamp: hlc, value } of notes) {
    const note = value as ForeignNote;
    if (note.lookups) out.push({ hlc, table: FOREIGN_LOOKUPS, rowId: '' });
    for (const rowId of note.registrations) out.push({ hlc, table: 'registrations', rowId });
  }
  // stable: a note's lookups entry stays before its rows
  return out.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
}

/** The greatest stamp a desk may have to replay up to: of the change log or of a foreign-change note. */
export async function lastDeskStamp(ctx: Pick<DbContext, 'db'>): Promise<string> {
  const [change, note] = await Promise.all([ctx.db.changes.orderBy('hlc').last(), foreignNotes(ctx).last()]);
  const a = change?.hlc ?? '';
  const b = note?.stamp ?? '';
  return a > b ? a : b;
}

/**
 * Whether cached cards may start the desk: written for this event under the current epoch, and not
 * newer than the change log (a database restored from an older backup).
 */
export function deskCacheUsable(cache: DeskCacheHeader, eventId: string, now: { stamp: string; epoch: string }): boolean {
  return cache.eventId === eventId && cache.epoch !== '' && cache.epoch === now.epoch && cache.stamp <= now.stamp;
}

/**
 * What the desk needs to start: the greatest change stamp and the epoch, read in one transaction, and
 * the cached cards if they may be used. `preloaded`: a cache already read while the database opened
 * (desk-preload.ts); it is only checked here, not read again.
 */
export async function openDeskCache<T extends DeskCacheHeader = DeskCache>(
  ctx: DbContext,
  eventId: string,
  preloaded?: T | null,
): Promise<{ now: string; epoch: string; cached?: T | DeskCache }> {
  const { db } = ctx;
  const [stamp, epoch] = await db.transaction('r', db.changes, db.caches, () => Promise.all([lastDeskStamp(ctx), deskCacheEpoch(ctx)]));
  const now = { stamp, epoch };
  let cached: T | DeskCache | null | undefined = preloaded;
  if (cached === undefined) {
    const bytes = await (await deskCacheStore(db)).read(db.name, eventId);
    const header = bytes && readDeskCacheHeader(bytes);
    cached = bytes && header && deskCacheUsable(header, eventId, now) ? decodeDeskCache(bytes) : null;
  }
  return { now: now.stamp, epoch, cached: cached && deskCacheUsable(cached, eventId, now) ? cached : undefined };
}

/** Calls `onChange` with the new epoch whenever dropDeskCaches runs. @returns unsubscribe */
export function watchDeskEpoch(ctx: DbContext, onChange: (epoch: string) => void): () => void {
  const sub = liveQuery(() => deskCacheEpoch(ctx)).subscribe({
    next: onChange,
    error: (err: unknown) => console.error('[skhod] desk cache epoch watch failed', err),
  });
  return () => sub.unsubscribe();
}
