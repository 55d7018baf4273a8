import { afterEach, describe, expect, it } from 'vitest';
import type { DbContext } from '../../../../renderer/db/context';
import {
  CONSENT_NOTE,
  guessOrganizationKind,
  loadDelegates,
  saveRegistrationEdit,
  setDelegationExpected,
  validateRegistrationEdit,
  type RegistrationEdit,
} from '../../../../renderer/db/repo/participants';
import { openDemoEvent } from '../../../../renderer/features/onboarding/open-demo';
import { freshDb } from './helpers';

let ctx: DbContext | undefined;
afterEach(() => ctx?.db.close());

const today = new Date('2019-12-18T10:00:00+05:00');

async function firstParticipant(c: DbContext, eventId: string) {
  // deterministic: the demo's ids are random, its badge codes are not
  const regs = (await c.db.registrations.where('eventId').equals(eventId).toArray()).sort((a, b) => a.badgeCode.localeCompare(b.badgeCode));
  const reg = regs.find((r) => r.role === 'participant' && r.note === CONSENT_NOTE) ?? regs.find((r) => r.role === 'participant')!;
  const person = (await c.db.people.get(reg.personId))!;
  const org = person.organizationId ? await c.db.organizations.get(person.organizationId) : undefined;
  const edit: RegistrationEdit = {
    registrationId: reg.id,
    surname: person.surname,
    name: person.name,
    patronymic: person.patronymic,
    phone: person.phone ?? '',
    email: person.email ?? '',
    position: person.position ?? '',
    organization: org?.name ?? '',
    municipalityId: reg.municipalityId,
    category: reg.category,
    role: reg.role,
    status: reg.status,
    note: reg.note ?? '',
    consentGiven: person.consent?.given ?? false,
    consentDate: person.consent?.at?.slice(0, 10) ?? '',
    consentHow: person.consent?.how ?? 'paper',
  };
  return { reg, person, edit };
}

describe('participant edit', () => {
  it('validates: required surname and name, phone, e-mail, consent date', () => {
    const base: RegistrationEdit = {
      registrationId: 'r',
      surname: ' ',
      name: '',
      patronymic: '',
      phone: '12345',
      email: 'ivanov@',
      position: '',
      organization: '',
      category: 'citizen',
      role: 'participant',
      status: 'confirmed',
      note: '',
      consentGiven: true,
      consentDate: '',
      consentHow: 'paper',
    };
    const errors = validateRegistrationEdit(base, today);
    expect(Object.keys(errors).sort()).toEqual(['consentDate', 'email', 'name', 'phone', 'surname']);
    expect(errors.phone).toMatch(/\+7/);
    expect(validateRegistrationEdit({ ...base, surname: 'Иванов', name: 'Иван', phone: '8 917 345 12 34', email: 'ivanov@mail.ru', consentDate: '2019-12-01' }, today)).toEqual({});
    expect(validateRegistrationEdit({ ...base, surname: 'Иванов', name: 'Иван', phone: '', email: '', consentDate: '2020-01-01' }, today).consentDate).toMatch(/будущем/);
    expect(validateRegistrationEdit({ ...base, surname: 'Иванов', name: 'Иван', phone: '', email: '', consentGiven: false }, today)).toEqual({});
  });

  it('saves person and registration in one transaction, phone normalized, only changed fields recorded', async () => {
    ctx = await freshDb();
    const eventId = await openDemoEvent(ctx);
    const { reg, person, edit } = await firstParticipant(ctx, eventId);
    const before = await ctx.db.changes.count();

    // an unchanged form writes nothing
    await saveRegistrationEdit(ctx, edit, today);
    expect(await ctx.db.changes.count()).toBe(before);

    await saveRegistrationEdit(ctx, { ...edit, phone: '8 (917) 345-12-34', consentGiven: true, consentDate: '2019-12-17', consentHow: 'paper' }, today);
    const saved = (await ctx.db.people.get(person.id))!;
    expect(saved.phone).toBe('+79173451234');
    expect(saved.consent).toMatchObject({ given: true, how: 'paper' });
    expect(saved.consent!.at!.slice(0, 10)).toBe('2019-12-17');
    expect(saved.surname).toBe(person.surname);
    const changes = (await ctx.db.changes.orderBy('hlc').toArray()).slice(before);
    const personChange = changes.find((c) => c.table === 'people')!;
    expect(Object.keys(personChange.fields).sort()).toEqual(['consent', 'phone']);
    if (reg.note === CONSENT_NOTE) {
      expect((await ctx.db.registrations.get(reg.id))!.note).toBeUndefined();
      expect(changes.find((c) => c.table === 'registrations')!.fields).toEqual({ note: null });
    }
  });

  it('refuses an invalid edit and stores nothing', async () => {
    ctx = await freshDb();
    const eventId = await openDemoEvent(ctx);
    const { edit } = await firstParticipant(ctx, eventId);
    const before = await ctx.db.changes.count();
    await expect(saveRegistrationEdit(ctx, { ...edit, surname: '' }, today)).rejects.toThrow('Укажите фамилию');
    await expect(saveRegistrationEdit(ctx, { ...edit, email: 'не почта' }, today)).rejects.toThrow(/e-mail/);
    expect(await ctx.db.changes.count()).toBe(before);
  });

  it('creates a new organization in the municipality when the name is new, reuses it next time', async () => {
    ctx = await freshDb();
    const eventId = await openDemoEvent(ctx);
    const { person, edit } = await firstParticipant(ctx, eventId);
    await saveRegistrationEdit(ctx, { ...edit, organization: 'ТОС «Берёзка»' }, today);
    const orgId = (await ctx.db.people.get(person.id))!.organizationId!;
    const org = (await ctx.db.organizations.get(orgId))!;
    expect(org).toMatchObject({ name: 'ТОС «Берёзка»', kind: 'ngo', municipalityId: edit.municipalityId });
    const orgs = await ctx.db.organizations.count();
    await saveRegistrationEdit(ctx, { ...edit, organization: 'тос «берёзка» ' }, today);
    expect(await ctx.db.organizations.count()).toBe(orgs);
    expect((await ctx.db.people.get(person.id))!.organizationId).toBe(orgId);
  });
});

describe('delegations', () => {
  it('edits the expected count through the change log, creating the row when missing', async () => {
    ctx = await freshDb();
    const eventId = await openDemoEvent(ctx);
    const d = (await ctx.db.delegations.where('eventId').equals(eventId).first())!;
    const before = await ctx.db.changes.count();
    await setDelegationExpected(ctx, eventId, d.municipalityId, d.expected + 5);
    expect((await ctx.db.delegations.get(d.id))!.expected).toBe(d.expected + 5);
    const [change] = (await ctx.db.changes.orderBy('hlc').toArray()).slice(before);
    expect(change).toMatchObject({ table: 'delegations', rowId: d.id, fields: { expected: d.expected + 5 } });

    await setDelegationExpected(ctx, eventId, 'ref:г. Агидель', 3);
    expect(await ctx.db.delegations.get(`${eventId}:ref:г. Агидель`)).toMatchObject({ eventId, municipalityId: 'ref:г. Агидель', expected: 3 });
    await expect(setDelegationExpected(ctx, eventId, d.municipalityId, -1)).rejects.toThrow(/целое/);
    await expect(setDelegationExpected(ctx, eventId, d.municipalityId, 2.5)).rejects.toThrow(/целое/);
  });

  it('loads a municipality’s delegates for its template, without cancelled registrations', async () => {
    ctx = await freshDb();
    const eventId = await openDemoEvent(ctx);
    const d = (await ctx.db.delegations.where('eventId').equals(eventId).first())!;
    const { delegates, sections } = await loadDelegates(ctx, eventId, d.municipalityId);
    expect(delegates.length).toBeGreaterThan(0);
    expect(delegates.every((x) => x.registration.municipalityId === d.municipalityId)).toBe(true);
    expect(sections).toHaveLength(4);
  });
});

describe('organization kind', () => {
  it.each([
    ['Администрация муниципального района Бирский район', 'administration'],
    ['МБОУ СОШ № 2 с. Иглино', 'education'],
    ['ТОС «Соседи»', 'ngo'],
    ['Редакция газеты «Бирские новости»', 'media'],
    ['Районный дом культуры', 'culture'],
    ['ООО «Агро»', 'business'],
    ['Инициативная группа', 'other'],
  ])('%s → %s', (name, kind) => expect(guessOrganizationKind(name)).toBe(kind));
});
