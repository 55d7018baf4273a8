import { afterEach, describe, expect, it } from 'vitest';
import type { DbContext } from '../../../../renderer/db/context';
import { putTracked } from '../../../../renderer/db/change-log';
import {
  dropDeskCaches,
  deskCacheEpoch,
  loadDeskLookups,
  loadDeskRegistrations,
  openDeskCache,
  packDeskCards,
  refreshDeskCache,
  toDeskCards,
  unpackDeskCards,
  type DeskCard,
} from '../../../../renderer/db/repo/desk';
import { openDemoEvent } from '../../../../renderer/features/onboarding/open-demo';
import { freshDb } from './helpers';

let ctx: DbContext | undefined;
afterEach(() => ctx?.db.close());

const card = (over: Partial<DeskCard> = {}): DeskCard => ({
  registrationId: 'r1',
  personId: 'p1',
  surname: 'Муталлапова',
  name: 'Айгуль',
  patronymic: 'Хамитовна',
  phone: '+79173451234',
  fullName: 'Муталлапова Айгуль Хамитовна',
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

describe('desk cache value', () => {
  it('packs cards into two strings and a typed array and reads them back unchanged', () => {
    const cards = [
      card(),
      card({ registrationId: 'r2', personId: 'p2', phone: undefined, sectionId: undefined, section: '', note: undefined, patronymic: '', fullName: 'Муталлапова Айгуль' }),
      // a value that holds the separator is stored with a space instead, never breaking the layout
      card({ registrationId: 'r3', personId: 'p3', position: 'a\u0001b', note: '' }),
    ];
    const packed = packDeskCards(cards);
    expect(packed.codes).toBeInstanceOf(Uint32Array);
    expect(typeof packed.unique).toBe('string');
    const back = unpackDeskCards(structuredClone(packed))!;
    expect(back.slice(0, 2)).toEqual(cards.slice(0, 2));
    expect(back[1]).not.toHaveProperty('phone', '');
    expect(back[2]).toEqual({ ...cards[2], position: 'a b' });
    expect(unpackDeskCards(packDeskCards([]))).toEqual([]);
  });

  it('refuses a value of another format (written by an older version)', () => {
    expect(unpackDeskCards({ v: 1, columns: { registrationId: ['r1'] } })).toBeNull();
    expect(unpackDeskCards(null)).toBeNull();
    expect(unpackDeskCards({ ...packDeskCards([card()]), rows: 2 })).toBeNull();
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

  it('stores the cards as of the last change and starts from them', async () => {
    ctx = await freshDb();
    const eventId = await openDemoEvent(ctx);
    expect((await openDeskCache(ctx, eventId)).cached).toBeUndefined();
    const { stamp, cards } = await refreshDeskCache(ctx, eventId);
    const last = (await ctx.db.changes.orderBy('hlc').last())!.hlc;
    expect(stamp).toBe(last);
    const lookups = await loadDeskLookups(ctx, eventId);
    const all = await loadDeskRegistrations(ctx, eventId);
    expect(cards).toEqual(toDeskCards(all.registrations, all.people, lookups));
    const start = await openDeskCache(ctx, eventId);
    expect(start.now).toBe(last);
    expect(start.cached?.stamp).toBe(last);
    expect(start.cached?.cards).toEqual(cards);
  });

  it('ignores a cache newer than the change log (a restored database)', async () => {
    ctx = await freshDb();
    const eventId = await openDemoEvent(ctx);
    await refreshDeskCache(ctx, eventId);
    await ctx.db.caches.update(`desk:${eventId}`, { stamp: '\uffff' });
    expect((await openDeskCache(ctx, eventId)).cached).toBeUndefined();
  });

  it('drops every desk cache inside the transaction that stores foreign changes, and bumps the epoch', async () => {
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
  });
});
