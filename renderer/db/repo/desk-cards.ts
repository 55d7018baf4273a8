// The desk's cards: the registrations of an event with their people and lookups, read for the desk and its cache.
import type { Municipality, Organization, Person, Registration, Section } from '../../../shared/domain/types';
import type { DbContext } from '../context';
import type { DeskCard } from '../desk-cache-file';
import { consentNote } from './participants';

export type { DeskCache, DeskCard } from '../desk-cache-file';

export type DeskLookups = {
  organizations: Map<string, Organization>;
  municipalities: Map<string, Municipality>;
  sections: Map<string, Section>;
};

function byId<T extends { id: string }>(rows: readonly (T | undefined)[]): Map<string, T> {
  const out = new Map<string, T>();
  for (const r of rows) if (r) out.set(r.id, r);
  return out;
}

/** The small tables the desk cards refer to. */
export async function loadDeskLookups(ctx: Pick<DbContext, 'db'>, eventId: string): Promise<DeskLookups> {
  const { db } = ctx;
  const [organizations, municipalities, sections] = await Promise.all([
    db.organizations.toArray(),
    db.municipalities.toArray(),
    db.sections.where('eventId').equals(eventId).toArray(),
  ]);
  return { organizations: byId(organizations), municipalities: byId(municipalities), sections: byId(sections) };
}

/** Reading the whole table at once beats fetching this many people one key at a time. */
const BULK_READ_MIN = 2_000;

/**
 * Registrations of an event with their people: all of them, or only `ids` (what changed). Rows of
 * `ids` that no longer exist or belong to another event are simply absent from the result.
 *
 * Measured in Chromium at 100,000 people: `bulkGet` costs one request per key on the main thread
 * (6–10 s); one `getAll` of the whole table (Dexie's `toArray()`) takes under a second, and reading a
 * store whole is quicker than through an index. Counting is not free either (0.35 s for an index
 * range), so a device that holds this one event only reads both tables whole, side by side. With
 * other events on the device, a big event still reads every person at once and joins in memory; a
 * small event among many people keeps `bulkGet`.
 */
export async function loadDeskRegistrations(
  ctx: Pick<DbContext, 'db'>,
  eventId: string,
  ids?: readonly string[],
): Promise<{ registrations: Registration[]; people: Map<string, Person> }> {
  const { db } = ctx;
  return db.transaction('r', db.registrations, db.people, db.events, async () => {
    if (ids) {
      const registrations = (await db.registrations.bulkGet([...ids])).filter((r): r is Registration => r?.eventId === eventId);
      return { registrations, people: byId(await db.people.bulkGet(registrations.map((r) => r.personId))) };
    }
    if ((await db.events.count()) <= 1) {
      const [registrations, people] = await Promise.all([db.registrations.toArray(), db.people.toArray()]);
      return { registrations: registrations.filter((r) => r.eventId === eventId), people: byId(people) };
    }
    const ofEvent = db.registrations.where('eventId').equals(eventId);
    const [count, everyone] = await Promise.all([ofEvent.count(), db.people.count()]);
    if (count >= BULK_READ_MIN && count * 3 >= everyone) {
      const [registrations, people] = await Promise.all([ofEvent.toArray(), db.people.toArray()]);
      return { registrations, people: byId(people) };
    }
    const registrations = await ofEvent.toArray();
    return { registrations, people: byId(await db.people.bulkGet(registrations.map((r) => r.personId))) };
  });
}

/** The desk's cards of these registrations (a registration whose person has not arrived yet is left out). */
export function toDeskCards(registrations: readonly Registration[], people: ReadonlyMap<string, Person>, lookups: DeskLookups): DeskCard[] {
  const out: DeskCard[] = [];
  for (const r of registrations) {
    const p = people.get(r.personId);
    if (!p) continue; // the person has not arrived yet from another device
    out.push({
      registrationId: r.id,
      personId: p.id,
      surname: p.surname,
      name: p.name,
      patronymic: p.patronymic,
      phone: p.phone,
      municipality: lookups.municipalities.get(r.municipalityId ?? p.municipalityId ?? '')?.name ?? '',
      organization: lookups.organizations.get(p.organizationId ?? '')?.name ?? '',
      position: p.position ?? '',
      role: r.role,
      section: (r.sectionId ? lookups.sections.get(r.sectionId)?.title : undefined) ?? '',
      sectionId: r.sectionId,
      badgeCode: r.badgeCode,
      note: r.note ?? (p.consent?.given ? undefined : consentNote()),
      status: r.status,
    });
  }
  return out;
}
