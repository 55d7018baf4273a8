import Dexie from 'dexie';
import { changedFields } from '../../shared/sync/diff';
import type { ChangeRecord } from '../../shared/sync/change';
import { assertMayWrite } from './authority';
import type { DbContext } from './context';
import type { TrackedTable } from './database';

/**
 * Writes rows and their change records. Must run inside a caller's `rw` transaction that includes both
 * the table and `changes`: the row and its change commit together or not at all. It does not catch —
 * an error aborts the whole transaction, which is the point.
 *
 * Rows equal to what is stored are skipped and record nothing, so re-applying the same data is a no-op.
 * What this device's role may not write is refused (authority.ts) and aborts the transaction.
 * @returns how many rows were actually written
 */
export async function putTracked<T extends { id: string }>(
  ctx: DbContext,
  table: TrackedTable,
  rows: readonly T[],
): Promise<number> {
  assertInTransaction(table);
  if (rows.length === 0) return 0;
  const store = ctx.db.table<T, string>(table);
  const existing = await store.bulkGet(rows.map((r) => r.id));
  const toWrite: T[] = [];
  const changes: ChangeRecord[] = [];
  rows.forEach((row, i) => {
    const fields = changedFields(existing[i] as Record<string, unknown> | undefined, row as Record<string, unknown>);
    if (!fields) return;
    toWrite.push(row);
    changes.push({ hlc: ctx.clock.tick(), device: ctx.device.id, table, rowId: row.id, op: 'put', fields });
  });
  if (toWrite.length === 0) return 0;
  assertMayWrite(ctx, table, changes.map((c) => c.fields));
  await store.bulkPut(toWrite);
  await ctx.db.changes.bulkAdd(changes);
  return toWrite.length;
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
