/**
 * Reads for «Журнал изменений»: the change log newest first in chunks, and the names the log's ids
 * stand for. The audit screen reads only through these (features never touch `ctx.db`).
 */
import type { ChangeRecord } from '../../../shared/sync/change';
import type { DbContext } from '../context';
import { changesBefore, countChanges as countLog } from '../change-pages';

/**
 * The newest changes older than `before` ('' = from the newest), about `limit` of them, newest first;
 * `next`: where the following read starts, null at the start of the log.
 */
export function readChangesBefore(ctx: DbContext, before: string, limit: number): Promise<{ changes: ChangeRecord[]; next: string | null }> {
  return changesBefore(ctx.db, before, limit);
}

export function countChanges(ctx: DbContext): Promise<number> {
  return countLog(ctx.db);
}

/** Every municipality's name by id: the built-in ones are seeded without change records. */
export async function municipalityLabels(ctx: DbContext): Promise<Array<readonly [string, string]>> {
  return (await ctx.db.municipalities.toArray()).map((m) => [m.id, m.name] as const);
}

/** Known devices' names by id, for «кто изменил». */
export async function deviceNames(ctx: DbContext): Promise<Map<string, string>> {
  return new Map((await ctx.db.devices.toArray()).map((d) => [d.id, d.name]));
}
