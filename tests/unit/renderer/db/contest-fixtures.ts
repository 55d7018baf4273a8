/**
 * Contest fixtures for the repository tests: the demo event with a contest from the template, three
 * admitted applications, two jurors, an assignment, and juror packages built as the returns board does.
 */
import { afterEach } from 'vitest';
import { assignJury, buildJurorPackage, packageAttachments, serializeJurorPackage, type JurorPackage } from '../../../../shared/contest';
import type { DbContext } from '../../../../renderer/db/context';
import { createContestFromTemplate, openScoring } from '../../../../renderer/db/repo/contest';
import { importApplications } from '../../../../renderer/db/repo/contest-applications';
import { saveJuror, storeAssignments } from '../../../../renderer/db/repo/contest-jury';
import { ensureInvite, loadAttachmentBytes } from '../../../../renderer/db/repo/contest-scoring';
import { finalizeJurorScore, saveJurorScore } from '../../../../renderer/db/repo/juror';
import { openDemoEvent } from '../../../../renderer/features/onboarding/open-demo';
import { freshDb } from './helpers';

const open: DbContext[] = [];
afterEach(() => {
  while (open.length) open.pop()!.db.close();
});
export async function db() {
  const ctx = await freshDb();
  open.push(ctx);
  return ctx;
}

export async function contestOnDemo(ctx: DbContext) {
  const eventId = await openDemoEvent(ctx);
  const contest = await createContestFromTemplate(ctx, eventId);
  const nominations = await ctx.db.nominations.where('contestId').equals(contest.id).toArray();
  return { eventId, contest, nominations };
}

/** Three admitted applications and two jurors from the demo's people, in different municipalities from the applications. */
export async function populated(ctx: DbContext) {
  const setup = await contestOnDemo(ctx);
  const nominationId = setup.nominations[0]!.id;
  const regs = await ctx.db.registrations.where('eventId').equals(setup.eventId).toArray();
  const people = await ctx.db.people.bulkGet(regs.map((r) => r.personId));
  const jurorPeople = people.slice(0, 2).map((p) => p!);
  const used = new Set(jurorPeople.map((p) => p.municipalityId));
  const otherMuni = (await ctx.db.municipalities.toArray()).find((m) => !used.has(m.id))!.id;
  const submittedAt = '2020-01-20T10:00:00.000Z';
  await importApplications(
    ctx,
    setup.contest.id,
    ['Школа сельского активиста', 'Чистый берег Агидели', 'Музей под открытым небом'].map((title) => ({
      title,
      summary: `${title}: краткое описание`,
      nominationId,
      municipalityId: otherMuni,
      applicantPersonIds: [],
      submittedAt,
      status: 'admitted' as const,
      organizationName: `АНО «${title}»`,
    })),
  );
  const jurors = [];
  for (const p of jurorPeople) jurors.push(await saveJuror(ctx, setup.contest.id, p.id, [nominationId]));
  return { ...setup, jurors, jurorPeople };
}

/** A contest in scoring with an assignment stored, and a way to build a juror's package file as the returns board does. */
export async function scoring(org: DbContext) {
  const base = await populated(org);
  const locked = await openScoring(org, base.contest.id);
  const apps = await org.db.applications.where('contestId').equals(base.contest.id).toArray();
  const { assignments } = assignJury({ minReviews: 2, applications: apps, jurors: base.jurors, conflicts: [] });
  await storeAssignments(org, base.contest.id, assignments);
  const packageFor = async (index: number) => {
    const juror = base.jurors[index]!;
    const invite = await ensureInvite(org, juror.id);
    const { package: pkg } = buildJurorPackage({
      contest: locked,
      nominations: await org.db.nominations.where('contestId').equals(base.contest.id).toArray(),
      applications: await org.db.applications.where('contestId').equals(base.contest.id).toArray(),
      assignments: await org.db.assignments.where('contestId').equals(base.contest.id).toArray(),
      conflicts: [],
      juror,
      jurorName: base.jurorPeople[index]!.surname,
      invitationSecret: invite.invitationSecret,
      createdAt: new Date().toISOString(),
    });
    const files = await loadAttachmentBytes(org, packageAttachments(pkg).map((f) => f.id));
    return { pkg, bytes: serializeJurorPackage(pkg, files) };
  };
  return { ...base, apps, packageFor };
}

/** Scores every criterion and the justification, then «Завершить». */
export async function scoreAndFinalize(dev: DbContext, pkg: JurorPackage, applicationId: string, value: number) {
  const form = pkg.nominations.find((n) => n.id === pkg.applications.find((a) => a.id === applicationId)!.nominationId)!;
  await saveJurorScore(dev, pkg, applicationId, { values: Object.fromEntries(form.criteria.map((c) => [c.id, value])), comment: 'Обоснование оценки' });
  const done = await finalizeJurorScore(dev, pkg, applicationId);
  if (!done.ok) throw new Error(done.message);
  return done.score;
}

