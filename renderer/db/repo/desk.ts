// Desk writes: registering a walk-in (person, registration and arrival at once) and logging badge prints.
import type { Category, CheckinEntry, Consent, Person, PrintLogEntry, Registration, Role } from '../../../shared/domain/types';
import { badgeCodeFromSerial } from '../../../shared/people/badge-code';
import { normalizePhone } from '../../../shared/people/phone';
import type { DbContext } from '../context';
import { putTracked } from '../change-log';
import { dbText } from './fail';
import { consentNote } from './participants';

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
  /** The people the desk matched and the operator said this is not («Это другой человек»). */
  notSameAs?: string[];
};

export function validateWalkIn(input: WalkInInput): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!input.surname.trim()) errors.surname = dbText('person.surname');
  if (!input.name.trim()) errors.name = dbText('person.name');
  if (input.phone?.trim() && !normalizePhone(input.phone)) errors.phone = dbText('person.phone');
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
      note: input.consent ? undefined : consentNote(),
      source: 'walk-in',
      createdAt: at,
      ...(input.notSameAs?.length ? { notSameAs: { personIds: input.notSameAs, operator: input.operator, at } } : {}),
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

/** Registrations of the event that had a badge printed (on any device this one has heard of). */
export async function printedRegistrations(ctx: Pick<DbContext, 'db'>, eventId: string): Promise<Set<string>> {
  const printed = new Set<string>();
  await ctx.db.prints
    .where('eventId')
    .equals(eventId)
    .each((p) => p.kind === 'badge' && printed.add(p.registrationId));
  return printed;
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
