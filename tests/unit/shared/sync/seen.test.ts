import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ChangeRecord } from '../../../../shared/sync/change';
import { packHlc } from '../../../../shared/sync/hlc';
import { advanceSeen, changesFor, hasSeen, mergeKnowledge, mergeSeen, seenVector } from '../../../../shared/sync/seen';

const DEVICES = ['a', 'b', 'c', 'd'];
const logArb = fc
  .uniqueArray(fc.record({ wall: fc.integer({ min: 1, max: 200 }), device: fc.nat(3) }), { selector: (r) => `${r.wall}-${r.device}`, maxLength: 60 })
  .map((rs) =>
    rs.map((r): ChangeRecord => {
      const device = DEVICES[r.device]!;
      return { hlc: packHlc({ wall: r.wall, counter: 0, device }), device, table: 'people', rowId: `p${r.wall}`, op: 'put', fields: { n: r.wall } };
    }),
  );

describe('changesFor', () => {
  it('returns exactly the changes above the peer’s mark for their device, in log order', () => {
    fc.assert(
      fc.property(logArb, fc.dictionary(fc.constantFrom(...DEVICES), fc.integer({ min: 0, max: 220 })), (log, marks) => {
        const peerSeen = Object.fromEntries(Object.entries(marks).map(([d, w]) => [d, packHlc({ wall: w, counter: 0, device: d })]));
        const out = changesFor(log, peerSeen);
        expect(out).toEqual(log.filter((c) => peerSeen[c.device] === undefined || c.hlc > peerSeen[c.device]!));
        for (const c of out) expect(hasSeen(peerSeen, c)).toBe(false);
      }),
    );
  });

  it('a peer that holds a prefix of every device’s changes gets the rest and nothing else', () => {
    fc.assert(
      fc.property(logArb, fc.array(fc.nat(), { minLength: 4, maxLength: 4 }), (log, cuts) => {
        const byDevice = DEVICES.map((d) => log.filter((c) => c.device === d).sort((x, y) => (x.hlc < y.hlc ? -1 : 1)));
        const held = byDevice.flatMap((list, i) => list.slice(0, cuts[i]! % (list.length + 1)));
        const sent = changesFor(log, seenVector(held));
        expect(new Set([...held, ...sent])).toEqual(new Set(log));
        expect(sent.filter((c) => held.includes(c))).toEqual([]);
      }),
    );
  });

  it('selects everything for a peer that has seen nothing', () => {
    fc.assert(
      fc.property(logArb, (log) => {
        expect(changesFor(log, {})).toEqual(log);
      }),
    );
  });
});

describe('seen vectors', () => {
  const s = (wall: number, device: string) => packHlc({ wall, counter: 0, device });

  it('seenVector keeps the greatest stamp per device', () => {
    fc.assert(
      fc.property(logArb, (log) => {
        const v = seenVector(log);
        for (const c of log) expect(c.hlc <= v[c.device]!).toBe(true);
        expect(Object.keys(v).sort()).toEqual([...new Set(log.map((c) => c.device))].sort());
      }),
    );
  });

  it('mergeSeen and mergeKnowledge take the pointwise maximum', () => {
    expect(mergeSeen({ a: s(5, 'a'), b: s(2, 'b') }, { a: s(3, 'a'), c: s(1, 'c') })).toEqual({ a: s(5, 'a'), b: s(2, 'b'), c: s(1, 'c') });
    expect(mergeKnowledge({ x: { a: s(1, 'a') } }, { x: { a: s(4, 'a') }, y: { b: s(2, 'b') } })).toEqual({ x: { a: s(4, 'a') }, y: { b: s(2, 'b') } });
  });

  it('advanceSeen rises to the sender’s marks when the file joins our prefix', () => {
    const own = { a: s(10, 'a') };
    expect(advanceSeen(own, { since: { a: s(8, 'a') }, seen: { a: s(20, 'a'), b: s(3, 'b') } })).toEqual({ a: s(20, 'a'), b: s(3, 'b') });
    expect(advanceSeen(own, { seen: { a: s(5, 'a') } })).toEqual(own); // an old full file: nothing lost
  });

  it('advanceSeen does not jump over a gap left by a file built for someone else', () => {
    const own = { a: s(10, 'a') };
    expect(advanceSeen(own, { since: { a: s(15, 'a'), b: s(2, 'b') }, seen: { a: s(20, 'a'), b: s(9, 'b') } })).toEqual(own);
  });
});
