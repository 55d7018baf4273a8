/**
 * An import plan + what is stored → the rows to write and what happens to each row of the file.
 * Pure and synchronous: the wizard runs it for the preview (against a snapshot) and the commit runs
 * the very same function inside its transaction (against what is stored at that moment), so the
 * preview shows exactly what will be written.
 *
 * Invariant: a record equal to what is stored builds rows equal to the stored ones, so putTracked
 * skips them and re-importing the same file writes nothing. Hence merges only ever set fields the
 * file has and that differ; an empty cell never clears a stored value.
 */
import { fullName } from '../../../shared/people/name';
import type { Category, Delegation, Organization, Person, Registration } from '../../../shared/domain/types';
import type { ImportRecord } from '../../../shared/import/types';
import { fold } from '../../../shared/import/normalize';
import { isInitialPart } from '../../../shared/import/names';
import { nameKey } from '../../../shared/text/spelling';
import { badgeCodeFromSerial } from '../../../shared/people/badge-code';
import { normalizePhone } from '../../../shared/people/phone';
import { sectionPrefsParser } from '../../../shared/sections/prefs';
import { sameValue } from '../../../shared/sync/diff';
import type { ImportBase, ImportWrites } from '../../db/repo/import';
import { CONSENT_NOTE, guessOrganizationKind } from '../../db/repo/participants';
import { sayText, tr } from '../../i18n';
import { fieldLabel } from '../../../shared/import/records';
import { categoryLabel, parseCategory } from './categories';

export type PlannedRow = {
  /** The sheet's own row number. */
  row: number;
  /** The record, with the rows merged into it (in-file duplicates) folded in. */
  record: ImportRecord;
  /** Merge into this registration of the event; absent: a new person and registration. */
  registrationId?: string;
  /** Matched by the template's key: the file is the district's word on this delegate, names included. */
  keyed?: boolean;
};

export type ImportPlan = {
  eventId: string;
  rows: PlannedRow[];
  /** Registrations to cancel (delegates a district removed from its template). */
  cancel: string[];
};

/** A changed field, named in the interface language (the report shows it as «Телефон: … → …»). */
export type FieldChange = { field: string; before: string; after: string };
type ChangedField = 'surname' | 'name' | 'patronymic' | 'phone' | 'email' | 'position' | 'organization' | 'municipality' | 'category' | 'sections';
export type RowOutcome = { row: number; kind: 'added' | 'changed' | 'unchanged'; registrationId: string; name: string; changes: FieldChange[] };
export type BuiltImport = { writes: ImportWrites; outcomes: RowOutcome[]; cancelled: Array<{ registrationId: string; name: string }> };

export type BuildOptions = {
  now: Date;
  /** Ids for new rows. For a commit they must be ids nothing stored has (random UUIDs): the commit does not read rows under them. */
  newId: () => string;
};

const EMAIL = /^[^\s@,;<>()]+@[^\s@,;<>()]+\.[^\s@,;<>().\d]{2,}$/;
const orgKey = (name: string, municipalityId?: string) => `${municipalityId ?? ''}|${fold(name)}`;

/** Registration ids a plan touches (their people must be loaded). */
export function touchedRegistrations(plan: ImportPlan): string[] {
  return [...new Set([...plan.rows.flatMap((r) => (r.registrationId ? [r.registrationId] : [])), ...plan.cancel])];
}

/** Builds in one go (inside the commit's transaction, where nothing else may be awaited). */
export function buildImport(plan: ImportPlan, base: ImportBase, opts: BuildOptions): BuiltImport {
  const steps = buildSteps(plan, base, opts);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

const SLICE = 500;

/**
 * Builds in slices, yielding to the page between them, so that 10,000 rows cost no long freeze;
 * `onProgress` gets the rows done so far.
 */
export async function buildImportAsync(plan: ImportPlan, base: ImportBase, opts: BuildOptions, onProgress?: (done: number, total: number) => void): Promise<BuiltImport> {
  const steps = buildSteps(plan, base, opts);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    onProgress?.(step.value, plan.rows.length);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** The builder as a generator: yields the number of rows done every SLICE rows. */
function* buildSteps(plan: ImportPlan, base: ImportBase, opts: BuildOptions): Generator<number, BuiltImport> {
  const at = opts.now.toISOString();
  const fieldWord = tr('import');
  // every id minted for a new row: the commit knows nothing is stored under them and does not look
  const minted = new Set<string>();
  const newId = () => {
    const id = opts.newId();
    minted.add(id);
    return id;
  };
  const registrations = new Map(base.registrations.map((r) => [r.id, r]));
  const people = new Map(base.people);
  const orgById = new Map(base.organizations.map((o) => [o.id, o]));
  const orgByKey = new Map(base.organizations.map((o) => [orgKey(o.name, o.municipalityId), o]));
  const muniName = new Map(base.municipalities.map((m) => [m.id, m.name]));
  const sectionTitle = new Map(base.sections.map((s) => [s.id, s.title]));
  // lists repeat the same few section texts: parse each distinct text once
  const prefsOf = sectionPrefsParser(base.sections);

  const newOrgs: Organization[] = [];
  const orgByText = new Map<string, string>();
  const organizationFor = (r: ImportRecord): string | undefined => {
    if (!r.organization) return undefined;
    const text = `${r.municipalityId ?? ''}|${r.organization}`;
    const known = orgByText.get(text);
    if (known) return known;
    const key = orgKey(r.organization, r.municipalityId);
    let org = orgByKey.get(key);
    if (!org) {
      org = { id: newId(), name: r.organization, kind: guessOrganizationKind(r.organization), municipalityId: r.municipalityId };
      orgByKey.set(key, org);
      orgById.set(org.id, org);
      newOrgs.push(org);
    }
    orgByText.set(text, org.id);
    return org.id;
  };

  // badge codes continue after the event's list serials; walk-ins have a range of their own
  const taken = new Set(base.registrations.map((r) => r.badgeCode));
  let serial = base.registrations.filter((r) => r.source !== 'walk-in').length + 1;
  const nextBadge = () => {
    while (taken.has(badgeCodeFromSerial(serial))) serial++;
    const code = badgeCodeFromSerial(serial++);
    taken.add(code);
    return code;
  };

  const show = {
    organizationId: (id?: string) => (id ? (orgById.get(id)?.name ?? '') : ''),
    municipalityId: (id?: string) => (id ? (muniName.get(id) ?? '') : ''),
    category: (c: Category) => categoryLabel(c),
    sectionPrefs: (ids: string[]) => ids.map((id) => sectionTitle.get(id) ?? '?').join('; '),
  };

  const outcomes: RowOutcome[] = [];
  const touchedPeople = new Set<string>();
  const touchedRegs = new Set<string>();
  const listMunicipalities = new Set<string>();

  let done = 0;
  for (const planned of plan.rows) {
    if (++done % SLICE === 0) yield done;
    const rec = planned.record;
    const organizationId = organizationFor(rec);
    const prefs = rec.section ? prefsOf(rec.section).ids : [];
    const category = parseCategory(rec.category);
    const existing = planned.registrationId ? registrations.get(planned.registrationId) : undefined;
    const stored = existing ? people.get(existing.personId) : undefined;

    if (!existing || !stored) {
      const person: Person = {
        id: newId(),
        surname: rec.surname,
        name: rec.name,
        patronymic: rec.patronymic,
        phone: rec.phone || undefined,
        email: EMAIL.test(rec.email) ? rec.email : undefined,
        municipalityId: rec.municipalityId,
        organizationId,
        position: rec.position || undefined,
      };
      const registration: Registration = {
        id: newId(),
        eventId: plan.eventId,
        personId: person.id,
        role: 'participant',
        category: category ?? 'other',
        municipalityId: rec.municipalityId,
        status: 'confirmed',
        badgeCode: nextBadge(),
        sectionPrefs: prefs,
        // as at the desk: a list from a district office carries no consent (152-ФЗ), so the desk asks for it
        note: CONSENT_NOTE,
        source: 'import',
        createdAt: at,
      };
      people.set(person.id, person);
      registrations.set(registration.id, registration);
      touchedPeople.add(person.id);
      touchedRegs.add(registration.id);
      if (registration.municipalityId) listMunicipalities.add(registration.municipalityId);
      outcomes.push({ row: planned.row, kind: 'added', registrationId: registration.id, name: fullName(person), changes: [] });
      continue;
    }

    const person = mergePerson(stored, rec, organizationId, planned.keyed === true);
    const registration: Registration = { ...existing };
    if (category && category !== existing.category) registration.category = category;
    if (rec.municipalityId && rec.municipalityId !== existing.municipalityId) registration.municipalityId = rec.municipalityId;
    if (prefs.length && !sameValue(prefs, existing.sectionPrefs)) registration.sectionPrefs = prefs;

    const changes: FieldChange[] = [];
    const diff = <T,>(field: ChangedField, before: T, after: T, text: (v: T) => string) => {
      if (!sameValue(before, after)) changes.push({ field: field === 'sections' ? fieldWord('change.sections') : sayText(fieldLabel(field)), before: text(before), after: text(after) });
    };
    const plain = (v?: string) => v ?? '';
    diff('surname', stored.surname, person.surname, plain);
    diff('name', stored.name, person.name, plain);
    diff('patronymic', stored.patronymic, person.patronymic, plain);
    diff('phone', stored.phone, person.phone, plain);
    diff('email', stored.email, person.email, plain);
    diff('position', stored.position, person.position, plain);
    diff('organization', stored.organizationId, person.organizationId, show.organizationId);
    diff('municipality', existing.municipalityId, registration.municipalityId, show.municipalityId);
    diff('category', existing.category, registration.category, show.category);
    diff('sections', existing.sectionPrefs, registration.sectionPrefs, show.sectionPrefs);
    // a person's own municipality follows silently (it is the same fact as the registration's)

    people.set(person.id, person);
    registrations.set(registration.id, registration);
    touchedPeople.add(person.id);
    touchedRegs.add(registration.id);
    if (changes.length && registration.municipalityId) listMunicipalities.add(registration.municipalityId);
    outcomes.push({ row: planned.row, kind: changes.length ? 'changed' : 'unchanged', registrationId: registration.id, name: fullName(person), changes });
  }

  const cancelled: BuiltImport['cancelled'] = [];
  for (const id of plan.cancel) {
    const r = registrations.get(id);
    if (!r || r.status === 'cancelled') continue;
    registrations.set(id, { ...r, status: 'cancelled' });
    touchedRegs.add(id);
    if (r.municipalityId) listMunicipalities.add(r.municipalityId);
    const p = people.get(r.personId);
    cancelled.push({ registrationId: id, name: p ? fullName(p) : '' });
  }

  // a delegation's "last list received" moves only when the list changed something: re-sending the
  // same list is a no-op, so that re-importing a file records no change at all
  const delegations: Delegation[] = [];
  const byId = new Map(base.delegations.map((d) => [d.municipalityId, d]));
  for (const municipalityId of listMunicipalities) {
    const d = byId.get(municipalityId);
    if (d) {
      delegations.push({ ...d, lastListAt: at });
      continue;
    }
    let active = 0;
    for (const r of registrations.values()) if (r.municipalityId === municipalityId && r.status !== 'cancelled') active++;
    delegations.push({ id: `${plan.eventId}:${municipalityId}`, eventId: plan.eventId, municipalityId, expected: active, lastListAt: at });
  }

  return {
    writes: {
      organizations: newOrgs,
      people: [...touchedPeople].map((id) => people.get(id)!),
      registrations: [...touchedRegs].map((id) => registrations.get(id)!),
      delegations,
      minted,
    },
    outcomes,
    cancelled,
  };
}

/** "А." is consistent with "Алия"; an empty part with anything. */
function consistent(full: string, part: string): boolean {
  if (!part || !full) return true;
  return fold(full).startsWith(fold(part).replace(/\.$/, ''));
}

/**
 * The stored person with what the record adds. Names: a template row matched by its key is the
 * district's word (a corrected surname is applied) unless it only abbreviates the stored name; a
 * duplicate merge never renames anyone (the match may be "swapped" or by phone) but completes
 * initials and a missing patronymic with the full form.
 */
export function mergePerson(stored: Person, rec: ImportRecord, organizationId: string | undefined, keyed: boolean): Person {
  const next: Person = { ...stored };
  const sameSurname = nameKey(rec.surname) === nameKey(stored.surname);
  if (keyed) {
    const abbreviates = rec.initials && sameSurname && consistent(stored.name, rec.name) && consistent(stored.patronymic, rec.patronymic);
    if (!abbreviates) {
      if (fold(rec.surname) !== fold(stored.surname)) next.surname = rec.surname;
      if (fold(rec.name) !== fold(stored.name)) next.name = rec.name;
      if (fold(rec.patronymic) !== fold(stored.patronymic) && rec.patronymic) next.patronymic = rec.patronymic;
    }
  } else if (sameSurname && !rec.initials && consistent(rec.name, stored.name) && consistent(rec.patronymic, stored.patronymic)) {
    if (isInitialPart(stored.name) && rec.name) next.name = rec.name;
    if ((isInitialPart(stored.patronymic) || !stored.patronymic) && rec.patronymic) next.patronymic = rec.patronymic;
  }
  // stored phones may predate normalization ("+7 (917) 345-12-34"): compare what they mean
  if (rec.phone && rec.phone !== (stored.phone ? (normalizePhone(stored.phone) ?? stored.phone) : '')) next.phone = rec.phone;
  if (EMAIL.test(rec.email) && rec.email !== stored.email?.toLowerCase()) next.email = rec.email;
  if (rec.position && rec.position !== stored.position) next.position = rec.position;
  if (organizationId && organizationId !== stored.organizationId) next.organizationId = organizationId;
  if (rec.municipalityId && rec.municipalityId !== stored.municipalityId) next.municipalityId = rec.municipalityId;
  return next;
}
