import { afterEach, describe, expect, it } from 'vitest';
import type { DbContext } from '../../../../renderer/db/context';
import { putTracked } from '../../../../renderer/db/change-log';
import { decodeDeskCache, encodeDeskCache, readDeskCacheHeader, tableDeskCacheStore } from '../../../../renderer/db/desk-cache-file';
import { createBackup, readBackup, restoreBackup } from '../../../../renderer/db/backup';
import { dropDeskCaches, deskCacheEpoch, deskChangesAfter, noteForeignDeskChanges, openDeskCache, refreshDeskCache } from '../../../../renderer/db/repo/desk-cache';
import { loadDeskLookups, loadDeskRegistrations, toDeskCards, type DeskCard } from '../../../../renderer/db/repo/desk-cards';
import { openDemoEvent } from '../../../../renderer/features/onboarding/open-demo';
import { freshDb } from './helpers';
import { allChanges } from '../../../../renderer/db/change-pages';

let ctx: DbContext | undefined;
afterEach(() => ctx?.db.close());

const card = (over: Partial<DeskCard> = {}): DeskCard => ({
  registrationId: 'r1',
  personId: 'p1',
  surname: 'Муталлапова',
  name: 'Айгуль',
  patronymic: 'Хамитовна',
  phone: '+79173451234',
  municipality: 'Бирский район',
  organization: 'ТОС «Соседи»',
  position: 'председатель',
  role: 'participant',
  section: 'Секция 1',
  sectionId: 's1',
  badgeCode: 'A1B2C3',
  note: 'VIP',
  status: 'confirmed',
  ...over,
});

const HEADER = { eventId: 'e1', stamp: '0000000001abc', epoch: 'epoch-1' };

describe('desk cache bytes', () => {
  it('keeps every card and what they reflect, with absent values absent', () => {
    const cards = [
      card(),
      card({ registrationId: 'r2', personId: 'p2', phone: undefined, sectionId: undefined, section: '', note: undefined, patronymic: '' }),
      // a value that holds the separator is stored with a space instead, never breaking the layout
      card({ registrationId: 'r3', personId: 'p3', position: 'a\u0001b', note: '' }),
    ];
    const bytes = encodeDeskCache(HEADER, cards);
    const back = decodeDeskCache(bytes)!;
    expect({ eventId: back.eventId, stamp: back.stamp, epoch: back.epoch }).toEqual(HEADER);
    expect(back.cards.slice(0, 2)).toEqual(cards.slice(0, 2));
    expect(back.cards[1]).not.toHaveProperty('phone', '');
    expect(back.cards[2]).toEqual({ ...cards[2], position: 'a b' });
    expect(decodeDeskCache(encodeDeskCache(HEADER, []))!.cards).toEqual([]);
    expect(readDeskCacheHeader(bytes)).toMatchObject({ ...HEADER, rows: 3 });
  });

  it('reads bytes that do not start on a four-byte boundary (a row of the caches table, a slice)', () => {
    const bytes = encodeDeskCache(HEADER, [card(), card({ registrationId: 'r2' })]);
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(decodeDeskCache(shifted.subarray(1))?.cards).toEqual([card(), card({ registrationId: 'r2' })]);
  });

  it('refuses bytes of another format, a truncated file and codes pointing nowhere', () => {
    const bytes = encodeDeskCache(HEADER, [card(), card({ registrationId: 'r2' })]);
    expect(decodeDeskCache(new Uint8Array(0))).toBeNull();
    expect(decodeDeskCache(new TextEncoder().encode('{"v":2,"rows":0}'))).toBeNull();
    expect(decodeDeskCache(bytes.subarray(0, bytes.length - 4))).toBeNull();
    const bad = bytes.slice();
    new DataView(bad.buffer).setUint32(bad.length - 4, 99_999, true); // the last card's status code
    expect(decodeDeskCache(bad)).toBeNull();
    const otherVersion = encodeDeskCache(HEADER, []);
    const text = new TextDecoder().decode(otherVersion).replace('"v":3', '"v":9');
    expect(decodeDeskCache(new TextEncoder().encode(text))).toBeNull();
  });
});

describe('desk cache in the database', () => {
  it('reads every registration and person at once for a big event, the same as key by key', async () => {
    ctx = await freshDb();
    const eventId = await openDemoEvent(ctx, 2_500);
    const all = await loadDeskRegistrations(ctx, eventId);
    expect(all.registrations).toHaveLength(2_500);
    expect(all.people.size).toBeGreaterThanOrEqual(2_500);
    for (const r of all.registrations) expect(all.people.get(r.personId)).toEqual(await ctx.db.people.get(r.personId));
  });

  it('stores the cards as of the last change under the database epoch and starts from them', async () => {
    ctx = await freshDb();
    const eventId = await openDemoEvent(ctx);
    expect((await openDeskCache(ctx, eventId)).cached).toBeUndefined();
    const epoch = await deskCacheEpoch(ctx);
    expect(epoch).not.toBe(''); // openDatabase gives every database one
    const { stamp, cards } = await refreshDeskCache(ctx, eventId);
    const last = (await ctx.db.changes.orderBy('hlc').last())!.hlc;
    expect(stamp).toBe(last);
    const lookups = await loadDeskLookups(ctx, eventId);
    const all = await loadDeskRegistrations(ctx, eventId);
    expect(cards).toEqual(toDeskCards(all.registrations, all.people, lookups));
    const start = await openDeskCache(ctx, eventId);
    expect(start).toMatchObject({ now: last, epoch, cached: { eventId, stamp: last, epoch } });
    expect(start.cached && 'cards' in start.cached && start.cached.cards).toEqual(cards);
  });

  it('ignores a cache newer than the change log (a restored database) or of another event', async () => {
    ctx = await freshDb();
    const eventId = await openDemoEvent(ctx);
    const cache = await refreshDeskCache(ctx, eventId);
    const store = tableDeskCacheStore(ctx.db);
    await store.write(ctx.db.name, eventId, encodeDeskCache({ ...cache, stamp: '\uffff' }, cache.cards));
    expect((await openDeskCache(ctx, eventId)).cached).toBeUndefined();
    await store.write(ctx.db.name, eventId, encodeDeskCache({ ...cache, eventId: 'other' }, cache.cards));
    expect((await openDeskCache(ctx, eventId)).cached).toBeUndefined();
  });

  it('voids every desk cache inside the transaction that stores foreign changes', async () => {
    ctx = await freshDb();
    const eventId = await openDemoEvent(ctx);
    await refreshDeskCache(ctx, eventId);
    const before = await deskCacheEpoch(ctx);
    const c = ctx;
    const { db } = c;
    const person = (await db.people.toCollection().first())!;
    await db.transaction('rw', [db.people, db.changes, db.caches], async () => {
      await putTracked(c, 'people', [{ ...person, position: 'из другого устройства' }]);
      await dropDeskCaches(c);
    });
    expect(await db.caches.get(`desk:${eventId}`)).toBeUndefined();
    expect(await deskCacheEpoch(ctx)).not.toBe(before);
    expect((await openDeskCache(ctx, eventId)).cached).toBeUndefined();
  });

  it('notes foreign changes for replay until they are too many to replay, then voids the caches', async () => {
    ctx = await freshDb();
    const eventId = await openDemoEvent(ctx);
    const cache = await refreshDeskCache(ctx, eventId);
    const c = ctx;
    const { db } = c;
    const note = (changes: { table: string; rowId: string }[]) => db.transaction('rw', [db.people, db.registrations, db.caches], () => noteForeignDeskChanges(c, changes));
    const regs = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ table: 'registrations', rowId: `r${from + i}` }));
    await note([{ table: 'checkins', rowId: 'x' }]);
    expect(await deskChangesAfter(c, cache.stamp)).toEqual([]);
    await note(regs(5_000));
    expect(await deskCacheEpoch(c)).toBe(cache.epoch);
    expect(await deskChangesAfter(c, cache.stamp)).toHaveLength(5_000);
    expect((await openDeskCache(c, eventId)).cached).toBeDefined();
    // one more than the desk would rather fetch one by one: it reads everything instead
    await note(regs(5_001));
    expect(await deskCacheEpoch(c)).not.toBe(cache.epoch);
    expect(await deskChangesAfter(c, cache.stamp)).toEqual([]);

    const again = await refreshDeskCache(c, eventId);
    for (let i = 0; i < 1_000; i++) await note(regs(1, i));
    expect(await deskCacheEpoch(c)).toBe(again.epoch);
    expect(await deskChangesAfter(c, again.stamp)).toHaveLength(1_000);
    // the notes are kept to a bound: the next one folds them all into a new epoch
    await note(regs(1, 1_000));
    expect(await deskCacheEpoch(c)).not.toBe(again.epoch);
    expect(await deskChangesAfter(c, '')).toEqual((await allChanges(db)).map((ch) => expect.objectContaining({ hlc: ch.hlc })));
  });

  it('does not take a cache written under an older epoch, even one stored after the epoch moved on', async () => {
    ctx = await freshDb();
    const eventId = await openDemoEvent(ctx);
    const old = await refreshDeskCache(ctx, eventId);
    await dropDeskCaches(ctx);
    // a desk that read its cards before the foreign changes saves them late: the label gives it away
    await tableDeskCacheStore(ctx.db).write(ctx.db.name, eventId, encodeDeskCache(old, old.cards));
    expect((await openDeskCache(ctx, eventId)).cached).toBeUndefined();
    const fresh = await refreshDeskCache(ctx, eventId);
    expect(fresh.epoch).not.toBe(old.epoch);
    expect((await openDeskCache(ctx, eventId)).cached?.epoch).toBe(fresh.epoch);
  });

  it('keeps the cache when the transaction that would drop it fails', async () => {
    ctx = await freshDb();
    const eventId = await openDemoEvent(ctx);
    await refreshDeskCache(ctx, eventId);
    const before = await deskCacheEpoch(ctx);
    const { db } = ctx;
    const c = ctx;
    await expect(
      db.transaction('rw', [db.caches], async () => {
        await dropDeskCaches(c);
        throw new Error('bad exchange file');
      }),
    ).rejects.toThrow('bad exchange file');
    expect(await db.caches.get(`desk:${eventId}`)).toBeDefined();
    expect(await deskCacheEpoch(ctx)).toBe(before);
    expect((await openDeskCache(ctx, eventId)).cached).toBeDefined();
  });

  it('a restore voids the caches: they describe the data it replaced', async () => {
    ctx = await freshDb();
    const eventId = await openDemoEvent(ctx);
    const { bytes } = await createBackup(ctx, 'Вручную');
    await refreshDeskCache(ctx, eventId);
    const before = await deskCacheEpoch(ctx);
    await restoreBackup(ctx, await readBackup(bytes), { undoable: false });
    expect(await deskCacheEpoch(ctx)).not.toBe(before);
    expect(await deskCacheEpoch(ctx)).not.toBe('');
    expect((await openDeskCache(ctx, eventId)).cached).toBeUndefined();
  });

  it('checks a cache read while the database opened instead of reading it again', async () => {
    ctx = await freshDb();
    const eventId = await openDemoEvent(ctx);
    const { stamp, epoch } = await refreshDeskCache(ctx, eventId);
    const preloaded = { eventId, stamp, epoch, state: 'built meanwhile' };
    expect((await openDeskCache(ctx, eventId, preloaded)).cached).toBe(preloaded);
    expect((await openDeskCache(ctx, eventId, { ...preloaded, epoch: 'another' })).cached).toBeUndefined();
    // no usable file at preload time: the database's row is not read as a second chance
    expect((await openDeskCache(ctx, eventId, null)).cached).toBeUndefined();
  });
});
