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

/** What arrival needs of an entry (the check-in log's rows, or the merge's view of them). */
export type ArrivalEntry = { id: string; kind: unknown; hlc: string; cancels?: readonly string[] | undefined };

/**
 * The 'arrive' entries in force among one registration's entries (any order, any duplicates), oldest
 * first. An annul that names what it cancels (`cancels`) cancels exactly those; an annul without the
 * list (written before it existed) cancels every arrival stamped before it. Pure function of the set
 * of entries, so every device that holds the same entries derives the same arrival.
 */
export function arrivalsInForce<E extends ArrivalEntry>(entries: readonly E[]): E[] {
  // allocation-light: the merge runs this for every person a file touches (merge.bench.ts)
  let cancelled: Set<string> | undefined;
  let legacyAnnul = '';
  const arrives: E[] = [];
  for (const e of entries) {
    if (e.kind === 'arrive') arrives.push(e);
    else if (e.kind === 'annul') {
      if (Array.isArray(e.cancels)) for (const id of e.cancels) (cancelled ??= new Set()).add(id);
      else if (e.hlc > legacyAnnul) legacyAnnul = e.hlc;
    }
  }
  arrives.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out: E[] = [];
  for (const e of arrives) {
    // the same entry twice (duplicates sort next to each other) counts once
    if (e.hlc > legacyAnnul && !cancelled?.has(e.id) && out.at(-1)?.id !== e.id) out.push(e);
  }
  return out;
}

/**
 * Derives a registration's arrival from its check-in log entries: arrived while some 'arrive' entry is
 * in force (arrivalsInForce). The earliest arrival in force is the one shown.
 */
export function deriveArrival(entries: readonly CheckinEntry[]): Arrival {
  const inForce = arrivalsInForce(entries);
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
