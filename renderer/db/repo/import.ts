import type { Delegation, Municipality, Organization, Person, Registration, Section } from '../../../shared/domain/types';
import type { DbContext } from '../context';
import { NOT_KNOWN } from '../change-log';
import { openBatch, readLogStamp, sameStamp, writeChunked, type BatchProgress, type BatchTable, type LogStamp } from '../batch';

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

export type ImportStamp = LogStamp;

/** Rows an import writes. Rows equal to the stored ones are skipped by putTracked and record nothing. */
export type ImportWrites = {
  organizations: Organization[];
  people: Person[];
  registrations: Registration[];
  delegations: Delegation[];
  /** Ids the builder minted for new rows (random UUIDs): nothing stored has them, so they are not read before writing. */
  minted?: ReadonlySet<string>;
};

export type ImportProgress = BatchProgress;

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
  written: Record<BatchTable, number>;
  writes: ImportWrites;
  /** Whether the prebuilt rows were stale and `build` ran inside the transaction. */
  rebuilt: boolean;
};

/**
 * Commits an import ALL OR NOTHING, as a batch of chunked transactions (renderer/db/batch.ts): one
 * transaction checks that nothing was written since the rows were prebuilt (else builds them anew from
 * what is stored) and opens the batch; the chunks write the rows; the last transaction closes it. While
 * the batch is open readers see nothing of it and the exchange sends nothing; a failure or «Отменить»
 * midway rolls it back, a crash midway is rolled back when the database opens.
 *
 * Rows the import knows are not read again before writing: minted ids are new, and the base's rows are
 * what is stored while the change log keeps the base's stamp (checked in every chunk).
 */
export async function commitImport(ctx: DbContext, opts: CommitImportOptions): Promise<CommitImportResult> {
  const { db } = ctx;
  const tables = [db.people, db.organizations, db.registrations, db.delegations, db.sections, db.municipalities, db.changes, db.importJournal];
  const { writes, base, rebuilt, batch } = await db.transaction('rw', tables, async () => {
    const stamp = await readLogStamp(ctx);
    const pre = opts.prebuilt && sameStamp(opts.prebuilt.base.stamp, stamp) ? opts.prebuilt : null;
    const read = pre ? pre.base : await readBase(ctx, opts.eventId, new Set(opts.touched));
    return { writes: pre ? pre.writes : opts.build(read), base: read, rebuilt: !pre, batch: await openBatch(db, opts.eventId) };
  });
  const rows: Array<readonly [BatchTable, { id: string }]> = [
    ...writes.organizations.map((r) => ['organizations', r] as const),
    ...writes.people.map((r) => ['people', r] as const),
    ...writes.registrations.map((r) => ['registrations', r] as const),
    ...writes.delegations.map((r) => ['delegations', r] as const),
  ];
  const written = await writeChunked(ctx, {
    batch,
    rows,
    stored: snapshotOf(base, writes.minted),
    stamp: base.stamp,
    ...(opts.chunkSize ? { chunkSize: opts.chunkSize } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  return { written, writes, rebuilt };
}

/** What `base` says is stored under an id of a written table, minted ids being new; NOT_KNOWN for the rest. */
function snapshotOf(base: ImportBase, minted: ReadonlySet<string> = new Set()): (table: BatchTable, id: string) => { id: string } | undefined | typeof NOT_KNOWN {
  const byId = <T extends { id: string }>(rows: Iterable<T>) => new Map<string, { id: string }>([...rows].map((r) => [r.id, r]));
  const tables: Record<BatchTable, ReadonlyMap<string, { id: string }>> = {
    organizations: byId(base.organizations),
    people: byId(base.people.values()),
    registrations: byId(base.registrations),
    delegations: byId(base.delegations),
  };
  return (table, id) => (minted.has(id) ? undefined : (tables[table].get(id) ?? NOT_KNOWN));
}

async function readBase(ctx: DbContext, eventId: string, wanted: ReadonlySet<string> | null): Promise<ImportBase> {
  const { db } = ctx;
  const [stamp, registrations, organizations, sections, delegations, municipalities] = await Promise.all([
    readLogStamp(ctx),
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
