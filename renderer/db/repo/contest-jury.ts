/**
 * The contest's jury (issue 6) on the organizer's device: jurors and their nominations, removing a juror
 * (with the organizer's decision about their sheets), conflicts of interest (reported, overridden) and
 * the assignments of applications to jurors.
 *
 * Device-local (settings, not change-logged): a juror's invitation secret and when their package was
 * sent, and what arrived from them. The secret must not travel to every device that syncs the contest —
 * whoever holds it can sign score files for that juror. Same rules as contest.ts: one `rw` transaction
 * per write, changes through putTracked/deleteTracked.
 */
import { jurorSheetCounts, overrideConflict, withRemovedJuror, type Assignment, type Conflict, type Juror } from '../../../shared/contest';
import { randomSecret } from '../../../shared/crypto';
import type { DbContext } from '../context';
import type { AssignmentRow, ConflictRow } from '../database';
import { deleteTracked, putTracked } from '../change-log';
import { organizer } from './contest';
import { fail, refuse } from './fail';

/** What the organizer's device remembers about one juror's invitation. */
export type JurorInvite = { invitationSecret: string; sentAt?: string };
/** What arrived from one juror: the newest score file (its own time) and when it was loaded here. */
export type JurorReturn = { fileCreatedAt: string; importedAt: string; publicKey: string };

export const inviteKey = (jurorId: string) => `contest.invite:${jurorId}`;
export const returnKey = (jurorId: string) => `contest.return:${jurorId}`;

/** Adds a person as a juror of the given nominations (or updates them); a fresh invitation secret is kept on this device. */
export async function saveJuror(ctx: DbContext, contestId: string, personId: string, nominationIds: readonly string[], cap?: number): Promise<Juror> {
  if (nominationIds.length === 0) fail('jury.noNomination');
  if (cap !== undefined && (!Number.isInteger(cap) || cap < 1)) fail('jury.cap');
  const secret = randomSecret();
  const { db } = ctx;
  return db.transaction('rw', [db.jurors, db.settings, db.changes], async () => {
    const existing = (await db.jurors.where('contestId').equals(contestId).toArray()).find((j) => j.personId === personId);
    const juror: Juror = { id: existing?.id ?? crypto.randomUUID(), contestId, personId, nominationIds: [...new Set(nominationIds)] };
    if (cap !== undefined) juror.cap = cap;
    await putTracked(ctx, 'jurors', [juror]);
    if (!(await db.settings.get(inviteKey(juror.id)))) await db.settings.put({ key: inviteKey(juror.id), value: { invitationSecret: secret } satisfies JurorInvite });
    return juror;
  });
}

/** What removing a juror would touch: their sheets (all and finalized) and assignments. */
export async function jurorRemovalImpact(ctx: DbContext, jurorId: string): Promise<{ sheets: number; finalSheets: number; assignments: number }> {
  const [scores, assignments] = await Promise.all([ctx.db.scores.where('jurorId').equals(jurorId).toArray(), ctx.db.assignments.where('jurorId').equals(jurorId).count()]);
  const counts = jurorSheetCounts({ id: jurorId }, scores);
  return { sheets: counts.all, finalSheets: counts.final, assignments };
}

/** The organizer's decision about a removed juror's sheets; required when sheets of theirs are stored. */
export type RemovalDecision = { sheets: 'excluded' | 'kept'; reason: string; name: string };

/**
 * Removes a juror with their assignments and conflict records. Their sheets stay stored (they are the
 * juror's); when there are any, the organizer must decide whether they count, and that decision, the
 * reason and the juror's name are recorded on the contest for the protocol. Refused once scoring closed.
 */
export async function removeJuror(ctx: DbContext, jurorId: string, decision?: RemovalDecision, now = new Date().toISOString()): Promise<void> {
  const { db } = ctx;
  await db.transaction('rw', [db.contests, db.jurors, db.assignments, db.conflicts, db.scores, db.changes], async () => {
    const juror = await db.jurors.get(jurorId);
    if (!juror) return;
    const contest = await db.contests.get(juror.contestId);
    if (contest?.status === 'closed') fail('jury.closed');
    const counts = jurorSheetCounts(juror, await db.scores.where('jurorId').equals(jurorId).toArray());
    if (counts.all > 0) {
      if (!decision) fail('jury.decideSheets');
      const result = withRemovedJuror(contest!, { jurorId, name: decision!.name, at: now, by: organizer(ctx), reason: decision!.reason, sheets: decision!.sheets, finalSheets: counts.final });
      if (!result.ok) refuse(result.said);
      else await putTracked(ctx, 'contests', [result.contest]);
    }
    await deleteTracked(ctx, 'assignments', await db.assignments.where('jurorId').equals(jurorId).primaryKeys());
    await deleteTracked(ctx, 'conflicts', await db.conflicts.where('jurorId').equals(jurorId).primaryKeys());
    await deleteTracked(ctx, 'jurors', [jurorId]);
  });
}

const conflictId = (c: Pick<Conflict, 'jurorId' | 'applicationId' | 'kind'>) => `${c.jurorId}|${c.applicationId}|${c.kind}`;

/** A declared (by the juror) or manual (by the organizer) conflict; the reason is required. */
export async function addReportedConflict(ctx: DbContext, contestId: string, c: { jurorId: string; applicationId: string; kind: 'declared' | 'manual'; reason: string }): Promise<void> {
  if (!c.reason.trim()) fail('jury.conflictReason');
  const { db } = ctx;
  await db.transaction('rw', db.conflicts, db.changes, async () => {
    const row: ConflictRow = { id: conflictId(c), contestId, jurorId: c.jurorId, applicationId: c.applicationId, kind: c.kind, reason: c.reason.trim() };
    await putTracked(ctx, 'conflicts', [row]);
  });
}

/** Deletes a declared/manual conflict, or the stored override of a detected one. */
export async function deleteConflictRow(ctx: DbContext, id: string): Promise<void> {
  const { db } = ctx;
  await db.transaction('rw', db.conflicts, db.changes, async () => {
    await deleteTracked(ctx, 'conflicts', [id]);
  });
}

/**
 * Lifts one conflict with a logged reason. Detected conflicts are recomputed from people, so what is
 * stored for them is only the override row (kind + reason + who/when); declared and manual rows get it in place.
 */
export async function overrideConflictRow(ctx: DbContext, contestId: string, conflict: Conflict, reason: string, by: string, now = new Date().toISOString()): Promise<void> {
  const result = overrideConflict(conflict, { reason, by, at: now });
  if (!result.ok) return refuse(result.said);
  const { db } = ctx;
  await db.transaction('rw', db.conflicts, db.changes, async () => {
    const stored = await db.conflicts.get(conflictId(conflict));
    // a reported conflict keeps its own reason (without the «Отмечен организатором:» prefix detection adds)
    const row: ConflictRow = { ...(stored ?? { ...conflict, id: conflictId(conflict), contestId }), overridden: result.conflict.overridden };
    await putTracked(ctx, 'conflicts', [row]);
  });
}

// ─── assignments ──────────────────────────────────────────────────────────────────────────────

/** Replaces the contest's assignments with `next` (the solver's result: manual ones included). */
export async function storeAssignments(ctx: DbContext, contestId: string, next: readonly Assignment[]): Promise<number> {
  const { db } = ctx;
  return db.transaction('rw', db.assignments, db.changes, async () => {
    const current = await db.assignments.where('contestId').equals(contestId).toArray();
    // the solver knows nothing of «вернуть на доработку»: a pair that stays keeps its logged grants
    const grants = new Map(current.filter((r) => r.reopens && r.reopens.length > 0).map((r) => [r.id, r.reopens!]));
    const rows: AssignmentRow[] = next.map((a) => {
      const id = `${a.jurorId}|${a.applicationId}`;
      const reopens = grants.get(id);
      return { ...a, id, contestId, ...(reopens ? { reopens } : {}) };
    });
    const keep = new Set(rows.map((r) => r.id));
    await deleteTracked(
      ctx,
      'assignments',
      current.map((r) => r.id).filter((id) => !keep.has(id)),
    );
    return putTracked(ctx, 'assignments', rows);
  });
}

/** The organizer's own pair: kept by every later «Распределить заявки». */
export async function addManualAssignment(ctx: DbContext, contestId: string, jurorId: string, applicationId: string): Promise<void> {
  const { db } = ctx;
  await db.transaction('rw', db.assignments, db.changes, async () => {
    await putTracked(ctx, 'assignments', [{ id: `${jurorId}|${applicationId}`, contestId, jurorId, applicationId, manual: true }]);
  });
}

export async function removeAssignment(ctx: DbContext, id: string): Promise<void> {
  const { db } = ctx;
  await db.transaction('rw', db.assignments, db.changes, async () => {
    await deleteTracked(ctx, 'assignments', [id]);
  });
}
