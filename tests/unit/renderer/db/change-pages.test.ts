/**
 * The change log's pages (renderer/db/change-pages.ts): a chunked write stores its change records as
 * one entry per chunk and table, and every reader still sees the changes one by one, in stamp order —
 * the sync, the desk's replay, the audit screen, the dedupe of incoming changes, a row's history.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { putTracked } from '../../../../renderer/db/change-log';
import { allChanges, changesAfter, changesBefore, changesByStamp, countChanges, isPage, PAGE_TABLE, PAGES_PER_WRITE, pagesOf, rowHistory } from '../../../../renderer/db/change-pages';
import type { ChangeRecord } from '../../../../shared/sync/change';
import { createBackup, readBackup, restoreBackup } from '../../../../renderer/db/backup';
import { BackupError } from '../../../../shared/backup/format';
import { screenIncoming } from '../../../../renderer/db/repo/incoming';
import { openDemoEvent } from '../../../../renderer/features/onboarding/open-demo';
import type { DbContext } from '../../../../renderer/db/context';
import { closeDevices, device, freshDb, keepOpen, send } from './helpers';

afterEach(closeDevices);

/** An organizer's device holding the demo event of `people` people, written in chunks of `chunk` rows. */
async function demo(people = 60): Promise<{ ctx: DbContext; eventId: string }> {
  const ctx = await freshDb();
  keepOpen(ctx);
  const eventId = await openDemoEvent(ctx, people);
  return { ctx, eventId };
}

describe('change pages', () => {
  it('splits a write into at most PAGES_PER_WRITE pages of equal size, in stamp order', () => {
    const change = (i: number): ChangeRecord => ({ hlc: `${String(i).padStart(15, '0')}-00000-d`, device: 'd', table: 'people', rowId: `p${i}`, op: 'put', fields: {} });
    for (const n of [1, 49, 50, 51, 2000, 2001]) {
      const changes = Array.from({ length: n }, (_, i) => change(i));
      const pages = pagesOf(changes);
      expect(pages).toHaveLength(Math.min(n, PAGES_PER_WRITE));
      expect(pages.flatMap((p) => p.items)).toEqual(changes);
      expect(pages.every((p) => p.hlc === p.items.at(-1)!.hlc && p.rowId === `${p.items[0]!.hlc} ${p.items.length}`)).toBe(true);
    }
  });

  it('a chunked write stores a few pages per table, and the log reads as one change per row written, in stamp order', async () => {
    const { ctx } = await demo(600);
    const entries = await ctx.db.changes.toArray();
    const changes = await allChanges(ctx.db);
    expect(changes.some((c) => c.table === PAGE_TABLE)).toBe(false);
    expect(changes.length).toBe(await countChanges(ctx.db));
    // 600 people and 600 registrations (and their organizations, delegations): far fewer entries than changes
    expect(changes.length).toBeGreaterThan(1_200);
    expect(entries.length).toBeLessThan(changes.length / 5);
    expect(entries.filter(isPage).length).toBeGreaterThanOrEqual(2 * PAGES_PER_WRITE);
    // one change per stored person and registration of the demo
    const of = (table: string) => new Set(changes.filter((c) => c.table === table).map((c) => c.rowId));
    expect(of('people')).toEqual(new Set((await ctx.db.people.toArray()).map((p) => p.id)));
    expect(of('registrations')).toEqual(new Set((await ctx.db.registrations.toArray()).map((r) => r.id)));
    const stamps = changes.map((c) => c.hlc);
    expect(stamps).toEqual([...stamps].sort());
    expect(new Set(stamps).size).toBe(stamps.length);
    // a page's key is its newest change: the log's last stamp is read without opening a page
    expect((await ctx.db.changes.orderBy('hlc').last())?.hlc).toBe(stamps.at(-1));
  });

  it('changes after any stamp are exactly the later ones, also when the stamp falls inside a page', async () => {
    const { ctx } = await demo(40);
    await ctx.db.transaction('rw', ctx.db.people, ctx.db.changes, async () => {
      const p = (await ctx.db.people.toCollection().first())!;
      await putTracked(ctx, 'people', [{ ...p, phone: '+79170001122' }]);
    });
    const all = await allChanges(ctx.db);
    for (const cut of [0, 1, 17, Math.floor(all.length / 2), all.length - 2, all.length - 1]) {
      const after = all[cut]!.hlc;
      expect((await changesAfter(ctx.db, after)).map((c) => c.hlc)).toEqual(all.slice(cut + 1).map((c) => c.hlc));
    }
    expect(await changesAfter(ctx.db, '')).toEqual(all);
  });

  it('finds a change by its stamp inside a page, and nothing for a stamp nobody wrote', async () => {
    const { ctx } = await demo(30);
    const all = await allChanges(ctx.db);
    const inside = all[5]!;
    const last = all.at(-1)!;
    const unknown = `${inside.hlc.slice(0, 16)}fffff-nobody`;
    const found = await changesByStamp(ctx.db, [inside.hlc, unknown, last.hlc]);
    expect(found[0]).toEqual(inside);
    expect(found[1]).toBeUndefined();
    expect(found[2]).toEqual(last);
    // the device's own imported changes coming back are held already, not taken as new
    const screened = await screenIncoming(ctx, all.slice(0, 50));
    expect(screened.fresh).toEqual([]);
    expect(screened.refused).toEqual([]);
  });

  it("a row's history has its imported change from the page and a later edit, in order", async () => {
    const { ctx } = await demo(30);
    const person = (await ctx.db.people.toCollection().first())!;
    await ctx.db.transaction('rw', ctx.db.people, ctx.db.changes, () => putTracked(ctx, 'people', [{ ...person, phone: '+79170001122' }]));
    const history = await rowHistory(ctx.db, [['people', person.id]]);
    expect(history.map((c) => Object.keys(c.fields).includes('surname'))).toEqual([true, false]);
    expect(history[1]!.fields).toEqual({ phone: '+79170001122' });
    expect(history.every((c) => c.table === 'people' && c.rowId === person.id)).toBe(true);
  });

  it('the audit screen reading the log in small steps gets every change once, newest first within a step', async () => {
    const { ctx } = await demo(30);
    for (let i = 0; i < 3; i++) {
      await ctx.db.transaction('rw', ctx.db.people, ctx.db.changes, async () => {
        const p = (await ctx.db.people.toCollection().first())!;
        await putTracked(ctx, 'people', [{ ...p, phone: `+7917000112${i}` }]);
      });
    }
    const seen: string[] = [];
    let before: string | null = '';
    while (before !== null) {
      const step: { changes: { hlc: string }[]; next: string | null } = await changesBefore(ctx.db, before, 2);
      const stamps = step.changes.map((c) => c.hlc);
      expect(stamps).toEqual([...stamps].sort().reverse());
      seen.push(...stamps);
      before = step.next;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set((await allChanges(ctx.db)).map((c) => c.hlc)));
  });

  it('a file from another device carries the changes one by one, and the echo of them back adds nothing', async () => {
    const org = await device('organizer', 'Организатор');
    const desk = await device('desk', 'Стойка 1');
    const eventId = await openDemoEvent(org, 30);
    const { file } = await send(org, desk, eventId, true);
    expect(file.changes).toBe(await countChanges(org.db));
    expect((await desk.db.changes.toArray()).some(isPage)).toBe(false);
    expect(await allChanges(desk.db)).toEqual(await allChanges(org.db));
    const entries = await org.db.changes.count();
    const back = await send(desk, org, eventId, true);
    expect(back.preview.fresh).toBe(0);
    expect(await org.db.changes.count()).toBe(entries);
  });

  it('a backup keeps the pages as they are, and a page without its changes is refused as damaged', async () => {
    const { ctx } = await demo(20);
    const { bytes } = await createBackup(ctx, 'Вручную');
    const target = await freshDb();
    keepOpen(target);
    await restoreBackup(target, await readBackup(bytes), { undoable: false });
    expect(await allChanges(target.db)).toEqual(await allChanges(ctx.db));
    expect((await target.db.changes.toArray()).filter(isPage).length).toBeGreaterThan(0);

    const content = await readBackup(bytes);
    const changes = content.tables['changes'] as Array<Record<string, unknown>>;
    const page = changes.findIndex((c) => c['table'] === PAGE_TABLE);
    changes[page] = { ...changes[page], items: [] };
    const other = await freshDb();
    keepOpen(other);
    await expect(restoreBackup(other, content, { undoable: false })).rejects.toBeInstanceOf(BackupError);
    expect(await other.db.people.count()).toBe(0);
  });
});
