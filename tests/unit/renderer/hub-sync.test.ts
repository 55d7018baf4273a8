import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { HubService } from '../../../electron/hub/service';
import { deriveArrivals } from '../../../shared/domain/arrival';
import type { DeviceRole, Person } from '../../../shared/domain/types';
import type { Bridge, BridgeResult } from '../../../shared/ipc/contract';
import { putTracked } from '../../../renderer/db/change-log';
import type { DbContext } from '../../../renderer/db/context';
import { appendCheckin } from '../../../renderer/db/repo/checkins';
import { ensureDeviceKey } from '../../../renderer/db/repo/device-key';
import { loadSyncBook } from '../../../renderer/db/repo/exchange-book';
import { listConflicts } from '../../../renderer/db/repo/sync-conflicts';
import { ensureHubHost, stopHubHost, useHubStore } from '../../../renderer/features/hub/hub-loops';
import { pendingFor } from '../../../renderer/db/repo/exchange-book';
import { deskRound, enrolmentForApproval, joinOverHub, type DeskRound } from '../../../renderer/features/hub/hub-rounds';
import { acceptEnrolment, ensureEventRoot } from '../../../renderer/db/repo/trust';
import { openDemoEvent } from '../../../renderer/features/onboarding/open-demo';
import { freshDb } from './db/helpers';
import { enrol } from './db/trust-helpers';
import { initI18n } from '../../../renderer/i18n';

// the hub's messages come from the locale files (hub namespace)
initI18n('ru');

/*
 * Two devices, two fake-indexeddb databases, the real hub server between them over 127.0.0.1:
 * the organizer's laptop runs the hub (its "renderer" is the real host loop, talking to the real
 * HubService through a bridge stand-in), a desk pairs with the PIN and syncs with real rounds.
 */
const tmp = mkdtempSync(path.join(os.tmpdir(), 'skhod-hub-sync-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const open: DbContext[] = [];
const services: HubService[] = [];
afterEach(async () => {
  stopHubHost();
  for (const s of services.splice(0)) await s.stop();
  for (const ctx of open.splice(0)) ctx.db.close();
  vi.restoreAllMocks();
});

let n = 0;
async function device(role: DeviceRole, name: string): Promise<DbContext> {
  const ctx = await freshDb();
  ctx.device = { ...ctx.device, role, name };
  await ctx.db.devices.put(ctx.device);
  open.push(ctx);
  return ctx;
}

function service(): HubService {
  const s = new HubService({ dataDir: path.join(tmp, `device-${++n}`), listenHost: '127.0.0.1', addresses: () => ['127.0.0.1'], approvalPollMs: 20 });
  services.push(s);
  return s;
}

const wrap = async <T,>(p: Promise<T> | T): Promise<BridgeResult<T>> => ({ data: await p });

/** The hub's preload, as far as the host loop uses it, calling the service the IPC handlers call. */
function hostBridge(s: HubService): Pick<Bridge, 'hubNextRequest' | 'hubAnswer'> {
  return {
    hubNextRequest: ({ waitMs }) => wrap(s.nextRequest(waitMs)),
    hubAnswer: (args) => wrap(s.answer(args.id, 'bytes' in args ? { bytes: args.bytes } : { error: args.error })),
  };
}

async function arrivedIds(ctx: DbContext, eventId: string): Promise<string[]> {
  const entries = await ctx.db.checkins.where('eventId').equals(eventId).toArray();
  return [...deriveArrivals(entries).entries()].filter(([, a]) => a.arrived).map(([id]) => id).sort();
}

async function setup() {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const org = await device('organizer', 'Ноутбук организатора');
  const desk = await device('desk', 'Стойка 1');
  const eventId = await openDemoEvent(org, 40);
  // The event reaches the desk the ordinary way first: the organizer's enrolment file for a desk
  // (the hub syncs an event, it does not hand out new ones).
  await enrol(org, desk, eventId, 'desk', true);

  const hubSvc = service();
  const deskSvc = service();
  const event = (await org.db.events.get(eventId))!;
  const hubKey = await ensureDeviceKey(org);
  const started = await hubSvc.start({ port: 0, device: { id: org.device.id, name: org.device.name, publicKey: hubKey.publicKey }, event: { id: eventId, title: event.title }, eventKey: (await org.db.trust.get(eventId))!.eventKey });
  ensureHubHost({ ctx: org, eventId, bridge: hostBridge(hubSvc), waitMs: 200, idleMs: 5 });

  const deskKey = await ensureDeviceKey(desk);
  const asked = await deskSvc.pair({
    address: `127.0.0.1:${started.host.port}`,
    pin: started.host.pin!,
    device: { id: desk.device.id, name: desk.device.name, role: 'desk', publicKey: deskKey.publicKey },
  });
  if (!asked.ok) throw new Error(asked.message);
  // the operators compared the codes; the desk waits while the hub's operator presses «Разрешить»
  const confirmed = deskSvc.confirmPair(asked.pending.pairingId);
  const [approval] = (await hubSvc.status()).host.approvals;
  await hubSvc.decide({ pairingId: approval!.pairingId, approve: true, role: 'desk' });
  const paired = await confirmed;
  expect(paired).toMatchObject({ ok: true, link: { role: 'desk' } });
  const round = (): Promise<DeskRound> => deskRound(desk, eventId, org.device.id, (bytes) => deskSvc.sync({ eventId, bytes }));
  const regs = await org.db.registrations.where('eventId').equals(eventId).toArray();
  return { org, desk, eventId, hubSvc, deskSvc, round, regs };
}

describe('LAN hub between two databases over loopback', () => {
  it('desk check-ins reach the hub, the hub’s reach the desk, and a repeated round carries nothing', async () => {
    const { org, desk, eventId, round, regs } = await setup();

    // the very first round brings both sides' seen vectors up to date
    const first = await round();
    expect(first).toMatchObject({ ok: true });

    for (const r of regs.slice(0, 3)) await appendCheckin(desk, { eventId, registrationId: r.id, kind: 'arrive', operator: 'Айгуль' });
    expect(await pendingFor(desk, eventId, org.device.id)).toBe(3);

    const up = await round();
    expect(up).toMatchObject({ ok: true, sent: 3, received: 0, refused: 0 });
    expect(await arrivedIds(org, eventId)).toEqual(regs.slice(0, 3).map((r) => r.id).sort());
    expect(await pendingFor(desk, eventId, org.device.id)).toBe(0);

    // the hub itself checks someone in and corrects a surname
    await appendCheckin(org, { eventId, registrationId: regs[5]!.id, kind: 'arrive', operator: 'Организатор' });
    const personId = regs[7]!.personId;
    await org.db.transaction('rw', org.db.people, org.db.changes, async () => {
      const p = (await org.db.people.get(personId))!;
      await putTracked(org, 'people', [{ ...p, surname: 'Хабибуллина' } satisfies Person]);
    });
    const down = await round();
    expect(down).toMatchObject({ ok: true, sent: 0, received: 2 });
    expect((await desk.db.people.get(personId))?.surname).toBe('Хабибуллина');
    expect(await arrivedIds(desk, eventId)).toEqual(await arrivedIds(org, eventId));
    expect(await arrivedIds(desk, eventId)).toHaveLength(4);

    // nothing new on either side: both files are header-only, and the history is not flooded with them
    const historyBefore = [(await loadSyncBook(org, eventId)).history, (await loadSyncBook(desk, eventId)).history];
    const quiet = await round();
    expect(quiet).toMatchObject({ ok: true, sent: 0, received: 0 });
    expect([(await loadSyncBook(org, eventId)).history, (await loadSyncBook(desk, eventId)).history]).toEqual(historyBefore);
    expect((await loadSyncBook(org, eventId)).history[0]).toMatchObject({ direction: 'sent', via: 'hub', peer: desk.device.id, changes: 2 });
    expect(useHubStore.getState().host.served).toBe(4);
    expect(useHubStore.getState().host.lastFrom).toBe('Стойка 1');
  });

  it('a double check-in at the desk and the hub is kept on both and shown as a conflict', async () => {
    const { org, desk, eventId, round, regs } = await setup();
    const reg = regs[2]!.id;
    await appendCheckin(desk, { eventId, registrationId: reg, kind: 'arrive', operator: 'Стойка' });
    await appendCheckin(org, { eventId, registrationId: reg, kind: 'arrive', operator: 'Организатор' });
    const r = await round();
    expect(r).toMatchObject({ ok: true, sent: 1, received: 1 });
    expect(await org.db.checkins.where('registrationId').equals(reg).count()).toBe(2);
    expect(await desk.db.checkins.where('registrationId').equals(reg).count()).toBe(2);
    expect(await arrivedIds(org, eventId)).toEqual([reg]);
    // the hub met the desk's arrival next to its own: the review screen there lists it
    const review = await listConflicts(org, eventId);
    expect(review.map((c) => c.conflict.kind)).toContain('double-checkin');
  });

  it('pending grows while the hub is unreachable and drains on the next round', async () => {
    const { org, desk, eventId, hubSvc, round, regs } = await setup();
    expect(await round()).toMatchObject({ ok: true });
    const port = (await hubSvc.status()).host.port;
    await hubSvc.stop();
    stopHubHost();

    await appendCheckin(desk, { eventId, registrationId: regs[0]!.id, kind: 'arrive', operator: 'А' });
    await appendCheckin(desk, { eventId, registrationId: regs[1]!.id, kind: 'arrive', operator: 'А' });
    const offline = await round();
    expect(offline).toMatchObject({ ok: false, offline: true, code: 'unreachable' });
    expect((offline as { message: string }).message).toMatch(/Нет связи с хабом/);
    expect(await pendingFor(desk, eventId, org.device.id)).toBe(2);

    // the hub comes back on the same port (the desk remembers the address); paired desks need no PIN
    const event = (await org.db.events.get(eventId))!;
    const key = await ensureDeviceKey(org);
    await hubSvc.start({ port, device: { id: org.device.id, name: org.device.name, publicKey: key.publicKey }, event: { id: eventId, title: event.title }, eventKey: (await org.db.trust.get(eventId))!.eventKey });
    ensureHubHost({ ctx: org, eventId, bridge: hostBridge(hubSvc), waitMs: 200, idleMs: 5 });
    expect(await round()).toMatchObject({ ok: true, sent: 2 });
    expect(await pendingFor(desk, eventId, org.device.id)).toBe(0);
    expect(await arrivedIds(org, eventId)).toEqual([regs[0]!.id, regs[1]!.id].sort());
  });

  it('a desk the hub has unpaired is refused with a message, and nothing of it is applied', async () => {
    const { org, desk, eventId, hubSvc, round, regs } = await setup();
    await hubSvc.unpair(desk.device.id);
    await appendCheckin(desk, { eventId, registrationId: regs[0]!.id, kind: 'arrive', operator: 'А' });
    const r = await round();
    expect(r).toMatchObject({ ok: false, code: 'unauthorized', offline: false });
    expect(await org.db.checkins.where('eventId').equals(eventId).count()).toBe(0);
  });
});

describe('joining an event over the hub (issue 17: the hub’s «Разрешить» is the organizer’s enrolment)', () => {
  /** An empty device pairs with the organizer's running hub; the hub's operator grants `role`. */
  async function pairEmpty(role: DeviceRole, hubIsRoot = true) {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const org = await device('organizer', 'Ноутбук организатора');
    const fresh = await device('desk', 'Новый ноутбук');
    const eventId = await openDemoEvent(org, 30);
    const trust = (await ensureEventRoot(org, eventId))!;
    const hubSvc = service();
    const deskSvc = service();
    // a hub that is not the event's root (another organizer laptop) runs under its own key
    const hubKey = hubIsRoot ? await ensureDeviceKey(org) : await ensureDeviceKey(await device('organizer', 'Второй ноутбук'));
    const started = await hubSvc.start({ port: 0, device: { id: org.device.id, name: org.device.name, publicKey: hubKey.publicKey }, event: { id: eventId, title: 'Уфа 2019' }, eventKey: trust.eventKey });
    ensureHubHost({ ctx: org, eventId, bridge: hostBridge(hubSvc), waitMs: 200, idleMs: 5 });
    const freshKey = await ensureDeviceKey(fresh);
    const asked = await deskSvc.pair({ address: `127.0.0.1:${started.host.port}`, pin: started.host.pin!, device: { id: fresh.device.id, name: fresh.device.name, role: 'desk', publicKey: freshKey.publicKey } });
    if (!asked.ok) throw new Error(asked.message);
    const confirmed = deskSvc.confirmPair(asked.pending.pairingId);
    const [approval] = (await hubSvc.status()).host.approvals;
    const grant = await enrolmentForApproval(org, eventId, approval!, role);
    await hubSvc.decide({ pairingId: approval!.pairingId, approve: true, role, ...(grant ? { grant } : {}) });
    const paired = await confirmed;
    if (!paired.ok) throw new Error(paired.message);
    return { org, fresh, eventId, paired, send: (bytes: Uint8Array) => deskSvc.sync({ eventId, bytes }) };
  }

  it('an empty device gets the granted role and the whole event in its first round, then syncs check-ins both ways', async () => {
    const { org, fresh, eventId, paired, send } = await pairEmpty('district');
    expect(paired.grant?.root).toEqual({ eventId, deviceId: org.device.id, publicKey: (await ensureDeviceKey(org)).publicKey });
    const enrolled = await acceptEnrolment(fresh, paired.grant!);
    expect(enrolled.role).toBe('district');
    expect((await fresh.db.devices.get(fresh.device.id))!.role).toBe('district');
    fresh.device = { ...fresh.device, role: 'district' };

    expect(await joinOverHub(fresh, paired, send)).toBe(eventId);
    expect((await fresh.db.events.get(eventId))?.title).toBe((await org.db.events.get(eventId))!.title);
    expect(await fresh.db.registrations.where('eventId').equals(eventId).count()).toBe(await org.db.registrations.where('eventId').equals(eventId).count());
    // the organizer's side knows it by the role the organizer gave, whatever the device asked for
    const reg = (await org.db.registrations.where('eventId').equals(eventId).first())!;
    await appendCheckin(fresh, { eventId, registrationId: reg.id, kind: 'arrive', operator: 'Район' });
    expect(await deskRound(fresh, eventId, org.device.id, send)).toMatchObject({ ok: true, sent: 1, refused: 0 });
    expect(await arrivedIds(org, eventId)).toEqual([reg.id]);
  });

  it('a hub running under a key that is not the event’s root: its enrolment is not passed on, the device is told to ask for an enrolment file and holds no event', async () => {
    const { fresh, paired, send } = await pairEmpty('desk', false);
    expect(paired.grant).toBeUndefined();
    await expect(joinOverHub(fresh, paired, send)).rejects.toThrow(/файл подключения/);
    expect(await fresh.db.events.count()).toBe(0);
    expect(await fresh.db.trust.count()).toBe(0);
  });

  it('a grant for another device (the hub operator approved someone else’s key) is refused by the device and changes nothing', async () => {
    const { org, fresh, eventId, paired } = await pairEmpty('desk');
    const other = await device('desk', 'Чужой');
    const forOther = await enrolmentForApproval(org, eventId, { deviceId: other.device.id, publicKey: (await ensureDeviceKey(other)).publicKey, name: 'Чужой' }, 'desk');
    await expect(acceptEnrolment(fresh, forOther!)).rejects.toThrow(/другому устройству/);
    expect(await fresh.db.trust.count()).toBe(0);
    expect(paired.grant).toBeDefined();
  });
});
