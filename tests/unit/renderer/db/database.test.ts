import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventRow, Person } from '../../../../shared/domain/types';
import { putTracked, deleteTracked } from '../../../../renderer/db/change-log';
import type { DbContext } from '../../../../renderer/db/context';
import { openDatabase } from '../../../../renderer/db/open';
import { createEvent } from '../../../../renderer/db/repo/events';
import { freshDb } from './helpers';

let ctx: DbContext | undefined;
afterEach(() => ctx?.db.close());

const person = (id: string, extra: Partial<Person> = {}): Person => ({ id, surname: 'Галиуллина', name: 'Алия', patronymic: 'Хамитовна', ...extra });

describe('database', () => {
  it('opens from empty with every table, a device id and the reference municipalities', async () => {
    ctx = await freshDb();
    const names = ctx.db.tables.map((t) => t.name).sort();
    expect(names).toEqual(
      [
        'applications', 'assignments', 'attachments', 'caches', 'changes', 'checkins', 'conflicts', 'contests', 'delegations', 'devices', 'events', 'jurors',
        'importJournal', 'importUndo', 'keys', 'municipalities', 'nominations', 'organizations', 'people', 'prints', 'programItems', 'registrations', 'scores', 'sections', 'settings',
        'trust', 'batches', 'projects', 'projectReports', 'reportPhotos',
      ].sort(),
    );
    expect(ctx.device.id).toMatch(/^[0-9a-f]{32}$/); // 128 random bits (issue 18)
    expect(await ctx.db.municipalities.count()).toBe(63);
    expect(await ctx.db.changes.count()).toBe(0); // reference data is identical everywhere: nothing to sync
  });

  it('keeps the device id and moves the clock past stored changes after a reopen', async () => {
    const name = `skhod-reopen-${Math.random()}`;
    let t = 5_000_000;
    const first = await openDatabase(name, () => t);
    await createEvent(first, { title: 'Форум', startDate: '2026-12-01', endDate: '2026-12-01', city: 'Уфа' });
    const lastBefore = (await first.db.changes.orderBy('hlc').last())!.hlc;
    first.db.close();
    t = 1_000; // the clock went back between runs
    ctx = await openDatabase(name, () => t);
    expect(ctx.device.id).toBe(first.device.id);
    await createEvent(ctx, { title: 'Второй форум', startDate: '2026-12-02', endDate: '2026-12-02', city: 'Уфа' });
    const lastAfter = (await ctx.db.changes.orderBy('hlc').last())!.hlc;
    expect(lastAfter > lastBefore).toBe(true);
    expect(await ctx.db.municipalities.count()).toBe(63); // seeding twice adds nothing
  });
});

describe('schema upgrades', () => {
  it('version 2 drops the people indexes nothing queries and keeps every person', async () => {
    const name = `skhod-v1-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ people: 'id, surname, phone, municipalityId, organizationId' });
    await v1.table('people').bulkPut([person('p1', { phone: '+79173451234', municipalityId: 'm1' }), person('p2')]);
    v1.close();

    ctx = await openDatabase(name);
    expect(ctx.db.verno).toBe(9); // the latest version (9: the change log's pages)
    expect(await ctx.db.people.get('p1')).toEqual(person('p1', { phone: '+79173451234', municipalityId: 'm1' }));
    expect(await ctx.db.people.where('surname').equals('Галиуллина').count()).toBe(2);
    const idb = ctx.db.backendDB();
    const stored = [...idb.transaction('people', 'readonly').objectStore('people').indexNames].sort();
    expect(stored).toEqual(['organizationId', 'surname']);
  });
});

describe('change log', () => {
  it('records a change with clock stamp, device, table, row and fields in the same transaction', async () => {
    ctx = await freshDb();
    const c = ctx;
    await c.db.transaction('rw', c.db.people, c.db.changes, () => putTracked(c, 'people', [person('p1')]));
    const [change] = await c.db.changes.toArray();
    expect(change).toMatchObject({ device: c.device.id, table: 'people', rowId: 'p1', op: 'put' });
    expect(change!.hlc.endsWith(c.device.id)).toBe(true);
    expect(change!.fields).toEqual({ id: 'p1', surname: 'Галиуллина', name: 'Алия', patronymic: 'Хамитовна' });
  });

  it('records only the changed fields of an update, and nothing for an identical write', async () => {
    ctx = await freshDb();
    const c = ctx;
    const write = (p: Person) => c.db.transaction('rw', c.db.people, c.db.changes, () => putTracked(c, 'people', [p]));
    await write(person('p1', { phone: '+79173451234' }));
    expect(await write(person('p1', { phone: '+79173451234' }))).toBe(0);
    await write(person('p1', { surname: 'Галиуллина-Шарипова' }));
    const changes = await c.db.changes.orderBy('hlc').toArray();
    expect(changes).toHaveLength(2);
    expect(changes[1]!.fields).toEqual({ surname: 'Галиуллина-Шарипова', phone: null });
  });

  it('leaves neither the row nor its change when writing the change fails', async () => {
    ctx = await freshDb();
    const c = ctx;
    const spy = vi.spyOn(c.db.changes, 'bulkAdd').mockRejectedValueOnce(new Error('disk full'));
    await expect(c.db.transaction('rw', c.db.people, c.db.changes, () => putTracked(c, 'people', [person('p1')]))).rejects.toThrow('disk full');
    spy.mockRestore();
    expect(await c.db.people.get('p1')).toBeUndefined();
    expect(await c.db.changes.count()).toBe(0);
  });

  it('leaves neither the row nor its change when a later step of the transaction fails', async () => {
    ctx = await freshDb();
    const c = ctx;
    await expect(
      c.db.transaction('rw', c.db.people, c.db.changes, async () => {
        await putTracked(c, 'people', [person('p1')]);
        throw new Error('injected failure after the write');
      }),
    ).rejects.toThrow('injected failure');
    expect(await c.db.people.count()).toBe(0);
    expect(await c.db.changes.count()).toBe(0);
  });

  it('refuses a tracked write outside a transaction that covers the change log', async () => {
    ctx = await freshDb();
    const c = ctx;
    await expect(putTracked(c, 'people', [person('p1')])).rejects.toThrow(/rw transaction/);
    await expect(c.db.transaction('rw', c.db.people, () => putTracked(c, 'people', [person('p1')]))).rejects.toThrow(/changes/);
    expect(await c.db.people.count()).toBe(0);
  });

  it('records a tombstone for a delete and nothing for a missing row', async () => {
    ctx = await freshDb();
    const c = ctx;
    const event: EventRow = await createEvent(c, { title: 'Форум', startDate: '2026-12-01', endDate: '2026-12-01', city: 'Уфа' });
    const removed = await c.db.transaction('rw', c.db.events, c.db.changes, () => deleteTracked(c, 'events', [event.id, 'missing']));
    expect(removed).toBe(1);
    const last = await c.db.changes.orderBy('hlc').last();
    expect(last).toMatchObject({ op: 'delete', table: 'events', rowId: event.id, fields: {} });
    expect(await c.db.events.count()).toBe(0);
  });

  it('stamps successive changes in increasing clock order', async () => {
    ctx = await freshDb();
    const c = ctx;
    await c.db.transaction('rw', c.db.people, c.db.changes, () =>
      putTracked(c, 'people', Array.from({ length: 50 }, (_, i) => person(`p${i}`))),
    );
    const stamps = (await c.db.changes.toArray()).map((x) => x.hlc);
    expect(new Set(stamps).size).toBe(50);
  });
});
