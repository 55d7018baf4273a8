import { deriveArrivals } from '../../shared/domain/arrival';
import { computeDashboard, type Dashboard } from '../../shared/reports/dashboard';
import { useDb } from './db-context';
import { useSettledQuery } from './use-settled-query';

/** The organizer's figures for an event, live. */
export function useDashboard(eventId: string): Dashboard | undefined {
  const { db } = useDb();
  return useSettledQuery(async () => {
    const [registrations, checkins, municipalities, delegations, sections] = await Promise.all([
      db.registrations.where('eventId').equals(eventId).toArray(),
      db.checkins.where('eventId').equals(eventId).toArray(),
      db.municipalities.toArray(),
      db.delegations.where('eventId').equals(eventId).toArray(),
      db.sections.where('eventId').equals(eventId).toArray(),
    ]);
    return computeDashboard({ registrations, arrivals: deriveArrivals(checkins), municipalities, delegations, sections, checkins });
  }, [db, eventId]);
}
