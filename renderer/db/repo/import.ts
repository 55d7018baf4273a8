import type { Delegation, Municipality, Organization, Person, Registration, Section } from '../../../shared/domain/types';
import type { DbContext } from '../context';
import type { ImportUndoRow, SkhodDb } from '../database';
import { NOT_KNOWN, putTrackedUndoable } from '../change-log';

/**
 * What an import is planned and committed against: the event's registrations with (some of) their
 * people, every organization (for dedupe by name and municipality), the event's sections and
 * delegations, and municipality names for the preview.
 */
export type ImportBase = {
  eventId: string;
  /** What the change log looked like when this was read: equal stamps mean nothing was written since. */
  stamp: ImportStamp;
  registrations: Registration[];
  /** People of `registrations`: all of them for the preview, only the touched ones inside a commit. */
  people: Map<string, Person>;
  organizations: Organization[];
  sections: Section[];
  delegations: Delegation[];
  municipalities: Municipality[];
};

export type ImportStamp = { changes: number; last: string };

/** Rows an import writes. Rows equal to the stored ones are skipped by putTracked and record nothing. */
export type ImportWrites = {
  organizations: Organization[];
  people: Person[];
  registrations: Registration[];
  delegations: Delegation[];
  /** Ids the builder minted for new rows (random UUIDs): nothing stored has them, so they are not read before writing. */
  minted?: ReadonlySet<string>;
};

export type ImportProgress = { done: number; total: number };

/**
 * Reads the base of an import in one read transaction (a consistent snapshot). `touched`: registration
 * ids whose people are needed; without it, the people of every registration of the event (the preview
 * compares the file against all of them).
 */
export async function loadImportBase(ctx: DbContext, eventId: string, touched?: readonly string[]): Promise<ImportBase> {
  const { db } = ctx;
  return db.transaction('r', [db.registrations, db.people, db.organizations, db.sections, db.delegations, db.municipalities, db.changes], () =>
    readBase(ctx, eventId, touched ? new Set(touched) : null),
  );
}

export type CommitImportOptions = {
  eventId: string;
  /** Registrations the plan merges into or cancels: their people are loaded for `build`. */
  touched: readonly string[];
  /**
   * Turns the base, read inside the import's transaction, into the rows to write. Pure and
   * synchronous (an await on anything but the database would end the transaction early).
   */
  build: (base: ImportBase) => ImportWrites;
  /**
   * Rows built ahead of the transaction (in slices, without freezing the page) from `base`. Used as
   * they are when the change log still has the base's stamp inside the transaction; otherwise
   * something was written meanwhile and `build` runs on what is stored now.
   */
  prebuilt?: { base: ImportBase; writes: ImportWrites };
  /**
   * Called after each chunk is committed (and awaited before the next). Whatever it throws rolls the
   * whole import back — «Отменить» and the tests use that to stop an import midway.
   */
  onProgress?: (p: ImportProgress) => unknown;
  /** Rows per chunked transaction (default 2,000). */
  chunkSize?: number;
};

export type CommitImportResult = {
  /** Rows actually written per table (equal rows are skipped). */
  written: Record<'organizations' | 'people' | 'registrations' | 'delegations', number>;
  writes: ImportWrites;
  /** Whether the prebuilt rows were stale and `build` ran inside the transaction. */
  rebuilt: boolean;
};

type WrittenTable = keyof CommitImportResult['written'];

/**
 * Commits an import ALL OR NOTHING, in chunked transactions. One big transaction would leave Chromium's
 * LevelDB an undo log as large as the import, which every later open of the database steps over (about
 * a second after 100,000 people); chunks of `chunkSize` rows do not. All or nothing comes from a journal:
 *
 * 1. one transaction checks that nothing was written since the rows were prebuilt (else builds them
 *    anew from what is stored) and opens the journal row of this batch;
 * 2. each chunk writes its rows with their change records and, in the same transaction, its undo row
 *    (what it added, what it overwrote, its change stamps);
 * 3. the last transaction deletes the journal row and the undo rows: the import is done.
 *
 * Any error midway (a failure, «Отменить» thrown from `onProgress`) rolls the written chunks back
 * before rethrowing; a crash midway leaves the journal row, and `rollBackUnfinishedImports` (run when
 * the database opens) takes those chunks back. While a batch is open the exchange sends nothing.
 */
export async function commitImport(ctx: DbContext, opts: CommitImportOptions): Promise<CommitImportResult> {
  const { db } = ctx;
  const chunk = opts.chunkSize ?? 2_000;
  const batch = crypto.randomUUID();
  const tables = [db.people, db.organizations, db.registrations, db.delegations, db.sections, db.municipalities, db.changes, db.importJournal];
  const { writes, base, rebuilt } = await db.transaction('rw', tables, async () => {
    const stamp = await readStamp(ctx);
    const pre = opts.prebuilt && sameStamp(opts.prebuilt.base.stamp, stamp) ? opts.prebuilt : null;
    const read = pre ? pre.base : await readBase(ctx, opts.eventId, new Set(opts.touched));
    await db.importJournal.put({ id: batch, eventId: opts.eventId, startedAt: new Date().toISOString() });
    return { writes: pre ? pre.writes : opts.build(read), base: read, rebuilt: !pre };
  });
  const rows: Array<[WrittenTable, { id: string }]> = [
    ...writes.organizations.map((r) => ['organizations', r] as [WrittenTable, { id: string }]),
    ...writes.people.map((r) => ['people', r] as [WrittenTable, { id: string }]),
    ...writes.registrations.map((r) => ['registrations', r] as [WrittenTable, { id: string }]),
    ...writes.delegations.map((r) => ['delegations', r] as [WrittenTable, { id: string }]),
  ];
  const total = rows.length;
  const written = { organizations: 0, people: 0, registrations: 0, delegations: 0 };
  const chunkTables = [db.people, db.organizations, db.registrations, db.delegations, db.changes, db.importUndo];
  const known = snapshotOf(base, writes.minted);
  // the stamp the change log has while nobody but this import writes: the base is then what is stored
  let expected: ImportStamp | null = base.stamp;
  try {
    await opts.onProgress?.({ done: 0, total });
    for (let i = 0, n = 0; i < total; i += chunk, n++) {
      const part = rows.slice(i, i + chunk);
      await db.transaction('rw', chunkTables, async () => {
        // someone else wrote between the chunks: from here on, read what is stored before writing
        if (expected && !sameStamp(expected, await readStamp(ctx))) expected = null;
        const undo: ImportUndoRow = { id: `${batch}|${String(n).padStart(6, '0')}`, batch, remove: [], restore: [], changes: [] };
        for (const table of ['organizations', 'people', 'registrations', 'delegations'] as const) {
          const mine = part.filter(([t]) => t === table).map(([, r]) => r);
          // only tables with rows: an await that touches no table would let Dexie lose the transaction
          if (mine.length === 0) continue;
          const w = await putTrackedUndoable(ctx, table, mine, expected ? (id) => known(table, id) : undefined);
          written[table] += w.written.length;
          w.written.forEach((r, k) => (w.before[k] === undefined ? undo.remove.push([table, r.id]) : undo.restore.push([table, w.before[k]])));
          undo.changes.push(...w.changes);
        }
        await db.importUndo.put(undo);
        // this device's stamps are newer than any stored, so the last one written is the log's last
        if (expected) expected = { changes: expected.changes + undo.changes.length, last: undo.changes.at(-1) ?? expected.last };
      });
      await opts.onProgress?.({ done: Math.min(total, i + chunk), total });
    }
    await db.transaction('rw', db.importJournal, db.importUndo, async () => {
      await db.importJournal.delete(batch);
      await db.importUndo.where('batch').equals(batch).delete();
    });
  } catch (e) {
    await rollBackImport(ctx.db, batch);
    throw e;
  }
  return { written, writes, rebuilt };
}

/** What `base` says is stored under an id of a written table, minted ids being new; NOT_KNOWN for the rest. */
function snapshotOf(base: ImportBase, minted: ReadonlySet<string> = new Set()): (table: WrittenTable, id: string) => { id: string } | undefined | typeof NOT_KNOWN {
  const byId = <T extends { id: string }>(rows: Iterable<T>) => new Map<string, { id: string }>([...rows].map((r) => [r.id, r]));
  const tables: Record<WrittenTable, ReadonlyMap<string, { id: string }>> = {
    organizations: byId(base.organizations),
    people: byId(base.people.values()),
    registrations: byId(base.registrations),
    delegations: byId(base.delegations),
  };
  return (table, id) => (minted.has(id) ? undefined : (tables[table].get(id) ?? NOT_KNOWN));
}

const sameStamp = (a: ImportStamp, b: ImportStamp) => a.changes === b.changes && a.last === b.last;

/**
 * Takes back the chunks of an unfinished import, newest first, each in its own transaction together
 * with the deletion of its undo row — a crash during the rollback leaves a rollback to finish, never a
 * half-undone chunk. Overwritten rows get their stored versions back; the change records go.
 */
export async function rollBackImport(db: SkhodDb, batch: string): Promise<void> {
  const ids = (await db.importUndo.where('batch').equals(batch).primaryKeys()) as string[];
  for (const id of ids.sort().reverse()) {
    await db.transaction('rw', [db.people, db.organizations, db.registrations, db.delegations, db.changes, db.importUndo], async () => {
      const undo = await db.importUndo.get(id);
      if (!undo) return;
      for (const [table, ids] of byTable(undo.remove)) await db.table(table).bulkDelete(ids);
      for (const [table, rows] of byTable(undo.restore)) await db.table(table).bulkPut(rows);
      await db.changes.bulkDelete(undo.changes);
      await db.importUndo.delete(id);
    });
  }
  await db.importJournal.delete(batch);
}

function byTable<V>(pairs: ReadonlyArray<[string, V]>): Map<string, V[]> {
  const out = new Map<string, V[]>();
  for (const [table, v] of pairs) out.set(table, [...(out.get(table) ?? []), v]);
  return out;
}

/** Rolls back every import a crash left unfinished (the app calls it when the database opens). Returns how many. */
export async function rollBackUnfinishedImports(db: SkhodDb): Promise<number> {
  const open = (await db.importJournal.toCollection().primaryKeys()) as string[];
  for (const batch of open) await rollBackImport(db, batch);
  return open.length;
}

/** Whether an import is being written right now (its chunks must not leave the device until it is done). */
export async function importInProgress(db: SkhodDb): Promise<boolean> {
  return (await db.importJournal.count()) > 0;
}

async function readStamp(ctx: DbContext): Promise<ImportStamp> {
  const [changes, last] = await Promise.all([ctx.db.changes.count(), ctx.db.changes.orderBy('hlc').last()]);
  return { changes, last: last?.hlc ?? '' };
}

async function readBase(ctx: DbContext, eventId: string, wanted: ReadonlySet<string> | null): Promise<ImportBase> {
  const { db } = ctx;
  const [stamp, registrations, organizations, sections, delegations, municipalities] = await Promise.all([
    readStamp(ctx),
    db.registrations.where('eventId').equals(eventId).toArray(),
    db.organizations.toArray(),
    db.sections.where('eventId').equals(eventId).toArray(),
    db.delegations.where('eventId').equals(eventId).toArray(),
    db.municipalities.toArray(),
  ]);
  const personIds = registrations.filter((r) => !wanted || wanted.has(r.id)).map((r) => r.personId);
  const people = new Map<string, Person>();
  // bulkGet costs one request per key on the main thread; for most of the table one getAll is far cheaper
  if (personIds.length > 2_000 && personIds.length * 3 > (await db.people.count())) {
    const ids = new Set(personIds);
    for (const p of await db.people.toArray()) if (ids.has(p.id)) people.set(p.id, p);
  } else {
    for (const p of await db.people.bulkGet(personIds)) if (p) people.set(p.id, p);
  }
  return { eventId, stamp, registrations, people, organizations, sections, delegations, municipalities };
}
