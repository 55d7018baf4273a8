import { afterEach, describe, expect, it } from 'vitest';
import { deriveArrivals } from '../../../../shared/domain/arrival';
import { normalizeBadgeCode } from '../../../../shared/people/badge-code';
import type { DbContext } from '../../../../renderer/db/context';
import { earlierPrints, logBadgePrint, printedRegistrations, registerWalkIn, type WalkInInput } from '../../../../renderer/db/repo/desk';
import { loadDeskRegistrations } from '../../../../renderer/db/repo/desk-cards';
import { checkDeskPin, hasDeskPin, setDeskPin } from '../../../../renderer/db/repo/settings';
import { openDemoEvent } from '../../../../renderer/features/onboarding/open-demo';
import { freshDb } from './helpers';

let ctx: DbContext | undefined;
afterEach(() => ctx?.db.close());

const walkIn = (eventId: string, extra: Partial<WalkInInput> = {}): WalkInInput => ({
  eventId,
  operator: 'Гульнара',
  surname: '  кутлугильдина ',
  name: 'гузель',
  patronymic: 'ринатовна',
  municipalityId: 'ref:Бирский район',
  organization: 'ТОС «Соседи»',
  position: 'председатель',
  phone: '8 (917) 345-67-89',
  category: 'citizen',
  consent: true,
  ...extra,
});

describe('desk repository', () => {
  it('keeps «Это другой человек» on the walk-in registration, in its change', async () => {
    ctx = await freshDb();
    const eventId = await openDemoEvent(ctx);
    const first = await registerWalkIn(ctx, walkIn(eventId));
    const { registration } = await registerWalkIn(ctx, walkIn(eventId, { notSameAs: [first.registration.personId] }));
    expect(registration.notSameAs).toMatchObject({ personIds: [first.registration.personId], operator: 'Гульнара' });
    expect((await ctx.db.registrations.get(registration.id))!.notSameAs).toEqual(registration.notSameAs);
    expect(first.registration.notSameAs).toBeUndefined();
    const changes = await ctx.db.changes.filter((c) => c.table === 'registrations' && c.rowId === registration.id).toArray();
    expect(JSON.stringify(changes)).toContain('notSameAs');
  });

  it('lists the registrations whose badge was printed', async () => {
    ctx = await freshDb();
    const eventId = await openDemoEvent(ctx);
    const { registration } = await registerWalkIn(ctx, walkIn(eventId));
    expect(await printedRegistrations(ctx, eventId)).toEqual(new Set());
    await logBadgePrint(ctx, eventId, [registration.id], 'Гульнара');
    expect(await printedRegistrations(ctx, eventId)).toEqual(new Set([registration.id]));
  });

  it('registers a walk-in and checks them in, in one transaction', async () => {
    ctx = await freshDb();
    const eventId = await openDemoEvent(ctx);
    const before = await ctx.db.changes.count();
    const { registration, arrival } = await registerWalkIn(ctx, walkIn(eventId));
    const person = (await ctx.db.people.get(registration.personId))!;
    expect(person).toMatchObject({ surname: 'Кутлугильдина', name: 'Гузель', patronymic: 'Ринатовна', phone: '+79173456789' });
    expect(person.consent).toMatchObject({ given: true, how: 'desk' });
    expect(registration).toMatchObject({ source: 'walk-in', status: 'confirmed', municipalityId: 'ref:Бирский район' });
    expect(normalizeBadgeCode(registration.badgeCode)).toBe(registration.badgeCode);
    const log = await ctx.db.checkins.where('eventId').equals(eventId).toArray();
    expect(log).toEqual([arrival]);
    expect(deriveArrivals(log).get(registration.id)?.arrived).toBe(true);
    // organization, person, registration, arrival
    expect((await ctx.db.changes.count()) - before).toBe(4);
  });

  it('reuses an existing organization of the same municipality and gives each walk-in its own badge code', async () => {
    ctx = await freshDb();
    const eventId = await openDemoEvent(ctx);
    const a = await registerWalkIn(ctx, walkIn(eventId));
    const b = await registerWalkIn(ctx, walkIn(eventId, { surname: 'Шарипов', name: 'Азат', patronymic: '' }));
    expect(a.registration.badgeCode).not.toBe(b.registration.badgeCode);
    const orgs = await ctx.db.organizations.where('name').equals('ТОС «Соседи»').filter((o) => o.municipalityId === 'ref:Бирский район').count();
    expect(orgs).toBe(1);
    const all = (await ctx.db.registrations.where('eventId').equals(eventId).toArray()).map((r) => r.badgeCode);
    expect(new Set(all).size).toBe(all.length);
  });

  it('refuses a walk-in without surname or with an unreadable phone and stores nothing', async () => {
    ctx = await freshDb();
    const eventId = await openDemoEvent(ctx);
    const people = await ctx.db.people.count();
    await expect(registerWalkIn(ctx, walkIn(eventId, { surname: ' ' }))).rejects.toThrow('Укажите фамилию');
    await expect(registerWalkIn(ctx, walkIn(eventId, { phone: '12-34' }))).rejects.toThrow('Телефон не распознан');
    expect(await ctx.db.people.count()).toBe(people);
    expect(await ctx.db.checkins.count()).toBe(0);
  });

  it('marks a walk-in without consent for the desk to ask', async () => {
    ctx = await freshDb();
    const eventId = await openDemoEvent(ctx);
    const { registration } = await registerWalkIn(ctx, walkIn(eventId, { consent: false }));
    expect(registration.note).toBe('Нужно согласие на обработку ПДн');
  });

  it('loads only the requested registrations of the event', async () => {
    ctx = await freshDb();
    const eventId = await openDemoEvent(ctx);
    const all = await loadDeskRegistrations(ctx, eventId);
    expect(all.registrations).toHaveLength(120);
    const some = await loadDeskRegistrations(ctx, eventId, [all.registrations[3]!.id, 'gone']);
    expect(some.registrations.map((r) => r.id)).toEqual([all.registrations[3]!.id]);
    expect(some.people.size).toBe(1);
  });

  it('reads the same registrations of an event whether the device holds it alone or beside others', async () => {
    ctx = await freshDb();
    const first = await openDemoEvent(ctx, 40);
    const alone = await loadDeskRegistrations(ctx, first);
    const ids = (r: { registrations: { id: string }[] }) => r.registrations.map((x) => x.id).sort();
    expect(alone.registrations.length).toBeGreaterThanOrEqual(40);
    const second = await openDemoEvent(ctx, 3);
    expect(await ctx.db.events.count()).toBe(2);
    const beside = await loadDeskRegistrations(ctx, first);
    expect(ids(beside)).toEqual(ids(alone));
    const small = await loadDeskRegistrations(ctx, second);
    expect(small.registrations.length).toBeGreaterThan(0);
    expect(small.registrations.every((r) => r.eventId === second && small.people.has(r.personId))).toBe(true);
    expect(ids(small).some((id) => ids(alone).includes(id))).toBe(false);
  });

  it('logs badge prints and counts earlier ones for the reprint warning', async () => {
    ctx = await freshDb();
    const eventId = await openDemoEvent(ctx);
    const ids = (await loadDeskRegistrations(ctx, eventId)).registrations.slice(0, 3).map((r) => r.id);
    expect(await earlierPrints(ctx, ids)).toBe(0);
    await logBadgePrint(ctx, eventId, ids.slice(0, 2), 'Гульнара');
    expect(await earlierPrints(ctx, ids)).toBe(2);
    expect(await earlierPrints(ctx, [ids[2]!])).toBe(0);
  });

  it('locks the desk with a PIN stored only as a digest', async () => {
    ctx = await freshDb();
    expect(await hasDeskPin(ctx)).toBe(false);
    await setDeskPin(ctx, '2019');
    expect(await hasDeskPin(ctx)).toBe(true);
    expect(await checkDeskPin(ctx, '2019')).toBe(true);
    expect(await checkDeskPin(ctx, '2018')).toBe(false);
    const stored = await ctx.db.settings.get('desk.pinHash');
    expect(stored?.value).toMatch(/^[0-9a-f]{64}$/);
  });
});
