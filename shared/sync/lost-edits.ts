/**
 * Edits a merge leaves without effect, reported so that no operator's work vanishes silently:
 *
 * - delete vs edit: desk B edits a registration while A deletes it. By rule 2 of merge.ts the newest
 *   write decides; if the delete wins, B's edit is hidden with the row, and if B edited after the delete
 *   without having seen it, its edit is hidden too (an older put never resurrects a row). Either way the
 *   review shows both sides with «восстановить» (the row comes back as a new write) and «оставить
 *   удалённой».
 * - one stamp, two writes: two installs with one device id writing in the same millisecond. The log
 *   holds one change per stamp, so the merge keeps one value by content (the same choice on every
 *   device, whatever the order) and reports whichever change came second as refused `same-stamp`.
 *
 * A delete made with the edit in view (`knew`: the deleting device had seen it) is a decision, not a
 * clash, and is not reported. Reports are observations, like merge.ts's field conflicts: convergence
 * never depends on them.
 */
import type { ChangeRecord } from './change';
import { sameValue } from './diff';
import { isVisible, rowIn, rowOf, stampsOf, type RowState, type SyncState } from './sync-state';

export type DeleteEditConflict = {
  kind: 'delete-edit';
  table: string;
  rowId: string;
  deleted: { hlc: string; device: string };
  /** The newest edit the delete hides: its device, stamp and the fields it wrote. */
  edit: { hlc: string; device: string; fields: Record<string, unknown> };
  /** Every field's last value: what «восстановить» writes back. */
  row: Record<string, unknown>;
};

type Knew = (device: string, stamp: string) => boolean;
const deviceOf = (hlc: string): string => hlc.slice(22);
const keyOf = (table: string, rowId: string): string => `${table}|${rowId}`;

/** Collects candidates during one merge call; `report` keeps those whose row stayed hidden. */
export function createLostEdits() {
  const found = new Map<string, Omit<DeleteEditConflict, 'row'>>();
  return {
    /**
     * A delete `c` arrives over `cur`: the newest write by another device it had not seen is lost.
     * `repeat`: true for a change merged before (nothing to report again), asked only if a write is at stake.
     */
    deleteOver(c: ChangeRecord, cur: RowState, knew: Knew, repeat: (c: ChangeRecord) => boolean): void {
      let newest: string | undefined;
      const stamps = stampsOf(cur);
      for (const f in stamps) {
        const hlc = stamps[f]!;
        if (hlc < c.hlc && deviceOf(hlc) !== c.device && (newest === undefined || hlc > newest)) newest = hlc;
      }
      if (newest === undefined || repeat(c) || knew(c.device, newest)) return;
      const fields: Record<string, unknown> = {};
      for (const f in stamps) if (stamps[f] === newest) fields[f] = cur.values[f];
      found.set(keyOf(c.table, c.rowId), { kind: 'delete-edit', table: c.table, rowId: c.rowId, deleted: { hlc: c.hlc, device: c.device }, edit: { hlc: newest, device: deviceOf(newest), fields } });
    },
    /** A put `c` lands under a newer tombstone written by a device that had not seen it. */
    editUnder(c: ChangeRecord, tomb: string, knew: Knew): void {
      const device = deviceOf(tomb);
      if (tomb <= c.hlc || device === c.device || knew(device, c.hlc)) return;
      const key = keyOf(c.table, c.rowId);
      const held = found.get(key);
      if (held && held.edit.hlc > c.hlc) return;
      found.set(key, { kind: 'delete-edit', table: c.table, rowId: c.rowId, deleted: { hlc: tomb, device }, edit: { hlc: c.hlc, device: c.device, fields: { ...c.fields } } });
    },
    /** The lost edits whose rows are still hidden after the whole batch (a later put may revive one). */
    report(state: SyncState): DeleteEditConflict[] {
      const out: DeleteEditConflict[] = [];
      for (const c of found.values()) {
        const row = rowIn(state, c.table, c.rowId);
        if (row?.deleted === undefined || isVisible(row)) continue;
        out.push({ ...c, deleted: { hlc: row.deleted, device: deviceOf(row.deleted) }, row: rowOf(row) });
      }
      return out;
    },
  };
}

/**
 * Two writes of one field under one stamp: which value every device keeps, whatever the order they
 * came in. 'same': the same write seen again.
 */
export function sameStampWinner(held: unknown, incoming: unknown): 'same' | 'held' | 'incoming' {
  if (sameValue(held, incoming)) return 'same';
  return JSON.stringify(incoming ?? null) > JSON.stringify(held ?? null) ? 'incoming' : 'held';
}

/** True when two changes with one stamp are the same change (seen again), not two writes. */
export function sameChange(a: ChangeRecord, b: ChangeRecord): boolean {
  return a.table === b.table && a.rowId === b.rowId && a.op === b.op && sameValue(a.fields, b.fields);
}
