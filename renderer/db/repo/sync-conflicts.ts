/**
 * What the conflict review screen shows (issue 8): concurrent edits of one field and double check-ins
 * found while applying exchange files. They are observations kept on this device (settings
 * `sync.conflicts:<eventId>`), not data: the merged rows are already right by the rules. Review can
 * pick the losing value of a field instead — a new local write, which then wins everywhere it travels.
 */
import type { SyncConflict } from '../../../shared/sync/merge';
import { putTracked } from '../change-log';
import type { DbContext } from '../context';
import type { TrackedTable } from '../database';

export type ConflictResolution = 'kept' | 'other' | 'seen';
export type StoredConflict = { id: string; at: string; conflict: SyncConflict; resolved?: { at: string; as: ConflictResolution } };

const key = (eventId: string) => `sync.conflicts:${eventId}`;

export function conflictId(c: SyncConflict): string {
  return c.kind === 'field' ? `f|${c.table}|${c.rowId}|${c.field}|${c.loser.hlc}|${c.winner.hlc}` : `d|${c.registrationId}|${c.entries.map((e) => e.id).join(',')}`;
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
  if (!item) throw new Error('Этот конфликт уже закрыт.');
  const c = item.conflict;
  const table = c.kind === 'field' && as === 'other' ? ctx.db.table(c.table) : null;
  await ctx.db.transaction('rw', [ctx.db.settings, ctx.db.changes, ...(table ? [table] : [])], async () => {
    if (c.kind === 'field' && as === 'other' && table) {
      const row = (await table.get(c.rowId)) as Record<string, unknown> | undefined;
      if (!row) throw new Error('Запись уже удалена, выбрать другое значение нельзя.');
      const next: Record<string, unknown> = { ...row };
      if (c.loser.value === null || c.loser.value === undefined) delete next[c.field];
      else next[c.field] = c.loser.value;
      await putTracked(ctx, c.table as TrackedTable, [next as { id: string }]);
    }
    const fresh = await listConflicts(ctx, eventId);
    await ctx.db.settings.put({ key: key(eventId), value: fresh.map((x) => (x.id === id ? { ...x, resolved: { at: now.toISOString(), as } } : x)) });
  });
}
