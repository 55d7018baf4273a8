import type { EventBundle } from '../domain/bundle';
import type {
  Category,
  Delegation,
  Municipality,
  Organization,
  OrganizationKind,
  Person,
  ProgramItemKind,
  Registration,
  Role,
} from '../domain/types';
import { badgeCodeFromSerial } from '../people/badge-code';
import { createRng, generatePeople, otherRegionMunicipalities } from '../generator';

/** The shape of resources/demo-event.json (the Ufa 2019 conference of the seed text). */
export type DemoSpec = {
  event: { title: string; shortTitle?: string; startDate: string; endDate: string; city: string; project?: string; organizer?: string; goal?: string };
  experts: Array<{ surname: string; name: string; patronymic: string; position: string; organization: string }>;
  program: Array<{ kind: ProgramItemKind; title: string; start: string; end: string; topics?: string[]; speakers?: string[] }>;
  sections: Array<{ title: string; room?: string; capacity: number; moderators: string[] }>;
  participants: { count: number; seed: number; bashkortostanMunicipalities: number; alwaysInclude: string[] };
  namedParticipants: Array<{
    surname: string;
    name: string;
    patronymic: string;
    position: string;
    organization: string;
    organizationKind: OrganizationKind;
    municipality: string;
    category: Category;
  }>;
};

export type BuildDemoOptions = {
  spec: DemoSpec;
  /** The built-in reference municipalities, as stored (with their ids). */
  municipalities: readonly Municipality[];
  newId: () => string;
  now: Date;
  /** Defaults to the spec's count; tests and benchmarks scale it up. */
  participants?: number;
};

// The conference was in Ufa, UTC+5; program times in the spec are local.
const UFA_OFFSET = '+05:00';

/**
 * Builds the demo event: the seed conference with generated participants from 25 municipalities of
 * Bashkortostan and 2 of other federal districts, the five experts, the program and four sections.
 * Deterministic for a given spec (ids come from `newId`, which the caller controls).
 */
export function buildDemoBundle({ spec, municipalities, newId, now, participants }: BuildDemoOptions): EventBundle {
  const rng = createRng(spec.participants.seed);
  const createdAt = now.toISOString();
  const eventId = newId();
  const event = { ...spec.event, id: eventId, createdAt };

  const programItems = spec.program.map((p, order) => ({
    id: newId(),
    eventId,
    kind: p.kind,
    title: p.title,
    topics: p.topics,
    speakers: p.speakers,
    startsAt: `${spec.event.startDate}T${p.start}:00${UFA_OFFSET}`,
    endsAt: `${spec.event.startDate}T${p.end}:00${UFA_OFFSET}`,
    order,
  }));
  const sectionsBlock = spec.program.find((p) => p.kind === 'sections');
  const sections = spec.sections.map((s, order) => ({
    id: newId(),
    eventId,
    title: s.title,
    room: s.room,
    capacity: s.capacity,
    moderators: s.moderators,
    startsAt: sectionsBlock ? `${spec.event.startDate}T${sectionsBlock.start}:00${UFA_OFFSET}` : undefined,
    endsAt: sectionsBlock ? `${spec.event.startDate}T${sectionsBlock.end}:00${UFA_OFFSET}` : undefined,
    order,
  }));

  // 25 municipalities of Bashkortostan (always including those the seed names) and 2 of other regions.
  const byName = new Map(municipalities.map((m) => [m.name, m]));
  const chosen: Municipality[] = spec.participants.alwaysInclude.map((n) => {
    const m = byName.get(n);
    if (!m) throw new Error(`demo: unknown municipality ${n}`);
    return m;
  });
  const pool = municipalities.filter((m) => m.builtin && !chosen.includes(m));
  while (chosen.length < spec.participants.bashkortostanMunicipalities && pool.length) {
    chosen.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]!);
  }
  const otherRegions: Municipality[] = otherRegionMunicipalities.map((m) => ({
    ...m,
    id: `demo:${m.name}`,
    builtin: false,
  }));
  const delegationMunicipalities = [...chosen, ...otherRegions];
  const municipalityByName = new Map(delegationMunicipalities.map((m) => [m.name, m]));

  const organizations = new Map<string, Organization>();
  const organizationId = (name: string, kind: OrganizationKind, municipalityId?: string) => {
    const key = `${municipalityId ?? ''}|${name}`;
    let org = organizations.get(key);
    if (!org) {
      org = { id: newId(), name, kind, municipalityId };
      organizations.set(key, org);
    }
    return org.id;
  };

  const people: Person[] = [];
  const registrations: Registration[] = [];
  const register = (person: Omit<Person, 'id'>, reg: { role: Role; category: Category; municipalityId?: string; note?: string }) => {
    const personId = newId();
    people.push({ ...person, id: personId });
    const prefs = reg.role === 'participant' ? pickPreferences(rng, sections.map((s) => s.id)) : [];
    registrations.push({
      id: newId(),
      eventId,
      personId,
      role: reg.role,
      category: reg.category,
      municipalityId: reg.municipalityId,
      status: 'confirmed',
      badgeCode: badgeCodeFromSerial(registrations.length + 1),
      sectionPrefs: prefs,
      note: reg.note,
      source: 'demo',
      createdAt,
    });
  };

  for (const e of spec.experts) {
    register(
      { surname: e.surname, name: e.name, patronymic: e.patronymic, position: e.position, organizationId: organizationId(e.organization, 'other') },
      { role: 'expert', category: 'other', note: 'Эксперт конференции' },
    );
  }
  for (const p of spec.namedParticipants) {
    const m = municipalityByName.get(p.municipality);
    register(
      {
        surname: p.surname,
        name: p.name,
        patronymic: p.patronymic,
        position: p.position,
        municipalityId: m?.id,
        organizationId: organizationId(p.organization, p.organizationKind, m?.id),
        consent: { given: true, at: createdAt, how: 'paper' },
      },
      { role: 'participant', category: p.category, municipalityId: m?.id },
    );
  }

  const count = (participants ?? spec.participants.count) - registrations.length;
  const generated = generatePeople({
    seed: spec.participants.seed,
    count: Math.max(0, count),
    municipalities: delegationMunicipalities,
  });
  for (const g of generated) {
    const m = municipalityByName.get(g.municipality);
    const withoutConsent = rng.chance(0.05);
    register(
      {
        surname: g.surname,
        name: g.name,
        patronymic: g.patronymic,
        phone: g.phone,
        email: g.email,
        position: g.position,
        municipalityId: m?.id,
        organizationId: organizationId(g.organization, g.organizationKind, m?.id),
        consent: withoutConsent ? undefined : { given: true, at: createdAt, how: 'paper' },
      },
      {
        role: g.role,
        category: g.category,
        municipalityId: m?.id,
        note: withoutConsent ? 'Нужно согласие на обработку ПДн' : undefined,
      },
    );
  }

  const registeredBy = new Map<string, number>();
  for (const r of registrations) {
    if (r.municipalityId) registeredBy.set(r.municipalityId, (registeredBy.get(r.municipalityId) ?? 0) + 1);
  }
  const delegations: Delegation[] = delegationMunicipalities.map((m) => ({
    id: `${eventId}:${m.id}`,
    eventId,
    municipalityId: m.id,
    // offices usually announce a round number a little above the list they send
    expected: (registeredBy.get(m.id) ?? 0) + rng.int(0, 2),
  }));

  return {
    event,
    programItems,
    sections,
    municipalities: otherRegions,
    organizations: [...organizations.values()],
    people,
    registrations,
    delegations,
  };
}

function pickPreferences(rng: ReturnType<typeof createRng>, ids: string[]): string[] {
  const pool = [...ids];
  const n = rng.int(1, Math.min(3, pool.length));
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]!);
  return out;
}
