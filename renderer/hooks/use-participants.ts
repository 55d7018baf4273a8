import { useLiveQuery } from 'dexie-react-hooks';
import { deriveArrivals, type Arrival } from '../../shared/domain/arrival';
import type { Person, Registration } from '../../shared/domain/types';
import { useDb } from './db-context';

export type ParticipantRow = {
  registration: Registration;
  person: Person;
  fullName: string;
  municipality: string;
  organization: string;
  arrival: Arrival;
};

const collator = new Intl.Collator('ru', { sensitivity: 'base' });

/** Registrations of an event joined with people, municipalities, organizations and arrivals; sorted by name. */
export function useParticipants(eventId: string): ParticipantRow[] | undefined {
  const { db } = useDb();
  return useLiveQuery(async () => {
    const registrations = await db.registrations.where('eventId').equals(eventId).toArray();
    const [people, municipalities, checkins] = await Promise.all([
      db.people.bulkGet(registrations.map((r) => r.personId)),
      db.municipalities.toArray(),
      db.checkins.where('eventId').equals(eventId).toArray(),
    ]);
    const orgIds = [...new Set(people.flatMap((p) => (p?.organizationId ? [p.organizationId] : [])))];
    const orgs = await db.organizations.bulkGet(orgIds);
    const orgName = new Map(orgs.flatMap((o) => (o ? [[o.id, o.name] as const] : [])));
    const munName = new Map(municipalities.map((m) => [m.id, m.name]));
    const arrivals = deriveArrivals(checkins);
    const rows: ParticipantRow[] = [];
    registrations.forEach((registration, i) => {
      const person = people[i];
      if (!person) return; // a registration whose person has not arrived yet from another device
      rows.push({
        registration,
        person,
        fullName: [person.surname, person.name, person.patronymic].filter(Boolean).join(' '),
        municipality: munName.get(registration.municipalityId ?? person.municipalityId ?? '') ?? '',
        organization: orgName.get(person.organizationId ?? '') ?? '',
        arrival: arrivals.get(registration.id) ?? { arrived: false, arrivals: 0 },
      });
    });
    return rows.sort((a, b) => collator.compare(a.fullName, b.fullName));
  }, [db, eventId]);
}
