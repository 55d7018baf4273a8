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
/** The greatest wall time a stamp can carry: a 16th digit would sort before every 15-digit stamp. */
export const MAX_WALL = 10 ** WALL_DIGITS - 1;
/**
 * How far ahead of this device's wall clock a received stamp may be and still move the clock. A stamp
 * further ahead comes from a device whose clock is wrong (or from a forged file): following it would
 * run this clock ahead for good (every later stamp of ours would carry that wall time), so changes
 * stamped beyond it are held in quarantine (quarantine.ts) and the clock never follows them.
 */
export const MAX_CLOCK_AHEAD_MS = 10 * 60_000;

export class HlcError extends Error {
  override name = 'HlcError';
}

export function packHlc(s: HlcStamp): string {
  if (!Number.isSafeInteger(s.wall) || s.wall < 0 || s.wall > MAX_WALL) throw new HlcError(`bad wall time ${s.wall}`);
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
  /**
   * Merge a stamp seen from another device; returns how far ahead of our wall clock it was (ms). A
   * stamp more than MAX_CLOCK_AHEAD_MS ahead is not followed (the clock only ticks past its own time):
   * callers quarantine such changes, this is the clock's own guard.
   */
  receive(remote: string): number;
  /** The last issued or received stamp, packed. */
  last(): string;
  /** The wall time this clock reads now (ms): what «ahead» is measured from. */
  wallNow(): number;
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
    // Refused rather than issued: a 16-digit wall part would sort before every stamp, ours included.
    if (candidateWall > MAX_WALL || (candidateWall === MAX_WALL && candidateCounter > MAX_COUNTER)) {
      throw new HlcError('the clock has reached the greatest stamp it can issue');
    }
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
      const parsed = unpackHlc(remote);
      const physical = Math.floor(now());
      const r = parsed.wall - physical > MAX_CLOCK_AHEAD_MS ? { wall: 0, counter: 0 } : parsed;
      const maxWall = Math.max(wall, r.wall, physical);
      if (maxWall === wall && maxWall === r.wall) advance(maxWall, Math.max(counter, r.counter) + 1);
      else if (maxWall === wall) advance(maxWall, counter + 1);
      else if (maxWall === r.wall) advance(maxWall, r.counter + 1);
      else advance(maxWall, 0);
      return parsed.wall - physical;
    },
    last() {
      return packHlc({ wall, counter, device });
    },
    wallNow() {
      return Math.floor(now());
    },
  };
}

/**
 * Where a clock starts at launch: after the greatest of `stamps` (the log's last stamp, this device's
 * own last stamp, the clock floor kept by a restore) — except a stamp of another device that is more
 * than MAX_CLOCK_AHEAD_MS ahead of the wall clock, which never moves this clock (it may sit in the log
 * because the organizer accepted it from quarantine, or came in a backup). This device's own stamps
 * always count, even from the future: its clock was ahead once, and its stamps must keep rising.
 */
export function clockStart(device: string, stamps: readonly (string | undefined)[], wallNow: number): string | undefined {
  let start: string | undefined;
  for (const s of stamps) {
    if (!s || !PACKED.test(s)) continue;
    const ahead = Number(s.slice(0, WALL_DIGITS)) - wallNow > MAX_CLOCK_AHEAD_MS;
    if (ahead && s.slice(22) !== device) continue;
    if (start === undefined || s > start) start = s;
  }
  return start;
}
