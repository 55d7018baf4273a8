/**
 * The organizer's side of scoring (issues 6, 21): the lifecycle after «Открыть приём оценок» (close,
 * reopen with a reason, unlock the criteria while no sheet exists), juror invitations and packages,
 * «вернуть на доработку», and score-file imports (a backup first; refused once scoring is closed).
 * Same rules as contest.ts: one `rw` transaction per write, changes through putTracked.
 */
import {
  closeScoringLogged,
  mergeScores,
  reopenScoring as reopenScoringRule,
  scoreId,
  storedKey,
  storedVersions,
  unlockCriteria as unlockCriteriaRule,
  verifyScoreFile,
  type Contest,
  type LifecycleResult,
  type ReopenGrant,
  type Score,
  type SheetForm,
} from '../../../shared/contest';
import { randomSecret } from '../../../shared/crypto';
import type { DbContext } from '../context';
import { backupBeforeRisk, type BackupOutcome } from '../backup';
import { putTracked } from '../change-log';
import { organizer } from './contest';
import { inviteKey, returnKey, type JurorInvite, type JurorReturn } from './contest-jury';
import { dbText, fail, refuse } from './fail';
import { sayText } from '../../i18n';

// ─── lifecycle ────────────────────────────────────────────────────────────────────────────────

/** One lifecycle move on the stored contest (with the number of stored sheets the rule may need), in one transaction. */
async function moveScoring(ctx: DbContext, contestId: string, rule: (contest: Contest, sheets: number) => LifecycleResult): Promise<Contest> {
  const { db } = ctx;
  return db.transaction('rw', db.contests, db.scores, db.changes, async () => {
    const contest = await db.contests.get(contestId);
    if (!contest) return fail('contest.notFound');
    const result = rule(contest, await db.scores.where('contestId').equals(contestId).count());
    if (!result.ok) return refuse(result.said);
    await putTracked(ctx, 'contests', [result.contest]);
    return result.contest;
  });
}

/** «Закрыть приём оценок»: from now on score files are refused and the results are final. */
export function closeScoring(ctx: DbContext, contestId: string, now = new Date().toISOString()): Promise<Contest> {
  return moveScoring(ctx, contestId, (c) => closeScoringLogged(c, now, organizer(ctx)));
}

/** Opens a closed contest for scores again; the reason is logged and printed in the protocol. */
export function reopenScoring(ctx: DbContext, contestId: string, reason: string, now = new Date().toISOString()): Promise<Contest> {
  return moveScoring(ctx, contestId, (c) => reopenScoringRule(c, reason, now, organizer(ctx)));
}

/** Back to setup to edit the criteria: refused once any sheet is stored. */
export function unlockCriteria(ctx: DbContext, contestId: string, reason: string, now = new Date().toISOString()): Promise<Contest> {
  return moveScoring(ctx, contestId, (c, sheets) => unlockCriteriaRule(c, sheets, reason, now, organizer(ctx)));
}

// ─── invitations, packages, score files ───────────────────────────────────────────────────────

export async function loadInvite(ctx: DbContext, jurorId: string): Promise<JurorInvite | undefined> {
  return (await ctx.db.settings.get(inviteKey(jurorId)))?.value as JurorInvite | undefined;
}

/** The juror's invitation on this device, created (with a fresh secret) when missing. */
export async function ensureInvite(ctx: DbContext, jurorId: string): Promise<JurorInvite> {
  const secret = randomSecret();
  const { db } = ctx;
  return db.transaction('rw', db.settings, async () => {
    const invite = (await db.settings.get(inviteKey(jurorId)))?.value as JurorInvite | undefined;
    if (invite) return invite;
    const fresh: JurorInvite = { invitationSecret: secret };
    await db.settings.put({ key: inviteKey(jurorId), value: fresh });
    return fresh;
  });
}

/** The package went out: remember when (the returns board shows it). Creates the secret if missing. */
export async function markPackageSent(ctx: DbContext, jurorId: string, now = new Date().toISOString()): Promise<JurorInvite> {
  const secret = randomSecret();
  const { db } = ctx;
  return db.transaction('rw', db.settings, async () => {
    const invite = ((await db.settings.get(inviteKey(jurorId)))?.value as JurorInvite | undefined) ?? { invitationSecret: secret };
    const next: JurorInvite = { ...invite, sentAt: now };
    await db.settings.put({ key: inviteKey(jurorId), value: next });
    return next;
  });
}

/**
 * «Вернуть на доработку»: the organizer returns a juror's finalized sheet with a reason. The grant is
 * logged on the assignment (a change record, so other organizer devices learn it), goes to the juror in
 * their next package, and the sheet comes back reopened under it. The stored sheet itself is the
 * juror's and stays as it is until their new file arrives. Refused without a reason, for a sheet that
 * is not finalized here, and while an earlier return of the same sheet is still unanswered.
 */
export async function reopenSheet(
  ctx: DbContext,
  contestId: string,
  jurorId: string,
  applicationId: string,
  reason: string,
  by: string,
  now = new Date().toISOString(),
): Promise<ReopenGrant> {
  const text = reason.trim();
  if (!text) fail('scoring.reopenReason');
  const { db } = ctx;
  return db.transaction('rw', db.assignments, db.scores, db.changes, async () => {
    const id = `${jurorId}|${applicationId}`;
    const row = await db.assignments.get(id);
    if (!row || row.contestId !== contestId) return fail('scoring.notAssigned');
    const score = await db.scores.get(scoreId(jurorId, applicationId));
    if (score?.status !== 'final') return fail('scoring.onlyFinal');
    const pending = (row.reopens ?? []).find((g) => !(score.reopened ?? []).some((r) => r.id === g.id));
    if (pending) return fail('scoring.alreadyReturned', { reason: pending.reason });
    const grant: ReopenGrant = { id: crypto.randomUUID(), reason: text, by, at: now };
    await putTracked(ctx, 'assignments', [{ ...row, reopens: [...(row.reopens ?? []), grant] }]);
    return grant;
  });
}

/** The bytes of the given attachments kept on this device, by id (missing ones are simply absent). */
export async function loadAttachmentBytes(ctx: DbContext, ids: readonly string[]): Promise<Map<string, Uint8Array>> {
  const rows = await ctx.db.attachments.bulkGet([...ids]);
  return new Map(rows.flatMap((r) => (r ? [[r.id, r.bytes] as const] : [])));
}

export type ScoreImportResult =
  | { ok: false; message: string }
  | { ok: true; jurorId: string; added: number; replaced: number; unchanged: number; refused: string[]; /** the backup made right before the merge */ backup: BackupOutcome };

/**
 * «Загрузить файл оценок…»: verifies the signature and binding (shared/contest verifyScoreFile), then
 * merges by version. A refused file writes nothing. Importing the same file again writes nothing either:
 * merged sheets are equal to the stored ones and putTracked skips equal rows.
 */
export async function importScoreFile(ctx: DbContext, contestId: string, bytes: Uint8Array, now = new Date().toISOString()): Promise<ScoreImportResult> {
  const { db } = ctx;
  const contest = await db.contests.get(contestId);
  if (!contest) return { ok: false, message: dbText('contest.notFound') };
  if (contest.status === 'closed') return { ok: false, message: dbText('scoring.closed') };
  if (contest.status === 'setup') return { ok: false, message: dbText('scoring.notOpen') };
  const [jurors, assignments, stored, applications, nominations] = await Promise.all([
    db.jurors.where('contestId').equals(contestId).toArray(),
    db.assignments.where('contestId').equals(contestId).toArray(),
    db.scores.where('contestId').equals(contestId).toArray(),
    db.applications.where('contestId').equals(contestId).toArray(),
    db.nominations.where('contestId').equals(contestId).toArray(),
  ]);
  const formOf = new Map<string, SheetForm>(nominations.map((n) => [n.id, n]));
  const forms = new Map(applications.flatMap((a) => (formOf.has(a.nominationId) ? [[a.id, formOf.get(a.nominationId)!] as const] : [])));
  const invites = await db.settings.bulkGet(jurors.map((j) => inviteKey(j.id)));
  const map = new Map<string, { invitationSecret: string; applicationIds: Set<string> }>();
  jurors.forEach((j, i) => {
    const invite = invites[i]?.value as JurorInvite | undefined;
    if (!invite) return;
    map.set(j.id, { invitationSecret: invite.invitationSecret, applicationIds: new Set(assignments.filter((a) => a.jurorId === j.id).map((a) => a.applicationId)) });
  });
  const titles = new Map(applications.map((a) => [a.id, a.title]));
  // WebCrypto runs outside the transaction (an await on it would commit a Dexie transaction early);
  // the merge below re-reads what is stored, and a maximum does not care what arrived in between
  const grants = new Map(assignments.map((a) => [a.id, a.reopens ?? []]));
  const storedSheets = new Map(stored.map((s) => [storedKey(s), { status: s.status, ...(s.reopened ? { reopened: s.reopened } : {}) }]));
  const verdict = await verifyScoreFile(bytes, { contestId, jurors: map, stored: storedVersions(stored), applicationTitle: (id) => titles.get(id), grants, storedSheets, forms });
  if (!verdict.ok) return { ok: false, message: sayText(verdict.said) };
  const person = await db.people.get(jurors.find((j) => j.id === verdict.jurorId)?.personId ?? '');
  const who = person ? [person.surname, person.name, person.patronymic].filter(Boolean).join(' ') : '';
  const backup = await backupBeforeRisk(ctx, who ? dbText('scoring.backupBeforeFileOf', { who }) : dbText('scoring.backupBeforeFile'));
  return db.transaction('rw', [db.contests, db.scores, db.settings, db.changes], async () => {
    // closed while the file was being checked (another window): refuse, nothing written
    if ((await db.contests.get(contestId))?.status !== 'scoring') return { ok: false as const, message: dbText('scoring.closed') };
    const current = await db.scores.where('jurorId').equals(verdict.jurorId).toArray();
    const merged = mergeScores(current, verdict.accepted);
    const changed = new Set([...merged.added, ...merged.replaced]);
    const toWrite: Score[] = merged.scores.filter((s) => changed.has(`${s.jurorId}|${s.applicationId}`));
    await putTracked(ctx, 'scores', toWrite);
    const prev = (await db.settings.get(returnKey(verdict.jurorId)))?.value as JurorReturn | undefined;
    if (!prev || prev.fileCreatedAt < verdict.createdAt) {
      await db.settings.put({ key: returnKey(verdict.jurorId), value: { fileCreatedAt: verdict.createdAt, importedAt: now, publicKey: verdict.publicKey } satisfies JurorReturn });
    }
    return {
      ok: true as const,
      jurorId: verdict.jurorId,
      added: merged.added.length,
      replaced: merged.replaced.length,
      unchanged: verdict.unchanged.length,
      refused: verdict.refused.map((r) => sayText(r.said)),
      backup,
    };
  });
}
