import { liveQuery } from 'dexie';
import type { ChangeRecord } from '../../shared/sync/change';
import type { DbContext } from './context';

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
  let cursor = after;
  const sub = liveQuery(() => ctx.db.changes.where('hlc').above(cursor).toArray()).subscribe({
    next: (changes) => {
      if (!changes.length) return;
      cursor = changes[changes.length - 1]!.hlc;
      onChanges(changes);
    },
    error: (err: unknown) => console.error('[skhod] change watch failed', err),
  });
  return () => sub.unsubscribe();
}
