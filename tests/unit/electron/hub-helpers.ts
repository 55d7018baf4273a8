/**
 * Test helpers for the hub server on loopback: a hub with its own TLS identity, desks with theirs,
 * pairing through the real client (PIN → «Разрешить» → token), raw HTTPS for what our client would
 * never send, and a stand-in for the hub's renderer. Time for the limiter is `clock.now`, moved by
 * the tests, never the wall clock.
 */
import { mkdtempSync } from 'node:fs';
import type http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { HubClientError, pairWithHub, waitForApproval, type HubAddress, type PinnedHub } from '../../../electron/hub/client';
import { PairedDevices } from '../../../electron/hub/paired-devices';
import type { HubEvent, PairRequest } from '../../../electron/hub/protocol';
import { RendererLink } from '../../../electron/hub/renderer-link';
import { HubServer, type HubServerOptions } from '../../../electron/hub/server';
import { createTlsIdentity, type TlsIdentity } from '../../../electron/hub/tls-identity';
import type { ChangeRecord } from '../../../shared/sync/change';
import { buildExchangeFile, countByTable } from '../../../shared/sync/exchange-file';
import { createSigner, generateDeviceKeys, type Signer } from '../../../shared/sync/signing';
import { signBatch } from '../../../shared/trust/batches';
import { newEventKey } from '../../../shared/trust/event-key';

export const EVENT: HubEvent = { id: 'ev-ufa-2019', title: 'Конференция «Сход», Уфа 2019' };
/** The event's key: the hub's worker opens desks' files with it; a file sealed with another is refused. */
export const EVENT_KEY = newEventKey();
export const clock = { now: 1_000_000 };
const tmp = mkdtempSync(path.join(os.tmpdir(), 'skhod-hub-'));
let n = 0;

export async function signer(deviceId: string): Promise<Signer> {
  return createSigner(deviceId, await generateDeviceKeys());
}

/** TLS identities are made once per test file: each takes a few ms, and tests need several. */
const identities: Promise<TlsIdentity>[] = [];
export function tlsIdentity(i: number): Promise<TlsIdentity> {
  identities[i] ??= createTlsIdentity();
  return identities[i];
}

export type TestHub = {
  server: HubServer;
  link: RendererLink;
  devices: PairedDevices;
  file: string;
  addr: HubAddress;
  hubSigner: Signer;
  tls: TlsIdentity;
  /** The hub's certificate as a desk pins it. */
  pin: PinnedHub;
  stop: () => Promise<void>;
};

const running: TestHub[] = [];
const renderers: { stop: () => void }[] = [];

/** Each test starts at the same limiter time, quiet, and stops what it started. */
export function useHubTestHooks(): void {
  beforeEach(() => {
    clock.now = 1_000_000;
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    await cleanUp();
    vi.restoreAllMocks();
  });
}

/** Stops what the test started (call in afterEach). */
export async function cleanUp(): Promise<void> {
  for (const r of renderers.splice(0)) r.stop();
  for (const h of running.splice(0)) await h.stop();
}

export async function startHub(
  opts: Partial<Pick<HubServerOptions, 'limits' | 'connections' | 'timeouts' | 'bodyChecker' | 'maxSyncBody'>> & { pickupMs?: number; identity?: number; file?: string } = {},
): Promise<TestHub> {
  const { pickupMs, identity, file: saved, ...serverOpts } = opts;
  const file = saved ?? path.join(tmp, `hub-${++n}.json`);
  const devices = await PairedDevices.load(file);
  const link = new RendererLink({ pickupMs: pickupMs ?? 5_000, answerMs: 10_000 });
  const hubSigner = await signer('hub-device');
  const tls = await tlsIdentity(identity ?? 0);
  const server = new HubServer({
    identity: { deviceId: 'hub-device', name: 'Ноутбук организатора', publicKey: hubSigner.publicKey },
    tls,
    event: EVENT,
    eventKey: EVENT_KEY,
    devices,
    link,
    now: () => clock.now,
    ...serverOpts,
  });
  const port = await server.listen(0, '127.0.0.1');
  const hub: TestHub = { server, link, devices, file, addr: { host: '127.0.0.1', port }, hubSigner, tls, pin: { cert: tls.cert, fingerprint: tls.fingerprint }, stop: () => server.close() };
  running.push(hub);
  return hub;
}

export function pairBody(pin: string, desk: Signer, name = 'Стойка 1'): PairRequest {
  return { pin, device: { id: desk.deviceId, name, role: 'desk', publicKey: desk.publicKey } };
}

/** The whole pairing through the real client: PIN, the operator's «Разрешить», the token. */
export async function pairDesk(hub: TestHub, s: Signer, me: TlsIdentity, name = 'Стойка 1'): Promise<{ s: Signer; me: TlsIdentity; token: string }> {
  const { answer, hub: seen } = await pairWithHub(hub.addr, pairBody(hub.server.pin, s, name), me);
  expect(seen.fingerprint).toBe(hub.tls.fingerprint);
  expect(hub.server.decide(answer.pairingId, { approve: true, role: 'desk' })).toBe(true);
  const approved = await waitForApproval(hub.addr, answer.pairingId, seen, me);
  if (approved.state !== 'approved') throw new Error('not approved');
  return { s, me, token: approved.token };
}

export async function rejection(p: Promise<unknown>): Promise<HubClientError> {
  const err = await p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HubClientError);
  return err as HubClientError;
}

export const wrongPin = (pin: string) => String((Number(pin) + 1) % 1_000_000).padStart(6, '0');

/** A signed exchange file of `s` for the event (sealed with `eventKey`), with `count` check-ins in one batch of its own. */
export async function deskFile(s: Signer, count: number, eventId = EVENT.id, eventKey = EVENT_KEY): Promise<Uint8Array> {
  const changes: ChangeRecord[] = Array.from({ length: count }, (_, i) => {
    const hlc = `${String(1_569_000_000_000 + i).padStart(15, '0')}-00000-${s.deviceId}`;
    return { hlc, device: s.deviceId, table: 'checkins', rowId: `c${i}`, op: 'put', fields: { eventId, registrationId: `r${i}`, kind: 'arrive' } };
  });
  const header = { eventId, sender: { deviceId: s.deviceId, name: 'Стойка', role: 'desk' as const }, createdAt: new Date(clock.now).toISOString(), seen: {} };
  return buildExchangeFile({ header, batches: count ? [await signBatch(s, eventId, changes)] : [], counts: countByTable(changes) }, s, eventKey);
}

export type RawReply = { status: number; json: { code?: string; error?: string; state?: string }; headers: http.IncomingHttpHeaders; body: Buffer };

/** Raw HTTPS (our certificate or `me`'s) for what our client would never send. */
export function raw(
  addr: HubAddress,
  method: string,
  urlPath: string,
  headers: Record<string, string>,
  body?: Buffer | Uint8Array,
  opts: { flushOnly?: boolean; me?: TlsIdentity | null; localAddress?: string } = {},
): Promise<RawReply> {
  // a certificate of its own unless told otherwise (`me: null`: none at all)
  const me: Promise<TlsIdentity | null> = opts.me === undefined ? tlsIdentity(9) : Promise.resolve(opts.me);
  return me.then(
    (id) =>
      new Promise((resolve, reject) => {
        const req = https.request(
          {
            host: addr.host,
            port: addr.port,
            method,
            path: urlPath,
            headers,
            agent: false,
            rejectUnauthorized: false,
            ...(id ? { key: id.key, cert: id.cert } : {}),
            ...(opts.localAddress ? { localAddress: opts.localAddress } : {}),
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              const all = Buffer.concat(chunks);
              let json = {};
              if ((res.headers['content-type'] ?? '').includes('json')) json = JSON.parse(all.toString('utf8')) as object;
              resolve({ status: res.statusCode ?? 0, json, headers: res.headers, body: all });
              req.destroy();
            });
          },
        );
        req.on('error', reject);
        if (opts.flushOnly) {
          req.flushHeaders();
          if (body) req.write(body);
        } else req.end(body);
      }),
  );
}

/** A stand-in for the hub's renderer: answers each request with `answer(bytes)` or an error. */
export function serveRenderer(link: RendererLink, answer: (bytes: Uint8Array, deviceId: string) => Promise<Uint8Array | { error: string }>) {
  const seen: { deviceId: string; deviceName: string; role: string; bytes: Uint8Array }[] = [];
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
