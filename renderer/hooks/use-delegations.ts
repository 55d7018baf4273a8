import type { Delegation } from '../../shared/domain/types';
import { useDb } from './db-context';
import { useSettledQuery } from './use-settled-query';

export type DelegationStat = { municipalityId: string; name: string; expected: number; registered: number };

const collator = new Intl.Collator('ru');

export function useDelegations(eventId: string): DelegationStat[] | undefined {
  const { db } = useDb();
  return useSettledQuery(async () => {
    const [delegations, registrations, municipalities] = await Promise.all([
      db.delegations.where('eventId').equals(eventId).toArray(),
      db.registrations.where('eventId').equals(eventId).toArray(),
      db.municipalities.toArray(),
    ]);
    const names = new Map(municipalities.map((m) => [m.id, m.name]));
    const registered = new Map<string, number>();
    for (const r of registrations) {
      if (r.municipalityId && r.status !== 'cancelled') registered.set(r.municipalityId, (registered.get(r.municipalityId) ?? 0) + 1);
    }
    return delegations
      .map((d) => ({ municipalityId: d.municipalityId, name: names.get(d.municipalityId) ?? '—', expected: d.expected, registered: registered.get(d.municipalityId) ?? 0 }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }, [db, eventId]);
}

/** The delegation rows of an event (expected count, contact, last list received), by municipality id. */
export function useDelegationRows(eventId: string): Map<string, Delegation> | undefined {
  const { db } = useDb();
  return useSettledQuery(async () => new Map((await db.delegations.where('eventId').equals(eventId).toArray()).map((d) => [d.municipalityId, d])), [db, eventId]);
}
