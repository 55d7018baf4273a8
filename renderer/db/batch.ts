/**
 * Large writes (an import, an event stored whole) in chunked transactions, ALL OR NOTHING for readers.
 *
 * One big IndexedDB transaction makes Chromium's LevelDB keep an undo log as large as the write, whose
 * tombstones every later opening of the database steps over (about a second after 100,000 people).
 * Chunks of a few thousand rows do not. All or nothing comes from a journal (ARCHITECTURE §6):
 *
 * 1. the caller opens a journal row (`openBatch`) in a transaction of its own choosing;
 * 2. each chunk writes its rows with their change records and, in the same transaction, its undo row
 *    (what it added, what it overwrote, its change stamps);
 * 3. the closing transaction writes what must appear together with the batch (`close`), and deletes
 *    the journal row and the undo rows — the final marker.
 *
 * Readers of the tables a chunk may write (BATCH_TABLES and the change log) read through settled.ts and
 * see nothing while a journal row is open. Any error midway rolls the written chunks back before
 * rethrowing; a crash leaves the journal row, and `rollBackUnfinishedBatches` (run when the database
 * opens) takes those chunks back.
 */
import type { Table } from 'dexie';
import type { DbContext } from './context';
import type { ImportUndoRow, SkhodDb } from './database';
import { putTrackedUndoable, type Stored } from './change-log';

/** The tables a chunk may write: everything that reads them goes through settled.ts. */
export type BatchTable = 'organizations' | 'people' | 'registrations' | 'delegations';
export const BATCH_TABLES: readonly BatchTable[] = ['organizations', 'people', 'registrations', 'delegations'];

/** The change log at a moment: equal stamps mean nothing was written or removed in between. */
export type LogStamp = { changes: number; last: string };

export async function readLogStamp(ctx: Pick<DbContext, 'db'>): Promise<LogStamp> {
  const [changes, last] = await Promise.all([ctx.db.changes.count(), ctx.db.changes.orderBy('hlc').last()]);
  return { changes, last: last?.hlc ?? '' };
}

export const sameStamp = (a: LogStamp, b: LogStamp) => a.changes === b.changes && a.last === b.last;

/** Opens a batch: call inside a `rw` transaction over `importJournal`. Returns its id. */
export async function openBatch(db: SkhodDb, eventId: string): Promise<string> {
  const batch = crypto.randomUUID();
  await db.importJournal.put({ id: batch, eventId, startedAt: new Date().toISOString() });
  return batch;
}

export type BatchProgress = { done: number; total: number };

export type ChunkedWrite = {
  /** The open batch (`openBatch`). */
  batch: string;
  rows: ReadonlyArray<readonly [BatchTable, { id: string }]>;
  /**
   * What the caller knows is stored (see `Stored`): rows it answers for are not read before writing.
   * With `stamp`, it answers from a snapshot taken when the change log had that stamp: every chunk
   * checks the stamp first, and once someone else has written, the rest is read as usual.
   */
  stored?: (table: BatchTable, id: string) => ReturnType<Stored<{ id: string }>>;
  stamp?: LogStamp;
  /** Rows per chunk (default 2,000). */
  chunkSize?: number;
  /** Called (and awaited) after each chunk; whatever it throws rolls the whole batch back. */
  onProgress?: (p: BatchProgress) => unknown;
  /** Written in the closing transaction, so that it appears exactly when the batch does. */
  close?: { tables: readonly Table[]; write: () => Promise<unknown> };
};

/** Writes the rows of an open batch in chunks and closes it; rolls it back (and rethrows) on any error. */
export async function writeChunked(ctx: DbContext, w: ChunkedWrite): Promise<Record<BatchTable, number>> {
  const { db } = ctx;
  const chunk = w.chunkSize ?? 2_000;
  const total = w.rows.length;
  const written: Record<BatchTable, number> = { organizations: 0, people: 0, registrations: 0, delegations: 0 };
  const chunkTables = [...BATCH_TABLES.map((t) => db.table(t)), db.changes, db.importUndo];
  let expected = w.stamp ?? null;
  let stored = w.stored;
  try {
    await w.onProgress?.({ done: 0, total });
    for (let i = 0, n = 0; i < total; i += chunk, n++) {
      const part = w.rows.slice(i, i + chunk);
      await db.transaction('rw', chunkTables, async () => {
        // someone else wrote between the chunks: the snapshot is stale, read what is stored from here on
        if (expected && !sameStamp(expected, await readLogStamp(ctx))) {
          expected = null;
          stored = undefined;
        }
        const undo: ImportUndoRow = { id: `${w.batch}|${String(n).padStart(6, '0')}`, batch: w.batch, remove: [], restore: [], changes: [] };
        for (const table of BATCH_TABLES) {
          const mine = part.filter(([t]) => t === table).map(([, r]) => r);
          // only tables with rows: an await that touches no table would let Dexie lose the transaction
          if (mine.length === 0) continue;
          const known = stored;
          const put = await putTrackedUndoable(ctx, table, mine, { paged: true, ...(known ? { stored: (id: string) => known(table, id) } : {}) });
          written[table] += put.written.length;
          put.written.forEach((r, k) => (put.before[k] === undefined ? undo.remove.push([table, r.id]) : undo.restore.push([table, put.before[k]])));
          undo.changes.push(...put.changes);
        }
        await db.importUndo.put(undo);
        // this device's stamps are newer than any stored, so the last one written is the log's last
        if (expected) expected = { changes: expected.changes + undo.changes.length, last: undo.changes.at(-1) ?? expected.last };
      });
      await w.onProgress?.({ done: Math.min(total, i + chunk), total });
    }
    await db.transaction('rw', [db.importJournal, db.importUndo, db.changes, ...(w.close?.tables ?? [])], async () => {
      await w.close?.write();
      await db.importJournal.delete(w.batch);
      await db.importUndo.where('batch').equals(w.batch).delete();
    });
  } catch (e) {
    await rollBackBatch(db, w.batch);
    throw e;
  }
  return written;
}

/**
 * Takes back the chunks of an unfinished batch, newest first, each in its own transaction together
 * with the deletion of its undo row — a crash during the rollback leaves a rollback to finish, never a
 * half-undone chunk. Overwritten rows get their stored versions back; the change records go.
 */
export async function rollBackBatch(db: SkhodDb, batch: string): Promise<void> {
  const ids = (await db.importUndo.where('batch').equals(batch).primaryKeys()) as string[];
  for (const id of ids.sort().reverse()) {
    await db.transaction('rw', [...BATCH_TABLES.map((t) => db.table(t)), db.changes, db.importUndo], async () => {
      const undo = await db.importUndo.get(id);
      if (!undo) return;
      for (const [table, keys] of byTable(undo.remove)) await db.table(table).bulkDelete(keys);
      for (const [table, rows] of byTable(undo.restore)) await db.table(table).bulkPut(rows);
      await db.changes.bulkDelete(undo.changes);
      await db.importUndo.delete(id);
    });
  }
  await db.importJournal.delete(batch);
}

function byTable<V>(pairs: ReadonlyArray<[string, V]>): Map<string, V[]> {
  const out = new Map<string, V[]>();
  for (const [table, v] of pairs) {
    const list = out.get(table);
    if (list) list.push(v);
    else out.set(table, [v]);
  }
  return out;
}

/** Rolls back every batch a crash left unfinished (the app calls it when the database opens). Returns how many. */
export async function rollBackUnfinishedBatches(db: SkhodDb): Promise<number> {
  const open = (await db.importJournal.toCollection().primaryKeys()) as string[];
  for (const batch of open) await rollBackBatch(db, batch);
  return open.length;
}

/** Whether a batch is being written right now (its chunks must not leave the device until it is done). */
export async function batchInProgress(db: SkhodDb): Promise<boolean> {
  return (await db.importJournal.count()) > 0;
}
