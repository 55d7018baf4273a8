/**
 * Signed author batches on this device (shared/trust/batches.ts): signing what this device wrote,
 * keeping what it received so it can relay it byte for byte, choosing what a peer lacks, checking a
 * received file's batches against the event's root and against the rows stored here, and what the
 * root vouches for about the sender and the authors (the devices list of the Обмен page).
 */
import type { ChangeRecord } from '../../../shared/sync/change';
import { countByTable, type ExchangeFile } from '../../../shared/sync/exchange-file';
import { eventScope } from '../../../shared/sync/scope';
import type { SeenVector } from '../../../shared/sync/seen';
import { SYNC_TABLES } from '../../../shared/trust/rules';
import { signBatch, verifyBatches, type TrustRefusal, type VerifiedBatch } from '../../../shared/trust/batches';
import type { Device } from '../../../shared/domain/types';
import { rootEnrolled, verifyEnrolment, type Enrolled, type Enrolment } from '../../../shared/trust/enrolment';
import type { DbContext } from '../context';
import { changesAfter } from '../change-pages';
import type { BatchRow, TrustRow } from '../database';
import { deviceSigner } from './trust';

/** How far this device's own changes of an event are signed; per device, so a backup from elsewhere does not move it. */
const upToKey = (ctx: DbContext, eventId: string) => `batched:${ctx.device.id}:${eventId}`;

/** The row that keeps a verified (or own) batch for relaying. */
export function batchRow(eventId: string, vb: Pick<VerifiedBatch, 'batch' | 'author' | 'changes'>): BatchRow {
  const last = vb.changes.reduce((m, c) => (c.hlc > m ? c.hlc : m), '');
  return { id: vb.batch.sig, eventId, author: vb.author.deviceId, last, counts: countByTable(vb.changes), batch: vb.batch };
}

/**
 * Signs this device's changes of the event not yet in one of its batches, as one new batch carrying
 * its enrolment (none for the root). A device the root never enrolled signs nothing: its changes
 * would be refused everywhere, and stay here until it is enrolled.
 */
export async function batchOwnChanges(ctx: DbContext, trust: TrustRow, me: Enrolled | null): Promise<void> {
  if (!me) return;
  const { eventId } = trust;
  const upTo = ((await ctx.db.settings.get(upToKey(ctx, eventId)))?.value as string | undefined) ?? '';
  // the log's tail after the mark, in stamp order: a hub round every few seconds reads only what is new
  const own = (await changesAfter(ctx.db, upTo)).filter((c) => c.device === ctx.device.id);
  if (own.length === 0) return;
  const mine = eventScope(own, eventId, await storedEvents(ctx, own));
  const newest = own[own.length - 1]!.hlc;
  const signer = await deviceSigner(ctx);
  const batch = mine.length ? await signBatch(signer, eventId, mine, trust.enrolment) : null;
  await ctx.db.transaction('rw', ctx.db.batches, ctx.db.settings, async () => {
    if (batch) await ctx.db.batches.put(batchRow(eventId, { batch, author: me, changes: mine }));
    await ctx.db.settings.put({ key: upToKey(ctx, eventId), value: newest });
  });
}

/** The batches of the event a peer with vector `since` lacks something of (all of them without `since`). */
export async function batchesFor(ctx: DbContext, eventId: string, since: SeenVector | undefined): Promise<BatchRow[]> {
  const authors = since ? ((await ctx.db.changes.orderBy('device').uniqueKeys()) as string[]) : [];
  const marks = authors.map((a) => since?.[a] ?? '');
  const lowest = since && marks.length > 0 && !marks.includes('') ? marks.reduce((a, b) => (a < b ? a : b)) : '';
  const rows = await ctx.db.batches.where('[eventId+last]').between([eventId, lowest], [eventId, '\uffff'], false, true).toArray();
  return since ? rows.filter((r) => r.last > (since[r.author] ?? '')) : rows;
}

export type CheckedExchange = {
  /** Changes of verified batches that belong to this event, once each. */
  changes: ChangeRecord[];
  accepted: VerifiedBatch[];
  refused: TrustRefusal[];
  /** Every verified author of the file: device → its enrolment. */
  authors: Map<string, Enrolled>;
};

/**
 * Verifies a file's batches against the event's root (signatures, enrolments, stamps, events named in
 * the changes), then refuses changes to rows stored here under another event.
 */
export async function checkExchange(ctx: DbContext, file: ExchangeFile, trust: TrustRow): Promise<CheckedExchange> {
  const verified = await verifyBatches(trust.root, file.batches);
  const authors = new Map<string, Enrolled>();
  const seen = new Set<string>();
  const candidates: ChangeRecord[] = [];
  for (const b of verified.accepted) {
    const held = authors.get(b.author.deviceId);
    // a newer enrolment (a role change by the organizer) speaks for the author's newer batches
    if (!held || b.author.issuedAt > held.issuedAt) authors.set(b.author.deviceId, b.author);
    for (const c of b.changes) {
      if (seen.has(c.hlc)) continue;
      seen.add(c.hlc);
      candidates.push(c);
    }
  }
  const stored = await storedEvents(ctx, candidates);
  const refused = [...verified.refused];
  const changes = candidates.filter((c) => {
    const ev = stored.get(`${c.table}|${c.rowId}`);
    if (ev === undefined || ev === trust.eventId) return true;
    refused.push({ change: c, reason: 'other-event', author: c.device });
    return false;
  });
  return { changes, accepted: verified.accepted, refused, authors };
}

const GLOBAL_TABLES: ReadonlySet<string> = new Set(['municipalities', 'organizations', 'people']);
const SYNC_TABLE_SET: ReadonlySet<string> = new Set(SYNC_TABLES);

/** `table|rowId` → event of the stored rows `changes` touch (through their contest for contest rows). */
export async function storedEvents(ctx: DbContext, changes: readonly ChangeRecord[]): Promise<Map<string, string>> {
  const byTable = new Map<string, Set<string>>();
  for (const c of changes) {
    if (GLOBAL_TABLES.has(c.table) || c.table === 'events' || !SYNC_TABLE_SET.has(c.table)) continue;
    let ids = byTable.get(c.table);
    if (!ids) byTable.set(c.table, (ids = new Set()));
    ids.add(c.rowId);
  }
  const out = new Map<string, string>();
  const viaContest = new Map<string, string[]>();
  for (const [table, ids] of byTable) {
    const rows = (await ctx.db.table(table).bulkGet([...ids])) as ({ id: string; eventId?: unknown; contestId?: unknown } | undefined)[];
    for (const row of rows) {
      if (typeof row?.eventId === 'string') out.set(`${table}|${row.id}`, row.eventId);
      else if (typeof row?.contestId === 'string') viaContest.set(row.contestId, [...(viaContest.get(row.contestId) ?? []), `${table}|${row.id}`]);
    }
  }
  for (const contest of await ctx.db.contests.bulkGet([...viaContest.keys()])) {
    if (!contest) continue;
    out.set(`contests|${contest.id}`, contest.eventId);
    for (const key of viaContest.get(contest.id)!) out.set(key, contest.eventId);
  }
  return out;
}

/** The sender as the root vouches for it: the root itself, or the enrolment its header carries for its own key. */
export async function senderAuthority(file: ExchangeFile & { trustRow: TrustRow }): Promise<Enrolled | null> {
  const { root } = file.trustRow;
  const id = file.header.sender.deviceId;
  if (id === root.deviceId) return file.publicKey === root.publicKey ? rootEnrolled(root, file.header.sender.name) : null;
  const enrolled = file.header.enrolment ? await verifyEnrolment(root, file.header.enrolment as Enrolment) : null;
  return enrolled && enrolled.deviceId === id && enrolled.publicKey === file.publicKey ? enrolled : null;
}

/**
 * The devices this one has heard of, for the Обмен page: every verified author with the role its
 * enrolment gives, and the sender (its role only if proven; a device never gets a role from a header).
 */
export async function rememberDevices(ctx: DbContext, file: ExchangeFile & Pick<CheckedExchange, 'authors'>, sender: Enrolled | null, now: Date): Promise<void> {
  const authors = [...file.authors.values()].filter((a) => a.deviceId !== ctx.device.id);
  const rows = await ctx.db.devices.bulkGet(authors.map((a) => a.deviceId));
  const put: Device[] = authors.map((a, i) => ({ id: a.deviceId, name: rows[i]?.name ?? a.name, role: a.role, publicKey: a.publicKey, createdAt: rows[i]?.createdAt ?? now.toISOString() }));
  const { deviceId, name } = file.header.sender;
  const peer = put.find((d) => d.id === deviceId) ?? (await ctx.db.devices.get(deviceId));
  if (sender || peer) put.push({ id: deviceId, name, role: sender?.role ?? peer!.role, publicKey: file.publicKey, createdAt: peer?.createdAt ?? now.toISOString() });
  await ctx.db.devices.bulkPut(put);
}
