/** A warning for the import preview when a file's newest stamp is ahead of this device's clock. */
import type { ChangeRecord } from './change';
import { unpackHlc } from './hlc';

/** How far a clock may run ahead before the import screen says so. Beyond it: a warning, never a refusal. */
export const DRIFT_TOLERANCE_MS = 5 * 60_000;

export type DriftWarning = { device: string; newest: string; aheadMs: number };

/**
 * Warns when a file's newest stamp is ahead of this device's clock by more than the tolerance. Such a
 * device would win every field for as long as its clock is ahead; the merge stays correct (the
 * receiver's clock moves past the stamp), but the organizer should fix that device's clock.
 */
export function clockDrift(changes: readonly ChangeRecord[], now: number, toleranceMs = DRIFT_TOLERANCE_MS): DriftWarning | null {
  let newest: string | undefined;
  for (const c of changes) if (newest === undefined || c.hlc > newest) newest = c.hlc;
  if (newest === undefined) return null;
  let stamp;
  try {
    stamp = unpackHlc(newest);
  } catch {
    return null; // malformed stamps are refused by applyChanges; nothing to say about drift
  }
  const aheadMs = stamp.wall - now;
  return aheadMs > toleranceMs ? { device: stamp.device, newest, aheadMs } : null;
}
