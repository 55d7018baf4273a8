/**
 * A simulated site for the merge property tests: 3–5 devices with their own hybrid clocks (whose wall
 * time may jump back), writing people, registrations, contest rows and check-ins, and passing files
 * around in whatever order fast-check picks — stale files, duplicates, files meant for someone else.
 * A device keeps what a real one keeps: its state, its log of accepted changes, and what it learned
 * from files about what each device had seen.
 */
import fc from 'fast-check';
import type { DeviceRole } from '../../../../shared/domain/types';
import type { ChangeRecord } from '../../../../shared/sync/change';
import { buildExchangeFile, countByTable, readExchangeFile, type ExchangeHeader } from '../../../../shared/sync/exchange-file';
import { createClock, type Clock } from '../../../../shared/sync/hlc';
import { applyChanges, materialize, stampAt, type Refusal, type SyncConflict, type SyncState } from '../../../../shared/sync/merge';
import { capSeenForHeld, holdFuture, type HeldChange } from '../../../../shared/sync/quarantine';
import { advanceSeen, changesFor, mergeKnowledge, type Knowledge, type SeenVector } from '../../../../shared/sync/seen';
import { createSigner, generateDeviceKeys, type Signer } from '../../../../shared/sync/signing';
import { batchHead, signBatch, verifyBatches, type AuthorBatch } from '../../../../shared/trust/batches';
import { claimOffer, issueEnrolment, makeOffer, type Enrolment, type EventRoot } from '../../../../shared/trust/enrolment';
import { newEventKey } from '../../../../shared/trust/event-key';

export const EVENT = 'event-1';
export const deviceId = (i: number) => `7f3c1a2e-0000-4000-8000-00000000000${i}`;
const ROLES: DeviceRole[] = ['organizer', 'desk', 'district', 'desk', 'organizer'];
export const roleOf = (id: string): DeviceRole | undefined => {
  const i = Number(id.at(-1));
  return id === deviceId(i) ? ROLES[i] : undefined;
};

type Table = 'people' | 'registrations' | 'contests';
type FieldName = 'a' | 'b' | 'c';
export type SimOp = { dt: number } & (
  | { kind: 'put'; dev: number; table: Table; row: number; fields: Partial<Record<FieldName, number | null>> }
  | { kind: 'delete'; dev: number; table: Table; row: number }
  | { kind: 'checkin'; dev: number; reg: number; what: 'arrive' | 'annul' | 'annul-legacy' }
  | { kind: 'jump'; dev: number; ms: number }
  | { kind: 'export'; from: number; to: number; full: boolean }
  | { kind: 'deliver'; file: number; to: number; twice: boolean }
);

const dev = fc.nat(4);
const dt = fc.integer({ min: 0, max: 400 });
const table = fc.constantFrom<Table>('people', 'registrations', 'contests');
export const simOpArb: fc.Arbitrary<SimOp> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ dt, kind: fc.constant('put' as const), dev, table, row: fc.nat(3), fields: fc.dictionary(fc.constantFrom<FieldName>('a', 'b', 'c'), fc.option(fc.nat(3), { nil: null }), { minKeys: 1 }) }) },
  { weight: 1, arbitrary: fc.record({ dt, kind: fc.constant('delete' as const), dev, table, row: fc.nat(3) }) },
  { weight: 3, arbitrary: fc.record({ dt, kind: fc.constant('checkin' as const), dev, reg: fc.nat(3), what: fc.constantFrom('arrive' as const, 'arrive' as const, 'annul' as const, 'annul-legacy' as const) }) },
  // a clock put right by hand, either way, by up to five minutes (it stays within MAX_SKEW of true time)
  { weight: 1, arbitrary: fc.record({ dt, kind: fc.constant('jump' as const), dev, ms: fc.integer({ min: -300_000, max: 300_000 }) }) },
  { weight: 3, arbitrary: fc.record({ dt, kind: fc.constant('export' as const), from: dev, to: dev, full: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ dt, kind: fc.constant('deliver' as const), file: fc.nat(), to: dev, twice: fc.boolean() }) },
);

/**
 * How far an honest device's clock may stray from true time: any two stay within the clock's bound
 * (hlc.ts MAX_CLOCK_AHEAD_MS = 10 min) of each other. A clock further off is the quarantine's case.
 */
const MAX_SKEW = 299_000;
/** The wall-clock lead of the «far-future» device of the quarantine tests: a year. */
export const FUTURE_LEAD = 365 * 24 * 3_600_000;

/** 'file': real files of signed author batches, sealed with the event key, verified against the root (device 0). */
export type Transport = 'file' | 'memory';
type Parcel = { bytes: Uint8Array } | { header: ExchangeHeader; changes: ChangeRecord[] };

export type SimDevice = {
  id: string;
  role: DeviceRole;
  offset: number;
  clock: Clock;
  signer: Signer;
  log: ChangeRecord[];
  logged: Set<string>;
  seen: SeenVector;
  state: SyncState;
  /** What this device knows each device had seen (from files only). */
  known: Knowledge;
  conflicts: SyncConflict[];
  refused: Refusal[];
  /** Changes held for being stamped too far in the future (only with `quarantine`). */
  held: HeldChange[];
  entries: number;
  /** Every stamp this device's clock issued, in order. */
  issued: string[];
  /** Changes refused before the merge: unproven authors, forged origins, altered batches, other events. */
  trustRefused: number;
  /** Signed batches this device holds (its own and relayed), each with its author and newest stamp. */
  batches: Map<string, { batch: AuthorBatch; author: string; last: string }>;
  /** This device's own changes up to here are in a batch it signed. */
  batchedUpTo: string;
};

export type SimOptions = {
  /** Receivers hold changes from the future aside, as the app does (shared/sync/quarantine.ts). */
  quarantine?: boolean;
  /** This device's clock runs FUTURE_LEAD ahead and never comes back. */
  futureDevice?: number;
  /** Annuls name the arrivals they cancel (default); 'legacy' annuls cancel by stamp order only. */
  precise?: boolean;
};

/** The event's root (device 0, the organizer) and every other device's enrolment: 1, 3 from files, 2, 4 on the hub. */
export type SimTrust = { root: EventRoot; eventKey: string; enrolments: (Enrolment | undefined)[] };
let trust: Promise<SimTrust> | undefined;
export function simTrust(): Promise<SimTrust> {
  trust ??= simSigners().then(async (keys) => {
    const [org] = keys;
    const root: EventRoot = { eventId: EVENT, deviceId: org!.deviceId, publicKey: org!.publicKey };
    const enrolments = await Promise.all(
      keys.map(async (k, i) => {
        if (i === 0) return undefined;
        const device = { deviceId: k.deviceId, publicKey: k.publicKey, name: `Устройство ${i}` };
        if (i % 2 === 0) return issueEnrolment(org!, EVENT, { ...device, role: ROLES[i]! }, '2026-12-01T09:00:00.000Z');
        const { offer, secret } = await makeOffer(org!, EVENT, ROLES[i]!, `Устройство ${i}`, '2026-12-01T09:00:00.000Z');
        return claimOffer(offer, secret, device);
      }),
    );
    return { root, eventKey: newEventKey(), enrolments };
  });
  return trust;
}

let signers: Promise<Signer[]> | undefined;
/** Key generation takes a few milliseconds; the same five device keys serve every run. */
export function simSigners(): Promise<Signer[]> {
  signers ??= Promise.all([0, 1, 2, 3, 4].map(async (i) => createSigner(deviceId(i), await generateDeviceKeys())));
  return signers;
}

export class Sim {
  readonly devices: SimDevice[];
  readonly pool: Parcel[] = [];
  private now = 1_760_000_000_000;

  /** Check-in entry id → true once some desk annulled it while holding it (the precise-annul model). */
  readonly annulledWhileHeld = new Map<string, boolean>();

  constructor(
    count: number,
    keys: Signer[],
    readonly transport: Transport,
    readonly options: SimOptions = {},
  ) {
    this.devices = Array.from({ length: count }, (_, i) => {
      const d: SimDevice = {
        id: deviceId(i),
        role: ROLES[i]!,
        offset: 0,
        clock: undefined as unknown as Clock,
        signer: keys[i]!,
        log: [],
        logged: new Set(),
        seen: {},
        state: new Map(),
        known: {},
        conflicts: [],
        refused: [],
        held: [],
        entries: 0,
        issued: [],
        trustRefused: 0,
        batches: new Map(),
        batchedUpTo: '',
      };
      if (options.futureDevice === i) d.offset = FUTURE_LEAD;
      const clock = createClock(d.id, () => this.now + d.offset);
      d.clock = { ...clock, tick: () => { const s = clock.tick(); d.issued.push(s); return s; } };
      return d;
    });
  }

  async run(ops: readonly SimOp[]): Promise<void> {
    for (const op of ops) await this.step(op);
  }

  async step(op: SimOp): Promise<void> {
    this.now += op.dt;
    const n = this.devices.length;
    switch (op.kind) {
      case 'put':
      case 'delete': {
        const d = this.devices[op.dev % n]!;
        // The app never offers a desk the contest screens; a forged desk file is tested on its own.
        const t = op.table === 'contests' && d.role !== 'organizer' ? 'people' : op.table;
        this.write(d, t, `r${op.row}`, op.kind, op.kind === 'put' ? op.fields : {});
        return;
      }
      case 'checkin': {
        const d = this.devices[op.dev % n]!;
        const id = `${d.id}:${d.entries++}`;
        const hlc = d.clock.tick();
        const registrationId = `g${op.reg}`;
        const legacy = op.what === 'annul-legacy' || this.options.precise === false;
        const fields: Record<string, unknown> = { id, eventId: EVENT, registrationId, kind: op.what === 'arrive' ? 'arrive' : 'annul', device: d.id, operator: 'Оператор', at: new Date(this.now).toISOString(), hlc };
        if (op.what !== 'arrive' && !legacy) {
          // as appendCheckin does: the arrivals this desk holds for the person
          const held = [...(materialize(d.state).get('checkins')?.values() ?? [])].filter((e) => e.registrationId === registrationId && e.kind === 'arrive').map((e) => e.id as string);
          fields.cancels = held;
          for (const x of held) this.annulledWhileHeld.set(x, true);
        }
        this.local(d, { hlc, device: d.id, table: 'checkins', rowId: id, op: 'put', fields });
        return;
      }
      case 'jump': {
        const d = this.devices[op.dev % n]!;
        if (this.options.futureDevice !== op.dev % n) d.offset = Math.max(-MAX_SKEW, Math.min(MAX_SKEW, d.offset + op.ms));
        return;
      }
      case 'export':
        await this.export(op.from % n, op.to % n, op.full);
        return;
      case 'deliver': {
        const parcel = this.pool[op.file % Math.max(1, this.pool.length)];
        if (!parcel) return;
        await this.deliver(parcel, op.to % n, op.twice);
        return;
      }
    }
  }

  /** Everyone sends everyone what they have not seen, twice round: afterwards each holds everything. */
  async settle(): Promise<void> {
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < this.devices.length; i++) {
        for (let j = 0; j < this.devices.length; j++) {
          if (i !== j) await this.deliver(await this.export(i, j, false), j, false);
        }
      }
    }
  }

  private write(d: SimDevice, table: string, rowId: string, op: 'put' | 'delete', fields: Record<string, unknown>) {
    this.local(d, { hlc: d.clock.tick(), device: d.id, table, rowId, op, fields: { ...fields } });
  }

  private local(d: SimDevice, c: ChangeRecord) {
    const res = applyChanges(d.state, [c], { roleOf });
    if (res.refused.length > 0) throw new Error(`own write refused: ${JSON.stringify(res.refused)}`);
    d.state = res.state;
    this.remember(d, [c]);
    d.seen[d.id] = c.hlc;
  }

  private remember(d: SimDevice, changes: readonly ChangeRecord[]) {
    for (const c of changes) {
      if (d.logged.has(c.hlc)) continue;
      d.logged.add(c.hlc);
      d.log.push(c);
    }
  }

  async export(from: number, to: number, full: boolean): Promise<Parcel> {
    const d = this.devices[from]!;
    const since = d.known[deviceId(to)] ?? {};
    const changes = full ? [...d.log] : changesFor(d.log, since);
    const header = { eventId: EVENT, sender: { deviceId: d.id, name: `Устройство ${from}`, role: d.role }, createdAt: new Date(this.now + d.offset).toISOString(), ...(full ? {} : { since: { ...since } }), seen: { ...d.seen }, known: mergeKnowledge(d.known) };
    const parcel: Parcel =
      this.transport === 'file'
        ? { bytes: await this.fileFor(from, header, full ? undefined : since) }
        : { header: { format: 'skhod-exchange', version: 2, counts: {}, ...header }, changes: [...changes] };
    this.pool.push(parcel);
    return parcel;
  }

  /** A real file: the device signs its own new changes as a batch, and relays every held batch the peer lacks. */
  private async fileFor(from: number, header: Omit<ExchangeHeader, 'format' | 'version' | 'counts'>, since: SeenVector | undefined): Promise<Uint8Array> {
    const d = this.devices[from]!;
    const { eventKey, enrolments } = await simTrust();
    const own = d.log.filter((c) => c.device === d.id && c.hlc > d.batchedUpTo);
    if (own.length > 0) {
      this.hold(d, await signBatch(d.signer, EVENT, own, enrolments[from]));
      d.batchedUpTo = own.reduce((m, c) => (c.hlc > m ? c.hlc : m), d.batchedUpTo);
    }
    const batches = [...d.batches.values()].filter((b) => since === undefined || b.last > (since[b.author] ?? '')).map((b) => b.batch);
    const changes = batches.flatMap((b) => batchHead(b)!.changes);
    return buildExchangeFile({ header, batches, counts: countByTable(changes) }, d.signer, eventKey);
  }

  private hold(d: SimDevice, batch: AuthorBatch) {
    const head = batchHead(batch)!;
    d.batches.set(batch.sig, { batch, author: head.author, last: head.changes.reduce((m, c) => (c.hlc > m ? c.hlc : m), '') });
  }

  private async open(d: SimDevice, bytes: Uint8Array) {
    const keys = await simSigners();
    const { root, eventKey } = await simTrust();
    const file = await readExchangeFile(bytes, { eventKey: () => eventKey, expectEventId: EVENT, verify: { knownKey: (id) => keys.find((k) => k.deviceId === id)?.publicKey, unknownSender: 'refuse' } });
    const verified = await verifyBatches(root, file.batches);
    for (const b of verified.accepted) this.hold(d, b.batch);
    const roles = new Map(verified.accepted.map((b) => [b.author.deviceId, b.author.role]));
    return { header: file.header, changes: verified.accepted.flatMap((b) => b.changes), roleOf: (id: string) => roles.get(id), trustRefused: verified.refused };
  }

  async deliver(parcel: Parcel, to: number, twice: boolean): Promise<void> {
    const d = this.devices[to]!;
    // Each delivery reads the file again, as a device that picks it up from a USB stick would; a real
    // file's changes are judged by the roles their authors' enrolments give, nothing else.
    const opened = 'bytes' in parcel ? await this.open(d, parcel.bytes) : { ...parcel, roleOf, trustRefused: [] };
    const { header, changes: all } = opened;
    d.trustRefused += opened.trustRefused.length;
    // the app's screenIncoming: what is from the future waits aside, unmerged and unlogged
    const { now: changes, held } = this.options.quarantine ? holdFuture(all.filter((c) => !d.logged.has(c.hlc)), this.now + d.offset) : { now: all, held: [] };
    for (const h of held) if (!d.held.some((x) => x.change.hlc === h.change.hlc)) d.held.push(h);
    const newest = changes.reduce((m, c) => (c.hlc > m ? c.hlc : m), '');
    if (newest) d.clock.receive(newest);
    d.known = mergeKnowledge(d.known, header.known ?? {}, { [header.sender.deviceId]: header.seen ?? {} });
    const rules = { roleOf: opened.roleOf, ...('bytes' in parcel ? {} : { senderRole: header.sender.role }), seen: { ...d.known, [d.id]: { ...d.seen } } };
    const res = applyChanges(d.state, changes, rules);
    d.state = res.state;
    d.conflicts.push(...res.conflicts);
    d.refused.push(...res.refused);
    const refused = new Set(res.refused.map((r) => r.change));
    // Keep every change not refused, applied or not: it is part of what this device can pass on.
    this.remember(d, changes.filter((c) => !refused.has(c)));
    d.seen = capSeenForHeld(d.seen, advanceSeen(d.seen, header), held);
    if (twice) {
      const again = applyChanges(d.state, changes, { ...rules, holds: (c) => d.logged.has(c.hlc) });
      if (again.applied.length > 0 || again.conflicts.length > 0 || !sameState(again.state, d.state)) {
        throw new Error('applying the same file twice changed something');
      }
    }
  }

  /** Every change any device accepted. */
  allChanges(): ChangeRecord[] {
    const byStamp = new Map<string, ChangeRecord>();
    for (const d of this.devices) for (const c of d.log) byStamp.set(c.hlc, c);
    return [...byStamp.values()];
  }
}

/** Materialized state as nested plain objects with sorted keys: `toEqual` diffs read well. */
export function canonical(state: SyncState): Record<string, Record<string, Record<string, unknown>>> {
  const out: Record<string, Record<string, Record<string, unknown>>> = {};
  const tables = materialize(state);
  for (const t of [...tables.keys()].sort()) {
    const rows = tables.get(t)!;
    out[t] = Object.fromEntries([...rows.keys()].sort().map((id) => [id, rows.get(id)!]));
  }
  return out;
}

/** The internal state (stamps and tombstones included) as sorted JSON. */
export function stateText(state: SyncState): string {
  return JSON.stringify(
    [...state.entries()]
      .flatMap(([table, rows]) => [...rows].map(([id, r]) => [`${table}|${id}`, r] as const))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, r]) => [k, Object.keys(r.values).sort().map((f) => [f, r.values[f], stampAt(r, f)]), r.deleted ?? null]),
  );
}

export const sameState = (a: SyncState, b: SyncState) => stateText(a) === stateText(b);
