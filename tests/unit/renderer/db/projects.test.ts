import { describe, expect, it } from 'vitest';
import type { DbContext } from '../../../../renderer/db/context';
import { closeScoring } from '../../../../renderer/db/repo/contest-scoring';
import { importApplications } from '../../../../renderer/db/repo/contest-applications';
import { openScoring } from '../../../../renderer/db/repo/contest';
import { exportReportPackage, importReportFile, openTeamPackage, writeTeamReport } from '../../../../renderer/db/repo/project-reports';
import { acceptReport, listProjects, markWinners, projectsOverview, returnReport, updatePlan } from '../../../../renderer/db/repo/projects';
import { createRng } from '../../../../shared/generator/rng';
import type { ReportContent } from '../../../../shared/projects/report-file';
import { contestOnDemo, db } from './contest-fixtures';

const ITER = 1_000; // PBKDF2 rounds of the access code: the format's default is slow on purpose
const MUNICIPALITIES = ['г. Стерлитамак', 'г. Стерлитамак', 'Абзелиловский район', 'г. Нефтекамск'];
const TITLES = ['Соседский центр «Берёзка»', 'Чистый берег Агидели', 'Школа сельского активиста', 'Двор нашей мечты'];

/** The demo event's contest, closed, with four winners from three municipalities of Bashkortostan, teams from the demo's people. */
async function winners(ctx: DbContext) {
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

const content = (kind: 'interim' | 'final', people: number, milestoneIds: string[], over: Partial<ReportContent> = {}): ReportContent => ({
  kind,
  reached: { peopleInvolved: people, eventsHeld: 3 },
  community: { founded: true, name: 'ТОС «Солнечный»' },
  text: 'Жители выбрали совет ТОС и провели первый субботник.',
  milestones: [
    { milestoneId: milestoneIds[0]!, state: 'done', doneOn: '2020-04-12' },
    { milestoneId: milestoneIds[1]!, state: 'not-started' },
  ],
  ...over,
});

const photo = (seed: number, size = 4096) => {
  const rng = createRng(seed);
  return { id: `photo-${seed}`, name: `subbotnik-${seed}.jpg`, mime: 'image/jpeg', bytes: Uint8Array.from({ length: size }, () => rng.int(0, 255)) };
};

/** The organizer exports the project's package; the team's device opens it and writes a report file. */
async function teamReport(org: DbContext, team: DbContext, projectId: string, report: ReportContent, at: string, photos = [photo(1)]) {
  const exported = await exportReportPackage(org, projectId, at, ITER);
  const opened = await openTeamPackage(team, exported.bytes, exported.code);
  if (!opened.ok) throw new Error(opened.message);
  const file = await writeTeamReport(team, projectId, report, photos, at);
  if (!file.ok) throw new Error(file.message);
  return { bytes: file.bytes, package: opened.package };
}

describe('projects after the contest', () => {
  it('makes a project per winner with its team, municipality and amount, once', async () => {
    const org = await db();
    const { contest, apps, projects, muniId } = await winners(org);
    expect(projects).toHaveLength(4);
    expect(projects[0]).toMatchObject({ title: TITLES[0], municipalityId: muniId('г. Стерлитамак'), grantAmount: 100_000, communityType: 'tos', lifecycle: 'running' });
    const people = await org.db.registrations.bulkGet(projects[0]!.teamRegistrationIds);
    expect(people.map((r) => r!.personId)).toEqual(apps[0]!.applicantPersonIds);
    expect(projects[0]!.milestones.map((m) => m.title)).toEqual(['Учредительное собрание сообщества', 'Праздник двора']);
    // marked again with another amount: the same project, the amount updated
    const again = await markWinners(org, contest.id, [{ applicationId: apps[0]!.id, grantAmount: 120_000 }], { finalReportDue: '2020-10-31' });
    expect(again[0]).toMatchObject({ id: projects[0]!.id, grantAmount: 120_000 });
    expect(await org.db.projects.count()).toBe(4);
    expect((await listProjects(org, projects[0]!.eventId, muniId('г. Стерлитамак'))).map((p) => p.title).sort()).toEqual([TITLES[0], TITLES[1]].sort());
    await expect(updatePlan(org, projects[0]!.id, { planned: { volunteers: -1 } })).rejects.toThrow('неотрицательные');
  });

  it('aggregates per project, per municipality and in total, missing reports as missing, not zero', async () => {
    const org = await db();
    const team = await db();
    const { eventId, projects, muniId } = await winners(org);
    const [a, b, c] = projects as [(typeof projects)[0], (typeof projects)[0], (typeof projects)[0]];
    const ids = (p: typeof a) => p.milestones.map((m) => m.id);
    // a: interim accepted (volunteers not stated); b: a report waiting for review; c: returned; d: nothing
    const ra = await importReportFile(org, eventId, (await teamReport(org, team, a.id, content('interim', 150, ids(a)), '2020-06-20T10:00:00.000Z')).bytes);
    await acceptReport(org, ra.ok ? ra.report.id : '');
    const rb = await importReportFile(org, eventId, (await teamReport(org, team, b.id, content('interim', 90, ids(b)), '2020-06-21T10:00:00.000Z')).bytes);
    expect(rb).toMatchObject({ ok: true, outcome: 'new', report: { review: 'received' } });
    const rc = await importReportFile(org, eventId, (await teamReport(org, team, c.id, content('interim', 40, ids(c)), '2020-06-22T10:00:00.000Z')).bytes);
    await returnReport(org, rc.ok ? rc.report.id : '', 'Нет фотографий с собрания');

    const view = await projectsOverview(org, eventId, '2020-07-15');
    expect(view.total.projects).toBe(4);
    expect(view.total.indicators.peopleInvolved).toMatchObject({ planned: 1000, reached: 150, plannedOfReported: 100, reported: 1 });
    expect(view.total.indicators.peopleInvolved.missing.sort()).toEqual([b.id, c.id, projects[3]!.id].sort());
    expect(view.total.indicators.volunteers).toMatchObject({ reached: 0, reported: 0 });
    expect(view.total.indicators.volunteers.missing).toHaveLength(4); // a's report leaves it out: missing, not 0
    expect(view.total.withoutReport.sort()).toEqual([b.id, c.id, projects[3]!.id].sort());
    expect(view.total.communitiesFounded).toBe(1);
    const sterlitamak = view.byMunicipality.find((m) => m.municipalityId === muniId('г. Стерлитамак'))!.aggregate;
    expect(sterlitamak).toMatchObject({ projects: 2, withoutReport: [b.id] });
    expect(sterlitamak.indicators.peopleInvolved).toMatchObject({ planned: 300, reached: 150, reported: 1 });
    const row = (id: string) => view.projects.find((p) => p.project.id === id)!;
    expect(row(a.id).indicators.find((i) => i.key === 'peopleInvolved')).toEqual({ key: 'peopleInvolved', planned: 100, reached: 150 });
    expect(row(b.id).indicators.find((i) => i.key === 'peopleInvolved')!.reached).toBeUndefined();
    expect(row(projects[3]!.id).status).toBe('late'); // no report at all past the interim date
    expect(row(a.id).status).toBe('on-track');
    // a district office's view: its municipality only
    const district = await projectsOverview(org, eventId, '2020-07-15', muniId('Абзелиловский район'));
    expect(district.projects.map((p) => p.project.id)).toEqual([c.id]);
  });

  it('round trip: package → team report with a photo → import → accepted → the project shows it', async () => {
    const org = await db();
    const team = await db();
    const { eventId, projects } = await winners(org);
    const p = projects[2]!;
    const { bytes, package: pkg } = await teamReport(org, team, p.id, content('interim', 75, p.milestones.map((m) => m.id)), '2020-06-20T10:00:00.000Z', [photo(3), photo(4)]);
    expect(pkg).toMatchObject({ round: 1, returns: [], project: { id: p.id, municipalityName: 'Абзелиловский район', planned: p.planned } });
    expect(pkg.team).toHaveLength(2);
    const changesBefore = await org.db.changes.count();
    const imported = await importReportFile(org, eventId, bytes, p.id);
    expect(imported).toMatchObject({ ok: true, outcome: 'new', report: { id: `${p.id}|1`, eventId, review: 'received', photoIds: ['photo-3', 'photo-4'] } });
    expect(await org.db.changes.count()).toBe(changesBefore + 1);
    const stored = await org.db.reportPhotos.where('reportId').equals(`${p.id}|1`).toArray();
    expect(stored.map((s) => s.bytes)).toEqual([photo(3).bytes, photo(4).bytes]);
    // the same file again writes nothing
    expect(await importReportFile(org, eventId, bytes)).toMatchObject({ ok: true, outcome: 'unchanged' });
    expect(await org.db.changes.count()).toBe(changesBefore + 1);
    await acceptReport(org, `${p.id}|1`);
    const view = await projectsOverview(org, eventId, '2020-07-01');
    const row = view.projects.find((x) => x.project.id === p.id)!;
    expect(row.current).toMatchObject({ round: 1, review: 'accepted' });
    expect(row.indicators.find((i) => i.key === 'peopleInvolved')!.reached).toBe(75);
    // the next package tells the team what was accepted and asks for round 2
    const next = await exportReportPackage(org, p.id, '2020-07-02T10:00:00.000Z', ITER);
    expect(next.package).toMatchObject({ round: 2, accepted: { round: 1, reached: { peopleInvolved: 75 } } });
  });

  it('«вернуть на доработку»: the reason travels back; the corrected round is taken and the old file is stale', async () => {
    const org = await db();
    const team = await db();
    const { eventId, projects } = await winners(org);
    const p = projects[1]!;
    const ids = p.milestones.map((m) => m.id);
    const first = await teamReport(org, team, p.id, content('interim', 60, ids), '2020-06-20T10:00:00.000Z');
    await importReportFile(org, eventId, first.bytes);
    await expect(returnReport(org, `${p.id}|1`, '   ')).rejects.toThrow('Напишите, что доработать');
    await returnReport(org, `${p.id}|1`, 'Добавьте фото с субботника и число добровольцев');
    const second = await teamReport(org, team, p.id, content('interim', 60, ids, { reached: { peopleInvolved: 60, eventsHeld: 3, volunteers: 12 } }), '2020-06-28T10:00:00.000Z', [photo(5)]);
    expect(second.package).toMatchObject({ round: 2, returns: [{ round: 1, kind: 'interim', reason: 'Добавьте фото с субботника и число добровольцев' }] });
    expect(await importReportFile(org, eventId, second.bytes)).toMatchObject({ ok: true, report: { round: 2, review: 'received' } });
    await acceptReport(org, `${p.id}|2`);
    const old = await importReportFile(org, eventId, first.bytes);
    expect(old).toMatchObject({ ok: false, code: 'stale' });
    const final = await teamReport(org, team, p.id, content('final', 130, ids), '2020-10-20T10:00:00.000Z');
    expect(final.package.round).toBe(3);
    await importReportFile(org, eventId, final.bytes);
    await acceptReport(org, `${p.id}|3`);
    const view = await projectsOverview(org, eventId, '2020-11-01');
    expect(view.projects.find((x) => x.project.id === p.id)).toMatchObject({ status: 'reported', current: { round: 3, kind: 'final' } });
  });

  it('refuses a file of another project, and a refused file writes nothing', async () => {
    const org = await db();
    const team = await db();
    const { eventId, projects } = await winners(org);
    const { bytes } = await teamReport(org, team, projects[0]!.id, content('interim', 10, projects[0]!.milestones.map((m) => m.id)), '2020-06-20T10:00:00.000Z');
    const changes = await org.db.changes.count();
    const refused = await importReportFile(org, eventId, bytes, projects[3]!.id);
    expect(refused).toMatchObject({ ok: false, code: 'wrong-project' });
    expect(!refused.ok && refused.message).toContain(`«${projects[0]!.title}», а не «${projects[3]!.title}»`);
    const tampered = bytes.slice();
    tampered[tampered.length - 1]! ^= 0xff;
    expect(await importReportFile(org, eventId, tampered)).toMatchObject({ ok: false, code: 'tampered' });
    expect(await org.db.changes.count()).toBe(changes);
    expect(await org.db.projectReports.count()).toBe(0);
    expect(await org.db.reportPhotos.count()).toBe(0);
  });
});
