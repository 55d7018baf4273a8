/**
 * Issue 18, items 2–4 at the merge's level: two installs with one device id, an undo that must not
 * cancel another desk's check-in, and an edit hidden by a concurrent delete — each converges and is
 * reported, never lost silently.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveArrival } from '../../../../shared/domain/arrival';
import type { CheckinEntry } from '../../../../shared/domain/types';
import type { ChangeRecord } from '../../../../shared/sync/change';
import { createClock } from '../../../../shared/sync/hlc';
import { applyChanges, materialize, type AnnulConflict, type DeleteEditConflict } from '../../../../shared/sync/merge';
import { stateText, Sim, simOpArb, simSigners } from './sim';

const T0 = 1_764_000_000_000;
const A = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';

function checkin(clock: ReturnType<typeof createClock>, device: string, id: string, kind: 'arrive' | 'annul', cancels?: string[]): ChangeRecord {
  const hlc = clock.tick();
  const fields: Record<string, unknown> = { id, eventId: 'e1', registrationId: 'R', kind, device, operator: 'Оля', at: new Date(T0).toISOString(), hlc, ...(kind === 'annul' ? { reason: 'ошибка' } : {}) };
  if (cancels) fields.cancels = cancels;
  return { hlc, device, table: 'checkins', rowId: id, op: 'put', fields };
}

const arrivalOf = (changes: readonly ChangeRecord[]) => {
  const state = applyChanges(new Map(), changes).state;
  return deriveArrival([...(materialize(state).get('checkins')?.values() ?? [])] as CheckinEntry[]);
};

describe('precise annul', () => {
  it('desk B’s undo of its own mistaken check-in leaves desk A’s check-in in force, and the review shows both desks', () => {
    const clockA = createClock(A, () => T0);
    const clockB = createClock(B, () => T0 + 1000);
    const arriveA = checkin(clockA, A, 'a1', 'arrive');
    const arriveB = checkin(clockB, B, 'b1', 'arrive');
    const annulB = checkin(clockB, B, 'b2', 'annul', ['b1']); // B had seen only its own
    for (const order of [[arriveA, arriveB, annulB], [arriveB, annulB, arriveA], [annulB, arriveA, arriveB]]) {
      expect(arrivalOf(order)).toMatchObject({ arrived: true, device: A, arrivals: 1 });
    }
    // on B, when A's check-in comes in: «отмечен на стойке A, отменено на стойке B»
    const onB = applyChanges(applyChanges(new Map(), [arriveB, annulB]).state, [arriveA]);
    const report = onB.conflicts.filter((c): c is AnnulConflict => c.kind === 'annul-vs-checkin');
    expect(report).toEqual([expect.objectContaining({ registrationId: 'R', annul: expect.objectContaining({ id: 'b2', device: B, cancels: ['b1'], reason: 'ошибка' }), arrivals: [expect.objectContaining({ id: 'a1', device: A })] })]);
    // an annul that had seen A's check-in cancels it: no report, not arrived
    const seenBoth = checkin(clockB, B, 'b3', 'annul', ['a1', 'b1']);
    expect(arrivalOf([arriveA, arriveB, seenBoth])).toMatchObject({ arrived: false });
  });

  it('an annul written before annuls named their arrivals still cancels every arrival before it', () => {
    const clockA = createClock(A, () => T0);
    const arrive = checkin(clockA, A, 'a1', 'arrive');
    const legacy = checkin(clockA, A, 'a2', 'annul');
    const again = checkin(clockA, A, 'a3', 'arrive');
    expect(arrivalOf([legacy, arrive]).arrived).toBe(false);
    expect(arrivalOf([legacy, arrive, again]).arrived).toBe(true);
  });

  it('desks checking in, annulling and exchanging in any order agree, and an annul cancels exactly what its desk held', async () => {
    // only check-ins and exchanges, so that every registration sees plenty of both
    const opArb = simOpArb.filter((o) => o.kind === 'checkin' || o.kind === 'export' || o.kind === 'deliver').map((o) => (o.kind === 'checkin' && o.what === 'annul-legacy' ? { ...o, what: 'annul' as const } : o));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 5 }), fc.array(opArb, { minLength: 5, maxLength: 80 }), async (devices, ops) => {
        const sim = new Sim(devices, await simSigners(), 'memory');
        await sim.run(ops);
        await sim.settle();
        const entries = [...(materialize(sim.devices[0]!.state).get('checkins')?.values() ?? [])] as CheckinEntry[];
        const regs = new Set(entries.map((e) => e.registrationId));
        for (const reg of regs) {
          const mine = entries.filter((e) => e.registrationId === reg);
          // the model: arrived while some arrival was never held by a desk that then annulled
          const expected = mine.some((e) => e.kind === 'arrive' && !sim.annulledWhileHeld.get(e.id));
          for (const d of sim.devices) {
            const theirs = [...(materialize(d.state).get('checkins')?.values() ?? [])].filter((e) => e.registrationId === reg) as CheckinEntry[];
            expect(deriveArrival(theirs).arrived).toBe(expected);
          }
          // an arrival in force that an annul of another desk missed was reported somewhere
          for (const annul of mine.filter((e) => e.kind === 'annul')) {
            const missed = mine.filter((e) => e.kind === 'arrive' && e.device !== annul.device && e.hlc < annul.hlc && !annul.cancels?.includes(e.id) && !sim.annulledWhileHeld.get(e.id));
            if (missed.length === 0) continue;
            const reported = sim.devices.some((d) => d.conflicts.some((c) => c.kind === 'annul-vs-checkin' && c.annul.id === annul.id));
            expect(reported).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('two installs with one device id', () => {
  it('their writes under one stamp converge to one value on every device, and the other is refused as same-stamp', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), fc.boolean(), (x, y, flip) => {
        fc.pre(x !== y);
        // two clocks of one id, at the same millisecond: the same stamp
        const one = createClock(A, () => T0).tick();
        const two = createClock(A, () => T0).tick();
        expect(one).toBe(two);
        const c1: ChangeRecord = { hlc: one, device: A, table: 'people', rowId: 'p1', op: 'put', fields: { surname: x } };
        const c2: ChangeRecord = { hlc: two, device: A, table: 'people', rowId: 'p1', op: 'put', fields: { surname: y } };
        const first = applyChanges(new Map(), flip ? [c1, c2] : [c2, c1]);
        const second = applyChanges(new Map(), flip ? [c2, c1] : [c1, c2]);
        expect(stateText(first.state)).toBe(stateText(second.state));
        // whichever came second and lost or won, the collision is named — never taken as «already held»
        for (const r of [first, second]) expect(r.refused.map((x) => [x.reason, x.change])).toEqual([['same-stamp', r === first ? (flip ? c2 : c1) : flip ? c1 : c2]]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('delete vs concurrent edit', () => {
  let wallA = T0;
  const clockA = createClock(A, () => wallA);
  const clockB = createClock(B, () => T0 + 5);
  const create = { hlc: clockA.tick(), device: A, table: 'registrations', rowId: 'r1', op: 'put' as const, fields: { id: 'r1', note: 'VIP', status: 'confirmed' } };
  const edit = { hlc: clockB.tick(), device: B, table: 'registrations', rowId: 'r1', op: 'put' as const, fields: { note: 'нужно согласие' } };
  const del = { hlc: ((wallA = T0 + 10), clockA.tick()), device: A, table: 'registrations', rowId: 'r1', op: 'delete' as const, fields: {} };

  it('is reported with both sides whichever arrives last, and no field conflict is shown on the hidden row', () => {
    const seenCreate = { [B]: { [A]: create.hlc } };
    for (const [held, incoming] of [[[create, edit], [del]], [[create, del], [edit]]] as const) {
      const r = applyChanges(applyChanges(new Map(), [...held]).state, [...incoming], { seen: seenCreate });
      const lost = r.conflicts.filter((c): c is DeleteEditConflict => c.kind === 'delete-edit');
      expect(lost).toEqual([expect.objectContaining({ table: 'registrations', rowId: 'r1', deleted: { hlc: del.hlc, device: A }, edit: { hlc: edit.hlc, device: B, fields: { note: 'нужно согласие' } } })]);
      expect(lost[0]!.row).toEqual({ id: 'r1', note: 'нужно согласие', status: 'confirmed' });
      expect(r.conflicts.filter((c) => c.kind === 'field')).toEqual([]);
      expect(materialize(r.state).get('registrations')?.has('r1') ?? false).toBe(false);
    }
  });

  it('is not reported when the deleting desk had seen the edit', () => {
    const r = applyChanges(applyChanges(new Map(), [create, edit]).state, [del], { seen: { [A]: { [B]: edit.hlc } } });
    expect(r.conflicts).toEqual([]);
  });
});
