/**
 * Reading and applying exchange files on this device (Обмен, issue 8): a file is read into a preview
 * without writing anything, then applied in one transaction. The rules themselves are pure and live in
 * shared/sync; this module only feeds them from the database and writes their result back.
 *
 * Applying a file: the rows it touches are rebuilt from their own change history plus the new
 * changes, by the merge rules, and written as rows; the accepted changes join the log as they are
 * (their stamps and devices kept), so they travel on to the next device. Field conflicts and double
 * check-ins found on the way are kept for the review screen (sync-conflicts.ts); what the file says the
 * sender has seen goes into the book (exchange-book.ts).
 */
import type { DeviceRole } from '../../../shared/domain/types';
import type { ChangeRecord } from '../../../shared/sync/change';
import { advanceSeen, ExchangeError, mergeKnowledge, readExchangeFile, type ExchangeFile, type SeenVector } from '../../../shared/sync/exchange-file';
import { clockDrift, type DriftWarning } from '../../../shared/sync/drift';
import { isVisible, mergeInto, rowIn, rowKey, valuesOf, type MergeReport, type RefusalReason, type SyncState } from '../../../shared/sync/merge';
import { CHECKINS } from '../../../shared/sync/checkin-conflicts';
import { capSeenForHeld } from '../../../shared/sync/quarantine';
import { SYNC_TABLES } from '../../../shared/trust/rules';
import { keyFingerprint } from '../../../shared/sync/signing';
import type { TrustRefusalReason } from '../../../shared/trust/batches';
import type { DbContext } from '../context';
import type { TrustRow } from '../database';
import { rowHistory } from '../change-pages';
import { batchRow, checkExchange, rememberDevices, senderAuthority, type CheckedExchange } from './batches';
import { noteForeignDeskChanges } from './desk-cache';
import { loadSyncBook, storeSyncBook, withExchange, type ExchangeVia } from './exchange-book';
import { dbText } from './fail';
import { noteClockObservation, screenIncoming, type Screened } from './incoming';
import { recordHeld } from './quarantine';
import { recordConflicts } from './sync-conflicts';

export { ExchangeError } from '../../../shared/sync/exchange-file';

/** A file whose author batches were checked against the event's root (batches.ts checkExchange). */
export type CheckedFile = ExchangeFile & CheckedExchange & { trustRow: TrustRow };

/** A change that will not be applied, and why: the trust checks' reasons, then the write rules'. */
export type PreviewRefusal = { change: ChangeRecord; reason: RefusalReason | TrustRefusalReason; detail?: string };

/** What the import screen shows before anything is applied. */
export type ExchangePreview = {
  file: CheckedFile;
  /** The event named in the file is not on this device yet: applying it adds the event. */
  newEvent: boolean;
  eventTitle: string;
  fingerprint: string;
  /** The sender's role as the organizer enrolled it (null: not enrolled — whatever its file says). */
  senderRole: DeviceRole | null;
  /** Changes this device does not hold yet, per table. */
  freshCounts: Record<string, number>;
  /** Records (rows) those changes touch, per table: a score sheet edited five times is one record. */
  freshRecords: Record<string, number>;
  fresh: number;
  refused: PreviewRefusal[];
  conflicts: MergeReport['conflicts'];
  drift: DriftWarning | null;
  /** Changes stamped too far ahead of this device's clock: held in quarantine, per device (incoming.ts). */
  quarantined: Screened['drift'];
  /** A known device whose enrolled role differs from the one stored here: shown, since roles decide what is accepted. */
  roleChanged?: { from: DeviceRole; to: DeviceRole };
};

/**
 * Reads and checks a file and works out what applying it would do, without writing anything.
 * `openEventId`: the event open on this device; a file of ANOTHER event that is on this device is
 * refused (open that event first); an event this device was enrolled in but does not hold yet may be
 * added. A file of an event this device was not enrolled in cannot even be opened (no event key).
 */
export async function previewExchange(ctx: DbContext, bytes: Uint8Array, openEventId: string | null): Promise<ExchangePreview> {
  const [peers, trusts] = await Promise.all([ctx.db.devices.toArray(), ctx.db.trust.toArray()]);
  const peerById = new Map(peers.map((d) => [d.id, d]));
  const trustById = new Map(trusts.map((t) => [t.eventId, t]));
  const read = await readExchangeFile(bytes, { eventKey: (id) => trustById.get(id)?.eventKey, verify: { knownKey: (id) => peerById.get(id)?.publicKey } });
  const { header } = read;
  if (header.sender.deviceId === ctx.device.id) {
    throw new ExchangeError('not-an-exchange-file', dbText('exchange.ownFile'));
  }
  const event = await ctx.db.events.get(header.eventId);
  if (event && openEventId !== null && header.eventId !== openEventId) {
    throw new ExchangeError('wrong-event', dbText('exchange.wrongEvent', { title: event.title }));
  }
  const trustRow = trustById.get(header.eventId)!;
  const file: CheckedFile = { ...read, ...(await checkExchange(ctx, read, trustRow)), trustRow };
  const plan = await planMerge(ctx, file);
  const sender = await senderAuthority(file);
  const known = peerById.get(header.sender.deviceId);
  const freshCounts: Record<string, number> = {};
  for (const c of plan.fresh) freshCounts[c.table] = (freshCounts[c.table] ?? 0) + 1;
  const rows = new Map<string, Set<string>>();
  for (const c of plan.fresh) rows.set(c.table, (rows.get(c.table) ?? new Set<string>()).add(c.rowId));
  const freshRecords = Object.fromEntries([...rows].map(([table, ids]) => [table, ids.size]));
  return {
    file,
    newEvent: !event,
    eventTitle: event?.title ?? eventTitleIn(file.changes, header.eventId) ?? dbText('exchange.newEvent'),
    fingerprint: await keyFingerprint(file.publicKey),
    senderRole: sender?.role ?? null,
    freshCounts,
    freshRecords,
    fresh: plan.fresh.length,
    refused: [...file.refused, ...plan.report.refused],
    conflicts: plan.report.conflicts,
    drift: clockDrift(plan.fresh, ctx.clock.wallNow()), // what is held is listed apart, with its own drift
    quarantined: plan.screened.drift,
    ...(known && sender && known.role !== sender.role ? { roleChanged: { from: known.role, to: sender.role } } : {}),
  };
}

function eventTitleIn(changes: readonly ChangeRecord[], eventId: string): string | undefined {
  let title: string | undefined;
  for (const c of changes) if (c.table === 'events' && c.rowId === eventId && typeof c.fields.title === 'string') title = c.fields.title;
  return title;
}

export type ApplyResult = {
  fresh: number;
  rowsWritten: number;
  refused: number;
  conflicts: number;
  /** The desk caches could not follow these changes (see noteForeignDeskChanges): worth writing afresh. */
  deskCachesVoided: boolean;
};

/**
 * Applies a previewed file in one transaction: rows, log, seen vectors, the sender as a known peer,
 * and the conflicts for review. Applying the same file again changes nothing; files in any order
 * converge (shared/sync/merge.ts).
 */
export async function applyExchange(ctx: DbContext, file: CheckedFile, options: { now?: Date; via?: ExchangeVia } = {}): Promise<ApplyResult> {
  const now = options.now ?? new Date();
  const via = options.via ?? 'file';
  const { header } = file;
  const tables = [...SYNC_TABLES].map((t) => ctx.db.table(t));
  const sender = await senderAuthority(file);
  return ctx.db.transaction('rw', [...tables, ctx.db.changes, ctx.db.settings, ctx.db.devices, ctx.db.caches, ctx.db.batches], async () => {
    const plan = await planMerge(ctx, file);
    let rowsWritten = 0;
    for (const [table, rows] of plan.rows) {
      const store = ctx.db.table(table);
      const ids = [...rows.keys()];
      const existing = await store.bulkGet(ids);
      const puts: Record<string, unknown>[] = [];
      const deletes: string[] = [];
      ids.forEach((id, i) => {
        const next = rows.get(id)!;
        if (next === null) {
          if (existing[i] !== undefined) deletes.push(id);
          return;
        }
        puts.push(mergeRow(existing[i] as Record<string, unknown> | undefined, next, id));
      });
      if (puts.length) await store.bulkPut(puts);
      if (deletes.length) await store.bulkDelete(deletes);
      rowsWritten += puts.length + deletes.length;
    }
    if (plan.keep.length) await ctx.db.changes.bulkPut(plan.keep);
    // the authors' batches, kept as they came, so this device relays them unchanged
    await ctx.db.batches.bulkPut(file.accepted.map((b) => batchRow(header.eventId, b)));
    let newest: string | undefined;
    for (const c of plan.keep) if (newest === undefined || c.hlc > newest) newest = c.hlc;
    if (newest) ctx.clock.receive(newest);
    await recordHeld(ctx, header.eventId, plan.screened.held, header.sender.deviceId, now);
    await noteClockObservation(ctx, header, via);

    const book = await loadSyncBook(ctx, header.eventId);
    book.seen = capSeenForHeld(book.seen, advanceSeen(book.seen, { ...(header.since ? { since: header.since } : {}), seen: withoutSelf(ctx, header.seen) }), plan.screened.held);
    // What the sender has seen is what its own file says, even if that is LESS than before: a device
    // restored from an older backup lost what came after it, and only then gets it sent again.
    // (An old file arriving late only makes the next file bigger, never wrong.)
    book.knowledge = { ...mergeKnowledge(book.knowledge, header.known ?? {}), [header.sender.deviceId]: header.seen };
    const entry = { at: now.toISOString(), direction: 'received' as const, via, peer: header.sender.deviceId, peerName: header.sender.name, changes: file.changes.length, fresh: plan.fresh.length };
    await storeSyncBook(ctx, header.eventId, via === 'file' || plan.fresh.length > 0 ? withExchange(book, entry) : book);

    await rememberDevices(ctx, file, sender, now);
    await recordConflicts(ctx, header.eventId, plan.report.conflicts, now);
    // these changes keep their own stamps, older than a desk cache's: note the cards they touch
    const deskCachesVoided = await noteForeignDeskChanges(ctx, plan.keep);
    return { fresh: plan.fresh.length, rowsWritten, refused: plan.report.refused.length, conflicts: plan.report.conflicts.length, deskCachesVoided };
  });
}

/** Our own mark is not the sender's to set: this device holds all of its writes by definition. */
function withoutSelf(ctx: DbContext, seen: SeenVector): SeenVector {
  const { [ctx.device.id]: _self, ...rest } = seen;
  return rest;
}

type MergePlan = {
  /** Changes of the file this device does not hold yet (and not held from the future). */
  fresh: ChangeRecord[];
  screened: Screened;
  /** Fresh changes not refused: they join the log. */
  keep: ChangeRecord[];
  report: MergeReport;
  /** table → row id → the row's new field values (null: the row is deleted), only rows the file changed. */
  rows: Map<string, Map<string, Record<string, unknown> | null>>;
};

/**
 * The merge of a file against the histories of the rows it touches. Reads only; runs inside the
 * apply transaction, or alone for the preview.
 */
async function planMerge(ctx: DbContext, file: CheckedFile): Promise<MergePlan> {
  const screened = await screenIncoming(ctx, file.changes);
  const { fresh } = screened;
  const touched = new Set(fresh.map((c) => rowKey(c.table, c.rowId)));
  // a new check-in is judged with the person's other check-ins in view: a double arrival shows so
  const registrations = fresh.flatMap((c) => (c.table === CHECKINS && typeof c.fields.registrationId === 'string' ? [c.fields.registrationId] : []));
  if (registrations.length) {
    for (const id of await ctx.db.checkins.where('registrationId').anyOf(registrations).primaryKeys()) touched.add(rowKey(CHECKINS, id));
  }
  const history = await rowHistory(ctx.db, [...touched].map(splitKey));
  const state: SyncState = new Map();
  mergeInto(state, history); // accepted when it came: the rules of today do not re-judge the past
  const book = await loadSyncBook(ctx, file.header.eventId);
  // each change is judged by its AUTHOR's enrolled role, proven by the author's signed batch
  const report = mergeInto(state, fresh, {
    // (every change here came from a verified batch; an author missing would be a bug: it may write nothing)
    roleOf: (id) => file.authors.get(id)?.role ?? 'juror',
    seen: mergeKnowledge(book.knowledge, file.header.known ?? {}, { [ctx.device.id]: book.seen, [file.header.sender.deviceId]: file.header.seen }),
  });
  report.refused.unshift(...screened.refused);
  const refused = new Set(report.refused.map((r) => r.change));
  const keep = fresh.filter((c) => !refused.has(c));
  const rows = new Map<string, Map<string, Record<string, unknown> | null>>();
  const trackable = new Set<string>(SYNC_TABLES);
  for (const c of keep) {
    if (!trackable.has(c.table)) continue;
    let table = rows.get(c.table);
    if (!table) rows.set(c.table, (table = new Map()));
    if (table.has(c.rowId)) continue;
    const row = rowIn(state, c.table, c.rowId);
    table.set(c.rowId, row && isVisible(row) ? valuesOf(row) : null);
  }
  return { fresh, screened, keep, report, rows };
}

const splitKey = (k: string): [string, string] => {
  const bar = k.indexOf('|');
  return [k.slice(0, bar), k.slice(bar + 1)];
};

/**
 * The stored row with the merged fields laid over it. Fields the log never mentions (rows seeded
 * before logging existed) keep their stored value; a field merged to null is removed.
 */
function mergeRow(stored: Record<string, unknown> | undefined, merged: Record<string, unknown>, id: string): Record<string, unknown> {
  const row: Record<string, unknown> = { ...(stored ?? {}) };
  for (const [f, v] of Object.entries(merged)) {
    if (v === null || v === undefined) delete row[f];
    else row[f] = v;
  }
  row.id = id;
  return row;
}
