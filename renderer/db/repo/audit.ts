/**
 * Reads for «Журнал изменений»: the change log newest first in chunks, and the names the log's ids
 * stand for. The audit screen reads only through these (features never touch `ctx.db`).
 */
import type { ChangeRecord } from '../../../shared/sync/change';
import type { DbContext } from '../context';

/** The newest `limit` changes older than `before` ('' = from the newest). */
export function readChangesBefore(ctx: DbContext, before: string, limit: number): Promise<ChangeRecord[]> {
  const all = ctx.db.changes;
  return (before ? all.where('hlc').below(before) : all.orderBy('hlc')).reverse().limit(limit).toArray();
}

export function countChanges(ctx: DbContext): Promise<number> {
  return ctx.db.changes.count();
}

/** Every municipality's name by id: the built-in ones are seeded without change records. */
export async function municipalityLabels(ctx: DbContext): Promise<Array<readonly [string, string]>> {
  return (await ctx.db.municipalities.toArray()).map((m) => [m.id, m.name] as const);
}

/** Known devices' names by id, for «кто изменил». */
export async function deviceNames(ctx: DbContext): Promise<Map<string, string>> {
  return new Map((await ctx.db.devices.toArray()).map((d) => [d.id, d.name]));
}
