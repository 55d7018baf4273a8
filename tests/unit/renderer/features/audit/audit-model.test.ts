import { describe, expect, it } from 'vitest';
import municipalities from '../../../../../resources/municipalities.json';
import { AuditLog, deviceLabel, devicesInLog, filterAudit, formatTime } from '../../../../../renderer/features/audit/audit-model';
import type { Person, Registration } from '../../../../../shared/domain/types';
import { generatePeople, type MunicipalityInput } from '../../../../../shared/generator';
import type { ChangeRecord } from '../../../../../shared/sync/change';
import { changedFields } from '../../../../../shared/sync/diff';
import { createClock, type Clock } from '../../../../../shared/sync/hlc';
import { initI18n } from '../../../../../renderer/i18n';

initI18n('ru');

/**
 * A conference's change log as the app writes it (same diffing as putTracked): an organizer imports
 * delegates, two desks check them in, people get edited, one is deleted. Deterministic: the clock is
 * a counter, the people come from the seeded generator.
 */
function conference(count: number) {
  let t = Date.UTC(2019, 11, 17, 6, 0, 0);
  const now = () => (t += 1000);
  const devices = { org: 'org-7f3a', desk1: 'desk-11aa', desk2: 'desk-22bb' } as const;
  const clocks: Record<string, Clock> = {};
  for (const id of Object.values(devices)) clocks[id] = createClock(id, now);
  const rows = new Map<string, Record<string, unknown>>();
  const log: ChangeRecord[] = [];
  const put = (device: string, table: string, row: { id: string } & Record<string, unknown>) => {
    const key = `${table}/${row.id}`;
    const fields = changedFields(rows.get(key), row);
    if (!fields) return;
    rows.set(key, row);
    log.push({ hlc: clocks[device]!.tick(), device, table, rowId: row.id, op: 'put', fields });
  };
  const del = (device: string, table: string, id: string) => {
    rows.delete(`${table}/${id}`);
    log.push({ hlc: clocks[device]!.tick(), device, table, rowId: id, op: 'delete', fields: {} });
  };

  const places = (municipalities as MunicipalityInput[]).slice(0, 12);
  for (const m of places) put(devices.org, 'municipalities', { id: `ref:${m.name}`, name: m.name, kind: 'district', region: 'Республика Башкортостан', federalDistrict: 'Приволжский', builtin: true });
  put(devices.org, 'sections', { id: 'sec-1', eventId: 'ev', title: 'Соседские сообщества. Добрососедство', capacity: 30, moderators: [], order: 1 });
  put(devices.org, 'sections', { id: 'sec-2', eventId: 'ev', title: 'НКО и власть', capacity: 30, moderators: [], order: 2 });

  const generated = generatePeople({ seed: 2019, count, municipalities: places });
  // one ё-name, to find with е
  generated[5] = { ...generated[5]!, surname: 'Фёдорова', name: 'Алёна', patronymic: 'Семёновна' };
  const people: Person[] = generated.map((g) => ({ id: `person-${g.key}`, surname: g.surname, name: g.name, patronymic: g.patronymic, phone: g.phone, municipalityId: `ref:${g.municipality}`, position: g.position }));
  const regs: Registration[] = people.map((p, i) => ({
    id: `reg-${i}`,
    eventId: 'ev',
    personId: p.id,
    role: 'participant',
    category: 'citizen',
    municipalityId: p.municipalityId,
    status: 'confirmed',
    badgeCode: `B${String(i).padStart(5, '0')}`,
    sectionPrefs: ['sec-1', 'sec-2'],
    source: 'import',
    createdAt: '2019-12-17T06:00:00Z',
  }));
  for (const p of people) put(devices.org, 'people', p);
  for (const r of regs) put(devices.org, 'registrations', r);

  // the day: desks check in two thirds of the people, alternating; operators by desk
  const checkinIds = new Map<string, string[]>(); // personId -> checkin ids
  regs.forEach((r, i) => {
    if (i % 3 === 2) return;
    const desk = i % 2 ? devices.desk1 : devices.desk2;
    const id = `chk-${i}`;
    put(desk, 'checkins', { id, eventId: 'ev', registrationId: r.id, kind: 'arrive', device: desk, operator: desk === devices.desk1 ? 'Гульнара' : 'Руслан', at: '2019-12-18T08:30:00Z', hlc: 'x' });
    checkinIds.set(r.personId, [id]);
  });
  // edits: the desk fixes a phone twice, the organizer adds an e-mail and moves someone to a section
  const p7 = people[7]!;
  put(devices.desk1, 'people', { ...p7, phone: '+79170000001' });
  put(devices.desk1, 'people', { ...p7, phone: '+79170000002' });
  put(devices.org, 'people', { ...p7, phone: '+79170000002', email: 'person7@mail.ru' });
  put(devices.org, 'registrations', { ...regs[7]!, sectionId: 'sec-2' });
  // a duplicate removed: person 9 and their registration deleted by the organizer
  del(devices.org, 'registrations', regs[9]!.id);
  del(devices.org, 'people', people[9]!.id);

  return { log, devices, people, regs, checkinIds, original: { p7 } };
}

const build = (log: readonly ChangeRecord[]) => {
  const a = new AuditLog();
  a.add(log);
  a.markComplete();
  return a;
};

describe('audit trail: who changed what and when', () => {
  const sim = conference(400);
  const audit = build(sim.log);
  const entryOf = (pred: (c: ChangeRecord) => boolean, nth = 0) => audit.entry(sim.log.filter(pred)[nth]!);

  it('lists every change, newest first', () => {
    expect(audit.size).toBe(sim.log.length);
    const shown = Array.from({ length: audit.size }, (_, i) => audit.newest(i)!.hlc);
    expect(shown).toEqual(sim.log.map((c) => c.hlc).sort().reverse());
    expect(audit.entry(audit.newest(0)!).kind).toBe('delete');
  });

  it('names rows in words: a person by full name, a registration and a check-in by their person', () => {
    const p = sim.people[3]!;
    const full = `${p.surname} ${p.name} ${p.patronymic}`;
    expect(entryOf((c) => c.rowId === p.id)).toMatchObject({ tableLabel: 'Человек', subject: full, kind: 'create', device: sim.devices.org });
    expect(entryOf((c) => c.rowId === 'reg-3')).toMatchObject({ tableLabel: 'Регистрация', subject: full });
    expect(entryOf((c) => c.rowId === 'chk-3')).toMatchObject({ tableLabel: 'Отметка', subject: full, operator: 'Гульнара', device: sim.devices.desk1 });
    expect(entryOf((c) => c.rowId === 'chk-4')).toMatchObject({ operator: 'Руслан', device: sim.devices.desk2 });
    expect(entryOf((c) => c.rowId === 'sec-1').subject).toBe('Соседские сообщества. Добрососедство');
  });

  it('shows each field old → new from the previous change of the same field of the same row', () => {
    const edits = sim.log.filter((c) => c.rowId === sim.original.p7.id && c.op === 'put').map((c) => audit.entry(c));
    expect(edits.map((e) => e.kind)).toEqual(['create', 'update', 'update', 'update']);
    expect(edits[1]!.fields).toEqual([{ field: 'phone', label: 'телефон', before: sim.original.p7.phone, after: '+79170000001' }]);
    expect(edits[2]!.fields).toEqual([{ field: 'phone', label: 'телефон', before: '+79170000001', after: '+79170000002' }]);
    // a field that had no value before
    expect(edits[3]!.fields).toEqual([{ field: 'email', label: 'e-mail', before: '—', after: 'person7@mail.ru' }]);
    // references by label, not by id: the section the organizer picked
    const moved = entryOf((c) => c.rowId === 'reg-7', 1);
    expect(moved.fields).toEqual([{ field: 'sectionId', label: 'секция', before: '—', after: 'НКО и власть' }]);
  });

  it('a creation lists its values; the municipality and preferred sections read as names', () => {
    const created = entryOf((c) => c.rowId === 'reg-3');
    const byField = Object.fromEntries(created.fields.map((f) => [f.field, f.after]));
    expect(byField.municipalityId).toBe(sim.people[3]!.municipalityId!.slice(4));
    expect(byField.sectionPrefs).toBe('Соседские сообщества. Добрососедство, НКО и власть');
    expect(byField.status).toBe('подтверждён');
    expect(byField.category).toBe('активный гражданин');
    expect(byField).not.toHaveProperty('eventId');
  });

  it('a deleted person is still named by what they were called', () => {
    const p = sim.people[9]!;
    const gone = entryOf((c) => c.rowId === p.id && c.op === 'delete');
    expect(gone).toMatchObject({ kind: 'delete', subject: `${p.surname} ${p.name} ${p.patronymic}`, fields: [] });
  });

  it('filters by a typed name: ё = е, any case, words in any order; brings the person’s registration and check-ins along', () => {
    const p = sim.people[5]!; // Фёдорова Алёна Семёновна
    const expected = new Set([p.id, 'reg-5', ...(sim.checkinIds.get(p.id) ?? [])]);
    for (const query of ['федорова алена', 'АЛЕНА фёдорова', '  федоров  ']) {
      const found = filterAudit(audit, { person: query, device: '' }).map((i) => audit.newest(i)!);
      expect(found.length, query).toBeGreaterThan(0);
      // every change about her, and (for the exact name) nothing else
      expect(new Set(found.map((c) => c.rowId).filter((id) => expected.has(id)))).toEqual(expected);
      for (const c of found) expect(audit.label(c.table, c.rowId).toLowerCase().replace(/ё/g, 'е')).toContain('федоров');
    }
    expect(filterAudit(audit, { person: 'Несуществующая Фамилия', device: '' })).toEqual([]);
  });

  it('filters by device and combines both filters', () => {
    const desk1 = filterAudit(audit, { person: '', device: sim.devices.desk1 });
    expect(desk1.length).toBe(sim.log.filter((c) => c.device === sim.devices.desk1).length);
    expect(desk1.every((i) => audit.newest(i)!.device === sim.devices.desk1)).toBe(true);
    const p7 = sim.original.p7;
    const both = filterAudit(audit, { person: `${p7.surname} ${p7.name} ${p7.patronymic}`, device: sim.devices.desk1 }).map((i) => audit.newest(i)!);
    expect(both.every((c) => c.device === sim.devices.desk1)).toBe(true);
    expect(both.filter((c) => c.table === 'people')).toHaveLength(2); // the two phone fixes
    const devices = devicesInLog(audit);
    expect(devices[0]!.id).toBe(sim.devices.org); // the most active first
    expect(new Set(devices.map((d) => d.id))).toEqual(new Set(Object.values(sim.devices)));
    expect(devicesInLog(audit).reduce((n, d) => n + d.count, 0)).toBe(sim.log.length);
  });

  it('names a device by its row, else as Сход names a new device', () => {
    expect(deviceLabel('desk-11aa', new Map([['desk-11aa', 'Стойка 1']]))).toBe('Стойка 1');
    expect(deviceLabel('desk-11aa', new Map())).toBe('Устройство DESK');
  });

  it('names seeded rows that have no change in the log from the table, and writes times in Russian order', () => {
    const clock = createClock('org', () => Date.UTC(2019, 11, 17));
    const a = build([{ hlc: clock.tick(), device: 'org', table: 'delegations', rowId: 'ev:ref:Бирский район', op: 'put', fields: { municipalityId: 'ref:Бирский район', expected: 4, lastListAt: '2019-12-10T09:30:00Z' } }]);
    expect(a.entry(a.newest(0)!).subject).toBe('Муниципалитет ref:Би'); // not known yet: a short id
    a.setKnownLabels('municipalities', [['ref:Бирский район', 'Бирский район']]);
    const e = a.entry(a.newest(0)!);
    expect(e.subject).toBe('Бирский район');
    expect(e.fields.find((f) => f.field === 'municipalityId')!.after).toBe('Бирский район');
    expect(e.fields.find((f) => f.field === 'lastListAt')!.after).toBe(formatTime(Date.parse('2019-12-10T09:30:00Z')));
    expect(formatTime(Date.UTC(2019, 11, 18, 4, 41, 5))).toBe('18.12.2019, 09:41:05'); // Ufa, UTC+5
  });

  it('never shows the organizer PIN hash', () => {
    const a = build([{ hlc: createClock('org', () => 1).tick(), device: 'org', table: 'events', rowId: 'ev', op: 'put', fields: { title: 'Сход', organizerPin: { hash: 'deadbeef', salt: '00' } } }]);
    const e = a.entry(a.newest(0)!);
    expect(e.fields.find((f) => f.field === 'organizerPin')!.after).toBe('задан');
    expect(JSON.stringify(e)).not.toContain('deadbeef');
  });
});

describe('audit trail loaded in chunks', () => {
  it('newest first in chunks, then live changes, gives what one load gives; old values are unknown until loaded', () => {
    const sim = conference(150);
    const all = build(sim.log);
    const sorted = [...sim.log].sort((a, b) => (a.hlc < b.hlc ? -1 : 1));
    const live = sorted.slice(-5);
    const stored = sorted.slice(0, -5);
    const partial = new AuditLog();
    const chunk = 97;
    partial.add(stored.slice(-chunk)); // the newest chunk
    // the phone edits are in the newest chunk; the creation of the person is not: the first edit's "before" is unknown
    const firstEdit = sim.log.filter((c) => c.rowId === sim.original.p7.id)[1]!;
    expect(partial.entry(firstEdit).fields[0]!.before).toBeNull();
    for (let end = stored.length - chunk; end > 0; end -= chunk) partial.add(stored.slice(Math.max(0, end - chunk), end));
    partial.add(live);
    partial.add(live.slice(0, 2)); // the watch may deliver a change twice
    partial.markComplete();
    expect(partial.size).toBe(all.size);
    for (let i = 0; i < all.size; i += 1) expect(partial.entry(partial.newest(i)!)).toEqual(all.entry(all.newest(i)!));
    expect(partial.entry(firstEdit).fields[0]!.before).toBe(sim.original.p7.phone);
  });

  it('filters a log of 100,000+ changes correctly', () => {
    const sim = conference(20_000);
    expect(sim.log.length).toBeGreaterThan(50_000);
    // pad with section edits by desks to pass 100k, as a long event would
    const clock = createClock('desk-33cc', () => Date.UTC(2019, 11, 18, 12));
    const extra: ChangeRecord[] = [];
    for (let i = 0; extra.length + sim.log.length <= 100_000; i += 1) {
      extra.push({ hlc: clock.tick(), device: 'desk-33cc', table: 'registrations', rowId: `reg-${i % 20_000}`, op: 'put', fields: { note: `заметка ${i}` } });
    }
    const audit = build([...sim.log, ...extra]);
    expect(audit.size).toBeGreaterThan(100_000);
    expect(filterAudit(audit, { person: '', device: 'desk-33cc' })).toHaveLength(extra.length);
    const p = sim.people[12_345]!;
    const hits = filterAudit(audit, { person: `${p.surname} ${p.name} ${p.patronymic}`, device: '' }).map((i) => audit.newest(i)!);
    expect(hits.some((c) => c.rowId === p.id)).toBe(true);
    expect(hits.some((c) => c.rowId === 'reg-12345' && c.device === 'desk-33cc')).toBe(true);
    for (const c of hits) expect(audit.label(c.table, c.rowId)).toBe(`${audit.personName(audit.personOf(c.table, c.rowId)!)}`);
  });
});
