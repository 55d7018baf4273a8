/**
 * Issue 22: an import is written in chunked transactions (no giant LevelDB undo log) and stays all or
 * nothing through its journal — a failure midway is rolled back at once, a crash midway when the
 * database opens again, overwritten rows included.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { generateDelegateList, sheetToXlsx } from '../../../../shared/generator';
import { openDatabase, type DbContext } from '../../../../renderer/db/context';
import { createEvent, saveEventBundle } from '../../../../renderer/db/repo/events';
import { listMunicipalities } from '../../../../renderer/db/repo/reference';
import { buildDemoBundle, type DemoSpec } from '../../../../shared/demo/build-demo';
import demoSpec from '../../../../resources/demo-event.json';
import { exportExchange } from '../../../../renderer/db/repo/exchange';
import { freshDb } from './helpers';
import { pick, runImport } from '../features/import/pipeline';

let ctx: DbContext | undefined;
afterEach(() => ctx?.db.close());

const places = pick('Бирский район', 'г. Уфа');

const snapshot = async (c: DbContext) => ({
  people: (await c.db.people.toArray()).sort((a, b) => a.id.localeCompare(b.id)),
  registrations: (await c.db.registrations.toArray()).sort((a, b) => a.id.localeCompare(b.id)),
  organizations: await c.db.organizations.count(),
  delegations: (await c.db.delegations.toArray()).sort((a, b) => a.id.localeCompare(b.id)),
  changes: await c.db.changes.count(),
  journal: await c.db.importJournal.count(),
  undo: await c.db.importUndo.count(),
});

/** An updated list: the same people with new phones, and some newcomers. */
function lists() {
  const first = generateDelegateList({ seed: 8, count: 90, municipalities: places, messy: false });
  const second = generateDelegateList({ seed: 8, count: 130, municipalities: places, messy: false });
  const phone = second.truth.columns.phone!;
  for (const row of second.rows.slice(second.truth.headerRow + 1)) if (row[phone]) row[phone] = row[phone]!.replace(/\d(?=\D*$)/, (d) => String((Number(d) + 1) % 10));
  return { first: sheetToXlsx(first), second: sheetToXlsx(second) };
}

describe('import journal', () => {
  it('writes in chunks and leaves no journal or undo rows behind', async () => {
    ctx = await freshDb();
    const event = await createEvent(ctx, { title: 'Форум', startDate: '2019-12-18', endDate: '2019-12-18', city: 'Уфа' });
    let chunks = 0;
    await runImport(ctx, event.id, lists().first, 'a.xlsx', { chunkSize: 25, onProgress: () => chunks++ });
    expect(chunks).toBeGreaterThan(5);
    const s = await snapshot(ctx);
    expect([s.journal, s.undo]).toEqual([0, 0]);
    expect(s.registrations).toHaveLength(90);
  });

  it('a crash midway (the page killed between chunks) is rolled back when the database opens: overwritten rows come back', async () => {
    ctx = await freshDb();
    const name = ctx.db.name;
    const event = await createEvent(ctx, { title: 'Форум', startDate: '2019-12-18', endDate: '2019-12-18', city: 'Уфа' });
    const { first, second } = lists();
    await runImport(ctx, event.id, first, 'a.xlsx');
    const before = await snapshot(ctx);
    const victim = ctx;
    // the updated list merges (new phones) and adds; the "crash": the connection dies after the third chunk
    let chunks = 0;
    await expect(
      runImport(victim, event.id, second, 'b.xlsx', {
        chunkSize: 20,
        onProgress: (p) => {
          if (p.done > 0 && ++chunks === 3) victim.db.close();
        },
      }),
    ).rejects.toThrow();
    const reopened = new (victim.db.constructor as new (n: string) => DbContext['db'])(name);
    await reopened.open();
    expect(await reopened.importJournal.count()).toBe(1);
    expect(await reopened.importUndo.count()).toBe(3);
    reopened.close();

    ctx = await openDatabase(name);
    expect(await snapshot(ctx)).toEqual(before);
    // and the same list imports cleanly afterwards
    await runImport(ctx, event.id, second, 'b.xlsx');
    expect((await ctx.db.registrations.count()) - before.registrations.length).toBe(40);
  });

  it('an exchange file carries nothing of an import still being written', async () => {
    ctx = await freshDb();
    const c = ctx;
    const event = await createEvent(c, { title: 'Форум', startDate: '2019-12-18', endDate: '2019-12-18', city: 'Уфа' });
    let sent = -1;
    await runImport(c, event.id, lists().first, 'a.xlsx', {
      chunkSize: 30,
      onProgress: (p) => {
        if (p.done === 30) void exportExchange(c, event.id, { full: true }).then((r) => (sent = r.changes));
      },
    });
    await expect.poll(() => sent).toBe(0);
    expect((await exportExchange(c, event.id, { full: true })).changes).toBeGreaterThan(180);
  });

  it('an event stored whole (the demo) is a batch too: it appears with all its people at once, and a failure midway leaves nothing', async () => {
    ctx = await freshDb();
    const c = ctx;
    const bundle = buildDemoBundle({ spec: demoSpec as DemoSpec, municipalities: await listMunicipalities(c), newId: () => crypto.randomUUID(), now: new Date(), participants: 300 });
    const before = await snapshot(c);
    const seenMidway: number[] = [];
    await expect(
      saveEventBundle(c, bundle, {
        newIds: true,
        chunkSize: 100,
        onProgress: async (p) => {
          seenMidway.push(await c.db.events.count());
          if (p.done >= 400) throw new Error('прервано');
        },
      }),
    ).rejects.toThrow('прервано');
    // the event row is written only by the closing transaction
    expect(seenMidway.every((n) => n === 0)).toBe(true);
    expect(await snapshot(c)).toEqual(before);
    expect(await c.db.events.count()).toBe(0);

    let chunks = 0;
    await saveEventBundle(c, bundle, { newIds: true, chunkSize: 100, onProgress: () => chunks++ });
    expect(chunks).toBeGreaterThan(5);
    const after = await snapshot(c);
    expect([after.journal, after.undo]).toEqual([0, 0]);
    expect(after.people).toHaveLength(bundle.people.length);
    expect(after.registrations).toHaveLength(bundle.registrations.length);
    expect(await c.db.events.get(bundle.event.id)).toBeDefined();
  });
});
