import type { CheckinEntry } from './types';

export type Arrival = {
  arrived: boolean;
  /** The arrival in force: when, at which device, by which operator. */
  at?: string;
  device?: string;
  operator?: string;
  /** How many 'arrive' entries are in force (more than one: two desks checked the same person in). */
  arrivals: number;
};

/**
 * Derives a registration's arrival from its check-in log entries (any order, any duplicates).
 * An 'annul' cancels every arrival stamped before it; a later 'arrive' counts again. The earliest
 * arrival still in force is the one shown.
 */
export function deriveArrival(entries: readonly CheckinEntry[]): Arrival {
  const seen = new Set<string>();
  const ordered = entries
    .filter((e) => (e.kind === 'arrive' || e.kind === 'annul') && !seen.has(e.id) && seen.add(e.id))
    .sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
  let inForce: CheckinEntry[] = [];
  for (const e of ordered) {
    if (e.kind === 'annul') inForce = [];
    else inForce.push(e);
  }
  const first = inForce[0];
  return first
    ? { arrived: true, at: first.at, device: first.device, operator: first.operator, arrivals: inForce.length }
    : { arrived: false, arrivals: 0 };
}

/** Arrival per registration id, for a whole event's log at once. */
export function deriveArrivals(entries: readonly CheckinEntry[]): Map<string, Arrival> {
  const byReg = new Map<string, CheckinEntry[]>();
  for (const e of entries) {
    const list = byReg.get(e.registrationId);
    if (list) list.push(e);
    else byReg.set(e.registrationId, [e]);
  }
  const out = new Map<string, Arrival>();
  for (const [id, list] of byReg) out.set(id, deriveArrival(list));
  return out;
}

/**
 * Which section a person is in now, from 'section-enter' / 'section-leave' entries. Entering a section
 * implicitly leaves the previous one, so the latest enter wins unless a leave of that section follows.
 */
export function deriveSectionPresence(entries: readonly CheckinEntry[]): string | undefined {
  let current: string | undefined;
  const ordered = [...entries].filter((e) => e.kind === 'section-enter' || e.kind === 'section-leave').sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
  for (const e of ordered) {
    if (e.kind === 'section-enter') current = e.sectionId;
    else if (e.sectionId === current) current = undefined;
  }
  return current;
}
