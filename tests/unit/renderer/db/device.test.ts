import { afterEach, describe, expect, it } from 'vitest';
import type { DbContext } from '../../../../renderer/db/context';
import { createEvent } from '../../../../renderer/db/repo/events';
import {
  loadOrganizerPin,
  loadPinAttempts,
  savePinAttempts,
  setOrganizerPin,
  spreadOrganizerPin,
  updateDevice,
  validateDeviceName,
} from '../../../../renderer/db/repo/device';
import { verifyOrganizerPin } from '../../../../shared/security/organizer-pin';
import { freshDb } from './helpers';

let ctx: DbContext | undefined;
afterEach(() => ctx?.db.close());

const newEvent = (c: DbContext, title: string) => createEvent(c, { title, startDate: '2019-12-18', endDate: '2019-12-18', city: 'Уфа' });

describe('device name and role', () => {
  it('renames the device and changes its role without writing the change log', async () => {
    ctx = await freshDb();
    const before = await ctx.db.changes.count();
    const saved = await updateDevice(ctx, { name: '  Стойка 2  ', role: 'desk' });
    expect(saved).toMatchObject({ id: ctx.device.id, name: 'Стойка 2', role: 'desk' });
    expect(await ctx.db.devices.get(ctx.device.id)).toEqual(saved);
    expect(await ctx.db.changes.count()).toBe(before);
  });

  it('refuses an empty or overlong name and an unknown role, leaving the row as it was', async () => {
    ctx = await freshDb();
    const row = await ctx.db.devices.get(ctx.device.id);
    await expect(updateDevice(ctx, { name: '   ' })).rejects.toThrow('Укажите название');
    await expect(updateDevice(ctx, { name: 'Ж'.repeat(61) })).rejects.toThrow('не длиннее 60');
    await expect(updateDevice(ctx, { role: 'admin' as never })).rejects.toThrow('Неизвестная роль');
    expect(await ctx.db.devices.get(ctx.device.id)).toEqual(row);
    expect(validateDeviceName('Стойка 1')).toBe('');
  });
});

describe('organizer PIN in a synced row', () => {
  it('writes the salted hash onto every event through the change log, never the PIN', async () => {
    ctx = await freshDb();
    const a = await newEvent(ctx, 'Сообщества — Уфа 2019');
    const b = await newEvent(ctx, 'Конкурс проектов 2020');
    const before = await ctx.db.changes.count();
    const record = await setOrganizerPin(ctx, '246813', new Date('2019-12-17T09:00:00Z'));

    const events = await ctx.db.events.toArray();
    expect(events.map((e) => e.organizerPin)).toEqual([record, record]);
    const changes = (await ctx.db.changes.orderBy('hlc').toArray()).slice(before);
    expect(changes.map((c) => [c.table, c.rowId].join(':')).sort()).toEqual([`events:${a.id}`, `events:${b.id}`].sort());
    for (const c of changes) {
      expect(c.device).toBe(ctx.device.id);
      expect(c.fields).toEqual({ organizerPin: record }); // only the PIN field travels, the rest is unchanged
    }
    expect(JSON.stringify(changes)).not.toContain('246813');
    expect(await verifyOrganizerPin('246813', (await loadOrganizerPin(ctx))!)).toBe(true);
  });

  it('is set only on the organizer device', async () => {
    ctx = await freshDb();
    await newEvent(ctx, 'Сообщества — Уфа 2019');
    await updateDevice(ctx, { role: 'desk' });
    const desk = { ...ctx, device: { ...ctx.device, role: 'desk' as const } };
    await expect(setOrganizerPin(desk, '246813')).rejects.toThrow('только на устройстве организатора');
    expect(await loadOrganizerPin(ctx)).toBeNull();
  });

  it('a changed PIN replaces the old one', async () => {
    ctx = await freshDb();
    await newEvent(ctx, 'Сообщества — Уфа 2019');
    await setOrganizerPin(ctx, '111111', new Date('2019-12-17T09:00:00Z'));
    await setOrganizerPin(ctx, '222222', new Date('2019-12-17T10:00:00Z'));
    const pin = (await loadOrganizerPin(ctx))!;
    expect(await verifyOrganizerPin('222222', pin)).toBe(true);
    expect(await verifyOrganizerPin('111111', pin)).toBe(false);
  });

  it('copies the PIN onto an event created after it was set, so that event\'s files carry it too', async () => {
    ctx = await freshDb();
    await newEvent(ctx, 'Сообщества — Уфа 2019');
    const record = await setOrganizerPin(ctx, '246813');
    const later = await newEvent(ctx, 'Конкурс проектов 2020');
    expect((await ctx.db.events.get(later.id))!.organizerPin).toBeUndefined();
    expect(await spreadOrganizerPin(ctx)).toBe(1);
    expect((await ctx.db.events.get(later.id))!.organizerPin).toEqual(record);
    const last = (await ctx.db.changes.orderBy('hlc').last())!;
    expect(last).toMatchObject({ table: 'events', rowId: later.id, fields: { organizerPin: record } });
    expect(await spreadOrganizerPin(ctx)).toBe(0); // nothing left behind, nothing written
  });

  it('keeps wrong attempts on the device, so a reload does not reset the wait', async () => {
    ctx = await freshDb();
    expect(await loadPinAttempts(ctx)).toEqual({ failures: 0, lockedUntil: 0 });
    await savePinAttempts(ctx, { failures: 4, lockedUntil: 123_456 });
    const name = ctx.db.name;
    ctx.db.close();
    const { openDatabase } = await import('../../../../renderer/db/open');
    ctx = await openDatabase(name);
    expect(await loadPinAttempts(ctx)).toEqual({ failures: 4, lockedUntil: 123_456 });
  });
});
