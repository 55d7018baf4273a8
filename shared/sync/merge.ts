/**
 * State-based merge of change logs: what a device does with the changes in an exchange file.
 *
 * The state keeps, per row, the winning write of every field with its stamp, and the newest delete
 * (its form, flat for the garbage collector's sake, is sync-state.ts's).
 * Every rule below takes a maximum (by stamp) or is a pure function of one change, so applying the
 * same changes in any order, in any batches, any number of times gives the same state — the property
 * tests (tests/unit/shared/sync/merge.property.test.ts) check exactly this.
 *
 * Rules:
 * 1. Last writer wins per field, by the whole packed stamp (it ends with the device id, so two writes
 *    never tie). Two desks editing different fields of one person both keep their edit.
 * 2. A delete is a tombstone with its own stamp. A row is visible while some field write is newer
 *    than its newest delete. A put older than the tombstone is recorded but the row stays hidden.
 *    A newer put resurrects the row WHOLE, with every field's last value, including writes older than
 *    the delete. Why: a newer put after a delete almost always comes from a device that edited the row
 *    without having seen the delete; bringing back only the edited field would make a row with no
 *    name, and the promise is to lose nothing. Consequence for the database layer: re-creating
 *    a deleted id on purpose must write `null` for the old row's fields (diff against the last known
 *    row), or they come back.
 * 3. Append-only tables (check-ins) are write-once: the entry for an id is the put with the smallest
 *    stamp, every other put to that id is refused, and deletes are refused (an arrival is cancelled by
 *    an 'annul' entry, never by deleting one). An entry that names a `device` other than the change's
 *    device is refused: no device writes in another's name. Ids are random nonces, so two different
 *    puts for one id mean a bug or a forgery; "smallest stamp" only makes every device agree on it.
 * 4. Role: a change is refused if its author's role may not change its table, or writes a field only
 *    the organizer may write (the organizer PIN on events) — shared/trust/rules.ts, the same law the
 *    repositories apply to local writes. The author's role comes from `roleOf`: for exchange files,
 *    the role the organizer enrolled the author with, proven by the author's signed batch
 *    (shared/trust/batches.ts); `senderRole` is a fallback for callers without enrolments (tests).
 *
 * 5. Values: a change whose fields break its table's schema or the limits (schemas.ts: depth, string
 *    length, list sizes, total size) is refused as `invalid` before anything else reads them.
 * 6. One stamp, two writes (two installs with one device id): one value is kept by content, the same
 *    on every device, and whichever change comes second is reported as refused `same-stamp`: the log
 *    holds one change per stamp (lost-edits.ts).
 * Stamps from the far future never get here: the caller holds them in quarantine (quarantine.ts).
 *
 * Conflicts are observations for the review screen, not part of the state: they depend on what this
 * device saw and when, and are never needed for convergence. Besides field clashes and double check-ins
 * they name edits hidden by a concurrent delete (lost-edits.ts) and annuls that missed another desk's
 * arrival (checkin-conflicts.ts).
 */
import type { DeviceRole } from '../domain/types';
import type { ChangeRecord } from './change';
import { sameValue } from './diff';
import { sameDevice, stampOf } from './stamp-form';
import { syncWriteRefusal, type WriteRefusal } from '../trust/rules';
import type { Knowledge } from './seen';
import { addToCheckinIndex, buildCheckinIndex, CHECKINS, checkinIndex, deviceOf, doubleCheckins, forgetCheckinDevices, keepCheckinIndex, shareCheckinIndex, type AnnulConflict, type DoubleCheckin } from './checkin-conflicts';
import { fieldsProblem } from './schemas';
import { createLostEdits, sameStampWinner } from './lost-edits';
import { copyState, firstStamp, isVisible, rowIn, stampAt, stampDevice, stampsOf, tableIn, type RowState, type SyncState } from './sync-state';

export type { AnnulConflict, DoubleCheckin } from './checkin-conflicts';
export type { DeleteEditConflict } from './lost-edits';
import type { DeleteEditConflict } from './lost-edits';
export { isVisible, materialize, rowCount, rowIn, rowOf, stampAt, stampDevice, valuesOf, type RowState, type SyncState } from './sync-state';

/**
 * Write-once tables. `scores` is NOT here although jurors' sheets are "owned": a sheet is one row per
 * (juror, application) whose `version` rises with every autosave, and the organizer writes it when it
 * merges a score file — it needs the highest-version rule of shared/contest/scores.ts, not write-once.
 */
export const APPEND_ONLY_TABLES: ReadonlySet<string> = new Set([CHECKINS]);

export type MergeRules = {
  /** The role of a device this one knows (paired, or seen in earlier files). */
  roleOf?: (deviceId: string) => DeviceRole | undefined;
  /** The role the file's sender declares; judges changes whose origin `roleOf` does not know. */
  senderRole?: DeviceRole;
  /** Defaults to APPEND_ONLY_TABLES. */
  appendOnly?: ReadonlySet<string>;
  /**
   * What each device is known to have seen (seen.ts `Knowledge`): this device's own vector before the
   * merge, what it learned earlier, and the file's `seen` and `known`. Used only to tell a concurrent
   * edit from a later edit made with the earlier one in view; without it every cross-device overwrite
   * of a field with a different value is reported. Knowledge is gathered after the fact, so it can
   * credit a device with having seen a value it learned only after its own edit: that clash is then
   * not reported here — but it was reported on that device, when the value reached it.
   */
  seen?: Readonly<Knowledge>;
  /**
   * True for a change this device already holds (its log has the stamp). Such a change was merged
   * before: it is still applied by the stamp rules (harmless), but its conflicts are not reported
   * again, so importing a file twice does not double the review screen. A predicate rather than a
   * seen vector: a file imported out of turn leaves gaps that a vector cannot describe.
   */
  holds?: (change: ChangeRecord) => boolean;
};

/** Both sides of a concurrent edit of one field; `winner` is what the state holds now. */
export type FieldConflict = {
  kind: 'field';
  table: string;
  rowId: string;
  field: string;
  winner: { value: unknown; hlc: string; device: string };
  loser: { value: unknown; hlc: string; device: string };
};
export type SyncConflict = FieldConflict | DoubleCheckin | DeleteEditConflict | AnnulConflict;

/**
 * `invalid`: a value breaks its table's schema or the limits (schemas.ts; `detail` says which);
 * `same-stamp`: another change with this very stamp exists — two installs writing under one device id;
 * `own-id`: a change under the receiver's own id that it never issued (renderer/db/repo/incoming.ts).
 */
export type RefusalReason = 'malformed' | WriteRefusal | 'append-only' | 'not-owner' | 'invalid' | 'same-stamp' | 'own-id';
export type Refusal = { change: ChangeRecord; reason: RefusalReason; detail?: string };

export type MergeReport = {
  /** Changes that altered the state (in input order). Keep every change not refused in the log, applied or not. */
  applied: ChangeRecord[];
  refused: Refusal[];
  conflicts: SyncConflict[];
};
export type MergeResult = MergeReport & {
  /** A new map (the input is not modified); rows not touched are shared with the input. */
  state: SyncState;
};

/** A row's key in one string, for callers that keep sets of rows (renderer/db/repo/exchange.ts); the state itself is two maps. */
export const rowKey = (table: string, rowId: string): string => `${table}|${rowId}`;

/**
 * Pure: returns a new state and leaves `state` as it was. Copying the maps costs O(rows) — about
 * 0.1 s per 100,000 rows — so a caller merging file after file into one big state uses mergeInto.
 */
export function applyChanges(state: SyncState, changes: readonly ChangeRecord[], rules: MergeRules = {}): MergeResult {
  const next = copyState(state);
  shareCheckinIndex(state, next);
  return { state: next, ...mergeInto(next, changes, rules) };
}

/** Numbers the merge calls: a row object belongs to the call that made it (RowState.call). */
let calls = 0;

/**
 * Merges into `state` itself (the maps change; row objects made by earlier calls are never modified
 * in place, so states that share rows with this one — earlier applyChanges results — stay as they
 * were). For a state the caller owns: the working set of an import, the bench. Modify a SyncState
 * only through these two functions: a cached check-in index relies on it. The state may keep the
 * changes' `fields` objects as rows (entryOf): a change, once merged, is not to be modified — like
 * every change record, it is a fact of the log.
 */
export function mergeInto(state: SyncState, changes: readonly ChangeRecord[], rules: MergeRules = {}): MergeReport {
  const call = ++calls;
  // Rows are copied on their first write in this call: a row object may be shared with other states.
  const writable = (table: string, rowId: string, cur: RowState): RowState => {
    if (cur.call === call) return cur;
    const stamps = cur.stamps;
    const row: RowState = { values: { ...cur.values }, stamps: typeof stamps === 'string' ? stamps : { ...stamps }, deleted: cur.deleted, call };
    tableIn(state, table).set(rowId, row);
    return row;
  };
  let index = checkinIndex(state);
  const appendOnly = rules.appendOnly ?? APPEND_ONLY_TABLES;
  const applied: ChangeRecord[] = [];
  const refused: Refusal[] = [];
  const fieldConflicts = new Map<string, FieldConflict>();
  const arrivalsTouched = new Set<string>();
  const lost = createLostEdits();
  const roleOf = roleCache(rules);

  const knew = (device: string, stamp: string): boolean => {
    const mark = rules.seen?.[device]?.[stampDevice(stamp)];
    return mark !== undefined && mark >= stamp;
  };
  // `holds` is asked only where a conflict could be reported, after the cheap tests (append-only
  // entries never need it): a predicate on a set of 100,000s of stamps is not free. Once per change.
  let repeatOf: ChangeRecord | undefined;
  let repeatIs = false;
  const repeatFor = (c: ChangeRecord): boolean => {
    if (repeatOf !== c) {
      repeatOf = c;
      repeatIs = rules.holds?.(c) ?? false;
    }
    return repeatIs;
  };
  /**
   * `oldValue`/`oldHlc` are the field's state, `value` and `hlc` the incoming write (no object built
   * per field), by another device than the old write's (the caller checks: a device's own writes are
   * sequential, no clash).
   */
  const noteConflict = (c: ChangeRecord, field: string, oldValue: unknown, oldHlc: string, value: unknown, hlc: string) => {
    const oldWins = oldHlc > hlc;
    const winHlc = oldWins ? oldHlc : hlc;
    const loseHlc = oldWins ? hlc : oldHlc;
    const winValue = oldWins ? oldValue : value;
    const loseValue = oldWins ? value : oldValue;
    const winDevice = stampDevice(winHlc);
    // Equal values: nothing to choose. Winner saw the loser: a deliberate correction, not a clash.
    if (sameValue(winValue, loseValue) || repeatFor(c) || knew(winDevice, loseHlc)) return;
    fieldConflicts.set(`${c.table}|${c.rowId}\u0000${field}`, {
      kind: 'field',
      table: c.table,
      rowId: c.rowId,
      field,
      winner: { value: winValue, hlc: winHlc, device: winDevice },
      loser: { value: loseValue, hlc: loseHlc, device: stampDevice(loseHlc) },
    });
  };

  for (const c of changes) {
    const bad = checkChange(c, roleOf);
    if (bad) {
      refused.push({ change: c, reason: bad });
      continue;
    }
    const invalid = fieldsProblem(c.table, c.fields);
    if (invalid) {
      refused.push({ change: c, reason: 'invalid', detail: invalid.message });
      continue;
    }
    const cur = rowIn(state, c.table, c.rowId);

    if (appendOnly.has(c.table)) {
      const verdict = applyAppendOnly(c, cur, call);
      if (verdict.refuse) refused.push({ change: verdict.refuse.change, reason: verdict.refuse.reason });
      if (verdict.entry) {
        // A whole new row: entries are never edited, so there is nothing to copy from `cur`.
        tableIn(state, c.table).set(c.rowId, verdict.entry);
        applied.push(c);
        if (c.table === CHECKINS) {
          const was = cur?.values.registrationId;
          if (typeof was === 'string') arrivalsTouched.add(was);
          const reg = verdict.entry.values.registrationId;
          if (typeof reg === 'string') {
            arrivalsTouched.add(reg);
            if (index) addToCheckinIndex(index, reg, c.rowId, deviceOf(verdict.entry));
          }
        }
      }
      continue;
    }
    // check-ins told not to be append-only: their rows may change device, the index's devices no longer say
    if (index && c.table === CHECKINS) forgetCheckinDevices(index);

    if (c.op === 'delete') {
      if (cur?.deleted !== undefined && cur.deleted >= c.hlc) continue;
      if (cur) lost.deleteOver(c, cur, knew, repeatFor);
      if (cur) writable(c.table, c.rowId, cur).deleted = c.hlc;
      else tableIn(state, c.table).set(c.rowId, { values: {}, stamps: {}, deleted: c.hlc, call });
      applied.push(c);
      continue;
    }
    if (!cur) {
      // A row seen for the first time: every field is written, with the change's one stamp.
      if (hasFields(c.fields)) {
        tableIn(state, c.table).set(c.rowId, entryOf(c, call));
        applied.push(c);
      }
      continue;
    }

    let row: RowState | undefined;
    let collided = false;
    let lastOld: string | undefined;
    let otherDevice = false;
    const fields = c.fields;
    const hlc = c.hlc;
    for (const field in fields) {
      const value = fields[field] ?? null;
      const old = stampAt(cur, field);
      if (old !== undefined) {
        if (old === hlc) {
          // the same write seen again — or another write under the same stamp (one id, two installs)
          const winner = sameStampWinner(cur.values[field], value);
          if (winner === 'same') continue;
          collided = true;
          if (winner === 'held') continue;
        } else {
          // Same device: its writes are sequential, no clash. A row's fields mostly share one stamp: one test per stamp.
          if (old !== lastOld) {
            lastOld = old;
            otherDevice = !sameDevice(old, hlc);
          }
          if (otherDevice) noteConflict(c, field, cur.values[field], old, value, hlc);
          if (old > hlc) continue;
        }
      }
      row ??= writable(c.table, c.rowId, cur);
      let stamps = row.stamps;
      // a row kept with one stamp stays so while its writes carry that stamp (the same change again)
      if (typeof stamps === 'string' && stamps !== hlc) row.stamps = stamps = stampsOf(row);
      row.values[field] = value;
      if (typeof stamps !== 'string') stamps[field] = hlc;
    }
    if (collided) refused.push({ change: c, reason: 'same-stamp' });
    // editUnder reports only a put older than the tombstone: that test first, the predicate after
    if (cur.deleted !== undefined && cur.deleted > hlc && !repeatFor(c)) lost.editUnder(c, cur.deleted, knew);
    if (row) applied.push(c);
  }

  const conflicts: SyncConflict[] = lost.report(state);
  for (const conflict of fieldConflicts.values()) {
    // A later write in the same batch may have replaced the winner: report what the state holds now.
    // A row left hidden by a delete shows no field clash: the delete-vs-edit report covers it.
    const row = rowIn(state, conflict.table, conflict.rowId);
    const now = row && isVisible(row) ? stampAt(row, conflict.field) : undefined;
    if (now === undefined) continue;
    const device = stampDevice(now);
    if (device === conflict.loser.device) continue;
    conflicts.push({ ...conflict, winner: { value: row!.values[conflict.field], hlc: now, device } });
  }
  if (arrivalsTouched.size > 0) {
    index ??= buildCheckinIndex(state);
    conflicts.push(...doubleCheckins(state, arrivalsTouched, index));
  }
  if (index) keepCheckinIndex(state, index);
  return { applied, refused, conflicts };
}

/**
 * `rules.roleOf` (else `senderRole`) asked once per run of changes by one author: a file's changes
 * come mostly from its sender, and the roles are fixed for the call.
 */
function roleCache(rules: MergeRules): (device: string) => DeviceRole | undefined {
  let lastDevice: string | undefined;
  let lastRole: DeviceRole | undefined;
  return (device) => {
    if (device !== lastDevice) {
      lastDevice = device;
      lastRole = rules.roleOf?.(device) ?? rules.senderRole;
    }
    return lastRole;
  };
}

function checkChange(c: ChangeRecord, roleOf: (device: string) => DeviceRole | undefined): RefusalReason | null {
  if (
    typeof c !== 'object' || c === null ||
    typeof c.table !== 'string' || c.table === '' || c.table.includes('|') ||
    typeof c.rowId !== 'string' || c.rowId === '' ||
    typeof c.device !== 'string' ||
    (c.op !== 'put' && c.op !== 'delete') ||
    typeof c.fields !== 'object' || c.fields === null || Array.isArray(c.fields) ||
    Object.hasOwn(c.fields, '__proto__') // no row has it; assigning it would replace an object's prototype
  ) {
    return 'malformed';
  }
  // The stamp's device is who wrote it; a record claiming another device is forged or broken.
  if (typeof c.hlc !== 'string' || !stampOf(c.hlc, c.device)) return 'malformed';
  // the one write law (shared/trust/rules.ts), against the AUTHOR's role: exchange.ts passes the
  // roles enrolled by the organizer for the authors of verified batches (shared/trust/batches.ts)
  const role = roleOf(c.device);
  return role === undefined ? null : syncWriteRefusal(role, c.table, c.fields);
}

type AppendVerdict = { entry?: RowState; refuse?: Refusal };

/** Rule 3 of the file comment. Returns the new row to store, and/or the change to report as refused. */
function applyAppendOnly(c: ChangeRecord, cur: RowState | undefined, call: number): AppendVerdict {
  if (c.op === 'delete') return { refuse: { change: c, reason: 'append-only' } };
  const named = c.fields.device;
  if (named !== undefined && named !== c.device) return { refuse: { change: c, reason: 'not-owner' } };
  const stamp = cur ? firstStamp(cur) : undefined;
  if (stamp === undefined) return { entry: entryOf(c, call) };
  if (stamp === c.hlc) return {}; // the same entry again: idempotent, nothing to report
  const owner = stampDevice(stamp);
  if (c.hlc > stamp) return { refuse: { change: c, reason: c.device === owner ? 'append-only' : 'not-owner' } };
  // An earlier put for an id already taken: the earliest wins everywhere, so it replaces the one held.
  const dropped: ChangeRecord = { hlc: stamp, device: owner, table: c.table, rowId: c.rowId, op: 'put', fields: { ...cur!.values } };
  return { entry: entryOf(c, call), refuse: { change: dropped, reason: c.device === owner ? 'append-only' : 'not-owner' } };
}

/**
 * A row made by one change: its fields, all under the change's stamp. The change's own fields object
 * when it can be (most rows: nothing to copy or collect), so that row is never changed in place
 * (`call` 0: a later write copies it); a copy when a field is `undefined`, which means `null` (removed).
 */
function entryOf(c: ChangeRecord, call: number): RowState {
  const fields = c.fields;
  for (const f in fields) {
    if (fields[f] !== undefined) continue;
    const values: Record<string, unknown> = { ...fields };
    for (const g in values) if (values[g] === undefined) values[g] = null;
    return { values, stamps: c.hlc, deleted: undefined, call };
  }
  return { values: fields, stamps: c.hlc, deleted: undefined, call: 0 };
}

function hasFields(fields: Record<string, unknown>): boolean {
  for (const _ in fields) return true;
  return false;
}
