import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareHlc, createClock, packHlc, unpackHlc } from '../../../../shared/sync/hlc';

const DEV_A = '7f3c1a2e-0000-4000-8000-00000000000a';
const DEV_B = '7f3c1a2e-0000-4000-8000-00000000000b';

function manualTime(start: number) {
  let t = start;
  return { now: () => t, set: (v: number) => (t = v) };
}

describe('hybrid logical clock', () => {
  it('packs and unpacks a stamp whose device id contains dashes', () => {
    const s = { wall: 1_576_650_000_000, counter: 42, device: DEV_A };
    expect(unpackHlc(packHlc(s))).toEqual(s);
  });

  it('is strictly monotonic while the wall clock stands still', () => {
    const time = manualTime(1_000);
    const clock = createClock(DEV_A, time.now);
    const stamps = Array.from({ length: 1000 }, () => clock.tick());
    for (let i = 1; i < stamps.length; i++) expect(compareHlc(stamps[i - 1]!, stamps[i]!)).toBe(-1);
    expect(unpackHlc(stamps[999]!).wall).toBe(1_000);
  });

  it('follows the wall clock when it moves forward', () => {
    const time = manualTime(1_000);
    const clock = createClock(DEV_A, time.now);
    clock.tick();
    time.set(5_000);
    expect(unpackHlc(clock.tick())).toMatchObject({ wall: 5_000, counter: 0 });
  });

  it('survives the wall clock going backwards', () => {
    const time = manualTime(10_000);
    const clock = createClock(DEV_A, time.now);
    const before = clock.tick();
    time.set(2_000); // someone "fixed" the laptop's clock
    const after = clock.tick();
    expect(compareHlc(before, after)).toBe(-1);
    expect(unpackHlc(after).wall).toBe(10_000);
  });

  it('never goes back after a restart seeded with the last stored stamp', () => {
    const time = manualTime(50_000);
    const first = createClock(DEV_A, time.now);
    const last = Array.from({ length: 5 }, () => first.tick()).at(-1)!;
    time.set(1_000);
    const restarted = createClock(DEV_A, time.now, last);
    expect(compareHlc(last, restarted.tick())).toBe(-1);
  });

  it('moves past a stamp received from a device whose clock is ahead and reports the drift', () => {
    const timeA = manualTime(1_000);
    const timeB = manualTime(9_000);
    const a = createClock(DEV_A, timeA.now);
    const b = createClock(DEV_B, timeB.now);
    const fromB = b.tick();
    expect(a.receive(fromB)).toBe(8_000);
    expect(compareHlc(fromB, a.tick())).toBe(-1);
  });

  it('orders stamps from different devices totally, breaking ties by device id', () => {
    const a = packHlc({ wall: 5, counter: 0, device: DEV_A });
    const b = packHlc({ wall: 5, counter: 0, device: DEV_B });
    expect(compareHlc(a, b)).toBe(-1);
    expect(compareHlc(b, a)).toBe(1);
  });

  it('keeps causality across any exchange of messages between devices (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ from: fc.integer({ min: 0, max: 2 }), to: fc.integer({ min: 0, max: 2 }), jump: fc.integer({ min: -5000, max: 5000 }) }),
          { maxLength: 60 },
        ),
        (steps) => {
          const times = [1_000_000, 1_000_000, 1_000_000];
          const clocks = [0, 1, 2].map((i) => createClock(`dev${i}`, () => times[i]!));
          for (const step of steps) {
            times[step.from] = Math.max(0, times[step.from]! + step.jump);
            const sent = clocks[step.from]!.tick();
            clocks[step.to]!.receive(sent);
            // whatever the receiver stamps next happened after what it received
            expect(compareHlc(sent, clocks[step.to]!.tick())).toBe(-1);
          }
        },
      ),
    );
  });

  it('refuses a malformed stamp', () => {
    expect(() => unpackHlc('12-34')).toThrow(/not a clock stamp/);
    expect(() => createClock('has space')).toThrow();
  });
});
