/**
 * What the conflict review screen shows (issues 8, 18): concurrent edits of one field, double
 * check-ins, edits hidden by a delete, and annuls that missed an arrival, found while applying
 * exchange files. They are observations kept on this device (settings `sync.conflicts:<eventId>`), not
 * data: the merged rows are already right by the rules. Review can choose the other side instead — a
 * new local write, which then wins everywhere it travels:
 *   field             'other': the losing value written back;
 *   delete-edit       'other' («восстановить»): the row written back with its last values;
 *   annul-vs-checkin  'other': a new annul that cancels the arrivals the first one missed.
 */
import type { SyncConflict } from '../../../shared/sync/merge';
import { putTracked } from '../change-log';
import { appendCheckin } from './checkins';
import type { DbContext } from '../context';
import type { TrackedTable } from '../database';
import { dbText, fail } from './fail';

export type ConflictResolution = 'kept' | 'other' | 'seen';
export type StoredConflict = { id: string; at: string; conflict: SyncConflict; resolved?: { at: string; as: ConflictResolution } };

const key = (eventId: string) => `sync.conflicts:${eventId}`;

export function conflictId(c: SyncConflict): string {
  switch (c.kind) {
    case 'field':
      return `f|${c.table}|${c.rowId}|${c.field}|${c.loser.hlc}|${c.winner.hlc}`;
    case 'double-checkin':
      return `d|${c.registrationId}|${c.entries.map((e) => e.id).join(',')}`;
    case 'delete-edit':
      return `x|${c.table}|${c.rowId}|${c.deleted.hlc}|${c.edit.hlc}`;
    case 'annul-vs-checkin':
      return `a|${c.registrationId}|${c.annul.id}|${c.arrivals.map((e) => e.id).join(',')}`;
  }
}

export async function listConflicts(ctx: DbContext, eventId: string): Promise<StoredConflict[]> {
  return ((await ctx.db.settings.get(key(eventId)))?.value as StoredConflict[] | undefined) ?? [];
}

/** Adds new conflicts (the same one found again is kept once). Call inside a transaction over `settings`. */
export async function recordConflicts(ctx: DbContext, eventId: string, found: readonly SyncConflict[], now: Date): Promise<void> {
  if (!found.length) return;
  const list = await listConflicts(ctx, eventId);
  const ids = new Set(list.map((c) => c.id));
  for (const conflict of found) {
    const id = conflictId(conflict);
    if (ids.has(id)) continue;
    ids.add(id);
    list.push({ id, at: now.toISOString(), conflict });
  }
  await ctx.db.settings.put({ key: key(eventId), value: list });
}

/**
 * Closes a conflict. 'other' (field conflicts only) writes the losing value back as a new edit on this
 * device; 'kept' and 'seen' only mark it reviewed.
 */
export async function resolveConflict(ctx: DbContext, eventId: string, id: string, as: ConflictResolution, now: Date = new Date()): Promise<void> {
  const list = await listConflicts(ctx, eventId);
  const item = list.find((c) => c.id === id);
  if (!item) fail('conflicts.closed');
  const c = item.conflict;
  if (as === 'other' && c.kind === 'annul-vs-checkin') {
    // the annul this device writes names every arrival in force here, the missed ones included
    await appendCheckin(ctx, { eventId, registrationId: c.registrationId, kind: 'annul', operator: dbText('conflicts.operator'), reason: c.annul.reason?.trim() || dbText('conflicts.annulReason') }, now);
    return markResolved(ctx, eventId, id, as, now);
  }
  if (as === 'other' && c.kind === 'delete-edit') {
    const table = ctx.db.table(c.table);
    await ctx.db.transaction('rw', [ctx.db.settings, ctx.db.changes, table], async () => {
      if (await table.get(c.rowId)) fail('conflicts.restored');
      await putTracked(ctx, c.table as TrackedTable, [{ ...c.row, id: c.rowId }]);
      await markResolved(ctx, eventId, id, as, now);
    });
    return;
  }
  const table = c.kind === 'field' && as === 'other' ? ctx.db.table(c.table) : null;
  await ctx.db.transaction('rw', [ctx.db.settings, ctx.db.changes, ...(table ? [table] : [])], async () => {
    if (c.kind === 'field' && as === 'other' && table) {
      const row = (await table.get(c.rowId)) as Record<string, unknown> | undefined;
      if (!row) fail('conflicts.deleted');
      const next: Record<string, unknown> = { ...row };
      if (c.loser.value === null || c.loser.value === undefined) delete next[c.field];
      else next[c.field] = c.loser.value;
      await putTracked(ctx, c.table as TrackedTable, [next as { id: string }]);
    }
    await markResolved(ctx, eventId, id, as, now);
  });
}

async function markResolved(ctx: DbContext, eventId: string, id: string, as: ConflictResolution, now: Date): Promise<void> {
  const fresh = await listConflicts(ctx, eventId);
  await ctx.db.settings.put({ key: key(eventId), value: fresh.map((x) => (x.id === id ? { ...x, resolved: { at: now.toISOString(), as } } : x)) });
}
