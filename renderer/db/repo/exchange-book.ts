/**
 * The exchange bookkeeping of this device (Обмен, issue 8), per event in settings `sync:<eventId>`:
 *   seen       what this device holds from other devices, as whole prefixes (seen.ts) — raised only by
 *              advanceSeen, never by sending; this device's own mark is read from the log when needed;
 *   knowledge  what each peer is known to have seen, learned from its files and relayed ones;
 *   history    the last exchanges (time, direction, peer, counts) for the «last sync» line.
 * Peers are rows of `devices` (id, name, role, public key), local to this device. From these and the
 * change log: what a peer has not seen yet (pendingFor, peerStatus). Files are written in
 * exchange-export.ts and read and applied in exchange-apply.ts.
 */
import type { Device } from '../../../shared/domain/types';
import type { ChangeRecord } from '../../../shared/sync/change';
import { changesFor, type Knowledge, type SeenVector } from '../../../shared/sync/exchange-file';
import { eventScope } from '../../../shared/sync/scope';
import type { DbContext } from '../context';
import { allChanges, changesAfter } from '../change-pages';
import { storedEvents } from './batches';

/** How a file travelled: exchanges over the LAN hub are recorded in the history only when something moved. */
export type ExchangeVia = 'file' | 'hub';

export type ExchangeLogEntry = {
  at: string;
  direction: 'sent' | 'received';
  via?: ExchangeVia;
  peer: string;
  peerName: string;
  /** Changes in the file; for a received file, how many were new here. */
  changes: number;
  fresh?: number;
};

export type SyncBook = { seen: SeenVector; knowledge: Knowledge; history: ExchangeLogEntry[] };

const HISTORY = 50;
const bookKey = (eventId: string) => `sync:${eventId}`;

/** The book with one more exchange at the top of its history (the oldest beyond HISTORY dropped). */
export function withExchange(book: SyncBook, entry: ExchangeLogEntry): SyncBook {
  return { ...book, history: [entry, ...book.history].slice(0, HISTORY) };
}

/** Writes the event's book (inside the caller's transaction when there is one). */
export async function storeSyncBook(ctx: DbContext, eventId: string, book: SyncBook): Promise<void> {
  await ctx.db.settings.put({ key: bookKey(eventId), value: book });
}

export async function loadSyncBook(ctx: DbContext, eventId: string): Promise<SyncBook> {
  const v = (await ctx.db.settings.get(bookKey(eventId)))?.value as Partial<SyncBook> | undefined;
  return { seen: v?.seen ?? {}, knowledge: v?.knowledge ?? {}, history: v?.history ?? [] };
}

/** The event's changes in this device's log, in stamp order. */
async function eventLog(ctx: DbContext, eventId: string): Promise<ChangeRecord[]> {
  return eventScope(await allChanges(ctx.db), eventId);
}

/**
 * The event's changes a peer with vector `since` has not seen. When the vector names every device of
 * the log, only the log's tail after its lowest mark is read — a LAN round every few seconds must not
 * read 100,000 changes — and rows whose first put is older than the tail are placed in their event by
 * the stored row.
 */
async function unseenChanges(ctx: DbContext, eventId: string, since: SeenVector): Promise<ChangeRecord[]> {
  const origins = (await ctx.db.changes.orderBy('device').uniqueKeys()) as string[];
  const marks = origins.map((d) => since[d]);
  if (marks.length === 0) return [];
  if (marks.some((m) => m === undefined)) return changesFor(await eventLog(ctx, eventId), since);
  const lowest = (marks as string[]).reduce((a, b) => (a < b ? a : b));
  const tail = changesFor(await changesAfter(ctx.db, lowest), since);
  return eventScope(tail, eventId, await storedEvents(ctx, tail));
}

/** This device's vector: what it holds from others, plus all of its own writes. */
export async function ownSeen(ctx: DbContext, book: SyncBook): Promise<SeenVector> {
  const last = await ctx.db.changes.where('device').equals(ctx.device.id).last();
  return last ? { ...book.seen, [ctx.device.id]: last.hlc } : { ...book.seen };
}

/** How many of the event's changes `peerId` has not seen, by what its own files told us. */
export async function pendingFor(ctx: DbContext, eventId: string, peerId: string): Promise<number> {
  const book = await loadSyncBook(ctx, eventId);
  return (await unseenChanges(ctx, eventId, book.knowledge[peerId] ?? {})).length;
}

export type PeerStatus = { device: Device; pending: number; lastExchange?: ExchangeLogEntry };

/**
 * The devices this one has exchanged with, each with how many of the event's changes it has not seen
 * yet (by what its own files told us; a device that never sent a file has seen nothing).
 */
export async function peerStatus(ctx: DbContext, eventId: string): Promise<PeerStatus[]> {
  const [log, book, devices] = await Promise.all([eventLog(ctx, eventId), loadSyncBook(ctx, eventId), ctx.db.devices.toArray()]);
  // one read of the log serves every peer (this screen is not on a hot path; pendingFor is)
  return devices
    .filter((d) => d.id !== ctx.device.id)
    .map((device) => {
      const lastExchange = book.history.find((h) => h.peer === device.id);
      return { device, pending: changesFor(log, book.knowledge[device.id] ?? {}).length, ...(lastExchange ? { lastExchange } : {}) };
    })
    .sort((a, b) => a.device.name.localeCompare(b.device.name, 'ru'));
}
