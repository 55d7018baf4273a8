/**
 * Issue 18 through the app's own repositories and encoders (exchange files, backups): each break is
 * refused or reported with a named reason, the data stays as it was, and the device goes on writing
 * and syncing afterwards.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BackupError, packBackup, unpackBackup } from '../../../../shared/backup/format';
import { deriveArrivals } from '../../../../shared/domain/arrival';
import type { DeviceRole, Person } from '../../../../shared/domain/types';
import type { ChangeRecord } from '../../../../shared/sync/change';
import { buildExchangeFile, countByTable, ExchangeError } from '../../../../shared/sync/exchange-file';
import { gzip } from '../../../../shared/sync/gzip';
import { packHlc } from '../../../../shared/sync/hlc';
import { createSigner, generateDeviceKeys, type Signer } from '../../../../shared/sync/signing';
import { ValueError } from '../../../../shared/sync/schemas';
import { signBatch } from '../../../../shared/trust/batches';
import { issueEnrolment } from '../../../../shared/trust/enrolment';
import { deviceSigner, ensureEventRoot } from '../../../../renderer/db/repo/trust';
import { CLOCK_FLOOR_KEY, createBackup, readBackup, restoreBackup, undoRestore, type BackupStore } from '../../../../renderer/db/backup';
import { deleteTracked, putTracked } from '../../../../renderer/db/change-log';
import type { DbContext } from '../../../../renderer/db/context';
import { openDatabase } from '../../../../renderer/db/open';
import { appendCheckin } from '../../../../renderer/db/repo/checkins';
import { applyExchange, previewExchange } from '../../../../renderer/db/repo/exchange-apply';
import { ownClockStatus } from '../../../../renderer/db/repo/incoming';
import { acceptHeld, listQuarantine } from '../../../../renderer/db/repo/quarantine';
import { listConflicts, resolveConflict } from '../../../../renderer/db/repo/sync-conflicts';
import { createBrowserBackups } from '../../../../renderer/bridge/backups.browser';
import { openDemoEvent } from '../../../../renderer/features/onboarding/open-demo';
import { closeDevices, device, keepOpen, send } from './helpers';
import { allChanges, PAGE_TABLE } from '../../../../renderer/db/change-pages';

afterEach(closeDevices);


async function receive(to: DbContext, bytes: Uint8Array, eventId: string) {
  const preview = await previewExchange(to, bytes, eventId);
  const result = await applyExchange(to, preview.file);
  return { preview, result };
}

/**
 * A file built by the app's own encoders, from a device of our making that the organizer `org` DID
 * enrol (issue 17 refuses anything else before these checks), carrying whatever changes we like.
 */
async function forged(org: DbContext, signer: Signer, eventId: string, changes: ChangeRecord[], role: DeviceRole = 'desk'): Promise<Uint8Array> {
  const trust = (await ensureEventRoot(org, eventId))!;
  const sender = { deviceId: signer.deviceId, publicKey: signer.publicKey, role, name: 'Чужая стойка' };
  const enrolment = await issueEnrolment(await deviceSigner(org), eventId, sender, new Date().toISOString());
  const header = { eventId, sender: { deviceId: signer.deviceId, name: sender.name, role }, enrolment, createdAt: new Date().toISOString(), seen: {} };
  return buildExchangeFile({ header, batches: [await signBatch(signer, eventId, changes, enrolment)], counts: countByTable(changes) }, signer, trust.eventKey);
}

const SHARED = ['events', 'sections', 'people', 'registrations', 'checkins', 'delegations'] as const;
async function snapshot(ctx: DbContext) {
  const out: Record<string, unknown[]> = {};
  for (const t of SHARED) out[t] = await ctx.db.table(t).toArray();
  return out;
}

async function editPerson(ctx: DbContext, id: string, patch: Partial<Person> & Record<string, unknown>) {
  await ctx.db.transaction('rw', ctx.db.people, ctx.db.changes, async () => {
    const p = (await ctx.db.people.get(id))!;
    await putTracked(ctx, 'people', [{ ...p, ...patch }]);
  });
}

/** The stamp of a new local write, through the repositories. */
async function nextStamp(ctx: DbContext, eventId: string): Promise<string> {
  const reg = (await ctx.db.registrations.where('eventId').equals(eventId).first())!;
  return (await appendCheckin(ctx, { eventId, registrationId: reg.id, kind: 'section-enter', operator: 'Оля', sectionId: 's' })).hlc;
}

const STAMP_15 = /^\d{15}-[0-9a-f]{5}-[0-9a-f]+$/;

async function site() {
  const org = await device('organizer', 'Организатор');
  const desk = await device('desk', 'Стойка 1');
  const eventId = await openDemoEvent(org, 20);
  await send(org, desk, eventId);
  const bad = await createSigner('ffffffffffffffffffffffffffffffff', await generateDeviceKeys());
  return { org, desk, eventId, bad };
}

describe('item 1: a stamp from the far future', () => {
  it('is quarantined with its drift, leaves the data as it was, and the receiver’s next stamp has 15 digits and comes after its previous one; both sides still sync', async () => {
    const { org, desk, eventId, bad } = await site();
    const person = (await desk.db.people.toCollection().first())!;
    const before = await snapshot(desk);
    const previous = desk.clock.last();
    const poisoned: ChangeRecord = { hlc: `999999999999999-ffffe-${bad.deviceId}`, device: bad.deviceId, table: 'people', rowId: person.id, op: 'put', fields: { surname: 'Поддельная' } };
    const { preview, result } = await receive(desk, await forged(org, bad, eventId, [poisoned]), eventId);
    expect(preview.quarantined).toEqual([{ device: bad.deviceId, count: 1, aheadMs: expect.any(Number) }]);
    expect(preview.quarantined[0]!.aheadMs).toBeGreaterThan(1e14);
    expect(result.fresh).toBe(0);
    expect(await snapshot(desk)).toEqual(before);
    expect(await desk.db.changes.get(poisoned.hlc)).toBeUndefined();
    expect((await listQuarantine(desk, eventId)).map((h) => h.change.hlc)).toEqual([poisoned.hlc]);

    const next = await nextStamp(desk, eventId);
    expect(next).toMatch(STAMP_15);
    expect(next > previous).toBe(true);
    // the desk's next file is read by the organizer without a refusal
    const back = await send(desk, org, eventId);
    expect(back.preview.refused).toEqual([]);
    expect(back.result.fresh).toBeGreaterThan(0);
    // after a restart, the clock starts where it was, not in the far future
    const reopened = await openDatabase(desk.db.name);
    keepOpen(reopened);
    expect(reopened.clock.tick()).toMatch(STAMP_15);
  });

  it('a desk whose clock says 2100 does not beat later corrections: its edit waits until the organizer accepts it, stamped now', async () => {
    const { org, desk, eventId } = await site();
    const person = (await org.db.people.toCollection().first())!;
    const future = await device('desk', 'Стойка 2100', () => Date.UTC(2100, 0, 1));
    await send(org, future, eventId);
    await editPerson(future, person.id, { position: 'из 2100 года' });
    const got = await send(future, org, eventId);
    expect(got.preview.quarantined.map((q) => q.device)).toEqual([future.device.id]);
    expect((await org.db.people.get(person.id))!.position).toBe(person.position);
    // the desk cannot accept it; the organizer can
    await send(future, desk, eventId);
    await expect(acceptHeld(desk, eventId)).rejects.toThrow(/организатор/);
    expect(await acceptHeld(org, eventId, future.device.id)).toBe(1);
    expect((await org.db.people.get(person.id))!.position).toBe('из 2100 года');
    const accepted = (await org.db.changes.where('[table+rowId]').equals(['people', person.id]).last())!;
    expect(accepted.device).toBe(org.device.id);
    expect(accepted.hlc).toMatch(STAMP_15);
    // a correction made afterwards wins everywhere
    await editPerson(org, person.id, { position: 'исправлено' });
    await send(org, desk, eventId);
    expect((await desk.db.people.get(person.id))!.position).toBe('исправлено');
  });

  it('accepting a far-ahead desk’s check-ins re-issues them as the organizer’s entries, its annul pointed at the copy', async () => {
    const { org, eventId } = await site();
    const future = await device('desk', 'Стойка 2100', () => Date.UTC(2100, 0, 1));
    await send(org, future, eventId);
    const [r1, r2] = await future.db.registrations.where('eventId').equals(eventId).limit(2).toArray();
    await appendCheckin(future, { eventId, registrationId: r1!.id, kind: 'arrive', operator: 'Оля' });
    await appendCheckin(future, { eventId, registrationId: r2!.id, kind: 'arrive', operator: 'Оля' });
    await appendCheckin(future, { eventId, registrationId: r2!.id, kind: 'annul', operator: 'Оля', reason: 'ошибка' });
    const got = await send(future, org, eventId);
    expect(got.preview.quarantined).toEqual([expect.objectContaining({ device: future.device.id, count: 3 })]);
    expect(await org.db.checkins.count()).toBe(0);
    expect(await acceptHeld(org, eventId)).toBe(3);
    const entries = await org.db.checkins.where('eventId').equals(eventId).toArray();
    expect(entries.every((e) => e.device === org.device.id && STAMP_15.test(e.hlc))).toBe(true);
    const arrivals = deriveArrivals(entries);
    expect(arrivals.get(r1!.id)?.arrived).toBe(true);
    expect(arrivals.get(r2!.id)?.arrived).toBe(false);
    // accepted once: the same file again holds nothing new and accepts nothing more
    await send(future, org, eventId, true);
    expect(await acceptHeld(org, eventId)).toBe(0);
  });

  it('a backup whose lastStamp is poisoned is refused by name and leaves the data and clock as they were; a clock floor poisoned before does not survive a restore and «Отменить восстановление»', async () => {
    const { org, eventId } = await site();
    let stores = 0;
    const store: BackupStore = createBrowserBackups(() => indexedDB, `skhod-backups-h-${process.pid}-${++stores}`);
    const good = await createBackup(org, 'Вручную');
    const content = await readBackup(good.bytes);
    const { format: _f, version: _v, counts: _c, ...header } = content.header;
    const poisonedBytes = await packBackup({ ...header, lastStamp: '999999999999999-ffffe-ffffffffffffffffffffffffffffffff' }, content.tables);
    const before = await snapshot(org);
    const last = org.clock.last();
    await expect(restoreBackup(org, await readBackup(poisonedBytes), { store })).rejects.toMatchObject({ name: 'BackupError', code: 'future-stamps' });
    expect(await snapshot(org)).toEqual(before);
    expect(org.clock.tick() > last).toBe(true);

    // a floor left poisoned by an earlier version: a restore and its undo both leave a bounded floor
    await org.db.settings.put({ key: CLOCK_FLOOR_KEY, value: '999999999999999-ffffe-ffffffffffffffffffffffffffffffff' });
    await restoreBackup(org, content, { store });
    expect(((await org.db.settings.get(CLOCK_FLOOR_KEY))!.value as string).startsWith('9999')).toBe(false);
    await undoRestore(org, store);
    const floor = (await org.db.settings.get(CLOCK_FLOOR_KEY))!.value as string;
    expect(floor.startsWith('9999')).toBe(false);
    const reopened = await openDatabase(org.db.name);
    keepOpen(reopened);
    const next = await nextStamp(reopened, eventId);
    expect(next).toMatch(STAMP_15);
    expect(next > floor).toBe(true);
  });
});

describe('item 2: one device id, two installs', () => {
  it('a second key under a known id is refused; a different change under a stamp already held is refused as same-stamp; a change under this device’s own id it never wrote (a cloned disk) is refused as own-id', async () => {
    const { org, desk, eventId, bad } = await site();
    const person = (await org.db.people.toCollection().first())!;
    const stamp = packHlc({ wall: Date.now() + 1000, counter: 0, device: bad.deviceId });
    await receive(org, await forged(org, bad, eventId, [{ hlc: stamp, device: bad.deviceId, table: 'people', rowId: person.id, op: 'put', fields: { position: 'первая установка' } }]), eventId);
    const twin = await createSigner(bad.deviceId, await generateDeviceKeys());
    const other: ChangeRecord = { hlc: stamp, device: bad.deviceId, table: 'people', rowId: person.id, op: 'put', fields: { position: 'вторая установка' } };
    await expect(previewExchange(org, await forged(org, twin, eventId, [other]), eventId)).rejects.toBeInstanceOf(ExchangeError);
    // relayed by a desk that took the twin's key first: still named, not taken as already held
    await receive(desk, await forged(org, twin, eventId, [other]), eventId);
    const before = await snapshot(org);
    const relayed = await send(desk, org, eventId, true);
    expect(relayed.preview.refused.filter((r) => r.reason === 'same-stamp').map((r) => r.change.hlc)).toEqual([stamp]);
    expect(await snapshot(org)).toEqual(before);
    expect((await org.db.people.get(person.id))!.position).toBe('первая установка');
    // a clone of the desk (its disk copied: same id, same key) writes; the organizer relays it back
    const clone = await deviceSigner(desk);
    const mine = packHlc({ wall: Date.now() + 60_000, counter: 7, device: desk.device.id });
    await receive(org, await forged(org, clone, eventId, [{ hlc: mine, device: desk.device.id, table: 'people', rowId: person.id, op: 'put', fields: { position: 'клон' } }]), eventId);
    const claim = await send(org, desk, eventId);
    // (the first install's change, held here under the twin's stamp, is refused again as same-stamp)
    expect(claim.preview.refused.filter((r) => r.change.hlc === mine).map((r) => r.reason)).toEqual(['own-id']);
    expect((await desk.db.people.get(person.id))!.position).not.toBe('клон');
    expect(await nextStamp(org, eventId)).toMatch(STAMP_15);
  });
});

describe('item 3: undo at one desk, check-in at another', () => {
  it('desk B’s undo of its own mistaken check-in keeps desk A’s; the review says so and «выбрать другое» cancels both', async () => {
    const org = await device('organizer', 'Организатор');
    const a = await device('desk', 'Стойка A');
    const b = await device('desk', 'Стойка B');
    const eventId = await openDemoEvent(org, 10);
    await send(org, a, eventId);
    await send(org, b, eventId);
    const reg = (await a.db.registrations.where('eventId').equals(eventId).first())!;
    await appendCheckin(a, { eventId, registrationId: reg.id, kind: 'arrive', operator: 'Оля' });
    await appendCheckin(b, { eventId, registrationId: reg.id, kind: 'arrive', operator: 'Рита' });
    const annul = await appendCheckin(b, { eventId, registrationId: reg.id, kind: 'annul', operator: 'Рита', reason: 'не тот человек' });
    expect(annul.cancels).toHaveLength(1);
    await send(a, b, eventId);
    await send(b, a, eventId);
    const arrived = async (ctx: DbContext) => deriveArrivals(await ctx.db.checkins.where('eventId').equals(eventId).toArray()).get(reg.id)?.arrived;
    expect(await arrived(a)).toBe(true);
    expect(await arrived(b)).toBe(true);
    const onB = (await listConflicts(b, eventId)).find((c) => c.conflict.kind === 'annul-vs-checkin')!;
    expect(onB.conflict).toMatchObject({ registrationId: reg.id, annul: { device: b.device.id, reason: 'не тот человек' }, arrivals: [{ device: a.device.id }] });
    await resolveConflict(b, eventId, onB.id, 'other');
    await send(b, a, eventId);
    expect(await arrived(b)).toBe(false);
    expect(await arrived(a)).toBe(false);
  });
});

describe('item 4: delete vs concurrent edit', () => {
  it('is reported with both sides (not as a field clash on a hidden row), and «восстановить» brings the row back everywhere', async () => {
    const { org, desk, eventId } = await site();
    const reg = (await org.db.registrations.where('eventId').equals(eventId).first())!;
    await desk.db.transaction('rw', desk.db.registrations, desk.db.changes, () => putTracked(desk, 'registrations', [{ ...reg, note: 'нужно согласие' }]));
    await org.db.transaction('rw', org.db.registrations, org.db.changes, () => deleteTracked(org, 'registrations', [reg.id]));
    await send(desk, org, eventId);
    await send(org, desk, eventId);
    // reported where the edit met the delete (the organizer's file then tells the desk it had seen the
    // edit, so the desk, which learns it only afterwards, does not list it a second time)
    const list = await listConflicts(org, eventId);
    expect(list.filter((c) => c.conflict.kind === 'field')).toEqual([]);
    const lost = list.find((c) => c.conflict.kind === 'delete-edit');
    expect(lost?.conflict).toMatchObject({ table: 'registrations', rowId: reg.id, deleted: { device: org.device.id }, edit: { device: desk.device.id, fields: { note: 'нужно согласие' } } });
    expect((await listConflicts(desk, eventId)).filter((c) => c.conflict.kind === 'field')).toEqual([]);
    for (const ctx of [org, desk]) expect(await ctx.db.registrations.get(reg.id)).toBeUndefined();
    const item = (await listConflicts(org, eventId)).find((c) => c.conflict.kind === 'delete-edit')!;
    await resolveConflict(org, eventId, item.id, 'other');
    await send(org, desk, eventId);
    expect((await desk.db.registrations.get(reg.id))?.note).toBe('нужно согласие');
    expect((await org.db.registrations.get(reg.id))?.personId).toBe(reg.personId);
  });
});

describe('item 5: values that would break backups, exports and edits', () => {
  const nested = (depth: number) => {
    let v: unknown = 'x';
    for (let i = 0; i < depth; i++) v = { a: v };
    return v;
  };

  it('a people.notes nested 2,500 or 4,000 deep is refused by name; backups, exports and edits go on', async () => {
    const { org, desk, eventId, bad } = await site();
    const person = (await desk.db.people.toCollection().first())!;
    const before = await snapshot(desk);
    const changes: ChangeRecord[] = [2_500, 4_000].map((depth, i) => ({ hlc: packHlc({ wall: Date.now() - 1000, counter: i, device: bad.deviceId }), device: bad.deviceId, table: 'people', rowId: person.id, op: 'put', fields: { notes: nested(depth) } }));
    const { preview } = await receive(desk, await forged(org, bad, eventId, changes), eventId);
    expect(preview.refused.map((r) => [r.reason, r.detail])).toEqual([
      ['invalid', expect.stringMatching(/notes.*вложено/)],
      ['invalid', expect.stringMatching(/notes.*вложено/)],
    ]);
    expect(await snapshot(desk)).toEqual(before);
    await expect(createBackup(desk, 'Вручную')).resolves.toBeDefined();
    await editPerson(desk, person.id, { position: 'правка после' });
    await expect(send(desk, org, eventId)).resolves.toBeDefined();
    expect((await org.db.people.get(person.id))!.position).toBe('правка после');
  });

  it('a local write of a text longer than a spreadsheet cell is refused by name and nothing is written', async () => {
    const { desk } = await site();
    const person = (await desk.db.people.toCollection().first())!;
    const count = await desk.db.changes.count();
    await expect(editPerson(desk, person.id, { position: 'я'.repeat(32_768) })).rejects.toBeInstanceOf(ValueError);
    expect((await desk.db.people.get(person.id))!.position).toBe(person.position);
    expect(await desk.db.changes.count()).toBe(count);
  });

  it('a backup holding tens of megabytes of JSON in a few kilobytes is refused before it is inflated', async () => {
    const header = `{"header":{"format":"skhod-backup","version":1},"tables":{"people":[`;
    const body = new TextEncoder().encode(header + '{},'.repeat(8_000_000) + '{}]}}');
    const bomb = new Uint8Array([...new TextEncoder().encode('SKHODBK'), 1, ...(await gzip(body))]);
    expect(bomb.length).toBeLessThan(body.length / 200);
    await expect(unpackBackup(bomb)).rejects.toMatchObject({ name: 'BackupError', code: 'too-large' });
  });

  it('counts objects before parsing: past the limit a backup is refused without JSON.parse', async () => {
    const { org } = await site();
    const { bytes } = await createBackup(org, 'Вручную');
    await expect(unpackBackup(bytes, { maxContainers: 50 })).rejects.toBeInstanceOf(BackupError);
    await expect(unpackBackup(bytes)).resolves.toBeDefined();
  });
});

describe('this device’s own clock', () => {
  it('is reported off when files from two peers were made later than this clock says (a clock behind), not for one peer alone', async () => {
    const { org, desk, eventId } = await site();
    const behind = await device('desk', 'Стойка с отстающими часами', () => Date.now() - 3 * 86_400_000);
    await send(org, behind, eventId);
    expect(await ownClockStatus(behind)).toBeNull();
    await send(desk, behind, eventId, true);
    expect(await ownClockStatus(behind)).toBeLessThan(-2 * 86_400_000);
    expect(await ownClockStatus(org)).toBeNull();
  });
});

describe('a change from a peer dressed as a page of the change log (renderer/db/change-pages.ts)', () => {
  it('is refused: the log gets no page from it, and the change inside it reaches no row nor any reader', async () => {
    const { org, eventId, bad } = await site();
    const person = (await org.db.people.toCollection().first())!;
    const inner: ChangeRecord = { hlc: packHlc({ wall: Date.now(), counter: 1, device: bad.deviceId }), device: bad.deviceId, table: 'people', rowId: person.id, op: 'put', fields: { position: 'подложено' } };
    const stamp = packHlc({ wall: Date.now(), counter: 2, device: bad.deviceId });
    const page = { hlc: stamp, device: bad.deviceId, table: PAGE_TABLE, rowId: `${inner.hlc} 1`, op: 'put', fields: {}, items: [inner], rows: [person.id] } as ChangeRecord;
    const entries = await org.db.changes.count();
    const before = await snapshot(org);
    const { preview } = await receive(org, await forged(org, bad, eventId, [page]), eventId);
    expect(preview.refused.map((r) => [r.change.hlc, r.reason])).toEqual([[stamp, 'unknown-table']]);
    expect(await org.db.changes.count()).toBe(entries);
    expect((await allChanges(org.db)).some((c) => c.hlc === inner.hlc || c.hlc === stamp)).toBe(false);
    expect(await snapshot(org)).toEqual(before);
  });
});
