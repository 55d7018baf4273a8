import { fullName } from '../../shared/people/name';
import { deriveArrivals, type Arrival } from '../../shared/domain/arrival';
import type { Person, Registration } from '../../shared/domain/types';
import type { SkhodDb } from '../db/database';
import { useDb } from './db-context';
import { useSettledQuery } from './use-settled-query';

/** A registration joined with its person and the names the lists show; arrival not included. */
export type RegistrationRow = {
  registration: Registration;
  person: Person;
  fullName: string;
  municipality: string;
  organization: string;
};

export type ParticipantRow = RegistrationRow & { arrival: Arrival };

const collator = new Intl.Collator('ru', { sensitivity: 'base' });

/**
 * Rows by id: bulkGet issues one IndexedDB request per key on the main thread (≈30 ms per 1,000 in
 * Chromium), so when most of a table is wanted — an event usually holds most of the people on the
 * device — one getAll over the table is far cheaper.
 */
type ById<T> = { count(): Promise<number>; toArray(): Promise<T[]>; bulkGet(keys: string[]): Promise<Array<T | undefined>> };

async function rowsById<T extends { id: string }>(table: ById<T>, ids: readonly string[]): Promise<Map<string, T>> {
  const out = new Map<string, T>();
  if (ids.length > 2_000 && ids.length * 3 > (await table.count())) {
    const wanted = new Set(ids);
    for (const row of await table.toArray()) if (wanted.has(row.id)) out.set(row.id, row);
  } else {
    for (const row of await table.bulkGet([...ids])) if (row) out.set(row.id, row);
  }
  return out;
}

async function loadRows(db: SkhodDb, eventId: string): Promise<RegistrationRow[]> {
  const registrations = await db.registrations.where('eventId').equals(eventId).toArray();
  const [peopleById, municipalities] = await Promise.all([rowsById(db.people, registrations.map((r) => r.personId)), db.municipalities.toArray()]);
  const people = registrations.map((r) => peopleById.get(r.personId));
  const orgIds = [...new Set(people.flatMap((p) => (p?.organizationId ? [p.organizationId] : [])))];
  const orgs = await rowsById(db.organizations, orgIds);
  const orgName = new Map([...orgs.values()].map((o) => [o.id, o.name] as const));
  const munName = new Map(municipalities.map((m) => [m.id, m.name]));
  const rows: RegistrationRow[] = [];
  registrations.forEach((registration, i) => {
    const person = people[i];
    if (!person) return; // a registration whose person has not arrived yet from another device
    rows.push({
      registration,
      person,
      fullName: fullName(person),
      municipality: munName.get(registration.municipalityId ?? person.municipalityId ?? '') ?? '',
      organization: orgName.get(person.organizationId ?? '') ?? '',
    });
  });
  return rows.sort((a, b) => collator.compare(a.fullName, b.fullName));
}

/**
 * Registrations of an event with people, municipalities and organizations, sorted by name — without
 * the check-in log, so a check-in at the desk does not re-join 100,000 rows (read arrivals with
 * useArrivals and look them up by registration id).
 */
export function useRegistrationRows(eventId: string): RegistrationRow[] | undefined {
  const { db } = useDb();
  return useSettledQuery(() => loadRows(db, eventId), [db, eventId]);
}

/** Registrations of an event joined with people, municipalities, organizations and arrivals; sorted by name. */
export function useParticipants(eventId: string): ParticipantRow[] | undefined {
  const { db } = useDb();
  return useSettledQuery(async () => {
    const [rows, checkins] = await Promise.all([loadRows(db, eventId), db.checkins.where('eventId').equals(eventId).toArray()]);
    const arrivals = deriveArrivals(checkins);
    return rows.map((r) => ({ ...r, arrival: arrivals.get(r.registration.id) ?? { arrived: false, arrivals: 0 } }));
  }, [db, eventId]);
}
