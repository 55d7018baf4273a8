import { liveQuery } from 'dexie';
import type { ChangeRecord } from '../../shared/sync/change';
import type { DbContext } from './context';
import { changesAfter } from './change-pages';

/** The greatest change stamp stored so far ('' for an empty log). */
export async function lastChangeStamp(ctx: DbContext): Promise<string> {
  return (await ctx.db.changes.orderBy('hlc').last())?.hlc ?? '';
}

/**
 * Calls `onChanges` with every change recorded after `after`, as it is committed — on this device or
 * by an import or merge. Lets in-memory indexes (the desk search) follow the database without rescans.
 * @returns unsubscribe
 */
export function watchChanges(ctx: DbContext, after: string, onChanges: (changes: ChangeRecord[]) => void): () => void {
  return watchAfter(after, (cursor) => changesAfter(ctx.db, cursor), onChanges);
}

/**
 * Calls `onNew` with what `read` finds after the last stamp seen (from `after` on), whenever what it
 * reads may have changed. `read` returns entries in stamp order. @returns unsubscribe
 */
export function watchAfter<T extends { hlc: string }>(after: string, read: (after: string) => Promise<T[]>, onNew: (entries: T[]) => void): () => void {
  let cursor = after;
  const sub = liveQuery(() => read(cursor)).subscribe({
    next: (entries) => {
      if (!entries.length) return;
      cursor = entries[entries.length - 1]!.hlc;
      onNew(entries);
    },
    error: (err: unknown) => console.error('[skhod] change watch failed', err),
  });
  return () => sub.unsubscribe();
}
