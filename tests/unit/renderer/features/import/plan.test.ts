import { describe, expect, it } from 'vitest';
import type { ImportRecord } from '../../../../../shared/import/types';
import { rowIssue } from '../../../../../shared/import/errors';
import { said } from '../../../../../shared/text/said';
import type { ImportBase } from '../../../../../renderer/db/repo/import';
import { buildImport, mergePerson } from '../../../../../renderer/features/import/build';
import { parseCategory } from '../../../../../renderer/features/import/categories';
import { buildPlan, combine, defaultDecision, prepare, removedFromTemplate } from '../../../../../renderer/features/import/plan';
import type { Analysis } from '../../../../../renderer/features/import/worker-protocol';
import type { Person, Registration } from '../../../../../shared/domain/types';

const rec = (row: number, over: Partial<ImportRecord> = {}): ImportRecord => ({
  row,
  surname: 'Галиуллина',
  name: 'Алия',
  patronymic: 'Хамитовна',
  initials: false,
  position: '',
  organization: '',
  phone: '',
  phoneRaw: '',
  email: '',
  municipality: 'Бирский район',
  municipalityMatched: true,
  municipalityId: 'ref:Бирский район',
  category: '',
  section: '',
  ...over,
});

const person: Person = { id: 'p1', surname: 'Галиуллина', name: 'Алия', patronymic: 'Хамитовна', phone: '+79170000001', municipalityId: 'ref:Бирский район' };
const registration: Registration = {
  id: 'r1', eventId: 'e', personId: 'p1', role: 'participant', category: 'ngo', municipalityId: 'ref:Бирский район', status: 'confirmed',
  badgeCode: 'AAAAAA', sectionPrefs: [], source: 'import', createdAt: '2019-12-01T00:00:00Z',
};
const base = (over: Partial<ImportBase> = {}): ImportBase => ({
  eventId: 'e', stamp: { changes: 0, last: '' }, registrations: [registration], people: new Map([['p1', person]]), organizations: [], sections: [], delegations: [],
  municipalities: [{ id: 'ref:Бирский район', name: 'Бирский район', kind: 'district', region: 'РБ', federalDistrict: 'ПФО', builtin: true }], ...over,
});
const analysis = (over: Partial<Analysis>): Analysis => ({ sheetName: 'Л', records: [], errors: [], warnings: [], inFile: [], existing: [], keys: [], ...over });

describe('duplicate decisions', () => {
  it('merges the same person by default, keeps namesakes from another municipality apart', () => {
    const a = analysis({
      records: [rec(5, { phone: '+79170000001' }), rec(6, { municipalityId: 'ref:г. Уфа', municipality: 'г. Уфа' })],
      existing: [
        { row: 5, existingId: 'r1', reasons: ['same-name', 'same-phone'] },
        { row: 6, existingId: 'r1', reasons: ['same-name'] },
      ],
    });
    const p = prepare(a, base());
    expect(defaultDecision(p.candidates.get(5))).toBe('reg:r1');
    expect(defaultDecision(p.candidates.get(6))).toBe('add');
  });

  it('a new phone alone does not make a namesake: an updated list merges', () => {
    const p = prepare(analysis({ records: [rec(5, { phone: '+79170009999' })], existing: [{ row: 5, existingId: 'r1', reasons: ['same-name'] }] }), base());
    expect(defaultDecision(p.candidates.get(5))).toBe('reg:r1');
  });

  it('«Козлов Э.Т.» (Уфа) against the stored «Козлов Эрик Тагирович» (Бирск) with the same office phone: asks, showing why', () => {
    const kozlov: Person = { ...person, surname: 'Козлов', name: 'Эрик', patronymic: 'Тагирович', phone: '+73472721145' };
    const r = rec(5, { surname: 'Козлов', name: 'Э.', patronymic: 'Т.', initials: true, phone: '+73472721145', municipalityId: 'ref:г. Уфа', municipality: 'г. Уфа' });
    const p = prepare(analysis({ records: [r], existing: [{ row: 5, existingId: 'r1', reasons: ['initials', 'same-phone'] }] }), base({ people: new Map([['p1', kozlov]]) }));
    expect(p.candidates.get(5)![0]!.evidence).toEqual(['initials', 'same-phone', 'other-municipality']);
    expect(defaultDecision(p.candidates.get(5))).toBe('add');
  });

  it('a phone match alone is only a suggestion', () => {
    const p = prepare(analysis({ records: [rec(5, { surname: 'Галлиулина', phone: '+79170000001' })], existing: [{ row: 5, existingId: 'r1', reasons: ['same-phone'] }] }), base());
    expect(defaultDecision(p.candidates.get(5))).toBe('add');
  });

  it('folds a row into an earlier one, which then merges into the stored person; skip drops a row', () => {
    const a = analysis({
      records: [rec(5), rec(9, { name: 'А.', patronymic: 'Х.', initials: true, position: 'председатель' }), rec(12, { surname: 'Иванов', name: 'Иван', patronymic: '' })],
      inFile: [{ rowA: 5, rowB: 9, reasons: ['initials'] }],
      existing: [{ row: 5, existingId: 'r1', reasons: ['same-name'] }],
    });
    const p = prepare(a, base());
    const { plan, fates } = buildPlan('e', p, new Map([[9, 'row:5'], [12, 'skip']]), []);
    expect(plan.rows).toEqual([expect.objectContaining({ row: 5, registrationId: 'r1', record: expect.objectContaining({ name: 'Алия', position: 'председатель' }) })]);
    expect(fates.get(9)).toEqual({ kind: 'folded', into: 5 });
    expect(fates.get(12)).toMatchObject({ kind: 'skipped' });
  });

  it('rows with errors are rejected with their messages', () => {
    const p = prepare(analysis({ records: [rec(5, { surname: '' })], errors: [rowIssue(5, 'fullName', 'Л', said('importRows:noSurname'))] }), base());
    expect(buildPlan('e', p, new Map(), []).fates.get(5)).toEqual({ kind: 'rejected', reasons: ['Лист «Л», строка 5: нет фамилии'] });
  });
});

describe('merging into a stored person', () => {
  it('fills and updates only what the row has, never renames on a duplicate merge, completes initials', () => {
    const stored: Person = { ...person, name: 'А.', patronymic: 'Х.', email: 'old@mail.ru' };
    const next = mergePerson(stored, rec(5, { phone: '', email: '', position: 'председатель' }), undefined, false);
    expect(next).toEqual({ ...stored, name: 'Алия', patronymic: 'Хамитовна', position: 'председатель' });
    expect(mergePerson(person, rec(5, { surname: 'Алия', name: 'Галиуллина' }), undefined, false)).toEqual(person);
  });

  it('a keyed template row renames (the district corrected it) unless it only abbreviates, and ignores ё/е', () => {
    expect(mergePerson(person, rec(5, { surname: 'Галиулина' }), undefined, true).surname).toBe('Галиулина');
    expect(mergePerson(person, rec(5, { name: 'А.', patronymic: 'Х.', initials: true }), undefined, true)).toEqual(person);
    const yo: Person = { ...person, surname: 'Королёва' };
    expect(mergePerson(yo, rec(5, { surname: 'Королева' }), undefined, true).surname).toBe('Королёва');
  });

  it('an identical row builds identical rows: nothing to write', () => {
    const built = buildImport({ eventId: 'e', rows: [{ row: 5, record: rec(5, { phone: '+79170000001', category: 'НКО' }), registrationId: 'r1' }], cancel: [] }, base(), { now: new Date(), newId: () => 'x' });
    expect(built.outcomes).toEqual([expect.objectContaining({ kind: 'unchanged', changes: [] })]);
    expect(built.writes.people).toEqual([person]);
    expect(built.writes.registrations).toEqual([registration]);
    expect(built.writes.delegations).toEqual([]);
  });
});

describe('district template', () => {
  it('lists the municipality’s registrations whose keys are gone, counting rows with errors as present', () => {
    const r2: Registration = { ...registration, id: 'r2', personId: 'p2', badgeCode: 'BBBBBB' };
    const r3: Registration = { ...registration, id: 'r3', personId: 'p3', badgeCode: 'CCCCCC' };
    const b = base({ registrations: [registration, r2, r3], people: new Map([['p1', person], ['p2', { ...person, id: 'p2', surname: 'Петрова' }], ['p3', { ...person, id: 'p3' }]]) });
    const a = analysis({ keys: [[4, 'r1'], [5, 'r3']], errors: [rowIssue(5, 'fullName', undefined, said('importRows:noSurname'))] });
    expect(removedFromTemplate(a, b, 'ref:Бирский район')).toEqual([{ registrationId: 'r2', name: 'Петрова Алия Хамитовна', badgeCode: 'BBBBBB' }]);
    expect(removedFromTemplate(a, b, undefined)).toEqual([]);
  });
});

describe('combine and categories', () => {
  it('fills blanks from the later row and prefers the full name to initials', () => {
    const a = rec(5, { name: 'А.', patronymic: 'Х.', initials: true, phone: '+79170000001' });
    expect(combine(a, rec(9, { phone: '+79170000002', email: 'a@b.ru' }))).toMatchObject({ name: 'Алия', patronymic: 'Хамитовна', initials: false, phone: '+79170000001', email: 'a@b.ru' });
  });

  it.each([
    ['НКО', 'ngo'],
    ['АКТИВНЫЙ ГРАЖДАНИН', 'citizen'],
    ['молодежь', 'youth'],
    ['Органы местного самоуправления', 'administration'],
    ['СМИ', 'media'],
    ['педагог', 'education'],
    ['', null],
    ['пенсионер', null],
  ])('category %j → %s', (text, cat) => expect(parseCategory(text)).toBe(cat));
});
