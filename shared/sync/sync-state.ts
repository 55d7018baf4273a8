/**
 * The merge's state (merge.ts): table → row id → the row's winning field values, their stamps and
 * its newest tombstone, and what a caller reads back from it.
 *
 * The form is flat on purpose: a merge of 20 files × 10,000 changes keeps ~140,000 rows, and an object
 * per field made the garbage collector the merge's largest cost. A row is its values and its stamps,
 * and a row written by one change (every check-in, most people) keeps that change's stamp once for
 * all its fields: two objects however many fields it has. Two levels of maps, because the lookup of a
 * change's row then hashes the table and the row id the change already carries instead of building
 * a `table|rowId` string per change.
 */

export type RowState = {
  /**
   * Every field's winning value; `null`: the field was removed. Its keys are the row's fields. A row
   * one change wrote may hold that change's own `fields` object here (not a copy: `call` is then 0).
   */
  values: Record<string, unknown>;
  /**
   * The packed stamp of each field's winning write, by field (the same keys as `values`); or one
   * stamp, every field's. Read it through stampAt / stampsOf / firstStamp.
   */
  stamps: Record<string, string> | string;
  /** The stamp of the newest delete. */
  deleted?: string;
  /**
   * The merge call that made this object: only that call changes it in place (copy on write), so
   * states sharing rows with it (earlier applyChanges results) stay as they were; 0: no call may (its
   * values are a change's fields). Not data.
   */
  readonly call: number;
};
/** Table → row id → row. Change it only through merge.ts's mergeInto and applyChanges (checkin-conflicts.ts keeps an index). */
export type SyncState = Map<string, Map<string, RowState>>;

/** The row of `table` / `rowId` in `state`, if it has one. */
export function rowIn(state: SyncState, table: string, rowId: string): RowState | undefined {
  return state.get(table)?.get(rowId);
}

/** The rows of `table`, made on first use. */
export function tableIn(state: SyncState, table: string): Map<string, RowState> {
  let rows = state.get(table);
  if (!rows) state.set(table, (rows = new Map()));
  return rows;
}

/** How many rows the state holds, tombstones included. */
export function rowCount(state: SyncState): number {
  let n = 0;
  for (const rows of state.values()) n += rows.size;
  return n;
}

/** A copy of the maps; the rows are shared (they are never changed after the call that made them). */
export function copyState(state: SyncState): SyncState {
  const next: SyncState = new Map();
  for (const [table, rows] of state) next.set(table, new Map(rows));
  return next;
}

/** A field's stamp, never something inherited: a field named "constructor" must not find Object's. */
export function stampAt(row: RowState, field: string): string | undefined {
  const stamps = row.stamps;
  if (typeof stamps === 'string') return Object.hasOwn(row.values, field) ? stamps : undefined;
  return Object.hasOwn(stamps, field) ? stamps[field] : undefined;
}

/** Field → stamp, whichever form the row keeps (a new object for a row with one stamp). */
export function stampsOf(row: RowState): Record<string, string> {
  const stamps = row.stamps;
  if (typeof stamps !== 'string') return stamps;
  const out: Record<string, string> = {};
  for (const f in row.values) out[f] = stamps;
  return out;
}

/** The stamp of the row's first field (undefined: a row without fields). */
export function firstStamp(row: RowState): string | undefined {
  const stamps = row.stamps;
  if (typeof stamps === 'string') {
    for (const _ in row.values) return stamps;
    return undefined;
  }
  for (const f in stamps) return stamps[f];
  return undefined;
}

/** The device id inside a packed stamp ("<15 digits>-<5 hex>-<device>", hlc.ts). */
export const stampDevice = (hlc: string): string => hlc.slice(22);

/** True if the row shows: no delete, or some field written after the newest delete (rule 2 of merge.ts). */
export function isVisible(row: RowState): boolean {
  const tomb = row.deleted;
  if (tomb === undefined) return true;
  const stamps = row.stamps;
  if (typeof stamps === 'string') return stamps > tomb && firstStamp(row) !== undefined;
  for (const f in stamps) if (stamps[f]! > tomb) return true;
  return false;
}

/** The row as the app stores it: every field's winning value, removed (`null`) fields left out. */
export function rowOf(row: RowState): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const values = row.values;
  for (const f in values) {
    const v = values[f];
    if (v !== null && v !== undefined) out[f] = v;
  }
  return out;
}

/** Every field's winning value, `null` kept (it means «removed» and must clear a stored field). */
export function valuesOf(row: RowState): Record<string, unknown> {
  return { ...row.values };
}

/** Table → row id → row, for the visible rows. */
export function materialize(state: SyncState): Map<string, Map<string, Record<string, unknown>>> {
  const out = new Map<string, Map<string, Record<string, unknown>>>();
  for (const [table, rows] of state) {
    let shown: Map<string, Record<string, unknown>> | undefined;
    for (const [rowId, row] of rows) {
      if (!isVisible(row)) continue;
      if (!shown) out.set(table, (shown = new Map()));
      shown.set(rowId, rowOf(row));
    }
  }
  return out;
}
