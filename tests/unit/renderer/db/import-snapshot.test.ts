/**
 * Issue 22, import speed: the commit does not read back rows it already knows — ids it minted, and rows
 * of the base it built from while the change log shows nobody else wrote — because every IndexedDB read
 * costs Chromium about as much as a write. If someone does write between two chunks, the commit reads
 * again, and either way the change log still describes every stored row exactly (what sync relies on).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateDelegateList, sheetToXlsx } from '../../../../shared/generator';
import type { Person } from '../../../../shared/domain/types';
import type { DbContext } from '../../../../renderer/db/context';
import { putTracked } from '../../../../renderer/db/change-log';
import { createEvent } from '../../../../renderer/db/repo/events';
import { freshDb } from './helpers';
import { pick, runImport } from '../features/import/pipeline';
import { allChanges, rowHistory } from '../../../../renderer/db/change-pages';

let ctx: DbContext | undefined;
afterEach(() => {
  vi.restoreAllMocks();
  ctx?.db.close();
});

const places = pick('Бирский район', 'г. Уфа');

/** The first list, and the same people a week later with new phones plus forty newcomers. */
function lists() {
  const first = generateDelegateList({ seed: 11, count: 60, municipalities: places, messy: false });
  const second = generateDelegateList({ seed: 11, count: 100, municipalities: places, messy: false });
  const phone = second.truth.columns.phone!;
  for (const row of second.rows.slice(second.truth.headerRow + 1)) if (row[phone]) row[phone] = row[phone]!.replace(/\d(?=\D*$)/, (d) => String((Number(d) + 1) % 10));
  return { first: sheetToXlsx(first), second: sheetToXlsx(second) };
}

/** Every stored row of the imported tables equals its change history replayed (fields set in stamp order, null removes). */
async function logDescribesRows(c: DbContext): Promise<number> {
  let checked = 0;
  for (const table of ['people', 'registrations', 'organizations', 'delegations'] as const) {
    const replayed = new Map<string, Record<string, unknown>>();
    for (const change of await allChanges(c.db)) {
      if (change.table !== table || change.op !== 'put') continue;
      const row = replayed.get(change.rowId) ?? {};
      for (const [k, v] of Object.entries(change.fields)) {
        if (v === null) delete row[k];
        else row[k] = v;
      }
      replayed.set(change.rowId, row);
    }
    for (const row of await c.db.table(table).toArray()) {
      expect(JSON.parse(JSON.stringify(row))).toEqual(replayed.get((row as { id: string }).id));
      checked++;
    }
  }
  return checked;
}

async function setUp() {
  ctx = await freshDb();
  const event = await createEvent(ctx, { title: 'Форум', startDate: '2019-12-18', endDate: '2019-12-18', city: 'Уфа' });
  return { c: ctx, eventId: event.id };
}

describe('an import writes without reading back what it knows', () => {
  it('new rows and rows of its base are not read again; the log still describes every row', async () => {
    const { c, eventId } = await setUp();
    const { first, second } = lists();
    await runImport(c, eventId, first, 'first.xlsx', { chunkSize: 25 });
    expect(await c.db.registrations.count()).toBe(60);
    const people = vi.spyOn(c.db.people, 'bulkGet');
    const registrations = vi.spyOn(c.db.registrations, 'bulkGet');
    // the update merges sixty people (new phones) and adds forty, all from the base read in the commit's first transaction
    const result = await runImport(c, eventId, second, 'second.xlsx', { chunkSize: 25 });
    expect(result.result.written.people).toBeGreaterThan(90);
    expect(await c.db.registrations.count()).toBe(100);
    // people are read for the preview's base and the commit's (the sixty merged), never again before writing
    expect(people.mock.calls.map(([ids]) => ids.length)).toEqual([60, 60]);
    expect(registrations).not.toHaveBeenCalled();
    expect(await logDescribesRows(c)).toBeGreaterThan(200);
  });

  it('someone writes a person between two chunks: later chunks read what is stored, and the log records what the import overwrote', async () => {
    const { c, eventId } = await setUp();
    const { first, second } = lists();
    await runImport(c, eventId, first, 'first.xlsx');
    // the last person of the first list: their merge comes in a late chunk of the update
    const lastRow = (await c.db.registrations.toArray()).sort((a, b) => a.badgeCode.localeCompare(b.badgeCode)).at(-1)!;
    const before = (await c.db.people.get(lastRow.personId))!;
    const people = vi.spyOn(c.db.people, 'bulkGet');
    let edited = false;
    await runImport(c, eventId, second, 'second.xlsx', {
      chunkSize: 20,
      onProgress: async (p) => {
        if (p.done !== 20) return;
        // another window's edit, committed before the next chunk starts
        const edit: Person = { ...before, consent: { given: true, at: '2019-12-01T09:00:00.000Z', how: 'paper' } };
        await c.db.transaction('rw', c.db.people, c.db.changes, () => putTracked(c, 'people', [edit]));
        edited = true;
      },
    });
    expect(edited).toBe(true);
    expect(people).toHaveBeenCalled();
    const after = (await c.db.people.get(before.id))!;
    // the import wrote its row (built before the edit) over the edit; the log says so field by field
    expect(after.phone).not.toBe(before.phone);
    expect(after.consent).toBeUndefined();
    const last = (await rowHistory(c.db, [['people', before.id]])).at(-1)!;
    expect(last.fields).toMatchObject({ consent: null, phone: after.phone });
    expect(await logDescribesRows(c)).toBeGreaterThan(200);
  });
});
