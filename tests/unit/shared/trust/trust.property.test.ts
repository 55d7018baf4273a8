import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildExchangeFile, countByTable } from '../../../../shared/sync/exchange-file';
import { applyChanges } from '../../../../shared/sync/merge';
import { encodeChanges, type AuthorBatch } from '../../../../shared/trust/batches';
import { signStatement } from '../../../../shared/trust/enrolment';
import type { ChangeRecord } from '../../../../shared/sync/change';
import { canonical, deviceId, EVENT, roleOf, Sim, simOpArb, simSigners, simTrust, stateText, type SimOp } from '../sync/sim';

/*
 * «Any order, any repeats, same result» with real files of signed author batches among 3–5 devices —
 * the organizer (root), desks and a district office enrolled from files or on the hub, every device
 * relaying what it holds — while forgers slip in files: a desk stamping changes with the organizer's
 * id, a relay altering another device's batch, a desk declaring itself organizer. Every forged change
 * is refused everywhere and the devices still converge on the state of the honest changes.
 */
type Forgery = { at: number; kind: 'origin' | 'alter' | 'declare'; by: number; to: number };
const forgeryArb = fc.record({ at: fc.nat(80), kind: fc.constantFrom<Forgery['kind']>('origin', 'alter', 'declare'), by: fc.nat(3), to: fc.nat(4) });
const siteArb = fc.record({ devices: fc.integer({ min: 3, max: 5 }), ops: fc.array(simOpArb, { minLength: 5, maxLength: 40 }), forgeries: fc.array(forgeryArb, { maxLength: 6 }) });

let forged = 0;
/** Old stamps: a forged change never collides with a real one, nor moves a clock. */
const oldStamp = (device: string) => `${String(1_000_000_000 + forged++).padStart(15, '0')}-00000-${device}`;

async function forgeFile(sim: Sim, f: Forgery): Promise<Uint8Array | null> {
  const n = sim.devices.length;
  // an enrolled desk or district office (device 4 is an enrolled organizer: its contest rows are legitimate)
  const by = 1 + (f.by % Math.min(3, n - 1));
  const signer = (await simSigners())[by]!;
  const { eventKey, enrolments } = await simTrust();
  const contest = (author: string): ChangeRecord => ({ hlc: oldStamp(author), device: author, table: 'contests', rowId: `forged-${forged}`, op: 'put', fields: { title: 'Подложный', eventId: EVENT } });
  let batch: AuthorBatch;
  if (f.kind === 'alter') {
    const held = [...sim.devices[by]!.batches.values()].find((b) => b.author !== deviceId(by));
    if (!held) return null;
    batch = { ...held.batch, body: held.batch.body.replace(/"a":(\d)/, (_, d: string) => `"a":${(Number(d) + 1) % 10}`) };
    if (batch.body === held.batch.body) batch = { ...held.batch, body: held.batch.body.replace('"people"', '"contests"') };
    if (batch.body === held.batch.body) return null;
  } else {
    const changes = [contest(f.kind === 'origin' ? deviceId(0) : deviceId(by))];
    const signed = await signStatement(signer, { t: 'skhod-batch', eventId: EVENT, author: signer.deviceId, changes: encodeChanges(changes) });
    batch = { ...signed, enrolment: enrolments[by]! };
  }
  const header = { eventId: EVENT, sender: { deviceId: signer.deviceId, name: 'Подделка', role: 'organizer' as const }, createdAt: new Date(0).toISOString(), seen: {} };
  return buildExchangeFile({ header, batches: [batch], counts: countByTable([]) }, signer, eventKey);
}

async function run(devices: number, ops: SimOp[], forgeries: Forgery[]) {
  const sim = new Sim(devices, await simSigners(), 'file');
  for (let i = 0; i < ops.length; i++) {
    await sim.step(ops[i]!);
    for (const f of forgeries.filter((x) => x.at % ops.length === i)) {
      const bytes = await forgeFile(sim, f);
      if (bytes) await sim.deliver({ bytes }, f.to % devices, false);
    }
  }
  await sim.settle();
  const reference = applyChanges(new Map(), sim.allChanges().reverse(), { roleOf }).state;
  for (const d of sim.devices) {
    expect(stateText(d.state)).toBe(stateText(reference));
    const contests = Object.keys(canonical(d.state).contests ?? {});
    expect(contests.filter((id) => id.startsWith('forged-'))).toEqual([]);
  }
  return sim;
}

describe('trust among 3–5 devices: enrolled, relaying, forging', () => {
  it('every device converges on the honest changes; every forged change is refused everywhere', async () => {
    await fc.assert(fc.asyncProperty(siteArb, ({ devices, ops, forgeries }) => run(devices, ops, forgeries).then(() => undefined)), { numRuns: 20 });
  }, 180_000);

  it('a forged origin, an altered relayed batch and a self-declared organizer are each refused on arrival', async () => {
    const ops: SimOp[] = [
      { dt: 5, kind: 'put', dev: 1, table: 'people', row: 1, fields: { a: 1 } },
      { dt: 5, kind: 'export', from: 1, to: 2, full: false },
      { dt: 5, kind: 'deliver', file: 0, to: 2, twice: false },
    ];
    const sim = new Sim(3, await simSigners(), 'file');
    await sim.run(ops);
    for (const kind of ['origin', 'alter', 'declare'] as const) {
      const bytes = (await forgeFile(sim, { at: 0, kind, by: kind === 'alter' ? 1 : 0, to: 0 }))!;
      const before = { trust: sim.devices[0]!.trustRefused, role: sim.devices[0]!.refused.length };
      await sim.deliver({ bytes }, 0, false);
      if (kind === 'declare') expect(sim.devices[0]!.refused.slice(before.role).map((r) => r.reason)).toEqual(['role']);
      else expect(sim.devices[0]!.trustRefused).toBeGreaterThan(before.trust);
    }
    expect(canonical(sim.devices[0]!.state).contests).toBeUndefined();
  });
});
