import type { Category, CheckinEntry, Consent, Municipality, Organization, Person, PrintLogEntry, Registration, Role, Section } from '../../../shared/domain/types';
import { badgeCodeFromSerial } from '../../../shared/people/badge-code';
import { normalizePhone } from '../../../shared/people/phone';
import { liveQuery } from 'dexie';
import type { DbContext } from '../context';
import { putTracked } from '../change-log';

export type DeskLookups = {
  organizations: Map<string, Organization>;
  municipalities: Map<string, Municipality>;
  sections: Map<string, Section>;
};

const byId = <T extends { id: string }>(rows: (T | undefined)[]) => new Map(rows.flatMap((r) => (r ? [[r.id, r] as const] : [])));

/** The small tables the desk cards refer to. */
export async function loadDeskLookups(ctx: DbContext, eventId: string): Promise<DeskLookups> {
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
 * (6–10 s); one `getAll` of the whole table (Dexie's `toArray()`) takes about a second. So when the
 * event holds a good part of the people on this device, every person is read at once, together with
 * the registrations, and joined in memory; a small event among many people keeps `bulkGet`.
 */
export async function loadDeskRegistrations(
  ctx: DbContext,
  eventId: string,
  ids?: readonly string[],
): Promise<{ registrations: Registration[]; people: Map<string, Person> }> {
  const { db } = ctx;
  return db.transaction('r', db.registrations, db.people, async () => {
    if (ids) {
      const registrations = (await db.registrations.bulkGet([...ids])).filter((r): r is Registration => r?.eventId === eventId);
      return { registrations, people: byId(await db.people.bulkGet(registrations.map((r) => r.personId))) };
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

export type WalkInInput = {
  eventId: string;
  operator: string;
  surname: string;
  name: string;
  patronymic: string;
  municipalityId?: string;
  organization?: string;
  position?: string;
  phone?: string;
  category: Category;
  role?: Role;
  consent: boolean;
};

export function validateWalkIn(input: WalkInInput): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!input.surname.trim()) errors.surname = 'Укажите фамилию';
  if (!input.name.trim()) errors.name = 'Укажите имя';
  if (input.phone?.trim() && !normalizePhone(input.phone)) errors.phone = 'Телефон не распознан: нужен российский номер, например +7 917 345-12-34';
  return errors;
}

/**
 * Registers a person who came without being on any list and checks them in — person, organization,
 * registration and the arrival all in one transaction: a walk-in is either fully there or not at all.
 */
export async function registerWalkIn(ctx: DbContext, input: WalkInInput, now: Date = new Date()): Promise<{ registration: Registration; arrival: CheckinEntry }> {
  const first = Object.values(validateWalkIn(input))[0];
  if (first) throw new Error(first);
  const { db } = ctx;
  const at = now.toISOString();
  return db.transaction('rw', [db.people, db.organizations, db.registrations, db.checkins, db.changes], async () => {
    let organizationId: string | undefined;
    const orgName = input.organization?.trim();
    if (orgName) {
      const existing = await db.organizations
        .where('name')
        .equals(orgName)
        .filter((o) => o.municipalityId === input.municipalityId)
        .first();
      organizationId = existing?.id ?? crypto.randomUUID();
      if (!existing) await putTracked(ctx, 'organizations', [{ id: organizationId, name: orgName, kind: 'other', municipalityId: input.municipalityId }]);
    }
    const consent: Consent | undefined = input.consent ? { given: true, at, how: 'desk' } : undefined;
    const person: Person = {
      id: crypto.randomUUID(),
      surname: tidy(input.surname),
      name: tidy(input.name),
      patronymic: tidy(input.patronymic),
      phone: input.phone?.trim() ? (normalizePhone(input.phone) ?? undefined) : undefined,
      municipalityId: input.municipalityId,
      organizationId,
      position: input.position?.trim() || undefined,
      consent,
    };
    const walkIns = await db.registrations
      .where('eventId')
      .equals(input.eventId)
      .filter((r) => r.source === 'walk-in')
      .count();
    const registration: Registration = {
      id: crypto.randomUUID(),
      eventId: input.eventId,
      personId: person.id,
      role: input.role ?? 'participant',
      category: input.category,
      municipalityId: input.municipalityId,
      status: 'confirmed',
      badgeCode: await freeBadgeCode(ctx, input.eventId, walkInSerialBase(ctx.device.id) + walkIns),
      sectionPrefs: [],
      note: input.consent ? undefined : 'Нужно согласие на обработку ПДн',
      source: 'walk-in',
      createdAt: at,
    };
    const arrival: CheckinEntry = {
      id: crypto.randomUUID(),
      eventId: input.eventId,
      registrationId: registration.id,
      kind: 'arrive',
      device: ctx.device.id,
      operator: input.operator,
      at,
      hlc: ctx.clock.tick(),
    };
    await putTracked(ctx, 'people', [person]);
    await putTracked(ctx, 'registrations', [registration]);
    await putTracked(ctx, 'checkins', [arrival]);
    return { registration, arrival };
  });
}

/**
 * Walk-in badge serials live in a range of their own per device (derived from the device id), far
 * above list imports, so two desks registering walk-ins offline almost never issue the same code; the
 * check below catches what this device can see.
 */
function walkInSerialBase(deviceId: string): number {
  const slot = parseInt(deviceId.slice(0, 2), 16) || 0; // 0..255
  return 1_000_000 + slot * 90_000;
}

/** The first unused badge code from `serial` on (another desk may already have used the next one). */
async function freeBadgeCode(ctx: DbContext, eventId: string, serial: number): Promise<string> {
  for (let s = serial; ; s++) {
    const code = badgeCodeFromSerial(s);
    const taken = await ctx.db.registrations.where('badgeCode').equals(code).filter((r) => r.eventId === eventId).count();
    if (!taken) return code;
  }
}

function tidy(s: string): string {
  return s
    .trim()
    .replace(/\s+/g, ' ')
    .split(/([ -])/)
    .map((part) => (part.length > 1 ? part[0]!.toUpperCase() + part.slice(1).toLowerCase() : part))
    .join('');
}

/** Records a printed badge; returns the earlier prints of the same badge so the desk can warn. */
export async function logBadgePrint(ctx: DbContext, eventId: string, registrationIds: string[], operator: string, now: Date = new Date()): Promise<void> {
  const { db } = ctx;
  await db.transaction('rw', db.prints, db.changes, () =>
    putTracked<PrintLogEntry>(
      ctx,
      'prints',
      registrationIds.map((registrationId) => ({ id: crypto.randomUUID(), eventId, registrationId, kind: 'badge', device: ctx.device.id, operator, at: now.toISOString() })),
    ),
  );
}

/** How many of these registrations already had a badge printed (on any device this one has heard of). */
export async function earlierPrints(ctx: DbContext, registrationIds: string[]): Promise<number> {
  const printed = new Set<string>();
  await ctx.db.prints
    .where('registrationId')
    .anyOf(registrationIds)
    .each((p) => printed.add(p.registrationId));
  return printed.size;
}

/** What a desk result shows about one registration, and what the search indexes of it. */
export type DeskCard = {
  registrationId: string;
  personId: string;
  surname: string;
  name: string;
  patronymic: string;
  phone?: string;
  fullName: string;
  municipality: string;
  organization: string;
  position: string;
  role: Registration['role'];
  section: string;
  sectionId?: string;
  badgeCode: string;
  note?: string;
  status: Registration['status'];
};

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
      fullName: fullNameOf(p.surname, p.name, p.patronymic),
      municipality: lookups.municipalities.get(r.municipalityId ?? p.municipalityId ?? '')?.name ?? '',
      organization: lookups.organizations.get(p.organizationId ?? '')?.name ?? '',
      position: p.position ?? '',
      role: r.role,
      section: (r.sectionId ? lookups.sections.get(r.sectionId)?.title : undefined) ?? '',
      sectionId: r.sectionId,
      badgeCode: r.badgeCode,
      note: r.note ?? (p.consent?.given ? undefined : 'Нужно согласие на обработку ПДн'),
      status: r.status,
    });
  }
  return out;
}

const fullNameOf = (surname: string, name: string, patronymic: string) => [surname, name, patronymic].filter(Boolean).join(' ');

// ── The desk cache ───────────────────────────────────────────────────────────────────────────────
//
// One `caches` row per event (`desk:<eventId>`) holds the desk's cards as of `stamp`, the greatest
// change stamp they reflect; the desk replays the change log after it. That replay is only right
// while every change stored later has a greater stamp. Changes applied from other devices (exchange
// files, the LAN hub) carry their own, older stamps: whoever applies them must call dropDeskCaches
// in the same transaction, and the desk then reads everything again.

const CACHE_PREFIX = 'desk:';
/**
 * Bumped by dropDeskCaches: a desk that is open right now watches it and rebuilds from the database,
 * since its in-memory cards followed the change log by stamp too.
 */
const EPOCH_KEY = 'desk-epoch';

/**
 * The cards column by column, in as few JavaScript values as possible: IndexedDB's structured clone
 * spends its time per value, so 100,000 cards as objects (or a dozen arrays of 100,000 strings)
 * take ~0.5 s to read back, while two long strings and one typed array are little more than a copy.
 * Per-person values (ids, phone, badge) are joined in `unique`; values that repeat across people
 * (names, municipality, organization, role…) are stored once in `dict` and referred to by number.
 */
type PackedDeskV2 = { v: 2; rows: number; unique: string; dict: string; codes: Uint32Array };

const SEP = '\u0001';
const UNIQUE = ['registrationId', 'personId', 'phone', 'badgeCode'] as const;
const SHARED = ['surname', 'name', 'patronymic', 'municipality', 'organization', 'position', 'role', 'section', 'sectionId', 'note', 'status'] as const;
/** An absent optional value (phone, sectionId, note) as opposed to an empty string. */
const ABSENT = 0;
const clean = (v: string) => (v.includes(SEP) ? v.replaceAll(SEP, ' ') : v);

export function packDeskCards(cards: Iterable<DeskCard>): PackedDeskV2 {
  const unique: string[] = [];
  const dict: string[] = ['', '']; // 0: absent, 1: ''
  const ids = new Map<string, number>([['', 1]]);
  const codes: number[] = [];
  let rows = 0;
  for (const card of cards) {
    rows++;
    for (const k of UNIQUE) unique.push(clean(card[k] ?? ''));
    for (const k of SHARED) {
      const v = card[k];
      if (v === undefined) {
        codes.push(ABSENT);
        continue;
      }
      let id = ids.get(v);
      if (id === undefined) {
        id = dict.push(clean(v)) - 1;
        ids.set(v, id);
      }
      codes.push(id);
    }
  }
  return { v: 2, rows, unique: unique.join(SEP), dict: dict.join(SEP), codes: Uint32Array.from(codes) };
}

/** The cards of a packed cache value; null for a value of another format (an older version of the app). */
export function unpackDeskCards(packed: unknown): DeskCard[] | null {
  const p = packed as Partial<PackedDeskV2> | null;
  if (p?.v !== 2 || typeof p.unique !== 'string' || typeof p.dict !== 'string' || !(p.codes instanceof Uint32Array) || typeof p.rows !== 'number') return null;
  const rows = p.rows;
  const unique = rows ? p.unique.split(SEP) : [];
  const dict = p.dict.split(SEP);
  const codes = p.codes;
  if (unique.length !== rows * UNIQUE.length || codes.length !== rows * SHARED.length) return null;
  const out = new Array<DeskCard>(rows);
  const opt = (c: number) => (c === ABSENT ? undefined : dict[c]!);
  for (let i = 0; i < rows; i++) {
    const u = i * UNIQUE.length;
    const c = i * SHARED.length;
    const surname = dict[codes[c]!]!;
    const name = dict[codes[c + 1]!]!;
    const patronymic = dict[codes[c + 2]!]!;
    out[i] = {
      registrationId: unique[u]!,
      personId: unique[u + 1]!,
      surname,
      name,
      patronymic,
      phone: unique[u + 2] || undefined,
      fullName: fullNameOf(surname, name, patronymic),
      municipality: dict[codes[c + 3]!]!,
      organization: dict[codes[c + 4]!]!,
      position: dict[codes[c + 5]!]!,
      role: dict[codes[c + 6]!] as DeskCard['role'],
      section: dict[codes[c + 7]!]!,
      sectionId: opt(codes[c + 8]!),
      badgeCode: unique[u + 3]!,
      note: opt(codes[c + 9]!),
      status: dict[codes[c + 10]!] as DeskCard['status'],
    };
  }
  return out;
}

/** The desk's cached cards of an event, or undefined (none, or written by an older version). */
export async function readDeskCache(ctx: DbContext, eventId: string): Promise<{ stamp: string; cards: DeskCard[] } | undefined> {
  const row = await ctx.db.caches.get(CACHE_PREFIX + eventId);
  const cards = row ? unpackDeskCards(row.value) : null;
  return row && cards ? { stamp: row.stamp, cards } : undefined;
}

/** Stores the desk's cards of an event as of `stamp` (they must reflect every change up to it). */
export async function writeDeskCache(ctx: DbContext, eventId: string, stamp: string, cards: Iterable<DeskCard>): Promise<void> {
  const value = packDeskCards(cards);
  await ctx.db.caches.put({ key: CACHE_PREFIX + eventId, stamp, value });
}

/**
 * Reads the event's registrations and people as they are now and stores the desk cache, so the next
 * opening of the desk takes the cached path. Call it after a big write (an import commit, the demo):
 * the rows and the stamp are read in one transaction, so the cache is exactly as of that stamp.
 */
export async function refreshDeskCache(ctx: DbContext, eventId: string): Promise<{ stamp: string; cards: DeskCard[] }> {
  const { db } = ctx;
  const { stamp, cards } = await db.transaction('r', [db.registrations, db.people, db.organizations, db.municipalities, db.sections, db.changes], async () => {
    const [last, lookups, all] = await Promise.all([db.changes.orderBy('hlc').last(), loadDeskLookups(ctx, eventId), loadDeskRegistrations(ctx, eventId)]);
    return { stamp: last?.hlc ?? '', cards: toDeskCards(all.registrations, all.people, lookups) };
  });
  await writeDeskCache(ctx, eventId, stamp, cards);
  return { stamp, cards };
}

/**
 * Forgets every desk cache on this device and tells an open desk to read everything again. Whoever
 * stores changes from another device (exchange files, the LAN hub) MUST call this, in the same rw
 * transaction (it must include `caches`): those changes keep their own, older stamps, and a desk that
 * replays the change log «after the cache's stamp» would never see them.
 */
export async function dropDeskCaches(ctx: DbContext): Promise<void> {
  const { db } = ctx;
  await db.transaction('rw', db.caches, async () => {
    await db.caches.where('key').startsWith(CACHE_PREFIX).delete();
    await db.caches.put({ key: EPOCH_KEY, stamp: crypto.randomUUID(), value: null });
  });
}

/** Changes whenever dropDeskCaches runs ('' before the first time). */
export async function deskCacheEpoch(ctx: DbContext): Promise<string> {
  return (await ctx.db.caches.get(EPOCH_KEY))?.stamp ?? '';
}

/**
 * What the desk needs to start, read in one transaction so the three agree: the greatest change
 * stamp, the cached cards (if any, and not newer than that stamp) and the cache epoch.
 */
export async function openDeskCache(ctx: DbContext, eventId: string): Promise<{ now: string; epoch: string; cached?: { stamp: string; cards: DeskCard[] } }> {
  const { db } = ctx;
  const [now, row, epoch] = await db.transaction('r', db.changes, db.caches, () =>
    Promise.all([db.changes.orderBy('hlc').last(), db.caches.get(CACHE_PREFIX + eventId), deskCacheEpoch(ctx)]),
  );
  const stamp = now?.hlc ?? '';
  const cards = row && row.stamp <= stamp ? unpackDeskCards(row.value) : null;
  return { now: stamp, epoch, cached: row && cards ? { stamp: row.stamp, cards } : undefined };
}

/** Calls `onChange` with the new epoch whenever dropDeskCaches runs. @returns unsubscribe */
export function watchDeskEpoch(ctx: DbContext, onChange: (epoch: string) => void): () => void {
  const sub = liveQuery(() => deskCacheEpoch(ctx)).subscribe({
    next: onChange,
    error: (err: unknown) => console.error('[skhod] desk cache epoch watch failed', err),
  });
  return () => sub.unsubscribe();
}
