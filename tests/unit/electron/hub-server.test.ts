import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatHubAddress, pairWithHub, parseHubAddress, postSync, waitForApproval } from '../../../electron/hub/client';
import { lanAddresses, suggestedAddress } from '../../../electron/hub/interfaces';
import { PairedDevices } from '../../../electron/hub/paired-devices';
import { DEVICE_HEADER, PAIR_PATH, PAIR_WAIT_PATH, SYNC_PATH } from '../../../electron/hub/protocol';
import { RendererLink } from '../../../electron/hub/renderer-link';
import { hashToken } from '../../../electron/hub/secrets';
import { readExchangeFile } from '../../../shared/sync/exchange-file';
import { newEventKey } from '../../../shared/trust/event-key';
import { clock, deskFile, EVENT, EVENT_KEY, pairBody, pairDesk, raw, rejection, serveRenderer, signer, startHub, tlsIdentity, useHubTestHooks, wrongPin, type TestHub } from './hub-helpers';

/*
 * The real hub server on 127.0.0.1 with an ephemeral port, over TLS with real certificates. The
 * "renderer" is a test loop on the RendererLink; time for the rate limiter is a variable the tests
 * move, never the wall clock. The attacks of issue 19 are in hub-attacks.test.ts.
 */
useHubTestHooks();

let counter = 0;
const next = () => (counter += 1);

describe('hub addresses', () => {
  it('parses what people type and refuses paths, users and bad ports', () => {
    expect(parseHubAddress('192.168.1.10')).toEqual({ host: '192.168.1.10', port: 47800 });
    expect(parseHubAddress(' https://192.168.1.10:48000/ ')).toEqual({ host: '192.168.1.10', port: 48000 });
    expect(parseHubAddress('hub-pc.local:5000')).toEqual({ host: 'hub-pc.local', port: 5000 });
    expect(parseHubAddress('[fe80::1]:47800')).toEqual({ host: 'fe80::1', port: 47800 });
    for (const bad of ['', '192.168.1.10:0', '192.168.1.10:70000', 'user@hub:47800', '192.168.1.10/skhod', 'ftp://hub', '-hub']) {
      expect(parseHubAddress(bad), bad).toBeNull();
    }
    expect(formatHubAddress({ host: 'fe80::1', port: 47800 })).toBe('[fe80::1]:47800');
  });

  it('lists only non-internal IPv4 addresses and suggests the default route’s, else the first', async () => {
    const iface = (address: string, family: 'IPv4' | 'IPv6', internal: boolean) => ({ address, family, internal, netmask: '', mac: '', cidr: null });
    const list = lanAddresses({ lo: [iface('127.0.0.1', 'IPv4', true)], wlan0: [iface('192.168.1.10', 'IPv4', false), iface('fe80::1', 'IPv6', false)], eth0: [iface('10.0.0.5', 'IPv4', false)] } as never);
    expect(list).toEqual(['10.0.0.5', '192.168.1.10']);
    expect(await suggestedAddress(list, async () => '192.168.1.10')).toBe('192.168.1.10');
    // a VPN's address carries the route but is not offered: the first LAN address instead
    expect(await suggestedAddress(list, async () => '172.16.0.2')).toBe('10.0.0.5');
    expect(await suggestedAddress(list, async () => null)).toBe('10.0.0.5');
    expect(await suggestedAddress([], async () => null)).toBeNull();
  });
});

describe('pairing', () => {
  it('PIN → the hub’s certificate and a request waiting for «Разрешить»; approved → token once, the granted role; only the hash is stored', async () => {
    const hub = await startHub();
    const desk = await signer('desk-1');
    const me = await tlsIdentity(1);
    const firstPin = hub.server.pin;
    const { answer, hub: seen } = await pairWithHub(hub.addr, pairBody(firstPin, desk), me);
    expect(seen.fingerprint).toBe(hub.tls.fingerprint);
    expect(answer.hub).toEqual({ deviceId: 'hub-device', name: 'Ноутбук организатора', publicKey: hub.hubSigner.publicKey });
    expect(answer.event).toEqual(EVENT);
    // single-use PIN: a new one the moment it was used
    expect(hub.server.pin).not.toBe(firstPin);
    const [waiting] = hub.server.pendingApprovals();
    expect(waiting).toMatchObject({ id: answer.pairingId, device: { id: 'desk-1', name: 'Стойка 1', role: 'desk' }, clientFingerprint: me.fingerprint });
    expect(await waitForApproval(hub.addr, answer.pairingId, seen, me)).toEqual({ state: 'waiting' });
    expect(hub.devices.list()).toEqual([]);

    // the operator grants a role other than the one asked for: the role is the hub's decision
    expect(hub.server.decide(answer.pairingId, { approve: true, role: 'district' })).toBe(true);
    const approved = await waitForApproval(hub.addr, answer.pairingId, seen, me);
    if (approved.state !== 'approved') throw new Error('expected approval');
    expect(approved.role).toBe('district');
    expect(approved.token.length).toBeGreaterThanOrEqual(40);
    const saved = readFileSync(hub.file, 'utf8');
    expect(saved).not.toContain(approved.token);
    expect(saved).toContain(hashToken(approved.token));
    expect(hub.devices.get('desk-1')).toMatchObject({ name: 'Стойка 1', role: 'district', publicKey: desk.publicKey, clientFingerprint: me.fingerprint });
    // the token went out once
    expect((await rejection(waitForApproval(hub.addr, answer.pairingId, seen, me))).code).toBe('not-found');
  });

  it('«Отклонить» → 403 for the device, nothing stored; another certificate cannot ask about the request', async () => {
    const hub = await startHub();
    const me = await tlsIdentity(1);
    const { answer, hub: seen } = await pairWithHub(hub.addr, pairBody(hub.server.pin, await signer('desk-1')), me);
    expect((await rejection(waitForApproval(hub.addr, answer.pairingId, seen, await tlsIdentity(2)))).code).toBe('not-found');
    hub.server.decide(answer.pairingId, { approve: false });
    const refused = await rejection(waitForApproval(hub.addr, answer.pairingId, seen, me));
    expect(refused.code).toBe('pairing-refused');
    expect(refused.message).toMatch(/не разрешил/);
    expect(hub.devices.list()).toEqual([]);
  });

  it('with a wrong PIN: 403 in Russian, no request for approval, the PIN stays', async () => {
    const hub = await startHub();
    const pin = hub.server.pin;
    const err = await rejection(pairWithHub(hub.addr, pairBody(wrongPin(pin), await signer('desk-1')), await tlsIdentity(1)));
    expect(err.code).toBe('wrong-pin');
    expect(err.message).toMatch(/Неверный PIN/);
    expect(hub.server.pendingApprovals()).toEqual([]);
    expect(hub.server.pin).toBe(pin);
  });

  it('rate-limits an address after 5 attempts — even the right PIN is refused until the window passes', async () => {
    const hub = await startHub({ limits: { perAddress: 5, global: 100, freeFailures: 100 } });
    const desk = await signer('desk-1');
    const me = await tlsIdentity(1);
    for (let i = 0; i < 5; i++) expect((await rejection(pairWithHub(hub.addr, pairBody(wrongPin(hub.server.pin), desk), me))).code).toBe('wrong-pin');
    const blocked = await raw(hub.addr, 'POST', PAIR_PATH, { 'content-type': 'application/json' }, Buffer.from(JSON.stringify(pairBody(hub.server.pin, desk))));
    expect(blocked.status).toBe(429);
    expect(blocked.json.code).toBe('too-many-attempts');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.json.error).toMatch(/Слишком много попыток/);

    clock.now += 60_001;
    await expect(pairWithHub(hub.addr, pairBody(hub.server.pin, desk), me)).resolves.toBeDefined();
  });

  it('backs off globally after wrong PINs in a row, doubling; a right PIN ends the backoff', async () => {
    const hub = await startHub({ limits: { perAddress: 100, global: 100, freeFailures: 2, backoffMs: 2_000, maxBackoffMs: 60_000 } });
    const desk = await signer('desk-1');
    const me = await tlsIdentity(1);
    const pinOf = () => hub.server.pin;
    for (let i = 0; i < 2; i++) await rejection(pairWithHub(hub.addr, pairBody(wrongPin(pinOf()), desk), me));
    await rejection(pairWithHub(hub.addr, pairBody(wrongPin(pinOf()), desk), me)); // the 3rd: backoff 2 s starts
    const wait1 = await rejection(pairWithHub(hub.addr, pairBody(pinOf(), desk), me));
    expect(wait1.code).toBe('too-many-attempts');
    clock.now += 2_001;
    await rejection(pairWithHub(hub.addr, pairBody(wrongPin(pinOf()), desk), me)); // the 4th: 4 s
    clock.now += 2_001;
    expect((await rejection(pairWithHub(hub.addr, pairBody(pinOf(), desk), me))).code).toBe('too-many-attempts');
    clock.now += 2_000;
    await expect(pairWithHub(hub.addr, pairBody(pinOf(), desk), me)).resolves.toBeDefined();
    await expect(pairWithHub(hub.addr, pairBody(pinOf(), await signer('desk-2')), me)).resolves.toBeDefined();
  });

  it('refuses malformed requests, the hub pairing with itself, a client without a certificate, other methods and paths', async () => {
    const hub = await startHub({ limits: { perAddress: 100, global: 100 } });
    const json = { 'content-type': 'application/json' };
    expect((await raw(hub.addr, 'POST', PAIR_PATH, json, Buffer.from('{"pin":'))).status).toBe(400);
    expect((await raw(hub.addr, 'POST', PAIR_PATH, json, Buffer.from(JSON.stringify({ pin: hub.server.pin })))).status).toBe(400);
    const self = await raw(hub.addr, 'POST', PAIR_PATH, json, Buffer.from(JSON.stringify(pairBody(hub.server.pin, hub.hubSigner))));
    expect(self.status).toBe(400);
    expect(self.json.error).toMatch(/само работает хабом/);
    const noCert = await raw(hub.addr, 'POST', PAIR_PATH, json, Buffer.from(JSON.stringify(pairBody(hub.server.pin, await signer('d')))), { me: null });
    expect(noCert.status).toBe(400);
    expect((await raw(hub.addr, 'POST', PAIR_WAIT_PATH, json, Buffer.from('{"pairingId":"nope"}'))).status).toBe(400);
    expect((await raw(hub.addr, 'GET', PAIR_PATH, {})).status).toBe(404);
    expect((await raw(hub.addr, 'POST', '/admin', json, Buffer.from('{}'))).status).toBe(404);
    expect(hub.server.pendingApprovals()).toEqual([]);
  });

  it('refuses an oversized pairing body', async () => {
    const hub = await startHub();
    const res = await raw(hub.addr, 'POST', PAIR_PATH, { 'content-type': 'application/json' }, Buffer.alloc(9 * 1024, 0x20));
    expect(res.status).toBe(413);
  });
});

describe('sync', () => {
  const paired = async (hub: TestHub, id = 'desk-1', name = 'Стойка 1', tlsIndex = 1) => pairDesk(hub, await signer(id), await tlsIdentity(tlsIndex), name);
  const auth = (d: { token: string; s: { deviceId: string } }, deviceId = d.s.deviceId) => ({ token: d.token, deviceId, counter: next() });

  it('a full round: the desk file reaches the renderer as sent, with the granted role; the answer comes back as written', async () => {
    const hub = await startHub();
    const d = await paired(hub);
    const renderer = serveRenderer(hub.link, async () => deskFile(hub.hubSigner, 2));
    const sent = await deskFile(d.s, 3);
    const answer = await postSync(hub.addr, auth(d), hub.pin, d.me, sent);
    renderer.stop();

    expect(renderer.seen).toHaveLength(1);
    expect(renderer.seen[0]).toMatchObject({ deviceId: 'desk-1', deviceName: 'Стойка 1', role: 'desk' });
    expect(Buffer.from(renderer.seen[0]!.bytes).equals(Buffer.from(sent))).toBe(true);
    const back = await readExchangeFile(answer, { eventKey: () => EVENT_KEY, verify: { knownKey: () => hub.hubSigner.publicKey, unknownSender: 'refuse' } });
    expect(back.header.sender.deviceId).toBe('hub-device');
    expect(back.header.counts).toEqual({ checkins: 2 });
    expect(hub.server.lastActivity('desk-1')).toMatchObject({ received: 3, address: '127.0.0.1' });
  });

  it('requires token, device and certificate to match: none, a wrong one, another device’s, another certificate, after «Отключить» → 401', async () => {
    const hub = await startHub();
    const a = await paired(hub, 'desk-1');
    const b = await paired(hub, 'desk-2', 'Стойка 2', 2);
    const renderer = serveRenderer(hub.link, async () => deskFile(hub.hubSigner, 0));
    const body = await deskFile(a.s, 1);

    const none = await raw(hub.addr, 'POST', SYNC_PATH, { 'content-type': 'application/octet-stream', [DEVICE_HEADER]: 'desk-1' }, body, { me: a.me });
    expect(none.status).toBe(401);
    expect(none.json.error).toMatch(/Хаб не знает это устройство/);
    expect((await rejection(postSync(hub.addr, { ...auth(a), token: 'x'.repeat(43) }, hub.pin, a.me, body))).code).toBe('unauthorized');
    // desk-2's valid token presented for desk-1: the token must belong to the device it claims
    expect((await rejection(postSync(hub.addr, auth(b, 'desk-1'), hub.pin, a.me, body))).code).toBe('unauthorized');
    expect((await rejection(postSync(hub.addr, auth(a, 'desk-unknown'), hub.pin, a.me, body))).code).toBe('unauthorized');
    // a stolen token used from another machine (its own certificate) is worthless
    expect((await rejection(postSync(hub.addr, auth(a), hub.pin, b.me, body))).code).toBe('unauthorized');
    expect(renderer.seen).toHaveLength(0);

    await expect(postSync(hub.addr, auth(a), hub.pin, a.me, body)).resolves.toBeInstanceOf(Uint8Array);
    await hub.devices.remove('desk-1');
    expect((await rejection(postSync(hub.addr, auth(a), hub.pin, a.me, body))).code).toBe('unauthorized');
    renderer.stop();
    expect(renderer.seen).toHaveLength(1);
  });

  it('re-pairing replaces the token: the old one stops working', async () => {
    const hub = await startHub();
    const s = await signer('desk-1');
    const me = await tlsIdentity(1);
    const first = await pairDesk(hub, s, me);
    const second = await pairDesk(hub, s, me);
    const renderer = serveRenderer(hub.link, async () => deskFile(hub.hubSigner, 0));
    const body = await deskFile(s, 0);
    expect((await rejection(postSync(hub.addr, auth(first), hub.pin, me, body))).code).toBe('unauthorized');
    await expect(postSync(hub.addr, auth(second), hub.pin, me, body)).resolves.toBeDefined();
    renderer.stop();
  });

  it('checks the file itself in the worker: signed by another key → refused, another event → 409, sealed with another event key → 422, garbage → 422; none reach the renderer', async () => {
    const hub = await startHub();
    const d = await paired(hub);
    const renderer = serveRenderer(hub.link, async () => deskFile(hub.hubSigner, 0));
    const impostor = await signer('desk-1'); // same id, a key the hub was never given
    const foreign = await rejection(postSync(hub.addr, auth(d), hub.pin, d.me, await deskFile(impostor, 1)));
    expect(foreign.code).toBe('unauthorized');
    expect(foreign.message).toMatch(/не тем ключом/);
    const other = await rejection(postSync(hub.addr, auth(d), hub.pin, d.me, await deskFile(d.s, 1, 'ev-other')));
    expect(other.code).toBe('wrong-event');
    expect(other.message).toContain(EVENT.title);
    // signed by the paired desk, for this event, but sealed with a key that is not the event's
    const sealed = await rejection(postSync(hub.addr, auth(d), hub.pin, d.me, await deskFile(d.s, 1, EVENT.id, newEventKey())));
    expect(sealed.code).toBe('refused');
    expect(sealed.message).toMatch(/ключом мероприятия/);
    const junk = await rejection(postSync(hub.addr, auth(d), hub.pin, d.me, new TextEncoder().encode('not a file')));
    expect(junk.code).toBe('refused');
    expect(junk.message).toMatch(/не файл обмена/);
    renderer.stop();
    expect(renderer.seen).toHaveLength(0);
  });

  it('limits the body: a declared or a streamed size over the limit → 413 before the renderer is asked', async () => {
    const hub = await startHub({ maxSyncBody: 4096 });
    const d = await paired(hub);
    const renderer = serveRenderer(hub.link, async () => deskFile(hub.hubSigner, 0));
    const headers = () => ({ authorization: `Bearer ${d.token}`, [DEVICE_HEADER]: 'desk-1', 'x-skhod-counter': String(next()), 'content-type': 'application/octet-stream' });
    const declared = await raw(hub.addr, 'POST', SYNC_PATH, { ...headers(), 'content-length': String(10 * 1024 * 1024) }, undefined, { flushOnly: true, me: d.me });
    expect(declared.status).toBe(413);
    expect(declared.json.code).toBe('too-large');
    const streamed = await raw(hub.addr, 'POST', SYNC_PATH, { ...headers(), 'transfer-encoding': 'chunked' }, Buffer.alloc(8192, 1), { flushOnly: true, me: d.me });
    expect(streamed.status).toBe(413);
    renderer.stop();
    expect(renderer.seen).toHaveLength(0);
  });

  it('answers 503 «не открыт Сход» when no window serves, and 422 with the renderer’s reason when it refuses', async () => {
    const hub = await startHub({ pickupMs: 100 });
    const d = await paired(hub);
    const nobody = await rejection(postSync(hub.addr, auth(d), hub.pin, d.me, await deskFile(d.s, 1)));
    expect(nobody.code).toBe('not-serving');
    expect(nobody.message).toMatch(/не открыт Сход/);

    const renderer = serveRenderer(hub.link, async () => ({ error: 'Файл обмена относится к другому мероприятию.' }));
    const refused = await rejection(postSync(hub.addr, auth(d), hub.pin, d.me, await deskFile(d.s, 1)));
    renderer.stop();
    expect(refused.code).toBe('refused');
    expect(refused.message).toBe('Файл обмена относится к другому мероприятию.');
  });

  it('serializes desks: two concurrent rounds reach the renderer one after the other', async () => {
    const hub = await startHub();
    const a = await paired(hub, 'desk-1');
    const b = await paired(hub, 'desk-2', 'Стойка 2', 2);
    let active = 0;
    let maxActive = 0;
    const renderer = serveRenderer(hub.link, async () => {
      active += 1;
      maxActive = Math.max(maxActive, active);
      await new Promise((r) => setImmediate(r));
      active -= 1;
      return deskFile(hub.hubSigner, 0);
    });
    await Promise.all([
      postSync(hub.addr, auth(a), hub.pin, a.me, await deskFile(a.s, 1)),
      postSync(hub.addr, auth(b), hub.pin, b.me, await deskFile(b.s, 1)),
    ]);
    renderer.stop();
    expect(renderer.seen.map((r) => r.deviceId).sort()).toEqual(['desk-1', 'desk-2']);
    expect(maxActive).toBe(1);
  });

  it('paired desks survive a hub restart (token hash, certificate and counter are stored)', async () => {
    const hub = await startHub();
    const d = await paired(hub);
    const renderer1 = serveRenderer(hub.link, async () => deskFile(hub.hubSigner, 0));
    const used = auth(d);
    await postSync(hub.addr, used, hub.pin, d.me, await deskFile(d.s, 1));
    renderer1.stop();
    await hub.stop();
    await new Promise((r) => setTimeout(r, 50));
    expect((await PairedDevices.load(hub.file)).get('desk-1')?.lastCounter).toBe(used.counter);
    const again = await startHub({ file: hub.file });
    const renderer = serveRenderer(again.link, async () => deskFile(again.hubSigner, 0));
    // the counter used before the restart is still spent
    expect((await rejection(postSync(again.addr, used, again.pin, d.me, await deskFile(d.s, 1)))).code).toBe('replay');
    await expect(postSync(again.addr, auth(d), again.pin, d.me, await deskFile(d.s, 1))).resolves.toBeInstanceOf(Uint8Array);
    renderer.stop();
  });

  it('a stopped hub is «нет связи» for the desk', async () => {
    const hub = await startHub();
    const d = await paired(hub);
    await hub.stop();
    const err = await rejection(postSync(hub.addr, auth(d), hub.pin, d.me, await deskFile(d.s, 1)));
    expect(err.code).toBe('unreachable');
    expect(err.message).toMatch(/Нет связи с хабом 127\.0\.0\.1:\d+/);
  });
});

describe('RendererLink (main ↔ the hub window)', () => {
  afterEach(() => vi.useRealTimers());
  const req = (deviceId: string) => ({ deviceId, deviceName: deviceId, role: 'desk' as const, bytes: new Uint8Array([1]) });

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
