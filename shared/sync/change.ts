/**
 * One entry of the change log. Every write to shared data records one, in the same transaction as the
 * write, so that sync, audit, undo and backups can all be rebuilt from the log.
 */
export type ChangeOp = 'put' | 'delete';

export type ChangeRecord = {
  /** Packed hybrid-logical-clock stamp; unique across devices (it ends with the device id). */
  hlc: string;
  device: string;
  table: string;
  rowId: string;
  op: ChangeOp;
  /** For 'put': the fields that changed (all of them for a new row; `null` = field removed). */
  fields: Record<string, unknown>;
};
