/**
 * Issue 22: readers never see part of an import. The chunks land in the real tables one transaction at
 * a time (the raw counts below prove a reader between chunks would see half a file); everything that
 * shows rows reads through renderer/db/settled.ts and sees either the state before the import or the
 * whole file — between chunks, and after a crash midway until the rollback at the next open.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { generateDelegateList, sheetToXlsx } from '../../../../shared/generator';
import type { DbContext } from '../../../../renderer/db/context';
import { openDatabase } from '../../../../renderer/db/open';
import { SkhodDb } from '../../../../renderer/db/database';
import { createEvent } from '../../../../renderer/db/repo/events';
import { deskChangesAfter, lastDeskStamp } from '../../../../renderer/db/repo/desk-cache';
import { readSettled, UNSETTLED, whenSettled } from '../../../../renderer/db/settled';
import { freshDb } from './helpers';
import { pick, runImport } from '../features/import/pipeline';

const opened: SkhodDb[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

const list = (count: number) => sheetToXlsx(generateDelegateList({ seed: 5, count, municipalities: pick('Бирский район', 'г. Уфа'), messy: false }));
const rowsOf = async (db: SkhodDb) => (await db.people.count()) + (await db.registrations.count()) + (await db.organizations.count());

async function setUp(): Promise<{ ctx: DbContext; eventId: string }> {
  const ctx = await freshDb();
  opened.push(ctx.db);
  const event = await createEvent(ctx, { title: 'Форум', startDate: '2019-12-18', endDate: '2019-12-18', city: 'Уфа' });
  return { ctx, eventId: event.id };
}

describe('an import is invisible to readers until its final marker', () => {
  it('between chunks: raw tables hold part of the batch, settled readers see nothing of it', async () => {
    const { ctx, eventId } = await setUp();
    await runImport(ctx, eventId, list(30), 'first.xlsx');
    const before = await rowsOf(ctx.db);
    const stamp = await lastDeskStamp(ctx);
    const raw: Promise<number>[] = [];
    const settled: Promise<unknown>[] = [];
    const waited: Promise<number>[] = [];
    const desk: Promise<unknown[]>[] = [];
    await runImport(ctx, eventId, list(90), 'second.xlsx', {
      chunkSize: 15,
      onProgress: (p) => {
        if (p.done === 0 || p.done === p.total) return;
        // started between two chunks: IndexedDB runs each read wholly before the next chunk
        raw.push(rowsOf(ctx.db));
        settled.push(readSettled(ctx.db, () => rowsOf(ctx.db)));
        waited.push(whenSettled(ctx.db, () => rowsOf(ctx.db)));
        desk.push(deskChangesAfter(ctx, stamp));
      },
    });
    const after = await rowsOf(ctx.db);
    expect(after).toBeGreaterThan(before);
    expect(raw.length).toBeGreaterThan(3);
    const rawCounts = await Promise.all(raw);
    expect(rawCounts.some((n) => n > before && n < after)).toBe(true);
    expect(new Set(await Promise.all(settled))).toEqual(new Set([UNSETTLED]));
    expect(new Set(await Promise.all(waited))).toEqual(new Set([after]));
    expect((await Promise.all(desk)).every((changes) => changes.length === 0)).toBe(true);
    // once the marker is written, the desk's watcher gets the whole batch
    expect((await deskChangesAfter(ctx, stamp)).length).toBeGreaterThan(90);
    expect(await readSettled(ctx.db, () => rowsOf(ctx.db))).toBe(after);
  });

  it('a failed import (cancelled midway) is rolled back before any reader sees it', async () => {
    const { ctx, eventId } = await setUp();
    await runImport(ctx, eventId, list(30), 'first.xlsx');
    const before = await rowsOf(ctx.db);
    const waited: Promise<number>[] = [];
    let chunks = 0;
    await expect(
      runImport(ctx, eventId, list(90), 'second.xlsx', {
        chunkSize: 15,
        onProgress: (p) => {
          if (p.done > 0) waited.push(whenSettled(ctx.db, () => rowsOf(ctx.db)));
          if (p.done > 0 && ++chunks === 4) throw new Error('Отменено');
        },
      }),
    ).rejects.toThrow('Отменено');
    expect(new Set(await Promise.all(waited))).toEqual(new Set([before]));
  });

  it('a crash after chunk k: until the rollback at the next open, another reader sees the batch as open; then nothing of it', async () => {
    const { ctx, eventId } = await setUp();
    const name = ctx.db.name;
    await runImport(ctx, eventId, list(30), 'first.xlsx');
    const before = await rowsOf(ctx.db);
    let chunks = 0;
    await expect(
      runImport(ctx, eventId, list(90), 'second.xlsx', {
        chunkSize: 15,
        onProgress: (p) => {
          if (p.done > 0 && ++chunks === 5) ctx.db.close(); // the page dies after the fifth chunk
        },
      }),
    ).rejects.toThrow();

    // another window opens the database before this one rolls back
    const other = new SkhodDb(name);
    opened.push(other);
    await other.open();
    expect(await rowsOf(other)).toBeGreaterThan(before); // half a file is on disk…
    expect(await readSettled(other, () => rowsOf(other))).toBe(UNSETTLED); // …and no reader shows it
    const waited = whenSettled(other, () => rowsOf(other));

    const reopened = await openDatabase(name); // rolls the unfinished import back
    opened.push(reopened.db);
    expect(await waited).toBe(before);
    expect(await readSettled(reopened.db, () => rowsOf(reopened.db))).toBe(before);
  });
});
