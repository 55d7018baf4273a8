/**
 * Hybrid logical clock (Kulkarni et al.): a timestamp that follows wall time when clocks behave and
 * stays monotonic when they don't (a laptop whose clock jumps back, a desk whose clock is wrong).
 *
 * A stamp is packed into a string whose lexicographic order is the clock order, so it can be an
 * IndexedDB key and be compared with `<`:
 *   "<wall ms, 15 digits>-<counter, 5 hex>-<device id>"
 * Ties on wall time and counter are broken by device id, which makes the order total across devices.
 */

export type HlcStamp = { wall: number; counter: number; device: string };

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 5;
const MAX_COUNTER = 16 ** COUNTER_DIGITS - 1;

export class HlcError extends Error {
  override name = 'HlcError';
}

export function packHlc(s: HlcStamp): string {
  if (!Number.isSafeInteger(s.wall) || s.wall < 0) throw new HlcError(`bad wall time ${s.wall}`);
  if (s.counter < 0 || s.counter > MAX_COUNTER) throw new HlcError(`counter out of range ${s.counter}`);
  if (!s.device || /\s/.test(s.device)) throw new HlcError('bad device id');
  return `${String(s.wall).padStart(WALL_DIGITS, '0')}-${s.counter.toString(16).padStart(COUNTER_DIGITS, '0')}-${s.device}`;
}

const PACKED = /^(\d{15})-([0-9a-f]{5})-(\S+)$/;

export function unpackHlc(packed: string): HlcStamp {
  const m = PACKED.exec(packed);
  if (!m) throw new HlcError(`not a clock stamp: ${packed.slice(0, 60)}`);
  return { wall: Number(m[1]), counter: parseInt(m[2]!, 16), device: m[3]! };
}

export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export type Clock = {
  /** A new stamp for a local event, greater than every stamp this clock has issued or received. */
  tick(): string;
  /** Merge a stamp seen from another device; returns how far ahead of our wall clock it was (ms). */
  receive(remote: string): number;
  /** The last issued or received stamp, packed. */
  last(): string;
};

/**
 * @param device  this device's id (no whitespace)
 * @param now     the wall clock, injectable for tests
 * @param start   the greatest stamp this device has already stored (so a restart never goes back)
 */
export function createClock(device: string, now: () => number = Date.now, start?: string): Clock {
  if (!device || /\s/.test(device)) throw new HlcError('device id must be non-empty without spaces');
  let wall = 0;
  let counter = 0;
  if (start) {
    const s = unpackHlc(start);
    wall = s.wall;
    counter = s.counter;
  }

  const advance = (candidateWall: number, candidateCounter: number) => {
    if (candidateCounter > MAX_COUNTER) {
      // 1M events in one millisecond on one device: borrow the next millisecond rather than overflow.
      wall = candidateWall + 1;
      counter = 0;
    } else {
      wall = candidateWall;
      counter = candidateCounter;
    }
  };

  return {
    tick() {
      const physical = Math.floor(now());
      if (physical > wall) advance(physical, 0);
      else advance(wall, counter + 1);
      return packHlc({ wall, counter, device });
    },
    receive(remote) {
      const r = unpackHlc(remote);
      const physical = Math.floor(now());
      const maxWall = Math.max(wall, r.wall, physical);
      if (maxWall === wall && maxWall === r.wall) advance(maxWall, Math.max(counter, r.counter) + 1);
      else if (maxWall === wall) advance(maxWall, counter + 1);
      else if (maxWall === r.wall) advance(maxWall, r.counter + 1);
      else advance(maxWall, 0);
      return r.wall - physical;
    },
    last() {
      return packHlc({ wall, counter, device });
    },
  };
}
