import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DeviceRole } from '../../../../shared/domain/types';
import type { ChangeRecord } from '../../../../shared/sync/change';
import { packHlc } from '../../../../shared/sync/hlc';
import { applyChanges, materialize, mergeInto, rowIn, stampAt, type DoubleCheckin, type FieldConflict, type SyncState } from '../../../../shared/sync/merge';
import { CONTEST_TABLES, isContestTable } from '../../../../shared/sync/roles';
import { canonical, roleOf, Sim, simOpArb, simSigners, stateText, type SimOp, type Transport } from './sim';

const siteArb = fc.record({ devices: fc.integer({ min: 3, max: 5 }), ops: fc.array(simOpArb, { minLength: 5, maxLength: 80 }) });

async function converge(transport: Transport, devices: number, ops: SimOp[]) {
  const sim = new Sim(devices, await simSigners(), transport);
  await sim.run(ops);
  // Every device's vector claims only what it holds (seen.ts invariant), however files wandered.
  for (const d of sim.devices) {
    for (const c of sim.allChanges()) if (c.hlc <= (d.seen[c.device] ?? '')) expect(d.logged.has(c.hlc)).toBe(true);
  }
  await sim.settle();
  // One reference: every accepted change applied at once, in a scrambled order.
  const all = sim.allChanges().reverse();
  const reference = applyChanges(new Map(), all, { roleOf }).state;
  for (const d of sim.devices) {
    expect(canonical(d.state)).toEqual(canonical(reference));
    expect(stateText(d.state)).toBe(stateText(reference));
    expect(d.seen).toEqual(sim.devices[0]!.seen);
  }
  return sim;
}

describe('exchange among 3–5 devices in any interleaving, with duplicates and stale files', () => {
  it('ends with the same state on every device — real signed files', async () => {
    await fc.assert(fc.asyncProperty(siteArb, ({ devices, ops }) => converge('file', devices, ops).then(() => undefined)), { numRuns: 40 });
  }, 120_000);

  it('ends with the same state on every device — many more interleavings, in memory', async () => {
    await fc.assert(fc.asyncProperty(siteArb, ({ devices, ops }) => converge('memory', devices, ops).then(() => undefined)), { numRuns: 400 });
  });

  it('keeps every check-in from every device', async () => {
    await fc.assert(
      fc.asyncProperty(siteArb, async ({ devices, ops }) => {
        const sim = await converge('memory', devices, ops);
        const written = ops.filter((o) => o.kind === 'checkin').length;
        for (const d of sim.devices) expect(materialize(d.state).get('checkins')?.size ?? 0).toBe(written);
      }),
      { numRuns: 150 },
    );
  });
});

describe('conflict review', () => {
  const scenarioArb = fc
    .record({ devices: fc.integer({ min: 3, max: 5 }), x: fc.nat(4), y: fc.nat(4), noise: fc.array(simOpArb, { maxLength: 40 }), more: fc.array(simOpArb, { maxLength: 40 }) })
    .filter((s) => s.x % s.devices !== s.y % s.devices);
  const writes = (sim: Sim) => sim.devices.flatMap((d) => d.conflicts).filter((c): c is FieldConflict => c.kind === 'field' && c.rowId === 'r9');

  it('a field edited on two devices that had not seen each other’s edit is reported, with the right winner', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ devices, x, y, noise, more }) => {
        const sim = new Sim(devices, await simSigners(), 'memory');
        await sim.run(noise);
        await sim.step({ dt: 1, kind: 'put', dev: x, table: 'people', row: 9, fields: { a: 1 } });
        await sim.step({ dt: 1, kind: 'put', dev: y, table: 'people', row: 9, fields: { a: 2 } });
        await sim.run(more);
        await sim.settle();
        const row = rowIn(sim.devices[0]!.state, 'people', 'r9')!;
        const final = { value: row.values.a, hlc: stampAt(row, 'a')! };
        const reported = writes(sim);
        expect(reported.length).toBeGreaterThan(0);
        for (const c of reported) {
          expect(c.winner).toEqual({ value: final.value, hlc: final.hlc, device: final.hlc.slice(22) });
          expect(c.loser.value).toBe(final.value === 1 ? 2 : 1);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('an edit made after receiving the earlier one is not reported anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ devices, x, y, noise, more }) => {
        const sim = new Sim(devices, await simSigners(), 'memory');
        await sim.run(noise);
        await sim.step({ dt: 1, kind: 'put', dev: x, table: 'people', row: 9, fields: { a: 1 } });
        await sim.deliver(await sim.export(x % devices, y % devices, false), y % devices, false);
        await sim.step({ dt: 1, kind: 'put', dev: y, table: 'people', row: 9, fields: { a: 2 } });
        await sim.run(more);
        await sim.settle();
        expect(writes(sim)).toEqual([]);
        expect(rowIn(sim.devices[0]!.state, 'people', 'r9')!.values.a).toBe(2);
      }),
      { numRuns: 200 },
    );
  });
});

const D = ['dev-a', 'dev-b', 'dev-c'];
const stamp = (wall: number, counter: number, device: number) => packHlc({ wall, counter, device: D[device]! });
const stampArb = fc.record({ wall: fc.integer({ min: 1, max: 50 }), counter: fc.nat(2), device: fc.nat(2) });

/** Random changes to a few rows with explicit stamps (unique: one change per stamp). */
const changesArb = fc
  .uniqueArray(
    fc.record({
      s: stampArb,
      table: fc.constantFrom('people', 'registrations'),
      row: fc.nat(2),
      del: fc.boolean(),
      fields: fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.option(fc.nat(3), { nil: null }), { minKeys: 1 }),
    }),
    { selector: (r) => `${r.s.wall}-${r.s.counter}-${r.s.device}`, maxLength: 40 },
  )
  .map((rs) =>
    rs.map((r): ChangeRecord => {
      const hlc = stamp(r.s.wall, r.s.counter, r.s.device);
      return { hlc, device: D[r.s.device]!, table: r.table, rowId: `r${r.row}`, op: r.del ? 'delete' : 'put', fields: r.del ? {} : r.fields };
    }),
  );

/** Applies `changes` as consecutive batches cut at `cuts`. */
function inBatches(changes: ChangeRecord[], cuts: number[]): SyncState {
  const at = [...new Set(cuts.map((c) => c % (changes.length + 1)))].sort((a, b) => a - b);
  let state: SyncState = new Map();
  let from = 0;
  for (const to of [...at, changes.length]) {
    state = applyChanges(state, changes.slice(from, to)).state;
    from = to;
  }
  return state;
}

describe('merge laws', () => {
  it('is order-independent: any permutation, any batching, the same state', () => {
    fc.assert(
      fc.property(changesArb.chain((cs) => fc.tuple(fc.constant(cs), fc.shuffledSubarray(cs, { minLength: cs.length, maxLength: cs.length }), fc.array(fc.nat(), { maxLength: 6 }))), ([cs, shuffled, cuts]) => {
        expect(stateText(inBatches(shuffled, cuts))).toBe(stateText(applyChanges(new Map(), cs).state));
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent: applying the same batch again changes nothing and reports nothing', () => {
    fc.assert(
      fc.property(changesArb, changesArb, (before, batch) => {
        const once = applyChanges(applyChanges(new Map(), before).state, batch);
        const held = new Set([...before, ...batch].map((c) => c.hlc));
        const twice = applyChanges(once.state, batch, { holds: (c) => held.has(c.hlc) });
        expect(twice.applied).toEqual([]);
        expect(twice.conflicts).toEqual([]);
        expect(stateText(twice.state)).toBe(stateText(once.state));
      }),
      { numRuns: 300 },
    );
  });

  it('never modifies the state it is given', () => {
    fc.assert(
      fc.property(changesArb, changesArb, (before, batch) => {
        const state = applyChanges(new Map(), before).state;
        const text = stateText(state);
        applyChanges(state, batch);
        expect(stateText(state)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it('never modifies the changes it merges, though new rows keep their fields objects', () => {
    fc.assert(
      fc.property(changesArb, changesArb, changesArb, (before, b1, b2) => {
        const all = [...before, ...b1, ...b2];
        const copies = structuredClone(all);
        const state: SyncState = new Map();
        // one call writes a row it made from a change again (same rows, other fields), later calls too
        mergeInto(state, before);
        mergeInto(state, [...b1, ...before]);
        applyChanges(state, b2);
        mergeInto(state, b2);
        expect(all).toEqual(copies);
      }),
      { numRuns: 300 },
    );
  });

  it('mergeInto gives what applyChanges gives, and never touches states that share rows with it', () => {
    fc.assert(
      fc.property(changesArb, changesArb, changesArb, (before, b1, b2) => {
        const s0 = applyChanges(new Map(), before).state;
        const s1 = applyChanges(s0, b1).state;
        const [t0, t1] = [stateText(s0), stateText(s1)];
        const report = mergeInto(s1, b2);
        const expected = applyChanges(applyChanges(s0, b1).state, b2);
        expect(stateText(s1)).toBe(stateText(expected.state));
        expect(report).toEqual({ applied: expected.applied, refused: expected.refused, conflicts: expected.conflicts });
        expect(stateText(s0)).toBe(t0);
        expect(stateText(applyChanges(s0, b1).state)).toBe(t1);
      }),
      { numRuns: 200 },
    );
  });

  it('per field the newest write wins; a tombstone hides the row unless a write is newer', () => {
    fc.assert(
      fc.property(changesArb, (cs) => {
        const rows = materialize(applyChanges(new Map(), cs).state);
        const keys = new Set(cs.map((c) => `${c.table}|${c.rowId}`));
        for (const key of keys) {
          const [table, rowId] = key.split('|') as [string, string];
          const mine = cs.filter((c) => c.table === table && c.rowId === rowId);
          const tomb = mine.filter((c) => c.op === 'delete').reduce((m, c) => (c.hlc > m ? c.hlc : m), '');
          const puts = mine.filter((c) => c.op === 'put');
          const visible = puts.some((c) => c.hlc > tomb);
          expect(rows.get(table)?.has(rowId) ?? false).toBe(visible);
          if (!visible) continue;
          const expected: Record<string, unknown> = {};
          for (const f of ['a', 'b', 'c']) {
            const last = puts.filter((c) => f in c.fields).sort((x, y) => (x.hlc < y.hlc ? 1 : -1))[0];
            if (last && last.fields[f] !== null) expected[f] = last.fields[f];
          }
          expect(rows.get(table)!.get(rowId)).toEqual(expected);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('check-ins', () => {
  const checkin = (device: number, wall: number, id: string, kind: 'arrive' | 'annul', reg = 'g1'): ChangeRecord => {
    const hlc = stamp(wall, 0, device);
    return { hlc, device: D[device]!, table: 'checkins', rowId: id, op: 'put', fields: { id, registrationId: reg, kind, device: D[device]!, hlc } };
  };

  it('two desks checking in one person: both entries kept, reported as a double check-in in any order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 }), fc.nat(1), fc.constantFrom(1, 2), (w1, w2, first, other) => {
        const a = checkin(0, w1, 'c-a', 'arrive');
        const b = checkin(other, w2, 'c-b', 'arrive');
        const [x, y] = first ? [b, a] : [a, b];
        const r1 = applyChanges(new Map(), [x]);
        const r2 = applyChanges(r1.state, [y]);
        expect([...materialize(r2.state).get('checkins')!.keys()].sort()).toEqual(['c-a', 'c-b']);
        const doubles = r2.conflicts.filter((c): c is DoubleCheckin => c.kind === 'double-checkin');
        expect(doubles).toHaveLength(1);
        expect(doubles[0]!.registrationId).toBe('g1');
        expect(doubles[0]!.entries.map((e) => e.id).sort()).toEqual(['c-a', 'c-b']);
      }),
      { numRuns: 200 },
    );
  });

  it('reports the same double check-ins on states that branched from one another as on a state built afresh', () => {
    const entryArb = fc.record({ device: fc.nat(2), wall: fc.integer({ min: 1, max: 500 }), reg: fc.constantFrom('g1', 'g2', 'g3'), annul: fc.boolean() });
    const batchArb = fc.array(entryArb, { maxLength: 8 });
    let n = 0;
    const toChanges = (es: { device: number; wall: number; reg: string; annul: boolean }[]) => es.map((e) => checkin(e.device, e.wall * 10 + (n++ % 10), `c${n}`, e.annul ? 'annul' : 'arrive', e.reg));
    fc.assert(
      fc.property(batchArb, batchArb, batchArb, batchArb, (e1, e2, e3, e4) => {
        const [b1, b2, b3, b4] = [toChanges(e1), toChanges(e2), toChanges(e3), toChanges(e4)];
        const s1 = applyChanges(new Map(), b1).state;
        applyChanges(s1, b2); // a sibling branch adds its entries to the shared index
        const s2 = applyChanges(s1, b3).state;
        const branched = applyChanges(s2, b4).conflicts;
        const fresh = applyChanges(new Map([...applyChanges(new Map(), [...b1, ...b3]).state]), b4).conflicts;
        expect(branched).toEqual(fresh);
      }),
      { numRuns: 300 },
    );
  });

  it('is not reported when an annul lies between the two arrivals', () => {
    const entries = [checkin(0, 10, 'c-a', 'arrive'), checkin(1, 20, 'c-x', 'annul'), checkin(1, 30, 'c-b', 'arrive')];
    fc.assert(
      fc.property(fc.shuffledSubarray(entries, { minLength: 3, maxLength: 3 }), (order) => {
        let state: SyncState = new Map();
        for (const e of order) {
          const r = applyChanges(state, [e]);
          state = r.state;
          if (state.size === 3) expect(r.conflicts).toEqual([]);
        }
        expect(materialize(state).get('checkins')!.size).toBe(3);
      }),
    );
  });

  it('an entry is never overwritten or deleted by another device, whatever comes first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 11, max: 100 }), fc.boolean(), (wall, del) => {
        const original = checkin(0, 10, 'c-a', 'arrive');
        const hlc = stamp(wall, 0, 1);
        const foreign: ChangeRecord = del
          ? { hlc, device: D[1]!, table: 'checkins', rowId: 'c-a', op: 'delete', fields: {} }
          : { hlc, device: D[1]!, table: 'checkins', rowId: 'c-a', op: 'put', fields: { id: 'c-a', registrationId: 'g1', kind: 'annul', device: D[1]!, hlc } };
        for (const order of [[original, foreign], [foreign, original]]) {
          const r = applyChanges(new Map(), order);
          expect(materialize(r.state).get('checkins')!.get('c-a')).toEqual(original.fields);
          expect(r.refused.map((x) => x.change)).toEqual([foreign]);
        }
      }),
    );
  });
});

describe('roles', () => {
  const tables = ['people', 'registrations', 'checkins', 'delegations', ...CONTEST_TABLES];
  const anyChangeArb = fc.record({ table: fc.constantFrom(...tables), row: fc.nat(5), del: fc.boolean(), n: fc.nat(5) });

  it.each<DeviceRole>(['desk', 'district', 'juror'])('a %s file cannot change contest tables; the rest of the file is judged on its own', (role) => {
    fc.assert(
      fc.property(fc.array(anyChangeArb, { maxLength: 30 }), (raw) => {
        const changes = raw.map(
          (r, i): ChangeRecord => ({
            hlc: stamp(100 + i, 0, 0),
            device: D[0]!,
            table: r.table,
            rowId: `x${r.row}`,
            op: r.del ? 'delete' : 'put',
            fields: r.del ? {} : { id: `x${r.row}`, n: r.n },
          }),
        );
        const res = applyChanges(new Map(), changes, { senderRole: role });
        expect(res.applied.some((c) => isContestTable(c.table))).toBe(false);
        for (const c of changes.filter((x) => isContestTable(x.table))) expect(res.refused).toContainEqual({ change: c, reason: 'role' });
        for (const t of CONTEST_TABLES) expect(materialize(res.state).has(t)).toBe(false);
        // a juror's device speaks through score files only; desks and districts keep their own tables
        const allowed = changes.filter((c) => !isContestTable(c.table));
        if (role === 'juror') expect(res.applied).toEqual([]);
        else expect(res.refused.filter((r) => allowed.includes(r.change)).map((r) => r.reason).every((r) => r === 'append-only')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
