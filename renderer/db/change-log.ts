import Dexie, { type Table } from 'dexie';
import { changedFields } from '../../shared/sync/diff';
import { checkFields } from '../../shared/sync/schemas';
import type { ChangeRecord } from '../../shared/sync/change';
import { assertMayWrite } from './authority';
import type { DbContext } from './context';
import type { TrackedTable } from './database';
import { pagesOf } from './change-pages';

/**
 * Writes rows and their change records. Must run inside a caller's `rw` transaction that includes both
 * the table and `changes`: the row and its change commit together or not at all. It does not catch —
 * an error aborts the whole transaction, which is the point.
 *
 * Rows equal to what is stored are skipped and record nothing, so re-applying the same data is a no-op.
 * The changed fields are checked against the table's schema and limits (shared/sync/schemas.ts) — the
 * same check every receiving device runs — so nothing is written here that others would refuse; a
 * ValueError aborts the transaction.
 * What this device's role may not write is refused (authority.ts) and aborts the transaction.
 * @returns how many rows were actually written
 */
export async function putTracked<T extends { id: string }>(
  ctx: DbContext,
  table: TrackedTable,
  rows: readonly T[],
): Promise<number> {
  return (await putTrackedUndoable(ctx, table, rows)).written.length;
}

/** What putTracked wrote, and what it takes to undo it: the rows as they were (undefined: new) and the keys of the change log entries it added. */
export type TrackedWrite<T> = { written: T[]; before: Array<T | undefined>; changes: string[] };

/** Answer of a `Stored` lookup that does not know the row: it is read from the table. */
export const NOT_KNOWN: unique symbol = Symbol('read what is stored');

/**
 * What the caller knows is stored under an id right now (undefined: nothing), or NOT_KNOWN. The
 * caller vouches for it: it answers only from a snapshot it has checked is still current in this
 * transaction (an import checks the change log's stamp), or for ids it minted itself.
 */
export type Stored<T> = (id: string) => T | undefined | typeof NOT_KNOWN;

/**
 * putTracked that also says how to take the write back (an import written in chunks keeps it in its
 * journal). With `stored`, rows it knows are not read again: in Chromium every IndexedDB request costs
 * about as much as the write itself, and an import's new rows would cost one read each for nothing.
 * With `paged`, the change records are stored as one page (change-pages.ts) for the same reason.
 */
export async function putTrackedUndoable<T extends { id: string }>(
  ctx: DbContext,
  table: TrackedTable,
  rows: readonly T[],
  opts: { stored?: Stored<T>; paged?: boolean } = {},
): Promise<TrackedWrite<T>> {
  const { stored } = opts;
  assertInTransaction(table);
  const out: TrackedWrite<T> = { written: [], before: [], changes: [] };
  if (rows.length === 0) return out;
  const store = ctx.db.table<T, string>(table);
  const existing = await readStored(store, rows, stored);
  const changes: ChangeRecord[] = [];
  rows.forEach((row, i) => {
    const fields = changedFields(existing[i] as Record<string, unknown> | undefined, row as Record<string, unknown>);
    if (!fields) return;
    checkFields(table, fields);
    out.written.push(row);
    out.before.push(existing[i]);
    changes.push({ hlc: ctx.clock.tick(), device: ctx.device.id, table, rowId: row.id, op: 'put', fields });
  });
  if (out.written.length === 0) return out;
  assertMayWrite(ctx, table, changes.map((c) => c.fields));
  await store.bulkPut(out.written);
  const entries = opts.paged ? pagesOf(changes) : changes;
  await ctx.db.changes.bulkAdd(entries);
  out.changes = entries.map((c) => c.hlc);
  return out;
}

/** The stored versions of `rows`: what `stored` knows, the rest read in one bulkGet. */
async function readStored<T extends { id: string }>(store: Table<T, string>, rows: readonly T[], stored?: Stored<T>): Promise<Array<T | undefined>> {
  if (!stored) return store.bulkGet(rows.map((r) => r.id));
  const existing = new Array<T | undefined>(rows.length);
  const unknown: number[] = [];
  rows.forEach((row, i) => {
    const known = stored(row.id);
    if (known === NOT_KNOWN) unknown.push(i);
    else existing[i] = known;
  });
  if (unknown.length > 0) {
    const read = await store.bulkGet(unknown.map((i) => rows[i]!.id));
    unknown.forEach((i, k) => (existing[i] = read[k]));
  }
  return existing;
}

/** Deletes rows and records a tombstone change for each one that existed. Same rules as putTracked. */
export async function deleteTracked(ctx: DbContext, table: TrackedTable, ids: readonly string[]): Promise<number> {
  assertInTransaction(table);
  const store = ctx.db.table(table);
  const existing = await store.bulkGet([...ids]);
  const present = ids.filter((_, i) => existing[i] !== undefined);
  if (present.length === 0) return 0;
  assertMayWrite(ctx, table, [{}]);
  await store.bulkDelete(present);
  await ctx.db.changes.bulkAdd(
    present.map((rowId) => ({ hlc: ctx.clock.tick(), device: ctx.device.id, table, rowId, op: 'delete' as const, fields: {} })),
  );
  return present.length;
}

function assertInTransaction(table: TrackedTable) {
  const tx = Dexie.currentTransaction;
  const names = tx ? tx.storeNames : [];
  if (!tx || tx.mode !== 'readwrite' || !names.includes(table) || !names.includes('changes')) {
    // A programming error, not a user error: a write without its change record would be invisible to sync.
    throw new Error(`write to "${table}" must run in an rw transaction over "${table}" and "changes"`);
  }
}
