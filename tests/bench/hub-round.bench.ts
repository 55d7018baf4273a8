/**
 * A hub round for a 5,000-person event, with the issue-19 channel (TLS both ways, pinned certificates,
 * counter, the desk's file read in a worker with limits) beside the plain-HTTP round of before (the
 * same bytes posted in the clear and read on the main thread). The files are the app's own: the demo
 * event at 5,000 people built through «open the demo» in fake-indexeddb and exported as a full file
 * (the first sync, the big one), and header-only files for a quiet round (what every 5 s costs).
 * Prints time and bytes on the wire per round and the figures the caps in electron/hub/json-limits.ts
 * are set from; asserts nothing.
 * Run: npx tsx tests/bench/hub-round.bench.ts [--quick]
 */
import 'fake-indexeddb/auto';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pairWithHub, postSync, waitForApproval } from '../../electron/hub/client';
import { checkJsonShape } from '../../electron/hub/json-limits';
import { PairedDevices } from '../../electron/hub/paired-devices';
import { RendererLink } from '../../electron/hub/renderer-link';
import { HubServer } from '../../electron/hub/server';
import { createTlsIdentity } from '../../electron/hub/tls-identity';
import { openDatabase } from '../../renderer/db/open';
import { ensureDeviceKey } from '../../renderer/db/repo/device-key';
import { exportExchange } from '../../renderer/db/repo/exchange-export';
import { openDemoEvent } from '../../renderer/features/onboarding/open-demo';
import type { ChangeRecord } from '../../shared/sync/change';
import { buildExchangeFile, countByTable, readExchangeFile } from '../../shared/sync/exchange-file';
import { signBatch } from '../../shared/trust/batches';
import { createSigner, generateDeviceKeys } from '../../shared/sync/signing';

const QUICK = process.argv.includes('--quick');
const PEOPLE = Number(process.env['BENCH_PEOPLE'] ?? 5_000);
const REPEATS = QUICK ? 3 : 7;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MiB`;

/** Values, containers and nesting of a JSON text (what json-limits.ts counts), by a probing check. */
function shapeOf(json: Uint8Array): { elements: number; depth: number } {
  const fits = (limits: { maxElements: number; maxDepth: number }) => {
    try {
      checkJsonShape(json, limits);
      return true;
    } catch {
      return false;
    }
  };
  let depth = 1;
  while (!fits({ maxElements: Number.MAX_SAFE_INTEGER, maxDepth: depth })) depth++;
  let lo = 1;
  let hi = json.length + 1;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits({ maxElements: mid, maxDepth: depth })) hi = mid;
    else lo = mid + 1;
  }
  return { elements: lo, depth };
}

/** A loopback TCP relay that counts the bytes of each connection both ways: the wire size of a round. */
async function countingRelay(target: number): Promise<{ port: number; bytes: () => number; close: () => void }> {
  let total = 0;
  const server = net.createServer((client) => {
    const upstream = net.connect({ host: '127.0.0.1', port: target });
    client.on('data', (c: Buffer) => (total += c.length));
    upstream.on('data', (c: Buffer) => (total += c.length));
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  const port = await new Promise<number>((r) => server.listen(0, '127.0.0.1', () => r((server.address() as net.AddressInfo).port)));
  return { port, bytes: () => total, close: () => server.close() };
}

/** The round as it was before issue 19: plain HTTP, the file read on the main thread. */
function plainPost(port: number, body: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/skhod-hub/v1/sync', agent: false, headers: { 'content-length': String(body.byteLength) } }, (res) => {
      res.resume();
      res.on('end', () => resolve());
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function main() {
  const org = await openDatabase(`bench-hub-org-${process.pid}`);
  org.device = { ...org.device, role: 'organizer', name: 'Ноутбук организатора' };
  await org.db.devices.put(org.device);
  let t0 = performance.now();
  const eventId = await openDemoEvent(org, PEOPLE);
  const full = await exportExchange(org, eventId, { full: true });
  console.error(`demo event of ${PEOPLE} people and its full file in ${(performance.now() - t0).toFixed(0)} ms`);
  const hubKey = await ensureDeviceKey(org);
  const { eventKey } = (await org.db.trust.get(eventId))!;
  // the hub's answer when the desk has seen everything: a signed header-only file
  const quietHub = {
    bytes: await buildExchangeFile(
      { header: { eventId, sender: { deviceId: org.device.id, name: org.device.name, role: 'organizer' }, createdAt: new Date().toISOString(), seen: {} }, batches: [], counts: {} },
      { deviceId: org.device.id, publicKey: hubKey.publicKey, sign: hubKey.sign },
      eventKey,
    ),
  };
  const event = (await org.db.events.get(eventId))!;

  // the desk: its own key; files of check-ins as it writes them (none: a quiet round; 2,000: a busy hour)
  const desk = await createSigner('desk-bench', await generateDeviceKeys());
  const deskFile = async (count: number) => {
    const changes: ChangeRecord[] = Array.from({ length: count }, (_, i) => {
      const hlc = `${String(1_576_650_000_000 + i).padStart(15, '0')}-00000-${desk.deviceId}`;
      return { hlc, device: desk.deviceId, table: 'checkins', rowId: `desk-bench:${i}`, op: 'put', fields: { id: `desk-bench:${i}`, eventId, registrationId: `r${i}`, kind: 'arrive', operator: 'Айгуль', at: new Date(1_576_650_000_000 + i * 1000).toISOString(), hlc } };
    });
    const header = { eventId, sender: { deviceId: desk.deviceId, name: 'Стойка 1', role: 'desk' as const }, createdAt: new Date().toISOString(), seen: {} };
    return buildExchangeFile({ header, batches: count ? [await signBatch(desk, eventId, changes)] : [], counts: countByTable(changes) }, desk, eventKey);
  };
  const deskQuiet = await deskFile(0);
  const deskBusy = await deskFile(2_000);

  // the figures the caps are set from: the full file, inflated, as the hub's worker sees it
  let inflated: Uint8Array = new Uint8Array();
  t0 = performance.now();
  await readExchangeFile(full.bytes, { eventKey: () => eventKey, checkJson: (json) => (inflated = json) });
  const readMs = performance.now() - t0;
  const shape = shapeOf(inflated);

  // ── the issue-19 hub, in this process, as the organizer's app runs it ──
  const dir = mkdtempSync(path.join(tmpdir(), 'skhod-bench-hub-'));
  const link = new RendererLink({ pickupMs: 30_000, answerMs: 60_000 });
  const hubTls = await createTlsIdentity();
  const deskTls = await createTlsIdentity();
  const server = new HubServer({
    identity: { deviceId: org.device.id, name: org.device.name, publicKey: hubKey.publicKey },
    tls: hubTls,
    event: { id: eventId, title: event.title },
    eventKey,
    devices: await PairedDevices.load(path.join(dir, 'hub.json')),
    link,
  });
  const hubPort = await server.listen(0, '127.0.0.1');
  let answerBytes: Uint8Array = full.bytes;
  // the hub's renderer stands in with a ready answer file (its database work is not the channel's)
  let serving = true;
  void (async () => {
    while (serving) {
      const req = await link.next(200);
      if (req) link.answer(req.id, { bytes: answerBytes });
    }
  })();
  const tlsRelay = await countingRelay(hubPort);
  const addr = { host: '127.0.0.1', port: tlsRelay.port };
  const { answer, hub } = await pairWithHub(addr, { pin: server.pin, device: { id: desk.deviceId, name: 'Стойка 1', role: 'desk', publicKey: desk.publicKey } }, deskTls);
  server.decide(answer.pairingId, { approve: true, role: 'desk' });
  const approved = await waitForApproval(addr, answer.pairingId, hub, deskTls);
  if (approved.state !== 'approved') throw new Error('not approved');
  let counter = 0;

  // ── before issue 19: plain HTTP, the file read on the main thread ──
  const plain = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const b = Buffer.concat(chunks);
      void readExchangeFile(new Uint8Array(b.buffer, b.byteOffset, b.byteLength), { eventKey: () => eventKey }).then(() => {
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(answerBytes.byteLength) });
        res.end(answerBytes);
      });
    });
  });
  const plainPort = await new Promise<number>((r) => plain.listen(0, '127.0.0.1', () => r((plain.address() as net.AddressInfo).port)));
  const plainRelay = await countingRelay(plainPort);

  const rows: string[] = [];
  const measure = async (label: string, body: Uint8Array, answerWith: Uint8Array) => {
    answerBytes = answerWith;
    const secure = { ms: [] as number[], bytes: [] as number[] };
    const clear = { ms: [] as number[], bytes: [] as number[] };
    for (let i = 0; i < REPEATS; i++) {
      let before = tlsRelay.bytes();
      let t = performance.now();
      await postSync(addr, { token: approved.token, deviceId: desk.deviceId, counter: ++counter }, hub, deskTls, body);
      secure.ms.push(performance.now() - t);
      secure.bytes.push(tlsRelay.bytes() - before);
      before = plainRelay.bytes();
      t = performance.now();
      await plainPost(plainRelay.port, body);
      clear.ms.push(performance.now() - t);
      clear.bytes.push(plainRelay.bytes() - before);
    }
    const cell = (w: { ms: number[]; bytes: number[] }) => `${median(w.ms).toFixed(1)} ms, ${kib(median(w.bytes))}`;
    rows.push(`| ${label} | ${kib(body.byteLength)} ↑ ${kib(answerWith.byteLength)} ↓ | ${cell(clear)} | ${cell(secure)} |`);
  };
  await measure(`a desk's first sync: the whole event (${full.changes.toLocaleString('en')} changes) comes down`, deskQuiet, full.bytes);
  await measure('a busy hour: 2,000 check-ins go up', deskBusy, quietHub.bytes);
  await measure('a quiet round (nothing new, every 5 s)', deskQuiet, quietHub.bytes);

  serving = false;
  await server.close();
  plain.close();
  tlsRelay.close();
  plainRelay.close();

  const load = loadavg()[0]!;
  console.log(`Hub round, ${PEOPLE.toLocaleString('en')}-person demo event, loopback; ${cpus().length} cores, load average ${load.toFixed(1)}; median of ${REPEATS} (time: request sent → answer read; bytes: both ways on the wire, handshakes included)`);
  console.log('');
  console.log('| round | files (gzip) | before: plain HTTP, read on the main thread | issue 19: TLS 1.3 both ways, pinned, worker |');
  console.log('|---|---|--:|--:|');
  for (const r of rows) console.log(r);
  console.log('');
  console.log(`The full file of the event: ${kib(full.bytes.byteLength)} gzip → ${mib(inflated.byteLength)} of JSON, ${shape.elements.toLocaleString('en')} values, nesting ${shape.depth}; read and verified in ${readMs.toFixed(0)} ms.`);
  if (load > cpus().length) console.log('The machine was busy (load average above its cores): the figures are pessimistic.');
  org.db.close();
}

void main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
