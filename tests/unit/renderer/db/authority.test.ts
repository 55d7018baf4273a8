/**
 * Issue 17's attacks, each reproduced with the project's own encoders against real databases
 * (fake-indexeddb), and each refused with a named reason and the database unchanged.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceRole, EventRow } from '../../../../shared/domain/types';
import { makeOrganizerPin, verifyOrganizerPin } from '../../../../shared/security/organizer-pin';
import type { ChangeRecord } from '../../../../shared/sync/change';
import { buildExchangeFile, countByTable, type ExchangeHeaderInput } from '../../../../shared/sync/exchange-file';
import { encodeChanges, type AuthorBatch } from '../../../../shared/trust/batches';
import { signStatement, type Enrolment } from '../../../../shared/trust/enrolment';
import { AuthorityError, openOrganizerSession } from '../../../../renderer/db/authority';
import { createBackup, previewBackup, readBackup, restoreBackup } from '../../../../renderer/db/backup';
import { putTracked } from '../../../../renderer/db/change-log';
import type { DbContext } from '../../../../renderer/db/context';
import { appendCheckin } from '../../../../renderer/db/repo/checkins';
import { createContestFromTemplate } from '../../../../renderer/db/repo/contest';
import { applyExchange, previewExchange, type ExchangePreview } from '../../../../renderer/db/repo/exchange-apply';
import { exportExchange } from '../../../../renderer/db/repo/exchange-export';
import { addMunicipality } from '../../../../renderer/db/repo/reference';
import { acceptEnrolment, deviceSigner, enrolPairedDevice, loadTrust } from '../../../../renderer/db/repo/trust';
import { openDemoEvent } from '../../../../renderer/features/onboarding/open-demo';
import { setOrganizerPin, updateDevice } from '../../../../renderer/db/repo/device';
import { freshDb } from './helpers';
import { enrol } from './trust-helpers';

const open: DbContext[] = [];
afterEach(() => {
  for (const ctx of open.splice(0)) ctx.db.close();
});

async function device(role: DeviceRole, name: string): Promise<DbContext> {
  const ctx = await freshDb();
  ctx.device = { ...ctx.device, role, name };
  await ctx.db.devices.put(ctx.device);
  open.push(ctx);
  return ctx;
}

const DATA = ['events', 'sections', 'people', 'organizations', 'registrations', 'checkins', 'contests', 'nominations', 'scores', 'municipalities', 'devices', 'trust'] as const;
async function snapshot(ctx: DbContext) {
  const out: Record<string, unknown[]> = {};
  for (const t of DATA) out[t] = ((await ctx.db.table(t).toArray()) as { id?: string }[]).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return out;
}

/** The organizer's event (PIN 246813 set), a desk enrolled from a file; both hold the whole event. */
async function site() {
  const org = await device('organizer', 'Организатор');
  const eventId = await openDemoEvent(org, 12);
  await setOrganizerPin(org, '246813');
  const desk = await enrol(org, await device('organizer', 'Стойка 1'), eventId, 'desk', true);
  return { org, desk, eventId };
}

let n = 0;
const stampOf = (device: string) => `${String(Date.now() + 1000 + n++).padStart(15, '0')}-00000-${device}`;
const change = (device: string, table: string, rowId: string, fields: Record<string, unknown>): ChangeRecord => ({ hlc: stampOf(device), device, table, rowId, op: 'put', fields });

/** A file `from` builds by hand: its own signature on top, the given batches inside, its event key. */
async function craft(from: DbContext, eventId: string, batches: AuthorBatch[], changes: ChangeRecord[], over: Partial<ExchangeHeaderInput> = {}) {
  const trust = (await loadTrust(from, eventId))!;
  const header: ExchangeHeaderInput = {
    eventId,
    sender: { deviceId: from.device.id, name: from.device.name, role: from.device.role },
    ...(trust.enrolment ? { enrolment: trust.enrolment } : {}),
    createdAt: new Date().toISOString(),
    seen: {},
    ...over,
  };
  return buildExchangeFile({ header, batches, counts: countByTable(changes) }, await deviceSigner(from), trust.eventKey);
}

/** A batch signed by `by` (its real key) claiming `author`, with `enrolment` attached. */
async function batchBy(by: DbContext, author: string, eventId: string, changes: ChangeRecord[], enrolment?: Enrolment): Promise<AuthorBatch> {
  const signed = await signStatement(await deviceSigner(by), { t: 'skhod-batch', eventId, author, changes: encodeChanges(changes) });
  return enrolment ? { ...signed, enrolment } : signed;
}

/** Previews and applies; returns the preview. Applying a fully refused file must change no data. */
async function receive(to: DbContext, bytes: Uint8Array, eventId: string | null): Promise<ExchangePreview> {
  const preview = await previewExchange(to, bytes, eventId);
  await applyExchange(to, preview.file);
  return preview;
}
const reasons = (p: ExchangePreview) => [...new Set(p.refused.map((r) => `${r.change.table}:${r.reason}`))].sort();
const dataOnly = (s: Record<string, unknown[]>) => ({ ...s, devices: undefined });

async function forgedPayload(org: DbContext, eventId: string, author: string) {
  const event = (await org.db.events.get(eventId))!;
  const contest = change(author, 'contests', 'forged-contest', { id: 'forged-contest', eventId, title: 'Подложный конкурс' });
  const score = change(author, 'scores', 'j1|a1', { id: 'j1|a1', contestId: 'forged-contest', jurorId: 'j1', applicationId: 'a1', values: { c1: 10 } });
  const pin = change(author, 'events', eventId, { organizerPin: await makeOrganizerPin('000000', { deviceId: author, now: new Date(Date.now() + 60_000) }) });
  return { event, changes: [contest, score, pin] };
}

describe('issue 17 attacks, refused with a named reason, data unchanged', () => {
  it('1. a desk stamps its changes with the organizer’s device id (score, contest, PIN 000000) → forged-origin', async () => {
    const { org, desk, eventId } = await site();
    const { changes } = await forgedPayload(org, eventId, org.device.id);
    const before = await snapshot(org);
    const bytes = await craft(desk, eventId, [await batchBy(desk, desk.device.id, eventId, changes, (await loadTrust(desk, eventId))!.enrolment)], changes);
    const preview = await receive(org, bytes, eventId);
    expect(preview.senderRole).toBe('desk');
    expect(reasons(preview)).toEqual(['contests:forged-origin', 'events:forged-origin', 'scores:forged-origin']);
    expect(preview.fresh).toBe(0); // nothing left to apply («Применить» is disabled)
    expect(dataOnly(await snapshot(org))).toEqual(dataOnly(before));
    const pin = (await org.db.events.get(eventId))!.organizerPin!;
    expect(await verifyOrganizerPin('000000', pin)).toBe(false);
    expect(await verifyOrganizerPin('246813', pin)).toBe(true);
  });

  it('1b. the same writes in the desk’s own name → refused by the desk’s enrolled role', async () => {
    const { org, desk, eventId } = await site();
    const { changes } = await forgedPayload(org, eventId, desk.device.id);
    const before = await snapshot(org);
    const bytes = await craft(desk, eventId, [await batchBy(desk, desk.device.id, eventId, changes, (await loadTrust(desk, eventId))!.enrolment)], changes, {
      sender: { deviceId: desk.device.id, name: 'Стойка 1', role: 'organizer' },
    });
    const preview = await receive(org, bytes, eventId);
    expect(reasons(preview)).toEqual(['contests:role', 'events:role', 'scores:role']);
    expect(dataOnly(await snapshot(org))).toEqual(dataOnly(before));
  });

  it('2. a device the organizer never enrolled declares itself organizer (it even holds the event key) → not-enrolled', async () => {
    const { org, desk, eventId } = await site();
    const stranger = await device('organizer', 'Чужой ноутбук');
    // it got the event key somehow (a copied desk database): its trust row names the real root
    await stranger.db.trust.put({ ...(await loadTrust(desk, eventId))!, enrolment: undefined, role: 'organizer' });
    const { changes } = await forgedPayload(org, eventId, stranger.device.id);
    const before = await snapshot(org);
    // no enrolment: it poses as the root; then with an «enrolment» it signed itself
    const selfMade: Enrolment = { direct: await signStatement(await deviceSigner(stranger), { t: 'skhod-enrol', eventId, deviceId: stranger.device.id, publicKey: (await deviceSigner(stranger)).publicKey, role: 'organizer', name: 'x', issuedAt: new Date().toISOString() }) };
    for (const enrolment of [undefined, selfMade]) {
      const bytes = await craft(stranger, eventId, [await batchBy(stranger, stranger.device.id, eventId, changes, enrolment)], changes);
      const preview = await receive(org, bytes, eventId);
      expect(preview.senderRole).toBeNull();
      expect(reasons(preview)).toEqual(['contests:not-enrolled', 'events:not-enrolled', 'scores:not-enrolled']);
    }
    expect(dataOnly(await snapshot(org))).toEqual(dataOnly(before));
    expect(await org.db.devices.get(stranger.device.id)).toBeUndefined(); // never remembered, let alone as organizer
  });

  it('2b. a known desk declares «organizer» twice: its stored role stays «desk», both files refused', async () => {
    const { org, desk, eventId } = await site();
    await receive(org, (await exportExchange(desk, eventId, { peerId: org.device.id })).bytes, eventId);
    expect((await org.db.devices.get(desk.device.id))!.role).toBe('desk');
    const before = await snapshot(org);
    for (let i = 0; i < 2; i++) {
      const c = change(desk.device.id, 'contests', `c${i}`, { id: `c${i}`, eventId, title: 'Конкурс стойки' });
      const bytes = await craft(desk, eventId, [await batchBy(desk, desk.device.id, eventId, [c], (await loadTrust(desk, eventId))!.enrolment)], [c], {
        sender: { deviceId: desk.device.id, name: 'Стойка 1', role: 'organizer' },
      });
      const preview = await receive(org, bytes, eventId);
      expect(preview.senderRole).toBe('desk');
      expect(reasons(preview)).toEqual(['contests:role']);
    }
    expect(dataOnly(await snapshot(org))).toEqual(dataOnly(before));
    expect((await org.db.devices.get(desk.device.id))!.role).toBe('desk');
  });

  it('2c. a hub-paired desk (approved as «desk») declaring organizer → refused; a grant for another device is not taken', async () => {
    const org = await device('organizer', 'Организатор');
    const eventId = await openDemoEvent(org, 5);
    const hubDesk = await device('organizer', 'Стойка хаба');
    const other = await device('organizer', 'Другая стойка');
    const key = await deviceSigner(hubDesk);
    const grant = await enrolPairedDevice(org, eventId, { deviceId: hubDesk.device.id, publicKey: key.publicKey, role: 'desk', name: 'Стойка хаба' });
    await expect(acceptEnrolment(other, grant)).rejects.toThrow(/другому устройству/);
    expect((await acceptEnrolment(hubDesk, grant)).role).toBe('desk');
    hubDesk.device = { ...hubDesk.device, role: 'desk' };
    expect((await hubDesk.db.devices.get(hubDesk.device.id))!.role).toBe('desk');
    await receive(hubDesk, (await exportExchange(org, eventId, { full: true })).bytes, null);
    const c = change(hubDesk.device.id, 'contests', 'hub-c', { id: 'hub-c', eventId, title: 'x' });
    const bytes = await craft(hubDesk, eventId, [await batchBy(hubDesk, hubDesk.device.id, eventId, [c], grant.enrolment)], [c], {
      sender: { deviceId: hubDesk.device.id, name: 'Стойка хаба', role: 'organizer' },
    });
    expect(reasons(await receive(org, bytes, eventId))).toEqual(['contests:role']);
    expect(await org.db.contests.get('hub-c')).toBeUndefined();
  });

  it('3. a relay alters another desk’s batch on the way → bad-signature; the relay’s own check-ins still merge', async () => {
    const { org, desk, eventId } = await site();
    const relay = await enrol(org, await device('organizer', 'Стойка 2'), eventId, 'desk', true);
    const reg = (await desk.db.registrations.where('eventId').equals(eventId).first())!;
    await appendCheckin(desk, { eventId, registrationId: reg.id, kind: 'arrive', operator: 'Оля' });
    await receive(relay, (await exportExchange(desk, eventId, { peerId: relay.device.id })).bytes, eventId);
    const held = (await relay.db.batches.toArray()).filter((b) => b.author === desk.device.id);
    expect(held).toHaveLength(1);
    // the relay rewrites the desk's check-in as its operator «Мошенник» and keeps the desk's signature
    const altered: AuthorBatch = { ...held[0]!.batch, body: held[0]!.batch.body.replace('"Оля"', '"Мошенник"') };
    const other = (await relay.db.registrations.where('eventId').equals(eventId).toArray())[1]!;
    const own = await appendCheckin(relay, { eventId, registrationId: other.id, kind: 'arrive', operator: 'Петя' });
    await exportExchange(relay, eventId, { full: true }); // signs the relay's own batch
    const ownBatch = (await relay.db.batches.toArray()).find((b) => b.author === relay.device.id)!;
    const bytes = await craft(relay, eventId, [altered, ownBatch.batch], []);
    const preview = await receive(org, bytes, eventId);
    expect(reasons(preview)).toEqual(['checkins:bad-signature']);
    expect(await org.db.checkins.get(own.id)).toMatchObject({ operator: 'Петя' });
    expect(await org.db.checkins.where('registrationId').equals(reg.id).count()).toBe(0);
  });

  it('4. a backup from elsewhere brings an attacker’s devices and «trust»: none is restored, all are shown', async () => {
    const { org, desk, eventId } = await site();
    const attacker = await device('organizer', 'Ноутбук злоумышленника');
    await openDemoEvent(attacker, 3);
    const content = await readBackup((await createBackup(attacker, 'копия')).bytes);
    const attackerKey = (await deviceSigner(attacker)).publicKey;
    content.tables['devices'] = [...(content.tables['devices'] ?? []), { id: 'evil-org', name: 'Организатор', role: 'organizer', publicKey: attackerKey, createdAt: new Date().toISOString() }];
    content.tables['trust'] = [{ eventId, root: { eventId, deviceId: attacker.device.id, publicKey: attackerKey }, eventKey: 'A'.repeat(43), role: 'organizer', since: '' }];
    const trustBefore = await desk.db.trust.toArray();
    const devicesBefore = await desk.db.devices.toArray();
    const shown = await previewBackup(desk, content);
    expect(shown.foreignDevices.map((d) => [d.id, d.role])).toContainEqual(['evil-org', 'organizer']);
    await restoreBackup(desk, content, { undoable: false });
    expect(await desk.db.trust.toArray()).toEqual(trustBefore);
    expect(await desk.db.devices.toArray()).toEqual(devicesBefore);
    void org;
  });

  it('5. a file for event A changes event B’s title and a registration of B → other-event; B untouched', async () => {
    const org = await device('organizer', 'Организатор');
    const a = await openDemoEvent(org, 5);
    const b = await openDemoEvent(org, 5);
    const desk = await enrol(org, await device('organizer', 'Стойка'), a, 'desk', true);
    openOrganizerSession(desk, Date.now() + 60_000);
    // the desk also holds B's rows (copied in by hand): its file for A tries to change them
    const regB = (await org.db.registrations.where('eventId').equals(b).first())!;
    const changes = [change(desk.device.id, 'events', b, { title: 'Чужое название' }), change(desk.device.id, 'registrations', regB.id, { note: 'перенесён' })];
    const before = await snapshot(org);
    const bytes = await craft(desk, a, [await batchBy(desk, desk.device.id, a, changes, (await loadTrust(desk, a))!.enrolment)], changes);
    const preview = await receive(org, bytes, a);
    expect(reasons(preview)).toEqual(['events:other-event', 'registrations:other-event']);
    expect(dataOnly(await snapshot(org))).toEqual(dataOnly(before));
  });

  it('6. another event’s file on a desk cannot be opened (no event key) and never switches its event; a second enrolment needs the PIN', async () => {
    const org = await device('organizer', 'Организатор');
    const a = await openDemoEvent(org, 5);
    const b = await openDemoEvent(org, 5);
    const desk = await enrol(org, await device('organizer', 'Стойка'), a, 'desk', true);
    const before = await snapshot(desk);
    const fileB = await exportExchange(org, b, { full: true });
    await expect(previewExchange(desk, fileB.bytes, a)).rejects.toMatchObject({ code: 'no-event-key' });
    await expect(previewExchange(desk, fileB.bytes, null)).rejects.toMatchObject({ code: 'no-event-key' });
    await expect(enrol(org, desk, b, 'desk')).rejects.toThrow(/введите PIN организатора/);
    expect(await snapshot(desk)).toEqual(before);
    openOrganizerSession(desk, Date.now() + 60_000);
    await enrol(org, desk, b, 'desk', true);
    expect(await desk.db.events.get(b)).toBeDefined();
  });

  it('6b. a device receiving the event from an enrolment file takes the role it was made for, not «Организатор»', async () => {
    const org = await device('organizer', 'Организатор');
    const eventId = await openDemoEvent(org, 5);
    const fresh = await device('organizer', 'Новый ноутбук'); // every new device starts as «Организатор»
    await enrol(org, fresh, eventId, 'district', true);
    expect((await fresh.db.devices.get(fresh.device.id))!.role).toBe('district');
    expect((await loadTrust(fresh, eventId))!.root.deviceId).toBe(org.device.id);
  });

  it('7. repository writes outside the role without the PIN are refused, the database unchanged; with the PIN they pass', async () => {
    const { desk, eventId } = await site();
    const before = await snapshot(desk);
    await expect(createContestFromTemplate(desk, eventId)).rejects.toBeInstanceOf(AuthorityError);
    await expect(updateDevice(desk, { role: 'organizer' })).rejects.toThrow(/PIN организатора/);
    await expect(addMunicipality(desk, { name: 'г. Слободской', kind: 'other', region: 'Кировская область', federalDistrict: 'Приволжский' })).rejects.toBeInstanceOf(AuthorityError);
    const event = (await desk.db.events.get(eventId))!;
    await expect(desk.db.transaction('rw', desk.db.events, desk.db.changes, () => putTracked<EventRow>(desk, 'events', [{ ...event, title: 'Другое' }]))).rejects.toBeInstanceOf(AuthorityError);
    expect(await snapshot(desk)).toEqual(before);
    // what a desk does is still allowed: a check-in, a rename of the device
    const reg = (await desk.db.registrations.where('eventId').equals(eventId).first())!;
    await appendCheckin(desk, { eventId, registrationId: reg.id, kind: 'arrive', operator: 'Оля' });
    await updateDevice(desk, { name: 'Стойка у входа' });
    openOrganizerSession(desk, Date.now() + 60_000);
    await createContestFromTemplate(desk, eventId);
    expect(await desk.db.contests.where('eventId').equals(eventId).count()).toBe(1);
  });
});
