import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BridgeError } from '../../../electron/errors';
import { createHubHandlers } from '../../../electron/handlers/hub';
import { HubService } from '../../../electron/hub/service';
import { createInvokeListener } from '../../../electron/ipc';
import { channels, MAX_FILE_BYTES, type ChannelKey, type HubStatus } from '../../../shared/ipc/contract';
import { buildExchangeFile } from '../../../shared/sync/exchange-file';
import { createSigner, generateDeviceKeys, type Signer } from '../../../shared/sync/signing';
import { newEventKey } from '../../../shared/trust/event-key';
import { resetFake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

/*
 * The hub's IPC channels: argument validation through the real registrar listener, and the handlers
 * over real HubService instances (a hub and a desk, each with its own userData folder) on loopback.
 */
const tmp = mkdtempSync(path.join(os.tmpdir(), 'skhod-hub-ipc-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const policy = { allowedOrigins: ['app://skhod'] };
const mainFrame = { parent: null, url: 'app://skhod/index.html' };
const okEvent = () => ({ sender: { mainFrame }, senderFrame: mainFrame }) as never;
const foreignEvent = () => {
  const frame = { parent: null, url: 'https://evil.example/' };
  return { sender: { mainFrame: frame }, senderFrame: frame } as never;
};

const KEY = 'BKrHbqKQn0Wb5CfKxyv0sYtD3gX9s0P4q0zQ8cZ1mJ8uQ9c2x4VbqHn0r2yS1lT3wE5uN7pA9dF0gH2jK4lM6nQ';
const UUID = '3b2f8c1e-0a4d-4f5e-9b6c-7d8e9f0a1b2c';
const hugeBytes = Object.defineProperty(new Uint8Array(1), 'byteLength', { get: () => MAX_FILE_BYTES + 1 });

type HubKey = Extract<ChannelKey, `hub${string}`>;
const hubKeys = Object.keys(channels).filter((k) => k.startsWith('hub')) as HubKey[];

const validArgs: Record<HubKey, unknown> = {
  hubStatus: {},
  hubStart: { port: 47800, device: { id: 'dev-1', name: 'Ноутбук организатора', publicKey: KEY }, event: { id: 'ev-1', title: 'Уфа 2019' }, eventKey: 'A'.repeat(43) },
  hubStop: {},
  hubNewPin: {},
  hubUnpair: { deviceId: 'desk-1' },
  hubDecide: { pairingId: UUID, approve: true, role: 'desk' },
  hubPairConfirm: { pairingId: UUID },
  hubNextRequest: { waitMs: 15_000 },
  hubAnswer: { id: UUID, bytes: new Uint8Array([1, 2, 3]) },
  hubPair: { address: '192.168.1.10:47800', pin: '004215', device: { id: 'desk-1', name: 'Стойка 1', role: 'desk', publicKey: KEY } },
  hubSync: { eventId: 'ev-1', bytes: new Uint8Array([1]) },
  hubForget: {},
};

const invalidArgs: Record<HubKey, unknown[]> = {
  hubStatus: [undefined, null, { verbose: true }],
  hubStart: [
    { ...(validArgs.hubStart as object), port: 80 },
    { ...(validArgs.hubStart as object), eventKey: 'short' },
    { ...(validArgs.hubStart as object), port: 70000 },
    { ...(validArgs.hubStart as object), port: '47800' },
    { ...(validArgs.hubStart as object), port: 47800.5 },
    { ...(validArgs.hubStart as object), host: '0.0.0.0' },
    { ...(validArgs.hubStart as object), address: '192.168.1.300' },
    { ...(validArgs.hubStart as object), address: 'hub-pc; rm -rf' },
    { port: 47800, device: { id: 'dev-1', name: '', publicKey: KEY }, event: { id: 'ev-1', title: 'x' } },
    { port: 47800, device: { id: 'dev/1', name: 'x', publicKey: KEY }, event: { id: 'ev-1', title: 'x' } },
    { port: 47800, device: { id: 'dev-1', name: 'x', publicKey: 'not base64url!' }, event: { id: 'ev-1', title: 'x' } },
    { port: 47800, device: { id: 'dev-1', name: 'x', publicKey: KEY } },
  ],
  hubStop: [null, { force: true }],
  hubNewPin: [null, { pin: '123456' }],
  hubUnpair: [{}, { deviceId: '' }, { deviceId: '../hub.json' }, { deviceId: 'x'.repeat(101) }],
  hubDecide: [
    { pairingId: UUID, approve: true },
    { pairingId: UUID, approve: true, role: 'admin' },
    { pairingId: 'not-a-uuid', approve: false },
    { pairingId: UUID, approve: 'yes', role: 'desk' },
    { pairingId: UUID, approve: false, role: 'organizer' },
  ],
  hubPairConfirm: [{}, { pairingId: 'x' }, { pairingId: UUID, token: 'smuggled' }],
  hubNextRequest: [{}, { waitMs: -1 }, { waitMs: 60_000 }, { waitMs: 'soon' }],
  hubAnswer: [
    { id: 'not-a-uuid', bytes: new Uint8Array() },
    { id: UUID },
    { id: UUID, bytes: [1, 2] },
    { id: UUID, bytes: hugeBytes },
    { id: UUID, error: '' },
    { id: UUID, error: 'x'.repeat(1001) },
    { id: UUID, bytes: new Uint8Array(), error: 'both' },
  ],
  hubPair: [
    { ...(validArgs.hubPair as object), pin: '12345' },
    { ...(validArgs.hubPair as object), pin: '12345a' },
    { ...(validArgs.hubPair as object), pin: 123456 },
    { ...(validArgs.hubPair as object), address: '' },
    { ...(validArgs.hubPair as object), address: 'x'.repeat(201) },
    { ...(validArgs.hubPair as object), device: { id: 'desk-1', name: 'Стойка', role: 'admin', publicKey: KEY } },
    { ...(validArgs.hubPair as object), token: 'smuggled' },
  ],
  hubSync: [{ eventId: 'ev-1' }, { eventId: '', bytes: new Uint8Array() }, { eventId: 'ev-1', bytes: 'AAEC' }, { eventId: 'ev-1', bytes: hugeBytes }],
  hubForget: [null, { everything: true }],
};

function listener(key: HubKey, handler: (args: unknown) => Promise<unknown>) {
  const { channel, args } = channels[key];
  return createInvokeListener(channel, args, handler, policy);
}

beforeEach(() => {
  resetFake();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('hub IPC channels', () => {
  it('are all prefixed and listed here', () => {
    expect(hubKeys.sort()).toEqual([
      'hubAnswer',
      'hubDecide',
      'hubForget',
      'hubNewPin',
      'hubNextRequest',
      'hubPair',
      'hubPairConfirm',
      'hubStart',
      'hubStatus',
      'hubStop',
      'hubSync',
      'hubUnpair',
    ]);
    for (const k of hubKeys) expect(channels[k].channel).toMatch(/^skhod:hub-/);
  });

  it.each(hubKeys)('%s passes valid arguments to its handler', async (key) => {
    const handler = vi.fn(async () => 'ok');
    expect(await listener(key, handler)(okEvent(), validArgs[key])).toEqual({ data: 'ok' });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it.each(hubKeys)('%s refuses invalid arguments without calling the handler', async (key) => {
    const handler = vi.fn(async () => 'ok');
    const call = listener(key, handler);
    for (const bad of invalidArgs[key]) {
      const res = await call(okEvent(), bad);
      expect(res, JSON.stringify(bad)).toMatchObject({ error: { type: 'invalid-args' } });
    }
    expect(await call(okEvent(), validArgs[key], 'extra')).toMatchObject({ error: { type: 'invalid-args' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it.each(hubKeys)('%s refuses a foreign page', async (key) => {
    const handler = vi.fn(async () => 'ok');
    expect(await listener(key, handler)(foreignEvent(), validArgs[key])).toMatchObject({ error: { type: 'forbidden' } });
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('hub handlers over HubService (hub and desk on loopback)', () => {
  let n = 0;
  const services: HubService[] = [];
  afterEach(async () => {
    for (const s of services.splice(0)) await s.stop();
  });

  function service() {
    const dir = path.join(tmp, `svc-${++n}`);
    const s = new HubService({
      dataDir: dir,
      listenHost: '127.0.0.1',
      addresses: () => ['192.168.1.10'],
      defaultRoute: async () => '192.168.1.10',
      linkTiming: { pickupMs: 2_000, answerMs: 5_000 },
      approvalPollMs: 20,
    });
    services.push(s);
    return { s, dir, h: createHubHandlers(() => s) };
  }

  const ev = okEvent();
  const signerFor = async (id: string): Promise<Signer> => createSigner(id, await generateDeviceKeys());
  const eventKey = newEventKey();
  const emptyFile = async (s: Signer, eventId = 'ev-1') =>
    (await buildExchangeFile({ header: { eventId, sender: { deviceId: s.deviceId, name: s.deviceId, role: 'desk' }, createdAt: new Date(0).toISOString(), seen: {} }, batches: [], counts: {} }, s, eventKey)) as Uint8Array<ArrayBuffer>;

  /** Starts a hub on an ephemeral port (port 0 only reaches the handler directly, never through IPC). */
  async function startedHub(hubKey: Signer) {
    const hub = service();
    const status = await hub.h.hubStart({ port: 0, device: { id: hubKey.deviceId, name: 'Хаб', publicKey: hubKey.publicKey }, event: { id: 'ev-1', title: 'Уфа 2019' }, eventKey }, ev);
    return { ...hub, status };
  }

  /** The hub "renderer": answers the next request with `reply`. */
  async function serveOnce(h: ReturnType<typeof createHubHandlers>, reply: (bytes: Uint8Array) => Promise<Uint8Array<ArrayBuffer>>) {
    for (;;) {
      const req = await h.hubNextRequest({ waitMs: 200 }, ev);
      if (req) return h.hubAnswer({ id: req.id, bytes: await reply(req.bytes) }, ev);
    }
  }

  it('start shows the PIN, the certificate code, the LAN addresses and the port; stop clears them', async () => {
    const hubKey = await signerFor('hub-1');
    const { h, status } = await startedHub(hubKey);
    expect(status.host).toMatchObject({ running: true, address: '127.0.0.1', addresses: ['192.168.1.10'], event: { id: 'ev-1', title: 'Уфа 2019' }, paired: [], approvals: [] });
    expect(status.host.pin).toMatch(/^\d{6}$/);
    expect(status.host.code).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
    expect(status.host.port).toBeGreaterThan(0);
    const pin = status.host.pin;
    const renewed = await h.hubNewPin({}, ev);
    expect(renewed.host.pin).toMatch(/^\d{6}$/);
    expect(renewed.host.pin === pin && (await h.hubNewPin({}, ev)).host.pin === pin).toBe(false);
    const stopped = await h.hubStop({}, ev);
    // stopped: no PIN or code; the address offered next time is the default route's
    expect(stopped.host).toMatchObject({ running: false, pin: null, code: null, address: '192.168.1.10', addresses: ['192.168.1.10'] });
    expect(await h.hubNextRequest({ waitMs: 10_000 }, ev)).toBeNull();
  });

  it('a busy port is a Russian «порт занят» error', async () => {
    const blocker = net.createServer();
    const port = await new Promise<number>((r) => blocker.listen(0, '127.0.0.1', () => r((blocker.address() as net.AddressInfo).port)));
    try {
      const { h } = service();
      const key = await signerFor('hub-1');
      const err = await h.hubStart({ port, device: { id: 'hub-1', name: 'Хаб', publicKey: key.publicKey }, event: { id: 'ev-1', title: 'x' }, eventKey }, ev).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BridgeError);
      expect((err as BridgeError).message).toContain(`Порт ${port} уже занят`);
    } finally {
      blocker.close();
    }
  });

  it('listens only on an address the organizer may pick: another computer’s address is refused in Russian', async () => {
    const hubKey = await signerFor('hub-1');
    const s = new HubService({ dataDir: path.join(tmp, `svc-${++n}`), addresses: () => ['127.0.0.1'], defaultRoute: async () => null });
    services.push(s);
    const h = createHubHandlers(() => s);
    const args = { port: 0, device: { id: 'hub-1', name: 'Хаб', publicKey: hubKey.publicKey }, event: { id: 'ev-1', title: 'x' }, eventKey };
    await expect(h.hubStart({ ...args, address: '10.9.9.9' }, ev)).rejects.toThrow(/не принадлежит этому компьютеру/);
    const started = await h.hubStart({ ...args, address: '127.0.0.1' }, ev);
    expect(started.host).toMatchObject({ running: true, address: '127.0.0.1' });
    await h.hubStop({}, ev);
    // no address given: the suggested one (here the only LAN address, as no default route exists)
    expect((await h.hubStart(args, ev)).host.address).toBe('127.0.0.1');
  });

  /** Both steps of pairing through the handlers, with the hub operator's «Разрешить» in between. */
  async function pairThrough(hub: Awaited<ReturnType<typeof startedHub>>, desk: ReturnType<typeof service>, device: { id: string; name: string; role: 'desk'; publicKey: string }) {
    const address = `127.0.0.1:${hub.status.host.port}`;
    const pin = (await hub.h.hubStatus({}, ev)).host.pin!;
    const started = await desk.h.hubPair({ address, pin, device }, ev);
    if (!started.ok) throw new Error(started.message);
    const waiting = (await hub.h.hubStatus({}, ev)).host.approvals;
    // both screens show the same two codes: the hub's on the desk, the desk's on the hub
    expect(started.pending.hubCode).toBe((await hub.h.hubStatus({}, ev)).host.code);
    expect(waiting).toMatchObject([{ name: device.name, requestedRole: 'desk', code: started.pending.deskCode }]);
    const confirmed = desk.h.hubPairConfirm({ pairingId: started.pending.pairingId }, ev);
    await hub.h.hubDecide({ pairingId: waiting[0]!.pairingId, approve: true, role: 'desk' }, ev);
    return { started, result: await confirmed, address };
  }

  it('pair, sync, unpair: the desk keeps the token in main only and checks the hub’s answer key', async () => {
    const hubKey = await signerFor('hub-1');
    const hub = await startedHub(hubKey);
    const desk = service();
    const deskKey = await signerFor('desk-1');
    const address = `127.0.0.1:${hub.status.host.port}`;
    const device = { id: 'desk-1', name: 'Стойка 1', role: 'desk' as const, publicKey: deskKey.publicKey };

    const wrong = await desk.h.hubPair({ address, pin: hub.status.host.pin === '000000' ? '000001' : '000000', device }, ev);
    expect(wrong).toMatchObject({ ok: false, code: 'wrong-pin', offline: false });
    expect((await desk.h.hubStatus({}, ev)).link).toBeNull();

    const { result: paired } = await pairThrough(hub, desk, device);
    expect(paired).toMatchObject({ ok: true, link: { address, role: 'desk', hub: { deviceId: 'hub-1', name: 'Хаб', code: hub.status.host.code }, event: { id: 'ev-1' } } });
    const linkFile = JSON.parse(readFileSync(path.join(desk.dir, 'hub-link.json'), 'utf8')) as { token: string };
    const status: HubStatus = await desk.h.hubStatus({}, ev);
    expect(JSON.stringify(status)).not.toContain(linkFile.token);
    expect((await hub.h.hubStatus({}, ev)).host.paired).toMatchObject([{ deviceId: 'desk-1', name: 'Стойка 1', role: 'desk', code: expect.stringMatching(/^[0-9A-F-]{19}$/) }]);

    // an answer signed by the hub's key goes through
    const [ok] = await Promise.all([desk.h.hubSync({ eventId: 'ev-1', bytes: await emptyFile(deskKey) }, ev), serveOnce(hub.h, () => emptyFile(hubKey))]);
    expect(ok.ok).toBe(true);
    expect((await hub.h.hubStatus({}, ev)).host.paired[0]?.lastSyncAt).toBeTruthy();

    // an answer signed by some other key (a hub impostor, a swapped file) is refused on the desk
    const other = await signerFor('hub-1');
    const [forged] = await Promise.all([desk.h.hubSync({ eventId: 'ev-1', bytes: await emptyFile(deskKey) }, ev), serveOnce(hub.h, () => emptyFile(other))]);
    expect(forged).toMatchObject({ ok: false, code: 'refused', offline: false });

    // another event is refused on the desk before anything is sent
    expect(await desk.h.hubSync({ eventId: 'ev-2', bytes: await emptyFile(deskKey, 'ev-2') }, ev)).toMatchObject({ ok: false, code: 'wrong-event' });

    await hub.h.hubUnpair({ deviceId: 'desk-1' }, ev);
    const gone = await desk.h.hubSync({ eventId: 'ev-1', bytes: await emptyFile(deskKey) }, ev);
    expect(gone).toMatchObject({ ok: false, code: 'unauthorized', offline: false });
    expect((gone as { message: string }).message).toMatch(/Подключитесь заново/);

    await hub.h.hubStop({}, ev);
    const offline = await desk.h.hubSync({ eventId: 'ev-1', bytes: await emptyFile(deskKey) }, ev);
    expect(offline).toMatchObject({ ok: false, code: 'unreachable', offline: true });

    await desk.h.hubForget({}, ev);
    expect(existsSync(path.join(desk.dir, 'hub-link.json'))).toBe(false);
    expect(await desk.h.hubSync({ eventId: 'ev-1', bytes: await emptyFile(deskKey) }, ev)).toMatchObject({ ok: false, code: 'not-paired' });
  });

  it('a device is a hub or a desk, not both; a malformed address is explained', async () => {
    const hubKey = await signerFor('hub-1');
    const hub = await startedHub(hubKey);
    const device = { id: 'x-1', name: 'X', role: 'desk' as const, publicKey: (await signerFor('x-1')).publicKey };
    await expect(hub.h.hubPair({ address: '127.0.0.1:1', pin: '123456', device }, ev)).rejects.toThrow(/запущен хаб/);

    const desk = service();
    expect(await desk.h.hubPair({ address: 'http://hub/path', pin: '123456', device }, ev)).toMatchObject({ ok: false, code: 'bad-address' });
    const { result: paired } = await pairThrough(hub, desk, { ...device, id: 'desk-9' });
    expect(paired.ok).toBe(true);
    await expect(desk.h.hubStart({ port: 0, device: { id: 'desk-9', name: 'X', publicKey: hubKey.publicKey }, event: { id: 'ev-1', title: 'x' }, eventKey }, ev)).rejects.toThrow(
      /подключено к хабу как стойка/,
    );
  });

  it('«Отклонить» on the hub: the desk is told, nothing is saved; codes that did not match → the desk forgets the pairing', async () => {
    const hub = await startedHub(await signerFor('hub-1'));
    const desk = service();
    const device = { id: 'desk-2', name: 'Стойка 2', role: 'desk' as const, publicKey: (await signerFor('desk-2')).publicKey };
    const address = `127.0.0.1:${hub.status.host.port}`;
    const started = await desk.h.hubPair({ address, pin: hub.status.host.pin!, device }, ev);
    if (!started.ok) throw new Error(started.message);
    const confirmed = desk.h.hubPairConfirm({ pairingId: started.pending.pairingId }, ev);
    const [waiting] = (await hub.h.hubStatus({}, ev)).host.approvals;
    await hub.h.hubDecide({ pairingId: waiting!.pairingId, approve: false }, ev);
    expect(await confirmed).toMatchObject({ ok: false, code: 'pairing-refused' });
    expect((await desk.h.hubStatus({}, ev)).link).toBeNull();
    await expect(hub.h.hubDecide({ pairingId: waiting!.pairingId, approve: true, role: 'desk' }, ev)).rejects.toThrow(/уже нет/);

    const again = await desk.h.hubPair({ address, pin: (await hub.h.hubStatus({}, ev)).host.pin!, device }, ev);
    if (!again.ok) throw new Error(again.message);
    await desk.h.hubForget({}, ev);
    expect(await desk.h.hubPairConfirm({ pairingId: again.pending.pairingId }, ev)).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('a desk paired by an older version (plain HTTP) is told to pair again', async () => {
    const desk = service();
    mkdirSync(desk.dir, { recursive: true });
    writeFileSync(path.join(desk.dir, 'hub-link.json'), JSON.stringify({ version: 1, address: '192.168.1.10:47800', token: 'x'.repeat(43) }));
    const status = await desk.h.hubStatus({}, ev);
    expect(status.link).toBeNull();
    expect(status.notice).toMatchObject({ message: expect.stringMatching(/подключитесь к хабу заново/i), said: { key: 'hubLink:desk.oldLink' } });
    expect(await desk.h.hubSync({ eventId: 'ev-1', bytes: new Uint8Array() as Uint8Array<ArrayBuffer> }, ev)).toMatchObject({ ok: false, code: 'not-paired', message: expect.stringMatching(/шифруется/) });
  });
});
