/**
 * What a device has seen, as one stamp per origin device: the greatest change stamp it holds from
 * that device. Exports select "what the peer has not seen" with it, so the next file is small.
 *
 * INVARIANT: a device's vector claims only whole prefixes — if it says "up to s from device d", it
 * holds every change of d stamped ≤ s. One stamp per device is then enough, because each export sends
 * all of an origin's changes above the peer's mark. Two things would break it, and both happen with
 * USB sticks: a file built for one peer imported by another (whose holdings differ), and a mark for a
 * peer raised on sending (a file can be lost). So a mark for a peer comes only from that peer's own
 * files (`seen`, or relayed as `known`), and a device raises its own vector only through advanceSeen,
 * which refuses to jump over a gap; seenVector(log) is right only for a log known to hold whole
 * prefixes (a device's own writes, a full file).
 */
import type { ChangeRecord } from './change';

/** Origin device id → greatest stamp seen from it. */
export type SeenVector = Record<string, string>;

export function seenVector(log: Iterable<ChangeRecord>): SeenVector {
  const out: SeenVector = {};
  for (const c of log) {
    const cur = out[c.device];
    if (cur === undefined || c.hlc > cur) out[c.device] = c.hlc;
  }
  return out;
}

/** True if `seen` covers `change` (the peer holds it, or something later from the same device). */
export function hasSeen(seen: Readonly<SeenVector>, change: Pick<ChangeRecord, 'hlc' | 'device'>): boolean {
  const mark = seen[change.device];
  return mark !== undefined && change.hlc <= mark;
}

/** The changes of `log` a peer has not seen, in log order. An empty `peerSeen` selects everything. */
export function changesFor(log: readonly ChangeRecord[], peerSeen: Readonly<SeenVector>): ChangeRecord[] {
  return log.filter((c) => !hasSeen(peerSeen, c));
}

/**
 * This device's vector after importing a file. For each origin the file covers the sender's changes
 * above `since`; they join our prefix without a gap only if we already held everything up to `since`.
 * Then we hold the sender's whole prefix too, and our mark rises to the sender's `seen`. Otherwise (a
 * file built for someone else, or an old `since`) the changes are still merged and kept, but the mark
 * stays: the missing ones will come in a later file, and the peer is not told we have them.
 */
export function advanceSeen(own: Readonly<SeenVector>, file: { since?: Readonly<SeenVector>; seen: Readonly<SeenVector> }): SeenVector {
  const out: SeenVector = { ...own };
  for (const [device, mark] of Object.entries(file.seen)) {
    const from = file.since?.[device];
    const held = own[device];
    const joins = from === undefined || (held !== undefined && held >= from);
    if (joins && (held === undefined || mark > held)) out[device] = mark;
  }
  return out;
}

/**
 * Pointwise maximum: what a peer has seen, remembered across its files. Files may arrive out of order
 * (an old USB stick after a new one); the maximum keeps the newer knowledge.
 */
export function mergeSeen(a: Readonly<SeenVector>, b: Readonly<SeenVector>): SeenVector {
  const out: SeenVector = { ...a };
  for (const [device, stamp] of Object.entries(b)) {
    const cur = out[device];
    if (cur === undefined || stamp > cur) out[device] = stamp;
  }
  return out;
}

/**
 * What this device knows each device had seen: device → seen vector, learned only from that device's
 * own files (their `seen`) and from other devices' files that relay it (their `known`). Every entry is
 * something the device really held, so it is safe both for choosing what to export to it and for
 * telling a correction (made with the earlier value in view) from a concurrent edit.
 */
export type Knowledge = Record<string, SeenVector>;

export function mergeKnowledge(...parts: readonly Readonly<Knowledge>[]): Knowledge {
  const out: Knowledge = {};
  for (const part of parts) {
    for (const [device, seen] of Object.entries(part)) out[device] = mergeSeen(out[device] ?? {}, seen);
  }
  return out;
}
