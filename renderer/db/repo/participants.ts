import type { Category, Consent, Delegation, Organization, OrganizationKind, Person, Registration, RegistrationStatus, Role, Section } from '../../../shared/domain/types';
import { categories, registrationStatuses, roles } from '../../../shared/domain/types';
import { fold } from '../../../shared/import/normalize';
import { normalizePhone } from '../../../shared/people/phone';
import type { DbContext } from '../context';
import { putTracked } from '../change-log';
import { whenSettled } from '../settled';
import { languages } from '../../i18n';
import ruDb from '../../i18n/ru/db';
import { dbText, fail } from './fail';

/**
 * The desk's note for a person whose consent is missing; cleared when consent is recorded. A stored note
 * stays in the language it was written in: the wording of the moment it is written comes from the locale.
 */
export const consentNote = (): string => dbText('participants.consentNote');

/** Whether a stored note is the consent note, in whichever language it was written. */
export const isConsentNote = (note: string | undefined): boolean =>
  note !== undefined && languages.some((lng) => note === dbText('participants.consentNote', { lng }));

/**
 * The consent note in Russian, for the import (features/import/build.ts) until it writes `consentNote()`.
 * @deprecated use consentNote()
 */
export const CONSENT_NOTE: string = ruDb.participants.consentNote;

/** What the participant form edits: the person and their registration at this event. */
export type RegistrationEdit = {
  registrationId: string;
  surname: string;
  name: string;
  patronymic: string;
  phone: string;
  email: string;
  position: string;
  /** Organization name; matched by name within the municipality, created when new. */
  organization: string;
  municipalityId?: string;
  category: Category;
  role: Role;
  status: RegistrationStatus;
  note: string;
  consentGiven: boolean;
  /** "YYYY-MM-DD" — the day consent was given; required when consent is given. */
  consentDate: string;
  consentHow: NonNullable<Consent['how']>;
};

// The same shape the import accepts: something@something.tld, no spaces or list separators.
const EMAIL = /^[^\s@,;<>()]+@[^\s@,;<>()]+\.[^\s@,;<>().\d]{2,}$/;

/** Field → message (in the UI's language) saying what to fix; empty when the edit can be saved. */
export function validateRegistrationEdit(input: RegistrationEdit, today: Date = new Date()): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!input.surname.trim()) errors.surname = dbText('person.surname');
  if (!input.name.trim()) errors.name = dbText('person.name');
  if (input.phone.trim() && !normalizePhone(input.phone)) errors.phone = dbText('person.phone');
  if (input.email.trim() && !EMAIL.test(input.email.trim())) errors.email = dbText('participants.email');
  if (!categories.includes(input.category)) errors.category = dbText('participants.category');
  if (!roles.includes(input.role)) errors.role = dbText('participants.role');
  if (!registrationStatuses.includes(input.status)) errors.status = dbText('participants.status');
  if (input.consentGiven) {
    const d = input.consentDate;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(`${d}T12:00:00`))) errors.consentDate = dbText('participants.consentDate');
    else if (d > localDate(today)) errors.consentDate = dbText('participants.consentFuture');
  }
  return errors;
}

function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const tidy = (s: string) => s.trim().replace(/\s+/g, ' ');
const orgKey = (name: string, municipalityId?: string) => `${municipalityId ?? ''}|${fold(name)}`;

/**
 * Saves a participant's person and registration in one transaction (with the organization when it is
 * new). Fields left empty are removed; an unchanged form writes nothing.
 */
export async function saveRegistrationEdit(ctx: DbContext, input: RegistrationEdit, today: Date = new Date()): Promise<void> {
  const first = Object.values(validateRegistrationEdit(input, today))[0];
  if (first) throw new Error(first);
  const { db } = ctx;
  await db.transaction('rw', [db.people, db.organizations, db.registrations, db.changes], async () => {
    const registration = await db.registrations.get(input.registrationId);
    const person = registration && (await db.people.get(registration.personId));
    if (!registration || !person) fail('participants.deleted');

    // the same name as now keeps the same organization row (whatever municipality it was filed under);
    // a new name is matched within the municipality or created
    let organizationId: string | undefined;
    const orgName = tidy(input.organization);
    if (orgName) {
      const current = person.organizationId ? await db.organizations.get(person.organizationId) : undefined;
      const same = current && orgKey(current.name) === orgKey(orgName) ? current : await findOrganization(ctx, orgName, input.municipalityId);
      organizationId = same?.id ?? crypto.randomUUID();
      if (!same) await putTracked<Organization>(ctx, 'organizations', [{ id: organizationId, name: orgName, kind: guessOrganizationKind(orgName), municipalityId: input.municipalityId }]);
    }

    const consent: Consent | undefined = input.consentGiven
      ? person.consent?.given && person.consent.at?.slice(0, 10) === input.consentDate && person.consent.how === input.consentHow
        ? person.consent // unchanged: keep the stored time of day
        : { given: true, at: new Date(`${input.consentDate}T12:00:00`).toISOString(), how: input.consentHow }
      : undefined;
    const nextPerson: Person = {
      ...person,
      surname: tidy(input.surname),
      name: tidy(input.name),
      patronymic: tidy(input.patronymic),
      // a stored phone that means the same number stays as it is: an unchanged form writes nothing
      phone: !input.phone.trim() ? undefined : normalizePhone(input.phone) === normalizePhone(person.phone ?? '') ? person.phone : normalizePhone(input.phone)!,
      email: input.email.trim() ? input.email.trim().toLowerCase() : undefined,
      municipalityId: input.municipalityId,
      organizationId,
      position: tidy(input.position) || undefined,
      consent,
    };
    let note = tidy(input.note) || undefined;
    if (input.consentGiven && isConsentNote(note)) note = undefined;
    const nextRegistration: Registration = {
      ...registration,
      category: input.category,
      role: input.role,
      status: input.status,
      municipalityId: input.municipalityId,
      note,
    };
    await putTracked(ctx, 'people', [nextPerson]);
    await putTracked(ctx, 'registrations', [nextRegistration]);
  });
}

async function findOrganization(ctx: DbContext, name: string, municipalityId?: string): Promise<Organization | undefined> {
  const want = orgKey(name, municipalityId);
  const exact = await ctx.db.organizations.where('name').equals(name).filter((o) => orgKey(o.name, o.municipalityId) === want).first();
  return exact ?? ctx.db.organizations.filter((o) => orgKey(o.name, o.municipalityId) === want).first();
}

// \b is ASCII-only in JS regexps; Cyrillic words need their own boundaries
const words = (list: string) => new RegExp(`(^|[^\\p{L}])(${list})(?![\\p{L}])`, 'u');
const KINDS: ReadonlyArray<readonly [OrganizationKind, RegExp]> = [
  ['administration', /администрац|совет муниципальн|сельсовет|министерств|управлени|комитет/],
  ['education', /школ|гимнази|лице[йя]|колледж|техникум|университет|институт|детский сад|образован/],
  // eslint-disable-next-line skhod/ui-text -- abbreviations matched in organization names, data, not words
  ['education', words('сош|оош|мбоу|мадоу|мбдоу|мбу до|гбоу|гбпоу')],
  ['media', /газет|редакци|телерадио|радио|информационн|телевиден|вестник/],
  // eslint-disable-next-line skhod/ui-text -- abbreviations matched in organization names, data, not words
  ['media', words('сми')],
  ['culture', /дом культуры|библиотек|музей|клуб|центр культур|культурн/],
  // eslint-disable-next-line skhod/ui-text -- abbreviations matched in organization names, data, not words
  ['culture', words('дк|сдк|рдк')],
  ['ngo', /фонд|общественн|ассоциац|совет ветеранов|волонт|некоммерч|союз|движени/],
  // eslint-disable-next-line skhod/ui-text -- abbreviations matched in organization names, data, not words
  ['ngo', words('тос|ано|нко|роо|моо')],
  ['business', /предприят|компани/],
  // eslint-disable-next-line skhod/ui-text -- abbreviations matched in organization names, data, not words
  ['business', words('ооо|оао|зао|пао|ао|ип|кфх')],
];

/** A first guess of what kind an organization is, from the words lists use; the organizer can correct it. */
export function guessOrganizationKind(name: string): OrganizationKind {
  const n = fold(name);
  return KINDS.find(([, re]) => re.test(n))?.[0] ?? 'other';
}

/**
 * Sets how many delegates a municipality announced. Creates the delegation row when the municipality
 * had none yet (people were registered from it before any list came).
 */
export async function setDelegationExpected(ctx: DbContext, eventId: string, municipalityId: string, expected: number): Promise<void> {
  if (!Number.isInteger(expected) || expected < 0 || expected > 100_000) fail('participants.expected');
  const { db } = ctx;
  await db.transaction('rw', db.delegations, db.changes, async () => {
    const id = `${eventId}:${municipalityId}`;
    const existing = await db.delegations.get(id);
    const row: Delegation = existing ? { ...existing, expected } : { id, eventId, municipalityId, expected };
    await putTracked(ctx, 'delegations', [row]);
  });
}

export type DelegateForTemplate = { registration: Registration; person: Person; organization: string };

/** A municipality's registrations at an event (cancelled ones left out), for its district template. */
export async function loadDelegates(ctx: DbContext, eventId: string, municipalityId: string): Promise<{ delegates: DelegateForTemplate[]; sections: Section[] }> {
  const { db } = ctx;
  return whenSettled(db, async () => {
    const registrations = (await db.registrations.where('[eventId+municipalityId]').equals([eventId, municipalityId]).toArray()).filter((r) => r.status !== 'cancelled');
    const people = await db.people.bulkGet(registrations.map((r) => r.personId));
    const orgs = await db.organizations.bulkGet(people.map((p) => p?.organizationId ?? ''));
    const sections = (await db.sections.where('eventId').equals(eventId).toArray()).sort((a, b) => a.order - b.order);
    const delegates = registrations.flatMap((registration, i) => {
      const person = people[i];
      return person ? [{ registration, person, organization: orgs[i]?.name ?? '' }] : [];
    });
    return { delegates, sections };
  });
}
