import { useDb } from './db-context';
import { useSettledQuery } from './use-settled-query';

const collator = new Intl.Collator('ru');

/**
 * Delegations of an event with their municipality names and expected counts — without reading the
 * registrations (the desk counts those from its own index; at 100,000 people that read costs seconds).
 */
export function useDelegationTargets(eventId: string): Array<{ municipalityId: string; name: string; expected: number }> | undefined {
  const { db } = useDb();
  return useSettledQuery(async () => {
    const delegations = await db.delegations.where('eventId').equals(eventId).toArray();
    const municipalities = await db.municipalities.bulkGet(delegations.map((d) => d.municipalityId));
    return delegations
      .map((d, i) => ({ municipalityId: d.municipalityId, name: municipalities[i]?.name ?? '—', expected: d.expected }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }, [db, eventId]);
}
