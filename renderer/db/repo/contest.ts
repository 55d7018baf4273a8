/**
 * The organizer's contest setup (issue 6): the contest from its template, settings and forms, opening
 * scoring, the protocol's signatories. The other aggregates of the contest have their own repositories:
 * applications and attachments (contest-applications.ts), jurors, conflicts and assignments
 * (contest-jury.ts), the scoring lifecycle and score files (contest-scoring.ts). Every write is one `rw`
 * transaction that does not catch and records its changes through putTracked/deleteTracked; the rules
 * themselves live in shared/contest.
 */
import { checkContestEdit, grantContestTemplate, openScoringLogged, type Contest, type Nomination } from '../../../shared/contest';
import type { DbContext } from '../context';
import { deleteTracked, putTracked } from '../change-log';
import { dbText, fail, refuse } from './fail';

/** Who is named in logs written on this device. */
export const organizer = (ctx: DbContext) => dbText('contest.organizer', { device: ctx.device.name });

// ─── setup ────────────────────────────────────────────────────────────────────────────────────

/** «Создать конкурс по шаблону»: a grant contest in `setup` for the event. Refused when it already has one. */
export async function createContestFromTemplate(ctx: DbContext, eventId: string): Promise<Contest> {
  const { db } = ctx;
  return db.transaction('rw', db.contests, db.nominations, db.changes, async () => {
    if ((await db.contests.where('eventId').equals(eventId).count()) > 0) fail('contest.exists');
    const contestId = crypto.randomUUID();
    const { contest, nominations } = grantContestTemplate({ contestId, eventId });
    await putTracked(ctx, 'contests', [contest]);
    await putTracked(ctx, 'nominations', nominations);
    return contest;
  });
}

/**
 * Saves contest settings and forms. Refused (nothing written) when the edit touches what the contest's
 * status freezes (`checkContestEdit`); nominations missing from `nominations` are deleted.
 */
export async function saveContestSetup(ctx: DbContext, contest: Contest, nominations: readonly Nomination[]): Promise<void> {
  const { db } = ctx;
  await db.transaction('rw', [db.contests, db.nominations, db.applications, db.changes], async () => {
    const before = await db.contests.get(contest.id);
    if (!before) fail('contest.notFound');
    const beforeNoms = await db.nominations.where('contestId').equals(contest.id).toArray();
    const order = new Map(beforeNoms.map((n, i) => [n.id, i]));
    beforeNoms.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    // status, lockedAt, the logs and the signatories move only through their own functions
    // (contest-scoring.ts, removeJuror, saveProtocolSignatories): a settings form opened earlier must not undo them
    const { lockedAt: _l, scoringLog: _s, removedJurors: _r, protocolChair: _c, protocolSecretary: _p, ...edited } = contest;
    const { status, lockedAt, scoringLog, removedJurors, protocolChair, protocolSecretary } = before!;
    const kept = { lockedAt, scoringLog, removedJurors, protocolChair, protocolSecretary };
    const next: Contest = { ...edited, status, ...Object.fromEntries(Object.entries(kept).filter(([, v]) => v !== undefined)) };
    const refused = checkContestEdit({ contest: before!, nominations: beforeNoms }, { contest: next, nominations });
    if (refused.length > 0) refuse(...refused.map((i) => i.said));
    const keep = new Set(nominations.map((n) => n.id));
    const gone = beforeNoms.filter((n) => !keep.has(n.id));
    for (const n of gone) {
      if ((await db.applications.where('nominationId').equals(n.id).count()) > 0) {
        fail('contest.nominationHasApplications', { title: n.title });
      }
    }
    await putTracked(ctx, 'contests', [next]);
    await putTracked(ctx, 'nominations', nominations);
    await deleteTracked(
      ctx,
      'nominations',
      gone.map((n) => n.id),
    );
  });
}

/** «Открыть приём оценок»: freezes method, tie-breaks and forms, logged. Throws with every blocking problem. */
export async function openScoring(ctx: DbContext, contestId: string, now = new Date().toISOString(), by = organizer(ctx)): Promise<Contest> {
  const { db } = ctx;
  return db.transaction('rw', db.contests, db.nominations, db.changes, async () => {
    const contest = await db.contests.get(contestId);
    if (!contest) return fail('contest.notFound');
    const nominations = await db.nominations.where('contestId').equals(contestId).toArray();
    const result = openScoringLogged(contest, nominations, now, by);
    if (!result.ok) return refuse(...result.issues.map((i) => i.said));
    await putTracked(ctx, 'contests', [result.contest]);
    return result.contest;
  });
}

/**
 * Remembers who signs the results protocol (chair and secretary), so the next print is prefilled.
 * Allowed in every status: the protocol is signed after scoring closes. Blank names are removed from
 * the row rather than stored empty; an unchanged pair writes nothing (putTracked skips equal rows).
 */
export async function saveProtocolSignatories(ctx: DbContext, contestId: string, names: { chair: string; secretary: string }): Promise<void> {
  const { db } = ctx;
  await db.transaction('rw', db.contests, db.changes, async () => {
    const contest = await db.contests.get(contestId);
    if (!contest) return fail('contest.notFound');
    const { protocolChair: _chair, protocolSecretary: _secretary, ...rest } = contest;
    const chair = names.chair.trim().replace(/\s+/g, ' ');
    const secretary = names.secretary.trim().replace(/\s+/g, ' ');
    const next: Contest = { ...rest, ...(chair ? { protocolChair: chair } : {}), ...(secretary ? { protocolSecretary: secretary } : {}) };
    await putTracked(ctx, 'contests', [next]);
  });
}

