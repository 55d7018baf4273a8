/**
 * Issue 18, item 1: a stamp from the far future («999999999999999-ffffe-…», or a desk whose clock is
 * set to 2100) never runs a clock ahead; such changes wait in quarantine, and devices converge anyway.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clockStart, createClock, HlcError, MAX_CLOCK_AHEAD_MS, MAX_WALL, packHlc, unpackHlc } from '../../../../shared/sync/hlc';
import { applyChanges } from '../../../../shared/sync/merge';
import { capSeenForHeld, driftByDevice, formatDrift, holdFuture, ownClockOffset } from '../../../../shared/sync/quarantine';
import { wordRu } from '../../../../shared/text/said';
import type { ChangeRecord } from '../../../../shared/sync/change';
import { FUTURE_LEAD, roleOf, Sim, simOpArb, simSigners, stateText } from './sim';

const ME = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const BAD = 'ffffffffffffffffffffffffffffffff';
const POISON = `999999999999999-ffffe-${BAD}`;
const T0 = 1_764_000_000_000;
const STAMP_15 = /^\d{15}-[0-9a-f]{5}-/;

const put = (hlc: string, fields: Record<string, unknown>): ChangeRecord => ({ hlc, device: hlc.slice(22), table: 'people', rowId: 'p1', op: 'put', fields });

describe('bounded stamps', () => {
  it('refuses to pack a wall time of 16 digits, and a clock at the last stamp refuses to go on instead of wrapping', () => {
    expect(() => packHlc({ wall: MAX_WALL + 1, counter: 0, device: ME })).toThrow(HlcError);
    const clock = createClock(ME, () => T0, `999999999999999-ffffe-${ME}`);
    expect(clock.tick()).toBe(`999999999999999-fffff-${ME}`);
    expect(() => clock.tick()).toThrow(HlcError);
  });

  it('does not follow a poisoned stamp: the next stamp has 15 digits and comes after the previous one', () => {
    const clock = createClock(ME, () => T0);
    const before = clock.tick();
    const drift = clock.receive(POISON);
    expect(drift).toBeGreaterThan(1e14);
    const next = clock.tick();
    expect(next).toMatch(STAMP_15);
    expect(next > before).toBe(true);
    expect(unpackHlc(next).wall).toBe(T0);
    expect(() => createClock(ME, () => T0, next)).not.toThrow();
  });

  it('still follows a peer a little ahead (within the bound)', () => {
    const clock = createClock(ME, () => T0);
    const peer = packHlc({ wall: T0 + MAX_CLOCK_AHEAD_MS, counter: 3, device: BAD });
    clock.receive(peer);
    expect(clock.tick() > peer).toBe(true);
  });

  it('starts a clock after its own stamps even from the future, but never after a foreign one from the future', () => {
    const ownFuture = packHlc({ wall: T0 + 86_400_000, counter: 0, device: ME });
    const past = packHlc({ wall: T0 - 1, counter: 0, device: BAD });
    expect(clockStart(ME, [POISON, past], T0)).toBe(past);
    expect(clockStart(ME, [POISON, past, ownFuture], T0)).toBe(ownFuture);
    expect(clockStart(ME, ['garbage', undefined], T0)).toBeUndefined();
  });
});

describe('quarantine of changes from the future', () => {
  it('holds the poisoned change with its drift («31 632 года»: 32 takes «года») and takes the rest', () => {
    const ok = put(packHlc({ wall: T0 - 5, counter: 0, device: BAD }), { surname: 'Иванова' });
    const bad = put(POISON, { surname: 'Петрова' });
    const { now, held } = holdFuture([ok, bad], T0);
    expect(now).toEqual([ok]);
    expect(held.map((h) => h.change)).toEqual([bad]);
    const [drift] = driftByDevice(held);
    expect(drift).toMatchObject({ device: BAD, count: 1 });
    expect(wordRu(formatDrift(drift!.aheadMs)).replace(/[\u00a0\u202f]/g, ' ')).toBe('31 632 года');
  });

  it('keeps the seen mark of a device whose change was held, so no peer is told it is here', () => {
    const before = { [BAD]: packHlc({ wall: T0 - 100, counter: 0, device: BAD }) };
    const after = { [BAD]: POISON, other: 'x' };
    const bad = put(POISON, {});
    expect(capSeenForHeld(before, { ...after }, [{ change: bad, aheadMs: 1 }])).toEqual({ [BAD]: before[BAD], other: 'x' });
    expect(capSeenForHeld({}, { ...after }, [{ change: bad, aheadMs: 1 }])).toEqual({ other: 'x' });
  });

  it('tells this device its own clock is off only when its peers agree', () => {
    const hour = 3_600_000;
    expect(ownClockOffset([{ device: 'a', offsetMs: 5 * hour, via: 'file' }])).toBeNull();
    expect(ownClockOffset([{ device: 'a', offsetMs: 5 * hour, via: 'file' }, { device: 'b', offsetMs: 5 * hour + 7, via: 'file' }])).toBeLessThan(-4 * hour);
    // files lie on USB sticks for hours: only the hub's fresh files can show this clock is ahead
    expect(ownClockOffset([{ device: 'a', offsetMs: -5 * hour, via: 'file' }, { device: 'b', offsetMs: -5 * hour, via: 'file' }])).toBeNull();
    expect(ownClockOffset([{ device: 'a', offsetMs: -5 * hour, via: 'hub' }, { device: 'b', offsetMs: -5 * hour, via: 'hub' }])).toBeGreaterThan(4 * hour);
    expect(ownClockOffset([{ device: 'a', offsetMs: -1000, via: 'hub' }, { device: 'b', offsetMs: 2000, via: 'hub' }])).toBeNull();
  });

  it('converges among honest devices in any interleaving while one device runs a year ahead; its changes wait in quarantine', async () => {
    const siteArb = fc.record({ devices: fc.integer({ min: 3, max: 5 }), future: fc.nat(4), ops: fc.array(simOpArb, { minLength: 5, maxLength: 80 }) });
    await fc.assert(
      fc.asyncProperty(siteArb, async ({ devices, future, ops }) => {
        const f = future % devices;
        const sim = new Sim(devices, await simSigners(), 'memory', { quarantine: true, futureDevice: f });
        await sim.run(ops);
        await sim.settle();
        const honest = sim.devices.filter((_, i) => i !== f);
        const futureId = sim.devices[f]!.id;
        const accepted = honest.flatMap((d) => d.log).filter((c) => c.device !== futureId);
        const reference = applyChanges(new Map(), accepted.reverse(), { roleOf }).state;
        for (const d of honest) {
          expect(stateText(d.state)).toBe(stateText(reference));
          // nothing of the far-future device got in, and only its changes wait
          expect(d.log.some((c) => c.device === futureId)).toBe(false);
          for (const h of d.held) expect(h.change.device).toBe(futureId);
          expect(d.seen[futureId]).toBeUndefined();
          // every stamp the honest clock issued has 15 digits, in rising order, near true time
          d.issued.forEach((s, i) => {
            expect(s).toMatch(STAMP_15);
            if (i > 0) expect(s > d.issued[i - 1]!).toBe(true);
            expect(unpackHlc(s).wall).toBeLessThan(Date.UTC(2030, 0, 1));
          });
        }
        const written = sim.devices[f]!.log.filter((c) => c.device === futureId).length;
        if (written > 0) for (const d of honest) expect(d.held.length).toBe(written);
        expect(FUTURE_LEAD).toBeGreaterThan(MAX_CLOCK_AHEAD_MS);
      }),
      { numRuns: 150 },
    );
  });
});
