/**
 * Readers never see half an import. An import is written in chunked transactions (renderer/db/repo/
 * import.ts); from the transaction that opens its journal row to the one that deletes it (the final
 * marker, or the end of a rollback), the database may hold part of a batch. A reader reads the journal
 * in the SAME read transaction as its data (IndexedDB orders it wholly before or after each chunk), and
 * a snapshot with an open batch is not shown: live views keep what they showed before
 * (`useSettledQuery`), one-shot reads wait for the batch to end (`whenSettled`). Everything that shows
 * people, registrations, organizations, delegations or the change log reads through here.
 */
import type { SkhodDb } from './database';

export const UNSETTLED: unique symbol = Symbol('an import is being written');
export type Unsettled = typeof UNSETTLED;

/**
 * Runs `read` in one read transaction over every table, after checking that no import batch is open;
 * UNSETTLED (without running `read`) when one is. `read` must only await the database.
 */
export function readSettled<T>(db: SkhodDb, read: () => Promise<T>): Promise<T | Unsettled> {
  return db.transaction('r', db.tables, async () => ((await db.importJournal.count()) > 0 ? UNSETTLED : read()));
}

/** How often a waiting reader looks again (an import's chunks take tens of milliseconds each). */
const RETRY_MS = 50;

/** Like readSettled, but waits until the open import is committed or rolled back, then reads. */
export async function whenSettled<T>(db: SkhodDb, read: () => Promise<T>): Promise<T> {
  for (;;) {
    const result = await readSettled(db, read);
    if (result !== UNSETTLED) return result;
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}
