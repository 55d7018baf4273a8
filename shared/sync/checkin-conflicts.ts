/**
 * "The same person checked in at two desks": two 'arrive' entries in force for one registration,
 * written by different devices. Both entries are kept (the log is append-only and either desk may be
 * right about the time); the review screen shows them as one arrival with a note.
 *
 * "In force" follows shared/domain/arrival.ts: an annul cancels the arrivals it names (or, written
 * before annuls named them, every arrival before it). One desk that checks a person in twice is not
 * reported here: the desk itself warns the operator at the second scan.
 *
 * "Checked in at desk A, cancelled at desk B" (AnnulConflict): B annulled the arrivals it knew of while
 * an arrival from A, stamped before the annul, was not among them — B had not seen it. The person stays
 * arrived (A saw them), and the review asks whether that is right.
 */
import { arrivalsInForce } from '../domain/arrival';
import { firstStamp, type RowState, type SyncState } from './sync-state';

export const CHECKINS = 'checkins';

export type DoubleCheckin = {
  kind: 'double-checkin';
  registrationId: string;
  /** The arrivals in force, oldest first. */
  entries: { id: string; device: string; hlc: string; operator?: string; at?: string }[];
};

type Entry = DoubleCheckin['entries'][number] & { kind: unknown; cancels?: string[]; reason?: string };

export type AnnulConflict = {
  kind: 'annul-vs-checkin';
  registrationId: string;
  /** The annul, from desk B: what it cancelled and why. */
  annul: DoubleCheckin['entries'][number] & { reason?: string; cancels: string[] };
  /** The arrivals still in force that it did not name (from desk A), oldest first. */
  arrivals: DoubleCheckin['entries'];
};

const strip = ({ kind: _kind, cancels: _cancels, reason: _reason, ...e }: Entry): DoubleCheckin['entries'][number] => e;

/**
 * Registration id → ids of its check-in rows, so a merge looks at the few entries of the people it
 * touched instead of scanning every check-in of the event after each file. Kept per state in a
 * WeakMap. It may list more ids than a state holds (states derived by applyChanges share one index,
 * and entries are only ever added), so every lookup is checked against the state; the number of
 * check-in rows is recorded to notice a map changed behind the merge's back, which drops the index.
 */
export type CheckinIndex = {
  regs: Map<string, IndexSlot>;
  /**
   * False once a check-in row was written other than as an append-only entry (a merge told that
   * check-ins are not append-only): rows may then change device, and every slot's `device` is ignored.
   */
  devicesHold: boolean;
};
type IndexSlot = {
  /**
   * The row ids, no id twice. Most registrations have one entry, held as the id itself; a few, in an
   * array (a set costs several times more to make, and the merge makes one per person checked in twice);
   * a set from FEW on, so a registration scanned at every desk all day stays cheap to add to.
   */
  keys: string | string[] | Set<string>;
  /**
   * The one device every entry ever indexed here came from; null once two devices met; undefined
   * while none had a device. Entries only ever join the index, so these devices are a superset of
   * those of the entries a state holds: a registration with one device here has no double check-in
   * and no annul of another desk's arrival, and the merge skips it without reading its rows.
   */
  device: string | null | undefined;
};
const FEW = 16;
const indexes = new WeakMap<SyncState, { index: CheckinIndex; size: number }>();

const checkinRows = (state: SyncState): number => state.get(CHECKINS)?.size ?? 0;

/** The index of `state`, if one was kept and its check-ins have not changed in number since. */
export function checkinIndex(state: SyncState): CheckinIndex | undefined {
  const kept = indexes.get(state);
  if (kept && kept.size === checkinRows(state)) return kept.index;
  indexes.delete(state);
  return undefined;
}

export function keepCheckinIndex(state: SyncState, index: CheckinIndex): void {
  indexes.set(state, { index, size: checkinRows(state) });
}

/** A copy of a map starts with the original's index (shared: see CheckinIndex). */
export function shareCheckinIndex(from: SyncState, to: SyncState): void {
  const index = checkinIndex(from);
  if (index) keepCheckinIndex(to, index);
}

/** `device`: the entry's device (deviceOf), undefined for a row that makes no entry. */
export function addToCheckinIndex(index: CheckinIndex, registrationId: string, rowId: string, device: string | undefined): void {
  const slot = index.regs.get(registrationId);
  if (slot === undefined) {
    index.regs.set(registrationId, { keys: rowId, device });
    return;
  }
  const keys = slot.keys;
  if (typeof keys === 'string') {
    if (keys !== rowId) slot.keys = [keys, rowId];
  } else if (!Array.isArray(keys)) keys.add(rowId);
  else if (!keys.includes(rowId)) {
    if (keys.length < FEW) keys.push(rowId);
    else slot.keys = new Set(keys).add(rowId);
  }
  if (device === undefined || slot.device === null) return;
  if (slot.device === undefined) slot.device = device;
  else if (slot.device !== device) slot.device = null;
}

/** A check-in row was written other than as a new append-only entry: stop trusting the slots' devices. */
export function forgetCheckinDevices(index: CheckinIndex): void {
  index.devicesHold = false;
}

/** One scan of the state, the first time a merge needs the index. */
export function buildCheckinIndex(state: SyncState): CheckinIndex {
  const index: CheckinIndex = { regs: new Map(), devicesHold: true };
  for (const [id, row] of state.get(CHECKINS) ?? []) {
    const reg = row.values.registrationId;
    if (typeof reg === 'string') addToCheckinIndex(index, reg, id, deviceOf(row));
  }
  return index;
}

/** Double check-ins, and annuls that missed an arrival, among `registrationIds` in `state`. */
export function doubleCheckins(state: SyncState, registrationIds: ReadonlySet<string>, index: CheckinIndex): (DoubleCheckin | AnnulConflict)[] {
  const out: (DoubleCheckin | AnnulConflict)[] = [];
  const checkins = state.get(CHECKINS);
  if (!checkins) return out;
  for (const registrationId of registrationIds) {
    const slot = index.regs.get(registrationId);
    // Most people have one entry, or entries from one desk: nothing to compare, nothing to read.
    if (slot === undefined || typeof slot.keys === 'string') continue;
    if (index.devicesHold && typeof slot.device === 'string') continue;
    const keys = slot.keys;
    // First the rows and their devices only: entries are built only where two devices meet.
    let rows: RowState[] | undefined;
    let rowIds: string[] | undefined;
    let firstDevice: string | undefined;
    let devices = 0;
    for (const id of keys) {
      const row = checkins.get(id);
      if (!row || row.values.registrationId !== registrationId) continue;
      const device = deviceOf(row);
      if (device === undefined) continue; // no fields: toEntry makes no entry of it
      if (firstDevice === undefined) firstDevice = device;
      else if (devices < 2 && device !== firstDevice) devices = 2;
      (rows ??= []).push(row);
      (rowIds ??= []).push(id);
    }
    if (devices < 2 || !rows || !rowIds) continue;
    const entries: Entry[] = [];
    for (let i = 0; i < rows.length; i++) entries.push(toEntry(rowIds[i]!, rows[i]!)!);
    const inForce = arrivalsInForce(entries);
    if (new Set(inForce.map((e) => e.device)).size >= 2) out.push({ kind: 'double-checkin', registrationId, entries: inForce.map(strip) });
    for (const annul of entries) {
      if (annul.kind !== 'annul' || !annul.cancels) continue;
      const missed = inForce.filter((a) => a.device !== annul.device && a.hlc < annul.hlc && !annul.cancels!.includes(a.id));
      if (missed.length === 0) continue;
      out.push({ kind: 'annul-vs-checkin', registrationId, annul: { ...strip(annul), cancels: annul.cancels, ...(annul.reason ? { reason: annul.reason } : {}) }, arrivals: missed.map(strip) });
    }
  }
  return out;
}

/** The device toEntry gives the row's entry (undefined: a row without fields, which has no entry). */
export function deviceOf(row: RowState): string | undefined {
  const device = row.values.device;
  if (typeof device === 'string') return device;
  return firstStamp(row)?.slice(22);
}

function toEntry(id: string, row: RowState): Entry | null {
  const f = row.values;
  const first = firstStamp(row);
  if (first === undefined) return null;
  // The entry's own stamp orders it (as in arrival.ts); the change's stamp stands in if it has none.
  const hlc = f.hlc;
  const device = f.device;
  const entry: Entry = { id, device: typeof device === 'string' ? device : first.slice(22), hlc: typeof hlc === 'string' ? hlc : first, kind: f.kind };
  const operator = f.operator;
  const at = f.at;
  const cancels = f.cancels;
  const reason = f.reason;
  if (Array.isArray(cancels)) entry.cancels = cancels.filter((x): x is string => typeof x === 'string');
  if (typeof reason === 'string') entry.reason = reason;
  if (typeof operator === 'string') entry.operator = operator;
  if (typeof at === 'string') entry.at = at;
  return entry;
}
