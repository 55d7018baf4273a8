import { useLiveQuery } from 'dexie-react-hooks';
import { deriveArrivals, type Arrival } from '../../shared/domain/arrival';
import type { CheckinEntry } from '../../shared/domain/types';
import { useDb } from './db-context';

export type ArrivalsView = {
  byRegistration: Map<string, Arrival>;
  /** The latest check-in log entries, newest first (the desk's "last arrivals"). */
  recent: CheckinEntry[];
};

/** Arrivals of an event, derived from its check-in log and kept live. */
export function useArrivals(eventId: string): ArrivalsView | undefined {
  const { db } = useDb();
  return useLiveQuery(async () => {
    const log = await db.checkins.where('eventId').equals(eventId).toArray();
    const recent = log
      .filter((e) => e.kind === 'arrive' || e.kind === 'annul')
      .sort((a, b) => (a.hlc < b.hlc ? 1 : -1))
      .slice(0, 8);
    return { byRegistration: deriveArrivals(log), recent };
  }, [db, eventId]);
}
