import { useLiveQuery } from 'dexie-react-hooks';
import type { EventRow } from '../../shared/domain/types';
import { useDb } from './db-context';

/** All events, newest first; `undefined` while loading. */
export function useEvents(): EventRow[] | undefined {
  const { db } = useDb();
  return useLiveQuery(() => db.events.orderBy('startDate').reverse().toArray(), [db]);
}
