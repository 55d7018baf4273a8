/**
 * Changes from the future held on this device (shared/sync/quarantine.ts says why), per event in
 * settings `sync.quarantine:<eventId>`, and what the organizer does with them.
 *
 * Accepting re-issues each held change as this device's own write, stamped now: a put lays its fields
 * over the stored row, a delete deletes, a check-in is written again as an entry of this device
 * (an entry belongs to the device that wrote it, so it cannot keep the other's name with a new stamp;
 * the copy names the original in its reason, and annuls among the accepted ones are pointed at the
 * copies). The bad stamps never enter the log, so no clock anywhere follows them.
 */
import type { CheckinEntry } from '../../../shared/domain/types';
import type { ChangeRecord } from '../../../shared/sync/change';
import { driftByDevice, type DeviceDrift, type HeldChange } from '../../../shared/sync/quarantine';
import { SYNC_TABLES } from '../../../shared/sync/roles';
import { deleteTracked, putTracked } from '../change-log';
import type { DbContext } from '../context';
import type { TrackedTable } from '../database';
import { dbText, fail } from './fail';

export type HeldItem = HeldChange & { from: string; at: string; resolved?: { at: string; as: 'accepted' | 'dismissed' } };

const key = (eventId: string) => `sync.quarantine:${eventId}`;

export async function listQuarantine(ctx: DbContext, eventId: string): Promise<HeldItem[]> {
  return ((await ctx.db.settings.get(key(eventId)))?.value as HeldItem[] | undefined) ?? [];
}

/** The held changes not yet accepted or dismissed, per device. */
export function pendingDrift(items: readonly HeldItem[]): DeviceDrift[] {
  return driftByDevice(items.filter((i) => !i.resolved));
}

/** Keeps newly held changes (one per stamp). Call inside a transaction over `settings`. */
export async function recordHeld(ctx: DbContext, eventId: string, held: readonly HeldChange[], from: string, now: Date): Promise<void> {
  if (held.length === 0) return;
  const list = await listQuarantine(ctx, eventId);
  const known = new Set(list.map((i) => i.change.hlc));
  for (const h of held) {
    if (known.has(h.change.hlc)) continue;
    known.add(h.change.hlc);
    list.push({ ...h, from, at: now.toISOString() });
  }
  await ctx.db.settings.put({ key: key(eventId), value: list });
}

/**
 * The organizer accepts the held changes (of one device, or all): their values become this device's
 * writes, in one transaction. Returns how many were accepted.
 */
export async function acceptHeld(ctx: DbContext, eventId: string, device?: string, now: Date = new Date()): Promise<number> {
  if (ctx.device.role !== 'organizer') fail('quarantine.organizerOnly');
  const tables = SYNC_TABLES.map((t) => ctx.db.table(t));
  return ctx.db.transaction('rw', [...tables, ctx.db.changes, ctx.db.settings], async () => {
    const list = await listQuarantine(ctx, eventId);
    const chosen = list.filter((i) => !i.resolved && (device === undefined || i.change.device === device)).sort((a, b) => (a.change.hlc < b.change.hlc ? -1 : 1));
    const copies = new Map<string, string>();
    for (const { change } of chosen) await reissue(ctx, change, copies);
    const picked = new Set(chosen);
    await ctx.db.settings.put({ key: key(eventId), value: list.map((i) => (picked.has(i) ? { ...i, resolved: { at: now.toISOString(), as: 'accepted' as const } } : i)) });
    return chosen.length;
  });
}

/** Marks held changes as dismissed (they stay out of the data; the list keeps them for the record). */
export async function dismissHeld(ctx: DbContext, eventId: string, device?: string, now: Date = new Date()): Promise<void> {
  await ctx.db.transaction('rw', ctx.db.settings, async () => {
    const list = await listQuarantine(ctx, eventId);
    const value = list.map((i) => (!i.resolved && (device === undefined || i.change.device === device) ? { ...i, resolved: { at: now.toISOString(), as: 'dismissed' as const } } : i));
    await ctx.db.settings.put({ key: key(eventId), value });
  });
}

async function reissue(ctx: DbContext, c: ChangeRecord, copies: Map<string, string>): Promise<void> {
  const table = c.table as TrackedTable;
  if (c.table === 'checkins') {
    const original = c.fields as Partial<CheckinEntry>;
    const id = crypto.randomUUID();
    copies.set(c.rowId, id);
    const entry = { ...original, id, device: ctx.device.id, hlc: ctx.clock.tick(), reason: [original.reason, dbText('quarantine.accepted', { device: c.device.slice(0, 8) })].filter(Boolean).join('; ') } as CheckinEntry;
    if (original.cancels) entry.cancels = original.cancels.map((x) => copies.get(x) ?? x);
    await putTracked(ctx, 'checkins', [entry]);
    return;
  }
  if (c.op === 'delete') {
    await deleteTracked(ctx, table, [c.rowId]);
    return;
  }
  const stored = (await ctx.db.table(c.table).get(c.rowId)) as Record<string, unknown> | undefined;
  const row: Record<string, unknown> = { ...(stored ?? {}), id: c.rowId };
  for (const [f, v] of Object.entries(c.fields)) {
    if (v === null || v === undefined) delete row[f];
    else row[f] = v;
  }
  await putTracked(ctx, table, [row as { id: string }]);
}
