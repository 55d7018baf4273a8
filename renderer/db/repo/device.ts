// This device's settings: its row (name, role), the PIN attempt counter, and the organizer PIN on the event rows.
import { deviceRoles, type Device, type DeviceRole, type EventRow } from '../../../shared/domain/types';
import { effectiveOrganizerPin, makeOrganizerPin, noAttempts, type PinAttempts } from '../../../shared/security/organizer-pin';
import type { OrganizerPinRecord } from '../../../shared/domain/types';
import { assertMayWrite } from '../authority';
import { putTracked } from '../change-log';
import type { DbContext } from '../context';
import { dbText, fail } from './fail';

// Device rows and the attempt counter are local to this device: they describe it, not the event, and
// are not change-logged. The organizer PIN is the opposite: it must reach other devices, so it is a
// field of the event rows, written through putTracked like any shared data.
const PIN_ATTEMPTS = 'organizer.pinAttempts';

export const MAX_DEVICE_NAME = 60;

/** The message for a bad device name (in the UI's language); '' when fine. */
export function validateDeviceName(name: string): string {
  const n = name.trim();
  if (!n) return dbText('devices.nameMissing');
  if (n.length > MAX_DEVICE_NAME) return dbText('devices.nameTooLong', { count: MAX_DEVICE_NAME });
  return '';
}

/**
 * Renames this device or changes its role, in one transaction. A role change needs the organizer's
 * session on a non-organizer device (authority.ts; the caller asks for the PIN, components/organizer-gate.tsx).
 * It changes what this device shows and may write here; what OTHER devices accept from it is decided
 * by the enrolment the organizer signed (shared/trust/enrolment.ts), never by this row.
 */
export async function updateDevice(ctx: DbContext, patch: { name?: string; role?: DeviceRole }): Promise<Device> {
  if (patch.name !== undefined) {
    const problem = validateDeviceName(patch.name);
    if (problem) throw new Error(problem);
  }
  if (patch.role !== undefined && !deviceRoles.includes(patch.role)) fail('devices.unknownRole', { role: patch.role });
  assertMayWrite(ctx, 'devices', [patch]);
  const { db } = ctx;
  return db.transaction('rw', db.devices, async () => {
    const row = await db.devices.get(ctx.device.id);
    if (!row) fail('devices.rowMissing');
    const next: Device = { ...row, ...(patch.name !== undefined && { name: patch.name.trim() }), ...(patch.role !== undefined && { role: patch.role }) };
    await db.devices.put(next);
    return next;
  });
}

/** The organizer PIN in force on this device (newest on any event), or null when none is set. */
export async function loadOrganizerPin(ctx: DbContext): Promise<OrganizerPinRecord | null> {
  return effectiveOrganizerPin(await ctx.db.events.toArray());
}

/**
 * Sets (or replaces) the organizer PIN on every event of this device, in one transaction with its
 * change records, so the next exchange file of whichever event carries it. Only the organizer's
 * device sets it; replacing one needs the current PIN, which the caller has checked.
 */
export async function setOrganizerPin(ctx: DbContext, pin: string, now: Date = new Date()): Promise<OrganizerPinRecord> {
  if (ctx.device.role !== 'organizer') fail('devices.pinOnOrganizer');
  const record = await makeOrganizerPin(pin, { deviceId: ctx.device.id, now });
  const { db } = ctx;
  await db.transaction('rw', db.events, db.changes, async () => {
    const events = await db.events.toArray();
    await putTracked<EventRow>(ctx, 'events', events.map((e) => ({ ...e, organizerPin: record })));
  });
  return record;
}

/**
 * Copies the PIN in force onto the events that lack it (an event created after the PIN was set, or
 * received from an older file), so every event's exchange file carries it. One transaction.
 * @returns how many events were updated
 */
export async function spreadOrganizerPin(ctx: DbContext): Promise<number> {
  if (ctx.device.role !== 'organizer') return 0;
  const { db } = ctx;
  return db.transaction('rw', db.events, db.changes, async () => {
    const events = await db.events.toArray();
    const pin = effectiveOrganizerPin(events);
    if (!pin) return 0;
    const behind = events.filter((e) => e.organizerPin?.hash !== pin.hash || e.organizerPin.setAt !== pin.setAt);
    return putTracked<EventRow>(ctx, 'events', behind.map((e) => ({ ...e, organizerPin: pin })));
  });
}

export async function loadPinAttempts(ctx: DbContext): Promise<PinAttempts> {
  const v = (await ctx.db.settings.get(PIN_ATTEMPTS))?.value as Partial<PinAttempts> | undefined;
  return typeof v?.failures === 'number' && typeof v.lockedUntil === 'number' ? { failures: v.failures, lockedUntil: v.lockedUntil } : noAttempts;
}

export async function savePinAttempts(ctx: DbContext, attempts: PinAttempts): Promise<void> {
  await ctx.db.settings.put({ key: PIN_ATTEMPTS, value: attempts });
}
