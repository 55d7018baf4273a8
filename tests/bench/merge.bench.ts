/**
 * Merging exchange files (shared/sync): 20 files × 10,000 changes each, as the organizer's laptop
 * receives them after a big day with 20 desks and district offices. Each device mostly works on its
 * own share of 30,000 people (its delegations) and now and then on anyone's, so fields clash and
 * some people get checked in at two desks; plus deletes. Prints the time to read and verify the
 * files, the time to merge them into one state (mergeInto; the pure applyChanges, which copies the
 * map per file, once for comparison), and the figures of the result; asserts nothing about time.
 * The issue's target: the merge of all 20 within 1 s.
 * Run: npx tsx tests/bench/merge.bench.ts [--quick]
 */
import { cpus, loadavg } from 'node:os';
import type { DeviceRole } from '../../shared/domain/types';
import type { ChangeRecord } from '../../shared/sync/change';
import { buildExchangeFile, countByTable, readExchangeFile, type ExchangeHeader } from '../../shared/sync/exchange-file';
import { createClock } from '../../shared/sync/hlc';
import { applyChanges, materialize, mergeInto, rowCount, type MergeRules, type SyncState } from '../../shared/sync/merge';
import { seenVector } from '../../shared/sync/seen';
import { createSigner, generateDeviceKeys, type Signer } from '../../shared/sync/signing';
import { signBatch, verifyBatches } from '../../shared/trust/batches';
import { issueEnrolment, type EventRoot } from '../../shared/trust/enrolment';
import { newEventKey } from '../../shared/trust/event-key';

const QUICK = process.argv.includes('--quick');
const FILES = 20;
const PER_FILE = 10_000;
const PEOPLE = 30_000;
const REPEATS = QUICK ? 3 : 7;

/** A small deterministic generator (mulberry32): the same files on every run. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = ['Иванова', 'Смирнов', 'Кузнецова', 'Попов', 'Васильева', 'Петров', 'Соколова', 'Михайлов', 'Новикова', 'Фёдоров'];

function deviceChanges(i: number, device: string): ChangeRecord[] {
  const rand = rng(1000 + i);
  const pick = (n: number) => Math.floor(rand() * n);
  let t = 1_759_300_000_000 + i * 1_000;
  const clock = createClock(device, () => (t += 1 + pick(40)));
  const out: ChangeRecord[] = [];
  for (let k = 0; k < PER_FILE; k++) {
    const hlc = clock.tick();
    // 9 in 10 actions concern this device's share of the people; the rest anyone's
    const p = rand() < 0.9 ? pick(PEOPLE / FILES) * FILES + i : pick(PEOPLE);
    const r = rand();
    if (r < 0.3) out.push({ hlc, device, table: 'people', rowId: `p${p}`, op: 'put', fields: { id: `p${p}`, surname: SURNAMES[pick(10)], name: 'Анна', phone: `+7 9${String(p).padStart(9, '0')}`, email: rand() < 0.2 ? null : `p${p}@mail.ru` } });
    else if (r < 0.55) out.push({ hlc, device, table: 'registrations', rowId: `r${p}`, op: 'put', fields: { id: `r${p}`, personId: `p${p}`, status: 'confirmed', sectionPrefs: ['s1', 's4', 's2'], note: rand() < 0.1 ? 'VIP' : null } });
    else if (r < 0.97) out.push({ hlc, device, table: 'checkins', rowId: `${device}:${k}`, op: 'put', fields: { id: `${device}:${k}`, eventId: 'e1', registrationId: `r${p}`, kind: rand() < 0.05 ? 'annul' : 'arrive', device, operator: 'Оля', at: new Date(t).toISOString(), hlc } });
    else out.push({ hlc, device, table: rand() < 0.5 ? 'people' : 'registrations', rowId: `${rand() < 0.5 ? 'p' : 'r'}${p}`, op: 'delete', fields: {} });
  }
  return out;
}

const ms = (v: number) => `${v.toFixed(0)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const devices = Array.from({ length: FILES }, (_, i) => `desk-${String(i).padStart(2, '0')}-7f3c1a2e`);
  const roles = new Map<string, DeviceRole>(devices.map((d, i) => [d, i % 4 === 3 ? 'district' : 'desk']));
  const signers: Signer[] = await Promise.all(devices.map(async (d) => createSigner(d, await generateDeviceKeys())));
  const logs = devices.map((d, i) => deviceChanges(i, d));
  // every desk enrolled by the organizer (the root), its changes one signed batch, each file sealed
  const organizer = await createSigner('organizer-7f3c1a2e', await generateDeviceKeys());
  const root: EventRoot = { eventId: 'e1', deviceId: organizer.deviceId, publicKey: organizer.publicKey };
  const eventKey = newEventKey();
  const enrolments = await Promise.all(
    signers.map((s, i) => issueEnrolment(organizer, 'e1', { deviceId: s.deviceId, publicKey: s.publicKey, role: roles.get(s.deviceId)!, name: `Стойка ${i + 1}` }, new Date().toISOString())),
  );

  let t0 = performance.now();
  const files = await Promise.all(
    logs.map(async (log, i) =>
      buildExchangeFile(
        {
          header: { eventId: 'e1', sender: { deviceId: devices[i]!, name: `Стойка ${i + 1}`, role: roles.get(devices[i]!)! }, createdAt: new Date().toISOString(), seen: seenVector(log) },
          batches: [await signBatch(signers[i]!, 'e1', log, enrolments[i])],
          counts: countByTable(log),
        },
        signers[i]!,
        eventKey,
      ),
    ),
  );
  const buildMs = performance.now() - t0;
  const totalBytes = files.reduce((s, f) => s + f.length, 0);

  const keyOf = new Map(signers.map((s) => [s.deviceId, s.publicKey]));
  const readTimes: number[] = [];
  type Read = { header: ExchangeHeader; changes: ChangeRecord[]; roles: Map<string, DeviceRole> };
  let read: Read[] = [];
  for (let r = 0; r < REPEATS; r++) {
    t0 = performance.now();
    read = [];
    for (const f of files) {
      const file = await readExchangeFile(f, { eventKey: () => eventKey, expectEventId: 'e1', verify: { knownKey: (id) => keyOf.get(id), unknownSender: 'refuse' } });
      const verified = await verifyBatches(root, file.batches);
      read.push({ header: file.header, changes: verified.accepted.flatMap((b) => b.changes), roles: new Map(verified.accepted.map((b) => [b.author.deviceId, b.author.role])) });
    }
    readTimes.push(performance.now() - t0);
  }

  const rulesFor = (file: Read, held: Set<string>): MergeRules => ({
    roleOf: (d) => file.roles.get(d),
    seen: { [file.header.sender.deviceId]: file.header.seen },
    holds: (c) => held.has(c.hlc),
  });
  const mergeTimes: number[] = [];
  const mergeCpu: number[] = [];
  let state: SyncState = new Map();
  let stats = { applied: 0, refused: 0, fieldConflicts: 0, doubleCheckins: 0 };
  for (let r = 0; r < REPEATS; r++) {
    state = new Map();
    const held = new Set<string>();
    stats = { applied: 0, refused: 0, fieldConflicts: 0, doubleCheckins: 0 };
    let wall = 0;
    let cpuMs = 0;
    for (const file of read) {
      const rules = rulesFor(file, held);
      const cpu0 = process.cpuUsage();
      t0 = performance.now();
      const res = mergeInto(state, file.changes, rules);
      wall += performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      cpuMs += (cpu.user + cpu.system) / 1000;
      // what the import does next (store the changes in the log) is not the merge: outside the clock
      for (const c of file.changes) held.add(c.hlc);
      stats.applied += res.applied.length;
      stats.refused += res.refused.length;
      for (const c of res.conflicts) {
        if (c.kind === 'field') stats.fieldConflicts++;
        else stats.doubleCheckins++;
      }
    }
    mergeTimes.push(wall);
    mergeCpu.push(cpuMs);
  }
  let pure: SyncState = new Map();
  const heldPure = new Set<string>();
  t0 = performance.now();
  for (const file of read) {
    pure = applyChanges(pure, file.changes, rulesFor(file, heldPure)).state;
    for (const c of file.changes) heldPure.add(c.hlc);
  }
  const pureMs = performance.now() - t0;
  t0 = performance.now();
  const rows = materialize(state);
  const materializeMs = performance.now() - t0;

  // Figures taken on a busy machine are not the app's: say how busy it was.
  const load = `${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`;
  const lines = [
    `merge.bench — ${FILES} exchange files × ${PER_FILE.toLocaleString('en')} changes (Node ${process.version}, ${REPEATS} runs, load average ${load})`,
    `  build + sign (once, parallel): ${ms(buildMs)}; files total ${(totalBytes / 1024 / 1024).toFixed(2)} MB, ${(totalBytes / FILES / 1024).toFixed(0)} KB each`,
    `  read + verify (sender, author batches, enrolments) + decrypt + inflate all ${FILES}: median ${ms(median(readTimes))}, best ${ms(Math.min(...readTimes))}`,
    `  merge all ${FILES} (mergeInto): median ${ms(median(mergeTimes))}, best ${ms(Math.min(...mergeTimes))}, worst ${ms(Math.max(...mergeTimes))}; CPU median ${ms(median(mergeCpu))}  [target ≤ 1000 ms]`,
    `  the same with the pure applyChanges (a copy of the map per file), once: ${ms(pureMs)}`,
    `  read + merge: median ${ms(median(readTimes) + median(mergeTimes))}`,
    `  materialize: ${ms(materializeMs)}; state ${rowCount(state).toLocaleString('en')} rows → ${[...rows].map(([t, m]) => `${t} ${m.size.toLocaleString('en')}`).join(', ')}`,
    `  applied ${stats.applied.toLocaleString('en')}, refused ${stats.refused}, field conflicts ${stats.fieldConflicts.toLocaleString('en')}, double check-ins ${stats.doubleCheckins.toLocaleString('en')}`,
  ];
  console.log(lines.join('\n'));
}

await main();
