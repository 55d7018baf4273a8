import { afterEach, describe, expect, it } from 'vitest';
import { generateDelegateList, sheetToXlsx } from '../../../../shared/generator';
import { normalizeBadgeCode } from '../../../../shared/people/badge-code';
import type { DbContext } from '../../../../renderer/db/context';
import { createEvent } from '../../../../renderer/db/repo/events';
import { saveSection } from '../../../../renderer/db/repo/sections';
import { commitImport, loadImportBase } from '../../../../renderer/db/repo/import';
import { saveRegistrationEdit } from '../../../../renderer/db/repo/participants';
import { buildImport, buildImportAsync, touchedRegistrations } from '../../../../renderer/features/import/build';
import { buildPlan } from '../../../../renderer/features/import/plan';
import { freshDb } from './helpers';
import { analyze, pick, runImport } from '../features/import/pipeline';
import { allChanges } from '../../../../renderer/db/change-pages';

let ctx: DbContext | undefined;
afterEach(() => ctx?.db.close());

const places = pick('Бирский район', 'г. Уфа', 'Белорецкий район');

async function eventWithSections(c: DbContext): Promise<string> {
  const event = await createEvent(c, { title: 'Форум', startDate: '2019-12-18', endDate: '2019-12-18', city: 'Уфа' });
  for (const title of ['Социальное партнёрство', 'Комьюнити-менеджмент', 'Соседские сообщества', 'Молодёжные сообщества']) {
    await saveSection(c, event.id, { title, capacity: 50, moderators: [] });
  }
  return event.id;
}

const counts = async (c: DbContext) => ({
  people: await c.db.people.count(),
  registrations: await c.db.registrations.count(),
  organizations: await c.db.organizations.count(),
  delegations: await c.db.delegations.count(),
  changes: await c.db.changes.count(),
});

describe('import commit', () => {
  it('imports a messy list: people, registrations with badge codes and sections, organizations, delegations', async () => {
    ctx = await freshDb();
    const eventId = await eventWithSections(ctx);
    const list = generateDelegateList({ seed: 3, count: 60, municipalities: places, messy: true });
    const run = await runImport(ctx, eventId, sheetToXlsx(list), 'список.xlsx');

    const regs = await ctx.db.registrations.where('eventId').equals(eventId).toArray();
    const rejected = run.prepared.rejected.size;
    expect(rejected).toBe(list.truth.errorRows.length);
    // every distinct generated person once: the strong duplicates were merged by default
    expect(regs.length).toBeGreaterThanOrEqual(60);
    expect(regs.length).toBeLessThanOrEqual(60 + list.truth.duplicates.length);
    expect(regs.every((r) => r.source === 'import' && r.role === 'participant' && r.status === 'confirmed')).toBe(true);
    const codes = regs.map((r) => r.badgeCode);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((c) => normalizeBadgeCode(c) === c)).toBe(true);
    expect(regs.filter((r) => r.sectionPrefs.length > 0).length).toBeGreaterThan(30);
    expect(regs.every((r) => r.municipalityId?.startsWith('ref:'))).toBe(true);

    const delegations = await ctx.db.delegations.where('eventId').equals(eventId).toArray();
    expect(delegations.map((d) => d.municipalityId).sort()).toEqual(places.map((m) => `ref:${m.name}`).sort());
    for (const d of delegations) {
      expect(d.lastListAt).toBe('2019-12-10T10:00:00.000Z');
      expect(d.expected).toBe(regs.filter((r) => r.municipalityId === d.municipalityId).length);
    }
    // organizations deduplicated by name within a municipality
    const orgs = await ctx.db.organizations.toArray();
    expect(new Set(orgs.map((o) => `${o.municipalityId}|${o.name.toLowerCase()}`)).size).toBe(orgs.length);
    expect(run.result.written.registrations).toBe(regs.length);
  });

  it('is all or nothing: a failure midway leaves the database as it was', async () => {
    ctx = await freshDb();
    const eventId = await eventWithSections(ctx);
    const before = await counts(ctx);
    const list = generateDelegateList({ seed: 4, count: 120, municipalities: places, messy: false });
    let calls = 0;
    await expect(
      runImport(ctx, eventId, sheetToXlsx(list), 'список.xlsx', {
        chunkSize: 20,
        onProgress: (p) => {
          calls++;
          // people are half written when this fires
          if (p.done > 150) throw new Error('диск отключён');
        },
      }),
    ).rejects.toThrow('диск отключён');
    expect(calls).toBeGreaterThan(3);
    expect(await counts(ctx)).toEqual(before);
  });

  it('re-importing the same file changes nothing: zero new change records', async () => {
    ctx = await freshDb();
    const eventId = await eventWithSections(ctx);
    const bytes = sheetToXlsx(generateDelegateList({ seed: 5, count: 80, municipalities: places, messy: true }));
    await runImport(ctx, eventId, bytes, 'список.xlsx');
    const after = await counts(ctx);
    const again = await runImport(ctx, eventId, bytes, 'список.xlsx');
    expect(await counts(ctx)).toEqual(after);
    expect(again.result.written).toEqual({ organizations: 0, people: 0, registrations: 0, delegations: 0 });
    expect(again.built.outcomes.every((o) => o.kind === 'unchanged')).toBe(true);
  });

  it('a changed phone in an updated list updates only that field of that person', async () => {
    ctx = await freshDb();
    const eventId = await eventWithSections(ctx);
    const list = generateDelegateList({ seed: 6, count: 30, municipalities: places, messy: false });
    await runImport(ctx, eventId, sheetToXlsx(list), 'список.xlsx');
    const changesBefore = (await allChanges(ctx.db)).length;

    const row = list.truth.people[4]!.row;
    const phoneCol = list.truth.columns.phone!;
    const updated = { ...list, rows: list.rows.map((r, i) => (i === row - 1 ? r.map((c, j) => (j === phoneCol ? '8 (917) 000-11-22' : c)) : r)) };
    const run = await runImport(ctx, eventId, sheetToXlsx(updated), 'список.xlsx', { now: new Date('2019-12-12T09:00:00Z') });

    const changed = run.built.outcomes.filter((o) => o.kind !== 'unchanged');
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ row, kind: 'changed', changes: [{ field: 'Телефон', after: '+79170001122' }] });
    const fresh = (await allChanges(ctx.db)).slice(changesBefore);
    // the person's phone and the delegation's lastListAt — nothing else
    expect(fresh.map((c) => [c.table, Object.keys(c.fields).sort()])).toEqual(
      expect.arrayContaining([
        ['people', ['phone']],
        ['delegations', ['lastListAt']],
      ]),
    );
    expect(fresh).toHaveLength(2);
  });

  it('skip and keep-both decisions are honoured', async () => {
    ctx = await freshDb();
    const eventId = await eventWithSections(ctx);
    const list = generateDelegateList({ seed: 7, count: 40, municipalities: places, messy: true });
    const bytes = sheetToXlsx(list);
    const keepBoth = await runImport(ctx, eventId, bytes, 'список.xlsx', { decide: () => 'add' });
    const all = keepBoth.prepared.valid.length;
    expect(await ctx.db.registrations.count()).toBe(all);

    ctx.db.close();
    ctx = await freshDb();
    const e2 = await eventWithSections(ctx);
    const skip = await runImport(ctx, e2, bytes, 'список.xlsx', { decide: () => 'skip' });
    expect(await ctx.db.registrations.count()).toBe(all - skip.prepared.candidates.size);
  });

  it('uses rows built ahead of the transaction only while nothing was written since', async () => {
    ctx = await freshDb();
    const c = ctx;
    const eventId = await eventWithSections(c);
    const list = generateDelegateList({ seed: 8, count: 30, municipalities: places, messy: false });
    const bytes = sheetToXlsx(list);
    await runImport(c, eventId, bytes, 'список.xlsx');
    // an updated list: one phone changes
    const row = list.truth.people[2]!.row;
    const phoneCol = list.truth.columns.phone!;
    const updated = sheetToXlsx({ ...list, rows: list.rows.map((r, i) => (i === row - 1 ? r.map((x, j) => (j === phoneCol ? '8 917 222-33-44' : x)) : r)) });
    const a = await analyze(c, eventId, updated, 'список.xlsx');
    const plan = buildPlan(eventId, a.prepared, new Map(), []).plan;
    const touched = touchedRegistrations(plan);
    const opts = { now: new Date('2019-12-11T10:00:00Z'), newId: () => crypto.randomUUID() };

    const base = await loadImportBase(c, eventId, touched);
    const pre = await buildImportAsync(plan, base, opts);
    let rebuilt = 0;
    const fresh = await commitImport(c, { eventId, touched, prebuilt: { base, writes: pre.writes }, build: (b) => (rebuilt++, buildImport(plan, b, opts).writes) });
    expect(fresh.rebuilt).toBe(false);
    expect(rebuilt).toBe(0);
    expect(fresh.written.people).toBe(1);

    // built, then someone edits that person before the commit: the commit builds anew on what is stored
    const base2 = await loadImportBase(c, eventId, touched);
    const stale = await buildImportAsync(plan, base2, opts);
    const target = pre.outcomes.find((o) => o.kind === 'changed')!;
    const reg = (await c.db.registrations.get(target.registrationId))!;
    const person = (await c.db.people.get(reg.personId))!;
    await saveRegistrationEdit(c, {
      registrationId: reg.id, surname: person.surname, name: person.name, patronymic: person.patronymic, phone: '8 917 555-66-77', email: person.email ?? '',
      position: person.position ?? '', organization: '', municipalityId: reg.municipalityId, category: reg.category, role: reg.role, status: reg.status, note: reg.note ?? '',
      consentGiven: true, consentDate: '2019-12-01', consentHow: 'paper',
    }, new Date('2019-12-05T10:00:00Z'));
    const second = await commitImport(c, { eventId, touched, prebuilt: { base: base2, writes: stale.writes }, build: (b) => (rebuilt++, buildImport(plan, b, opts).writes) });
    expect(second.rebuilt).toBe(true);
    expect(rebuilt).toBe(1);
    // the file's phone wins; the consent recorded meanwhile is kept (the stale rows would have dropped it)
    expect(await c.db.people.get(person.id)).toMatchObject({ phone: '+79172223344', consent: { given: true, how: 'paper' } });
  });
});
