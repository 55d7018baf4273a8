import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatHubAddress, HubClientError, lanAddresses, pairWithHub, parseHubAddress, postSync, type HubAddress } from '../../../electron/hub/client';
import { PairedDevices } from '../../../electron/hub/paired-devices';
import { DEVICE_HEADER, PAIR_PATH, SYNC_PATH, type HubEvent, type PairRequest } from '../../../electron/hub/protocol';
import { RendererLink } from '../../../electron/hub/renderer-link';
import { hashToken } from '../../../electron/hub/secrets';
import { HubServer } from '../../../electron/hub/server';
import type { ChangeRecord } from '../../../shared/sync/change';
import { buildExchangeFile, countByTable, readExchangeFile } from '../../../shared/sync/exchange-file';
import { createSigner, generateDeviceKeys, type Signer } from '../../../shared/sync/signing';
import { signBatch } from '../../../shared/trust/batches';
import { newEventKey } from '../../../shared/trust/event-key';

const EVENT_KEY = newEventKey();

/*
 * The real hub server on 127.0.0.1 with an ephemeral port. The "renderer" is a test loop on the
 * RendererLink; time for the rate limiter is a variable the tests move, never the wall clock.
 */
const tmp = mkdtempSync(path.join(os.tmpdir(), 'skhod-hub-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const EVENT: HubEvent = { id: 'ev-ufa-2019', title: 'Конференция «Сход», Уфа 2019' };
let n = 0;
let clock = 1_000_000;
let server: HubServer;
let link: RendererLink;
let devices: PairedDevices;
let file: string;
let addr: HubAddress;
let hubSigner: Signer;

async function signer(deviceId: string): Promise<Signer> {
  return createSigner(deviceId, await generateDeviceKeys());
}

async function startHub(opts: { maxSyncBody?: number; limits?: { perAddress?: number; windowMs?: number; perPin?: number }; pickupMs?: number } = {}) {
  file = path.join(tmp, `hub-${++n}.json`);
  devices = await PairedDevices.load(file);
  link = new RendererLink({ pickupMs: opts.pickupMs ?? 5_000, answerMs: 10_000 });
  hubSigner = await signer('hub-device');
  server = new HubServer({
    identity: { deviceId: 'hub-device', name: 'Ноутбук организатора', publicKey: hubSigner.publicKey },
    event: EVENT,
    devices,
    link,
    now: () => clock,
    ...(opts.limits ? { limits: opts.limits } : {}),
    ...(opts.maxSyncBody ? { maxSyncBody: opts.maxSyncBody } : {}),
  });
  const port = await server.listen(0, '127.0.0.1');
  addr = { host: '127.0.0.1', port };
}

beforeEach(() => {
  clock = 1_000_000;
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(async () => {
  for (const r of renderers.splice(0)) r.stop();
  await server?.close();
  vi.restoreAllMocks();
});

function pairBody(pin: string, desk: Signer, name = 'Стойка 1'): PairRequest {
  return { pin, device: { id: desk.deviceId, name, role: 'desk', publicKey: desk.publicKey } };
}

async function rejection(p: Promise<unknown>): Promise<HubClientError> {
  const err = await p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HubClientError);
  return err as HubClientError;
}

const wrongPin = (pin: string) => String((Number(pin) + 1) % 1_000_000).padStart(6, '0');

/** A signed exchange file of `device` for the event, with `count` check-ins. */
async function deskFile(s: Signer, count: number, eventId = EVENT.id): Promise<Uint8Array> {
  const changes: ChangeRecord[] = Array.from({ length: count }, (_, i) => {
    const hlc = `${String(1_569_000_000_000 + i).padStart(15, '0')}-00000-${s.deviceId}`;
    return { hlc, device: s.deviceId, table: 'checkins', rowId: `c${i}`, op: 'put', fields: { eventId, registrationId: `r${i}`, kind: 'arrive' } };
  });
  const header = { eventId, sender: { deviceId: s.deviceId, name: 'Стойка', role: 'desk' as const }, createdAt: new Date(clock).toISOString(), seen: {} };
  return buildExchangeFile({ header, batches: [await signBatch(s, eventId, changes)], counts: countByTable(changes) }, s, EVENT_KEY);
}

/** Raw HTTP for what our client would never send. */
function raw(
  method: string,
  urlPath: string,
  headers: Record<string, string>,
  body?: Buffer,
  opts: { flushOnly?: boolean } = {},
): Promise<{ status: number; json: { code?: string; error?: string }; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: addr.host, port: addr.port, method, path: urlPath, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, json: text ? (JSON.parse(text) as { code?: string; error?: string }) : {}, headers: res.headers });
        req.destroy();
      });
    });
    req.on('error', reject);
    if (opts.flushOnly) {
      req.flushHeaders();
      if (body) req.write(body);
    } else req.end(body);
  });
}

/** A stand-in for the hub's renderer: answers each request with `answer(bytes)` or an error. */
function serveRenderer(answer: (bytes: Uint8Array, deviceId: string) => Promise<Uint8Array | { error: string }>) {
  const seen: { deviceId: string; deviceName: string; bytes: Uint8Array }[] = [];
  let stopped = false;
  void (async () => {
    while (!stopped) {
      const req = await link.next(200);
      if (!req) {
        // a closed link answers null at once: yield to timers and I/O instead of spinning
        await new Promise((r) => setTimeout(r, 5));
        continue;
      }
      seen.push(req);
      const out = await answer(req.bytes, req.deviceId);
      link.answer(req.id, out instanceof Uint8Array ? { bytes: out } : out);
    }
  })();
  const handle = {
    seen,
    stop: () => {
      stopped = true;
    },
  };
  renderers.push(handle);
  return handle;
}
const renderers: { stop: () => void }[] = [];

describe('hub addresses', () => {
  it('parses what people type and refuses paths, users and bad ports', () => {
    expect(parseHubAddress('192.168.1.10')).toEqual({ host: '192.168.1.10', port: 47800 });
    expect(parseHubAddress(' http://192.168.1.10:48000/ ')).toEqual({ host: '192.168.1.10', port: 48000 });
    expect(parseHubAddress('hub-pc.local:5000')).toEqual({ host: 'hub-pc.local', port: 5000 });
    expect(parseHubAddress('[fe80::1]:47800')).toEqual({ host: 'fe80::1', port: 47800 });
    for (const bad of ['', '192.168.1.10:0', '192.168.1.10:70000', 'user@hub:47800', '192.168.1.10/skhod', 'https://hub', '-hub']) {
      expect(parseHubAddress(bad), bad).toBeNull();
    }
    expect(formatHubAddress({ host: 'fe80::1', port: 47800 })).toBe('[fe80::1]:47800');
  });

  it('lists only non-internal IPv4 addresses', () => {
    const iface = (address: string, family: 'IPv4' | 'IPv6', internal: boolean) => ({ address, family, internal, netmask: '', mac: '', cidr: null });
    expect(
      lanAddresses({ lo: [iface('127.0.0.1', 'IPv4', true)], wlan0: [iface('192.168.1.10', 'IPv4', false), iface('fe80::1', 'IPv6', false)], eth0: [iface('10.0.0.5', 'IPv4', false)] } as never),
    ).toEqual(['10.0.0.5', '192.168.1.10']);
  });
});

describe('pairing', () => {
  it('with the PIN shown: a token, the hub identity and event; only the token hash is stored', async () => {
    await startHub();
    const desk = await signer('desk-1');
    const answer = await pairWithHub(addr, pairBody(server.pin, desk));
    expect(answer.hub).toEqual({ deviceId: 'hub-device', name: 'Ноутбук организатора', publicKey: hubSigner.publicKey });
    expect(answer.event).toEqual(EVENT);
    expect(answer.token.length).toBeGreaterThanOrEqual(40);
    const saved = readFileSync(file, 'utf8');
    expect(saved).not.toContain(answer.token);
    expect(saved).toContain(hashToken(answer.token));
    expect(devices.get('desk-1')).toMatchObject({ name: 'Стойка 1', role: 'desk', publicKey: desk.publicKey });
  });

  it('with a wrong PIN: 403 in Russian, nothing stored', async () => {
    await startHub();
    const err = await rejection(pairWithHub(addr, pairBody(wrongPin(server.pin), await signer('desk-1'))));
    expect(err.code).toBe('wrong-pin');
    expect(err.message).toMatch(/Неверный PIN/);
    expect(devices.list()).toEqual([]);
  });

  it('rate-limits an address after 5 wrong PINs — even the right PIN is refused until the window passes', async () => {
    await startHub({ limits: { perAddress: 5, windowMs: 60_000, perPin: 100 } });
    const desk = await signer('desk-1');
    for (let i = 0; i < 5; i++) expect((await rejection(pairWithHub(addr, pairBody(wrongPin(server.pin), desk)))).code).toBe('wrong-pin');
    const blocked = await raw('POST', PAIR_PATH, { 'content-type': 'application/json' }, Buffer.from(JSON.stringify(pairBody(server.pin, desk))));
    expect(blocked.status).toBe(429);
    expect(blocked.json.code).toBe('too-many-attempts');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.json.error).toMatch(/Слишком много попыток/);
    expect(devices.list()).toEqual([]);

    clock += 60_001;
    await expect(pairWithHub(addr, pairBody(server.pin, desk))).resolves.toMatchObject({ event: EVENT });
  });

  it('spends the PIN after too many wrong guesses in total: a new PIN, the old one no longer works', async () => {
    await startHub({ limits: { perAddress: 100, windowMs: 60_000, perPin: 3 } });
    const desk = await signer('desk-1');
    const first = server.pin;
    for (let i = 0; i < 3; i++) await rejection(pairWithHub(addr, pairBody(wrongPin(first), desk)));
    expect(server.pin).not.toBe(first);
    const err = await rejection(pairWithHub(addr, pairBody(first, desk)));
    expect(err.code).toBe('wrong-pin');
    await expect(pairWithHub(addr, pairBody(server.pin, desk))).resolves.toBeDefined();
  });

  it('refuses malformed requests, the hub pairing with itself, other methods and paths', async () => {
    await startHub();
    const json = { 'content-type': 'application/json' };
    expect((await raw('POST', PAIR_PATH, json, Buffer.from('{"pin":'))).status).toBe(400);
    expect((await raw('POST', PAIR_PATH, json, Buffer.from(JSON.stringify({ pin: server.pin })))).status).toBe(400);
    const self = await raw('POST', PAIR_PATH, json, Buffer.from(JSON.stringify(pairBody(server.pin, hubSigner))));
    expect(self.status).toBe(400);
    expect(self.json.error).toMatch(/само работает хабом/);
    expect((await raw('GET', PAIR_PATH, {})).status).toBe(404);
    expect((await raw('POST', '/admin', json, Buffer.from('{}'))).status).toBe(404);
    expect(devices.list()).toEqual([]);
  });

  it('refuses an oversized pairing body', async () => {
    await startHub();
    const res = await raw('POST', PAIR_PATH, { 'content-type': 'application/json' }, Buffer.alloc(9 * 1024, 0x20));
    expect(res.status).toBe(413);
  });
});

describe('sync', () => {
  async function paired(id = 'desk-1', name = 'Стойка 1') {
    const s = await signer(id);
    const { token } = await pairWithHub(addr, pairBody(server.pin, s, name));
    return { s, token };
  }

  it('a full round: the desk file reaches the renderer as sent, the answer comes back as the renderer wrote it', async () => {
    await startHub();
    const { s, token } = await paired();
    const renderer = serveRenderer(async () => deskFile(hubSigner, 2));
    const sent = await deskFile(s, 3);
    const answer = await postSync(addr, { token, deviceId: s.deviceId }, sent);
    renderer.stop();

    expect(renderer.seen).toHaveLength(1);
    expect(renderer.seen[0]).toMatchObject({ deviceId: 'desk-1', deviceName: 'Стойка 1' });
    expect(Buffer.from(renderer.seen[0]!.bytes).equals(Buffer.from(sent))).toBe(true);
    const back = await readExchangeFile(answer, { eventKey: () => EVENT_KEY, verify: { knownKey: () => hubSigner.publicKey, unknownSender: 'refuse' } });
    expect(back.header.sender.deviceId).toBe('hub-device');
    expect(back.header.counts).toEqual({ checkins: 2 });
    expect(server.lastActivity('desk-1')).toMatchObject({ received: 3, address: '127.0.0.1' });
  });

  it('requires a token: none, a wrong one, another device’s, or after «Отключить» → 401 with a Russian message', async () => {
    await startHub();
    const a = await paired('desk-1');
    const b = await paired('desk-2', 'Стойка 2');
    const renderer = serveRenderer(async () => deskFile(hubSigner, 0));
    const body = await deskFile(a.s, 1);

    const none = await raw('POST', SYNC_PATH, { 'content-type': 'application/octet-stream', [DEVICE_HEADER]: 'desk-1' }, Buffer.from(body));
    expect(none.status).toBe(401);
    expect(none.json.error).toMatch(/Хаб не знает это устройство/);
    expect((await rejection(postSync(addr, { token: 'x'.repeat(43), deviceId: 'desk-1' }, body))).code).toBe('unauthorized');
    // desk-2's valid token presented for desk-1: the token must belong to the device it claims
    expect((await rejection(postSync(addr, { token: b.token, deviceId: 'desk-1' }, body))).code).toBe('unauthorized');
    expect((await rejection(postSync(addr, { token: a.token, deviceId: 'desk-unknown' }, body))).code).toBe('unauthorized');
    expect(renderer.seen).toHaveLength(0);

    await expect(postSync(addr, { token: a.token, deviceId: 'desk-1' }, body)).resolves.toBeInstanceOf(Uint8Array);
    await devices.remove('desk-1');
    expect((await rejection(postSync(addr, { token: a.token, deviceId: 'desk-1' }, body))).code).toBe('unauthorized');
    renderer.stop();
    expect(renderer.seen).toHaveLength(1);
  });

  it('re-pairing replaces the token: the old one stops working', async () => {
    await startHub();
    const s = await signer('desk-1');
    const first = await pairWithHub(addr, pairBody(server.pin, s));
    const second = await pairWithHub(addr, pairBody(server.pin, s));
    const renderer = serveRenderer(async () => deskFile(hubSigner, 0));
    const body = await deskFile(s, 0);
    expect((await rejection(postSync(addr, { token: first.token, deviceId: 'desk-1' }, body))).code).toBe('unauthorized');
    await expect(postSync(addr, { token: second.token, deviceId: 'desk-1' }, body)).resolves.toBeDefined();
    renderer.stop();
  });

  it('checks the file itself: signed by another key → refused, another event → 409, garbage → 422; none reach the renderer', async () => {
    await startHub();
    const { s, token } = await paired();
    const renderer = serveRenderer(async () => deskFile(hubSigner, 0));
    const impostor = await signer('desk-1'); // same id, a key the hub was never given
    const foreign = await rejection(postSync(addr, { token, deviceId: 'desk-1' }, await deskFile(impostor, 1)));
    expect(foreign.code).toBe('unauthorized');
    expect(foreign.message).toMatch(/не тем ключом/);
    const other = await rejection(postSync(addr, { token, deviceId: 'desk-1' }, await deskFile(s, 1, 'ev-other')));
    expect(other.code).toBe('wrong-event');
    expect(other.message).toContain(EVENT.title);
    const junk = await rejection(postSync(addr, { token, deviceId: 'desk-1' }, new TextEncoder().encode('not a file')));
    expect(junk.code).toBe('refused');
    expect(junk.message).toMatch(/не файл обмена/);
    renderer.stop();
    expect(renderer.seen).toHaveLength(0);
  });

  it('limits the body: a declared or a streamed size over the limit → 413 before the renderer is asked', async () => {
    await startHub({ maxSyncBody: 4096 });
    const { token } = await paired();
    const renderer = serveRenderer(async () => deskFile(hubSigner, 0));
    const auth = { authorization: `Bearer ${token}`, [DEVICE_HEADER]: 'desk-1', 'content-type': 'application/octet-stream' };
    const declared = await raw('POST', SYNC_PATH, { ...auth, 'content-length': String(10 * 1024 * 1024) }, undefined, { flushOnly: true });
    expect(declared.status).toBe(413);
    expect(declared.json.code).toBe('too-large');
    const streamed = await raw('POST', SYNC_PATH, { ...auth, 'transfer-encoding': 'chunked' }, Buffer.alloc(8192, 1), { flushOnly: true });
    expect(streamed.status).toBe(413);
    renderer.stop();
    expect(renderer.seen).toHaveLength(0);
  });

  it('answers 503 «не открыт Сход» when no window serves, and 422 with the renderer’s reason when it refuses', async () => {
    await startHub({ pickupMs: 100 });
    const { s, token } = await paired();
    const nobody = await rejection(postSync(addr, { token, deviceId: 'desk-1' }, await deskFile(s, 1)));
    expect(nobody.code).toBe('not-serving');
    expect(nobody.message).toMatch(/не открыт Сход/);

    const renderer = serveRenderer(async () => ({ error: 'Файл обмена относится к другому мероприятию.' }));
    const refused = await rejection(postSync(addr, { token, deviceId: 'desk-1' }, await deskFile(s, 1)));
    renderer.stop();
    expect(refused.code).toBe('refused');
    expect(refused.message).toBe('Файл обмена относится к другому мероприятию.');
  });

  it('serializes desks: two concurrent rounds reach the renderer one after the other', async () => {
    await startHub();
    const a = await paired('desk-1');
    const b = await paired('desk-2', 'Стойка 2');
    let active = 0;
    let maxActive = 0;
    const renderer = serveRenderer(async () => {
      active += 1;
      maxActive = Math.max(maxActive, active);
      await new Promise((r) => setImmediate(r));
      active -= 1;
      return deskFile(hubSigner, 0);
    });
    await Promise.all([
      postSync(addr, { token: a.token, deviceId: 'desk-1' }, await deskFile(a.s, 1)),
      postSync(addr, { token: b.token, deviceId: 'desk-2' }, await deskFile(b.s, 1)),
    ]);
    renderer.stop();
    expect(renderer.seen.map((r) => r.deviceId).sort()).toEqual(['desk-1', 'desk-2']);
    expect(maxActive).toBe(1);
  });

  it('paired desks survive a hub restart (the token is checked against the stored hash)', async () => {
    await startHub();
    const { s, token } = await paired();
    await server.close();
    const reloaded = await PairedDevices.load(file);
    link = new RendererLink({ pickupMs: 5_000, answerMs: 10_000 });
    server = new HubServer({ identity: { deviceId: 'hub-device', name: 'Хаб', publicKey: hubSigner.publicKey }, event: EVENT, devices: reloaded, link });
    addr = { host: '127.0.0.1', port: await server.listen(0, '127.0.0.1') };
    const renderer = serveRenderer(async () => deskFile(hubSigner, 0));
    await expect(postSync(addr, { token, deviceId: 'desk-1' }, await deskFile(s, 1))).resolves.toBeInstanceOf(Uint8Array);
    renderer.stop();
  });

  it('a stopped hub is «нет связи» for the desk', async () => {
    await startHub();
    const { s, token } = await paired();
    await server.close();
    const err = await rejection(postSync(addr, { token, deviceId: 'desk-1' }, await deskFile(s, 1)));
    expect(err.code).toBe('unreachable');
    expect(err.message).toMatch(/Нет связи с хабом 127\.0\.0\.1:\d+/);
  });
});

describe('RendererLink (main ↔ the hub window)', () => {
  afterEach(() => vi.useRealTimers());
  const req = (deviceId: string) => ({ deviceId, deviceName: deviceId, bytes: new Uint8Array([1]) });

  it('hands requests out in arrival order and resolves each with its own answer', async () => {
    const l = new RendererLink({ pickupMs: 1_000, answerMs: 1_000 });
    const a = l.request(req('desk-a'));
    const b = l.request(req('desk-b'));
    const first = (await l.next(100))!;
    const second = (await l.next(100))!;
    expect([first.deviceId, second.deviceId]).toEqual(['desk-a', 'desk-b']);
    expect(l.answer(second.id, { bytes: new Uint8Array([2]) })).toBe(true);
    expect(l.answer(first.id, { error: 'отказ' })).toBe(true);
    await expect(b).resolves.toEqual(new Uint8Array([2]));
    await expect(a).rejects.toMatchObject({ kind: 'refused', message: 'отказ' });
    expect(l.answer(first.id, { bytes: new Uint8Array() })).toBe(false);
  });

  it('a taken request not answered in time fails as timeout; the late answer is ignored', async () => {
    vi.useFakeTimers();
    const l = new RendererLink({ pickupMs: 1_000, answerMs: 5_000 });
    const pending = l.request(req('desk-a'));
    const outcome = pending.catch((e: unknown) => e);
    const taken = (await l.next(100))!;
    await vi.advanceTimersByTimeAsync(5_001);
    expect(await outcome).toMatchObject({ kind: 'timeout' });
    expect(l.answer(taken.id, { bytes: new Uint8Array() })).toBe(false);
  });

  it('an empty poll ends with null; close fails what is queued and releases pollers', async () => {
    vi.useFakeTimers();
    const l = new RendererLink({ pickupMs: 10_000, answerMs: 10_000 });
    const empty = l.next(3_000);
    await vi.advanceTimersByTimeAsync(3_001);
    expect(await empty).toBeNull();
    const waiting = l.next(60_000);
    expect(l.serving).toBe(true);
    l.close();
    expect(await waiting).toBeNull();
    await expect(l.request(req('desk-a'))).rejects.toMatchObject({ kind: 'closed' });
  });
});
