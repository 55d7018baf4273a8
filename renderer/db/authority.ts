/**
 * Roles enforced where data is written: the one guard every repository write goes through
 * (putTracked, deleteTracked, updateDevice). It applies the same write rules as the merge
 * (shared/trust/rules.ts) to this device's own role; what the role may not write is refused unless an
 * organizer session is open — the organizer PIN typed on this device (components/organizer-gate.tsx)
 * within its time. The screens hide what a role cannot do; this is the layer that does not rely on it.
 *
 * The session lives in memory, per open database: a reload or a restart closes it.
 */
import type { DeviceRole } from '../../shared/domain/types';
import { localWriteRefusal, type WriteRefusal } from '../../shared/trust/rules';
import type { DbContext } from './context';
import type { SkhodDb } from './database';
import { dbText } from './repo/fail';

const sessions = new WeakMap<SkhodDb, number>();

/** Opens the organizer's session on this device until `until` (ms since epoch), after the PIN was checked. */
export function openOrganizerSession(ctx: Pick<DbContext, 'db'>, until: number): void {
  sessions.set(ctx.db, until);
}

export function closeOrganizerSession(ctx: Pick<DbContext, 'db'>): void {
  sessions.delete(ctx.db);
}

export function organizerSessionOpen(ctx: Pick<DbContext, 'db'>, now: number = Date.now()): boolean {
  return (sessions.get(ctx.db) ?? 0) > now;
}

/** A write this device's role may not make (and no organizer session open). In the UI's language, says what to do. */
export class AuthorityError extends Error {
  override name = 'AuthorityError';
  constructor(
    readonly table: string,
    readonly role: DeviceRole,
    readonly reason: WriteRefusal,
  ) {
    super(dbText('authority.refused', { reason: dbText(`authority.reason.${REASON_KEY[reason]}`), role: dbText(`authority.role.${role}`) }));
  }
}

/** The `db` key under authority.reason of each refusal. */
const REASON_KEY: Record<WriteRefusal, string> = { role: 'role', 'organizer-field': 'organizerField', 'unknown-table': 'unknownTable' };

/**
 * Throws AuthorityError if this device may not write these fields of `table` (each element: the
 * fields of one row's change). Synchronous, so it runs inside the caller's transaction and aborts it.
 */
export function assertMayWrite(ctx: DbContext, table: string, changes: readonly Readonly<Record<string, unknown>>[]): void {
  const role = ctx.device.role;
  if (role === 'organizer' || organizerSessionOpen(ctx)) return;
  for (const fields of changes) {
    const refusal = localWriteRefusal(role, table, fields);
    if (refusal !== null) throw new AuthorityError(table, role, refusal);
  }
}
