/**
 * Changes from the future: stamps more than MAX_CLOCK_AHEAD_MS ahead of this device's wall clock.
 *
 * Such a change comes from a device whose clock is wrong (a desk set to 2100) or from a forged file
 * (`999999999999999-ffffe-…`). Applied as it is, it would win every field against every later
 * correction for as long as the wall clock stays behind it, and moving this device's clock to it would
 * push every later stamp of ours out there too. So it is held aside — never merged, never logged,
 * never followed by the clock — and shown with its device's drift until the organizer accepts it.
 * Accepting re-issues its values as the organizer's own writes, stamped now (renderer/db/repo/
 * quarantine.ts): they win from now on and travel like any edit, while the bad stamps stay out of
 * every log, so every device converges on the same state whatever it held in quarantine.
 *
 * Pure: the caller passes its wall clock.
 */
import type { ChangeRecord } from './change';
import { MAX_CLOCK_AHEAD_MS } from './hlc';
import type { SeenVector } from './seen';
import { said, type Said } from '../text/said';

export type HeldChange = { change: ChangeRecord; aheadMs: number };

/** One line per device in the preview and the review screen: how many changes, how far ahead. */
export type DeviceDrift = { device: string; count: number; aheadMs: number };

/** The wall part of a packed stamp, or NaN for a string that is not one (merge.ts refuses those). */
const wallOf = (hlc: unknown): number => (typeof hlc === 'string' && /^\d{15}-/.test(hlc) ? Number(hlc.slice(0, 15)) : Number.NaN);

/** Splits changes into those the merge may take now and those held for being from the future. */
export function holdFuture(changes: readonly ChangeRecord[], wallNow: number, toleranceMs = MAX_CLOCK_AHEAD_MS): { now: ChangeRecord[]; held: HeldChange[] } {
  const limit = wallNow + toleranceMs;
  const now: ChangeRecord[] = [];
  const held: HeldChange[] = [];
  for (const c of changes) {
    const wall = wallOf(c?.hlc);
    if (wall > limit) held.push({ change: c, aheadMs: wall - wallNow });
    else now.push(c);
  }
  return { now, held };
}

/** Per device: how many of its changes are held and the furthest one's lead. */
export function driftByDevice(held: readonly HeldChange[]): DeviceDrift[] {
  const by = new Map<string, DeviceDrift>();
  for (const h of held) {
    const device = typeof h.change.device === 'string' ? h.change.device : '?';
    const d = by.get(device);
    if (d) {
      d.count++;
      d.aheadMs = Math.max(d.aheadMs, h.aheadMs);
    } else by.set(device, { device, count: 1, aheadMs: h.aheadMs });
  }
  return [...by.values()].sort((a, b) => b.aheadMs - a.aheadMs);
}

/**
 * The devices whose marks a receiver must not raise past what it really took: it holds none of their
 * quarantined changes in its log, and its `seen` vector must claim only whole prefixes (seen.ts).
 */
export function heldDevices(held: readonly HeldChange[]): Set<string> {
  return new Set(held.map((h) => h.change.device));
}

/**
 * This device's vector after a file, minus what it holds in quarantine: a device whose change was held
 * keeps its earlier mark, so `seen` claims only whole prefixes of what is really in the log (seen.ts)
 * and no peer is told this device has the held changes.
 */
export function capSeenForHeld(before: Readonly<SeenVector>, after: SeenVector, held: readonly HeldChange[]): SeenVector {
  for (const device of heldDevices(held)) {
    const mark = before[device];
    if (mark === undefined) delete after[device];
    else after[device] = mark;
  }
  return after;
}

/**
 * What a received file says about this device's clock: the sender's wall clock when it made the file
 * (its header's createdAt) minus ours when it arrived. Kept per peer, the latest only.
 */
export type ClockObservation = { device: string; offsetMs: number; via: 'file' | 'hub' };

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * How far this device's own clock seems off compared with its peers: positive when it runs ahead,
 * negative when behind, null when nothing can be said. Needs `minPeers` peers, so that one peer with a
 * wrong clock does not accuse this one. A file cannot be made in the future, so peers' files that
 * look made later than now mean this clock is behind; a file may lie on a USB stick for a day, so only
 * the hub's files (seconds old) can show this clock ahead.
 */
export function ownClockOffset(observations: readonly ClockObservation[], minPeers = 2, toleranceMs = MAX_CLOCK_AHEAD_MS): number | null {
  const all = observations.map((o) => o.offsetMs);
  if (all.length >= minPeers && median(all) > toleranceMs) return -median(all);
  const hub = observations.filter((o) => o.via === 'hub').map((o) => o.offsetMs);
  if (hub.length >= minPeers && median(hub) < -toleranceMs) return -median(hub);
  return null;
}

/**
 * A human lead as a Said: «31 689 лет», «3 ч 20 мин», «12 мин» (`fileExchange:drift`).
 */
export function formatDrift(ms: number): Said {
  const abs = Math.abs(ms);
  const minutes = Math.round(abs / 60_000);
  if (minutes < 60) return said('fileExchange:drift.minutes', { m: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return said('fileExchange:drift.hours', { h: hours, m: minutes % 60 });
  const days = Math.floor(hours / 24);
  if (days < 730) return said('fileExchange:drift.days', { n: days });
  return said('fileExchange:drift.years', { count: Math.floor(days / 365.25) });
}
