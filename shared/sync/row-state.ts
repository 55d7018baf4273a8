/**
 * The merged state of rows, as the merge (merge.ts) builds it and its observers read it (checkin-conflicts.ts,
 * lost-edits.ts): each field's winning value with its stamp, and a delete's stamp. In its own file so the
 * observers need not import the merge that calls them.
 */

export type FieldState = { value: unknown; hlc: string };
export type RowState = { fields: Record<string, FieldState>; deleted?: { hlc: string } };
/** Keyed by `rowKey(table, rowId)` (merge.ts). */
export type SyncState = Map<string, RowState>;
