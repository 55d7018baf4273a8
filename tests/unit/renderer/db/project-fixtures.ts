/**
 * The organizer's side of issue 25 as the repository tests need it: the demo event's contest, closed,
 * four winners from three municipalities of Bashkortostan with plans and milestones, and photo bytes.
 */
import type { DbContext } from '../../../../renderer/db/context';
import { closeScoring } from '../../../../renderer/db/repo/contest-scoring';
import { importApplications } from '../../../../renderer/db/repo/contest-applications';
import { openScoring } from '../../../../renderer/db/repo/contest';
import { markWinners, updatePlan } from '../../../../renderer/db/repo/projects';
import { createRng } from '../../../../shared/generator/rng';
import { expect } from 'vitest';
import { contestOnDemo } from './contest-fixtures';

export const ITER = 1_000; // PBKDF2 rounds of the access code: the format's default is slow on purpose
export const MUNICIPALITIES = ['г. Стерлитамак', 'г. Стерлитамак', 'Абзелиловский район', 'г. Нефтекамск'];
export const TITLES = ['Соседский центр «Берёзка»', 'Чистый берег Агидели', 'Школа сельского активиста', 'Двор нашей мечты'];

/** The demo event's contest, closed, with four winners from three municipalities of Bashkortostan, teams from the demo's people. */
export async function winners(ctx: DbContext) {
  const { eventId, contest, nominations } = await contestOnDemo(ctx);
  const regs = await ctx.db.registrations.where('eventId').equals(eventId).sortBy('id');
  const munis = await ctx.db.municipalities.toArray();
  const muniId = (name: string) => munis.find((m) => m.name === name)!.id;
  const rng = createRng(25);
  await importApplications(
    ctx,
    contest.id,
    TITLES.map((title, i) => ({
      title,
      summary: `${title}: сообщество жителей берётся за свой двор`,
      nominationId: nominations[0]!.id,
      municipalityId: muniId(MUNICIPALITIES[i]!),
      applicantPersonIds: [regs[rng.int(0, regs.length - 1)]!.personId, regs[2 * i]!.personId],
      submittedAt: '2020-01-20T10:00:00.000Z',
      status: 'admitted' as const,
      organizationName: `АНО «${title}»`,
    })),
  );
  const apps = (await ctx.db.applications.where('contestId').equals(contest.id).toArray()).sort((a, b) => TITLES.indexOf(a.title) - TITLES.indexOf(b.title));
  const dates = { interimReportDue: '2020-06-30', finalReportDue: '2020-10-31' };
  const marked = () => markWinners(ctx, contest.id, apps.map((a, i) => ({ applicationId: a.id, grantAmount: 100_000 + 50_000 * i, communityType: 'tos' as const })), dates, '2020-02-01T09:00:00.000Z');
  await openScoring(ctx, contest.id);
  await expect(marked()).rejects.toThrow('сначала закройте приём оценок');
  await closeScoring(ctx, contest.id);
  const projects = await marked();
  for (const [i, p] of projects.entries()) {
    await updatePlan(ctx, p.id, {
      planned: { peopleInvolved: 100 * (i + 1), eventsHeld: 5, volunteers: 10, moneyRaised: 20_000 },
      plannedCommunity: { founded: true, name: `ТОС «${['Солнечный', 'Заречье', 'Берёзка', 'Родник'][i]}»` },
      milestones: [
        { title: 'Учредительное собрание сообщества', due: '2020-04-15' },
        { title: 'Праздник двора', due: '2020-08-20' },
      ],
    });
  }
  return { eventId, contest, apps, projects: await Promise.all(projects.map(async (p) => (await ctx.db.projects.get(p.id))!)), muniId, regs };
}

export const photo = (seed: number, size = 4096) => {
  const rng = createRng(seed);
  return { id: `photo-${seed}`, name: `subbotnik-${seed}.jpg`, mime: 'image/jpeg', bytes: Uint8Array.from({ length: size }, () => rng.int(0, 255)) };
};

