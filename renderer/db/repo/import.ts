import type { Delegation, Municipality, Organization, Person, Registration, Section } from '../../../shared/domain/types';
import type { DbContext } from '../context';
import type { TrackedTable } from '../database';
import { putTracked } from '../change-log';

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
   * Rows built ahead of the transaction (in slices, without freezing the page) from a base read
   * with `stamp`. Used as they are when the change log still has that stamp inside the transaction;
   * otherwise something was written meanwhile and `build` runs on what is stored now.
   */
  prebuilt?: { stamp: ImportStamp; writes: ImportWrites };
  /**
   * Called between chunks, inside the transaction. Whatever it throws aborts the whole import — the
   * tests use that to inject a failure midway.
   */
  onProgress?: (p: ImportProgress) => void;
  chunkSize?: number;
};

export type CommitImportResult = {
  /** Rows actually written per table (equal rows are skipped). */
  written: Record<'organizations' | 'people' | 'registrations' | 'delegations', number>;
  writes: ImportWrites;
  /** Whether the prebuilt rows were stale and `build` ran inside the transaction. */
  rebuilt: boolean;
};

/**
 * Commits an import ALL OR NOTHING: one rw transaction takes the prebuilt rows if nothing was written
 * since they were built (else reads the base and builds them anew), and writes them with their change
 * records in chunks, reporting progress between chunks (each chunk awaits IndexedDB, so the page
 * repaints meanwhile). It does not catch: any error aborts every write.
 */
export async function commitImport(ctx: DbContext, opts: CommitImportOptions): Promise<CommitImportResult> {
  const { db } = ctx;
  const chunk = opts.chunkSize ?? 500;
  const tables = [db.people, db.organizations, db.registrations, db.delegations, db.sections, db.municipalities, db.changes];
  return db.transaction('rw', tables, async () => {
    const stamp = await readStamp(ctx);
    const fresh = opts.prebuilt && opts.prebuilt.stamp.changes === stamp.changes && opts.prebuilt.stamp.last === stamp.last;
    const writes = fresh ? opts.prebuilt!.writes : opts.build(await readBase(ctx, opts.eventId, new Set(opts.touched)));
    const order: Array<[TrackedTable & keyof CommitImportResult['written'], Array<{ id: string }>]> = [
      ['organizations', writes.organizations],
      ['people', writes.people],
      ['registrations', writes.registrations],
      ['delegations', writes.delegations],
    ];
    const total = order.reduce((n, [, rows]) => n + rows.length, 0);
    const written = { organizations: 0, people: 0, registrations: 0, delegations: 0 };
    let done = 0;
    opts.onProgress?.({ done, total });
    for (const [table, rows] of order) {
      for (let i = 0; i < rows.length; i += chunk) {
        const part = rows.slice(i, i + chunk);
        written[table] += await putTracked(ctx, table, part);
        done += part.length;
        opts.onProgress?.({ done, total });
      }
    }
    return { written, writes, rebuilt: !fresh };
  });
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
