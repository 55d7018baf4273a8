import { afterEach, describe, expect, it } from 'vitest';
import { deriveArrivals } from '../../../../shared/domain/arrival';
import type { DbContext } from '../../../../renderer/db/context';
import { appendCheckin } from '../../../../renderer/db/repo/checkins';
import { createEvent, saveEventBundle } from '../../../../renderer/db/repo/events';
import { addMunicipality } from '../../../../renderer/db/repo/reference';
import { openDemoEvent } from '../../../../renderer/features/onboarding/open-demo';
import { freshDb } from './helpers';
import { allChanges, countChanges, PAGE_TABLE } from '../../../../renderer/db/change-pages';

let ctx: DbContext | undefined;
afterEach(() => ctx?.db.close());

describe('repositories', () => {
  it('stores the demo event in one transaction with a change per row', async () => {
    ctx = await freshDb();
    const eventId = await openDemoEvent(ctx);
    const { db } = ctx;
    expect(await db.sections.where('eventId').equals(eventId).count()).toBe(4);
    expect(await db.registrations.where('eventId').equals(eventId).count()).toBe(120);
    const rows =
      (await db.events.count()) +
      (await db.programItems.count()) +
      (await db.sections.count()) +
      (await db.organizations.count()) +
      (await db.people.count()) +
      (await db.registrations.count()) +
      (await db.delegations.count()) +
      (await db.municipalities.filter((m) => !m.builtin).count());
    expect(await countChanges(db)).toBe(rows);
    expect((await allChanges(db)).map((c) => c.table)).not.toContain(PAGE_TABLE);
  });

  it('stores nothing of an event bundle when one row is invalid', async () => {
    ctx = await freshDb();
    const c = ctx;
    const event = { id: 'ev1', title: 'Форум', startDate: '2026-12-01', endDate: '2026-12-01', city: 'Уфа', createdAt: '2026-11-01T00:00:00Z' };
    const bad = { id: undefined as unknown as string, surname: 'Без ключа', name: 'Иван', patronymic: '' };
    await expect(
      saveEventBundle(c, { event, programItems: [], sections: [], municipalities: [], organizations: [], people: [bad], registrations: [], delegations: [] }),
    ).rejects.toThrow();
    expect(await c.db.events.count()).toBe(0);
    expect(await c.db.changes.count()).toBe(0);
  });

  it('refuses an event without a title or with the end before the start', async () => {
    ctx = await freshDb();
    await expect(createEvent(ctx, { title: ' ', startDate: '2026-12-01', endDate: '2026-12-01', city: 'Уфа' })).rejects.toThrow('Укажите название');
    await expect(createEvent(ctx, { title: 'Форум', startDate: '2026-12-02', endDate: '2026-12-01', city: 'Уфа' })).rejects.toThrow('раньше начала');
    expect(await ctx.db.events.count()).toBe(0);
  });

  it('adds a municipality of another region once', async () => {
    ctx = await freshDb();
    const input = { name: 'г. Кирово-Чепецк', kind: 'other' as const, region: 'Кировская область', federalDistrict: 'Приволжский федеральный округ' };
    const a = await addMunicipality(ctx, input);
    const b = await addMunicipality(ctx, { ...input, name: ' г. Кирово-Чепецк ' });
    expect(b.id).toBe(a.id);
    expect(await ctx.db.municipalities.count()).toBe(64);
  });

  it('appends check-ins to the log with device, operator and time; arrival and annulment are derived', async () => {
    ctx = await freshDb();
    const eventId = await openDemoEvent(ctx);
    const reg = (await ctx.db.registrations.where('eventId').equals(eventId).first())!;
    const arrive = await appendCheckin(ctx, { eventId, registrationId: reg.id, kind: 'arrive', operator: 'Гульнара' }, new Date('2019-12-18T09:41:00+05:00'));
    expect(arrive).toMatchObject({ device: ctx.device.id, operator: 'Гульнара', at: '2019-12-18T04:41:00.000Z' });
    let log = await ctx.db.checkins.where('eventId').equals(eventId).toArray();
    expect(deriveArrivals(log).get(reg.id)?.arrived).toBe(true);

    await expect(appendCheckin(ctx, { eventId, registrationId: reg.id, kind: 'annul', operator: 'Гульнара' })).rejects.toThrow('причину');
    await appendCheckin(ctx, { eventId, registrationId: reg.id, kind: 'annul', operator: 'Гульнара', reason: 'отметили не того' });
    log = await ctx.db.checkins.where('eventId').equals(eventId).toArray();
    expect(log).toHaveLength(2);
    expect(deriveArrivals(log).get(reg.id)?.arrived).toBe(false);
    expect(await ctx.db.changes.where('table').equals('checkins').count()).toBe(2);
  });

  it('refuses a check-in for a registration of another event', async () => {
    ctx = await freshDb();
    const eventId = await openDemoEvent(ctx);
    const other = await createEvent(ctx, { title: 'Другое', startDate: '2026-12-01', endDate: '2026-12-01', city: 'Уфа' });
    const reg = (await ctx.db.registrations.where('eventId').equals(eventId).first())!;
    await expect(appendCheckin(ctx, { eventId: other.id, registrationId: reg.id, kind: 'arrive', operator: 'О' })).rejects.toThrow('не найдена');
    expect(await ctx.db.checkins.count()).toBe(0);
  });
});
