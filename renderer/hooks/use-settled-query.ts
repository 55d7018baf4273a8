import { useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { readSettled, UNSETTLED } from '../db/settled';
import { useDb } from './db-context';

const sameDeps = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

/**
 * useLiveQuery for everything that shows imported rows: `querier` runs in one read transaction over
 * every table, and while an import batch is being written (renderer/db/settled.ts) the hook keeps the
 * value it last showed for the same `deps` (or `undefined`, loading, if it has none) — never half a
 * file. It re-reads by itself when the batch ends, committed or rolled back. `querier` must only
 * await the database.
 */
export function useSettledQuery<T>(querier: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const { db } = useDb();
  const last = useRef<{ deps: readonly unknown[]; value: T } | undefined>(undefined);
  return useLiveQuery(async () => {
    const result = await readSettled(db, querier);
    if (result !== UNSETTLED) {
      last.current = { deps, value: result };
      return result;
    }
    const held = last.current;
    return held && sameDeps(held.deps, deps) ? held.value : undefined;
  }, [db, ...deps]);
}
