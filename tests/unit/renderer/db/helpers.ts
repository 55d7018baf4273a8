import type { DeviceRole } from '../../../../shared/domain/types';
import { openDatabase, type DbContext } from '../../../../renderer/db/context';
import { applyExchange, exportExchange, previewExchange } from '../../../../renderer/db/repo/exchange';

let n = 0;
/** A fresh, uniquely named database per test (fake-indexeddb keeps them apart). */
export async function freshDb(now?: () => number): Promise<DbContext> {
  n += 1;
  return openDatabase(`skhod-test-${process.pid}-${n}-${Math.random().toString(36).slice(2)}`, now);
}

const opened: DbContext[] = [];
/** Closes every database `device` opened; call it from the test file's afterEach. */
export function closeDevices(): void {
  for (const ctx of opened.splice(0)) ctx.db.close();
}

/** A database the test opened itself, closed with the devices. */
export function keepOpen(ctx: DbContext): void {
  opened.push(ctx);
}

/** A device of `role` named `name` on a fresh database, known to itself in `devices`. */
export async function device(role: DeviceRole, name: string, now?: () => number): Promise<DbContext> {
  const ctx = await freshDb(now);
  ctx.device = { ...ctx.device, role, name };
  await ctx.db.devices.put(ctx.device);
  opened.push(ctx);
  return ctx;
}

/** Exports from `from` for `to` (or a full file) and applies it on `to`, as the «Обмен» screen does. */
export async function send(from: DbContext, to: DbContext, eventId: string, full = false) {
  const file = await exportExchange(from, eventId, { peerId: to.device.id, full });
  const preview = await previewExchange(to, file.bytes, eventId);
  const result = await applyExchange(to, preview.file);
  return { file, preview, result };
}
