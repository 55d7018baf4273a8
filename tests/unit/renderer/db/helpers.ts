import type { DeviceRole } from '../../../../shared/domain/types';
import type { DbContext } from '../../../../renderer/db/context';
import { openDatabase } from '../../../../renderer/db/open';
import { openOrganizerSession } from '../../../../renderer/db/authority';
import { applyExchange, previewExchange } from '../../../../renderer/db/repo/exchange-apply';
import { exportExchange } from '../../../../renderer/db/repo/exchange-export';
import { enrol } from './trust-helpers';

let n = 0;
/** A fresh, uniquely named database per test (fake-indexeddb keeps them apart). */
export async function freshDb(now?: () => number): Promise<DbContext> {
  n += 1;
  return openDatabase(`skhod-test-${process.pid}-${n}-${Math.random().toString(36).slice(2)}`, now);
}

const opened: DbContext[] = [];
/** The organizer's device of the test: the root of its events, which enrols every other device. */
let organizer: DbContext | undefined;

/** Closes every database `device` opened; call it from the test file's afterEach. */
export function closeDevices(): void {
  for (const ctx of opened.splice(0)) ctx.db.close();
  organizer = undefined;
}

/** A database the test opened itself, closed with the devices. */
export function keepOpen(ctx: DbContext): void {
  opened.push(ctx);
}

/**
 * A device of `role` named `name` on a fresh database, known to itself in `devices`. The test's first
 * organizer is the root that enrols the others when they first exchange (`send`).
 */
export async function device(role: DeviceRole, name: string, now?: () => number): Promise<DbContext> {
  const ctx = await freshDb(now);
  ctx.device = { ...ctx.device, role, name };
  await ctx.db.devices.put(ctx.device);
  opened.push(ctx);
  if (role === 'organizer') organizer ??= ctx;
  return ctx;
}

/** A device joins an event only through the organizer's enrolment, with the role it was made for. */
async function enrolled(ctx: DbContext, eventId: string): Promise<void> {
  if (!organizer || ctx === organizer || (await ctx.db.trust.get(eventId))) return;
  openOrganizerSession(ctx, Date.now() + 60_000); // a second event on a desk is the organizer's decision
  await enrol(organizer, ctx, eventId, ctx.device.role);
}

/**
 * Exports from `from` for `to` (or a full file) and applies it on `to`, as the «Обмен» screen does;
 * both are enrolled in the event by the test's organizer first.
 */
export async function send(from: DbContext, to: DbContext, eventId: string, full = false) {
  await enrolled(from, eventId);
  await enrolled(to, eventId);
  const file = await exportExchange(from, eventId, { peerId: to.device.id, full });
  const preview = await previewExchange(to, file.bytes, eventId);
  const result = await applyExchange(to, preview.file);
  return { file, preview, result };
}
