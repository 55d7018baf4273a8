/**
 * The demo's contest and the year after it (issue 25): the grant contest that followed the Ufa conference,
 * closed — applications from the demo's own participants, three of its experts as the jury, every sheet
 * final — its winners by the official ranking (shared/results, the same computation as «Итоги»), and a year
 * of their projects' follow-up (demo-followup.ts: most on time, some late, one abandoned), summed up in
 * November of the next year as the seed's news text has it. Deterministic for a given bundle and seed.
 */
import type { EventBundle } from '../domain/bundle';
import type { Id } from '../domain/types';
import { grantContestTemplate } from '../contest/template';
import { toResultsInput } from '../contest/results-input';
import type { Application, Assignment, Contest, Juror, Nomination, Score } from '../contest/types';
import { scoreId } from '../contest/types';
import { createRng } from '../generator/rng';
import { buildDemoFollowUp } from '../projects/demo-followup';
import type { Project, ProjectReport } from '../projects/types';
import { computeResults } from '../results';

const TITLES = [
  'Школа сельского активиста',
  'Чистый берег Агидели',
  'Двор моей мечты',
  'Соседский центр «Берёзка»',
  'Молодёжный клуб «Импульс»',
  'Музей под открытым небом',
  'Серебряные волонтёры',
  'Спортивная площадка всем двором',
  'Библиотека как центр сообщества',
  'Огород на крыше школы',
];

/** When the projects start, and the day they are summed up («в ноябре следующего года»). */
export const DEMO_PROJECTS_START = '2020-01-10';
export const DEMO_SUMMED_UP = '2020-11-30';
/** How many applications win. */
const WINNERS = 6;

export type DemoContest = {
  contest: Contest;
  nominations: Nomination[];
  applications: Application[];
  jurors: Juror[];
  assignments: Array<Assignment & { id: Id; contestId: Id }>;
  scores: Score[];
  projects: Project[];
  reports: Array<ProjectReport & { eventId: Id }>;
};

export function buildDemoContest(bundle: EventBundle, newId: () => Id, seed = 2019): DemoContest {
  const rng = createRng(seed);
  const eventId = bundle.event.id;
  const contestId = newId();
  const { contest: template, nominations } = grantContestTemplate({ contestId, eventId, title: 'Конкурс проектов «Конструктор сообществ»' });
  const at = (day: string, hour: number) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;
  const contest: Contest = {
    ...template,
    status: 'closed',
    lockedAt: at('2020-01-05', 9),
    scoringLog: [
      { action: 'open', at: at('2020-01-05', 9), by: 'организатор' },
      { action: 'close', at: at('2020-01-08', 17), by: 'организатор' },
    ],
  };
  const nomination = nominations[0]!;

  // applicants: two participants of one municipality per application, each municipality once
  const participants = bundle.registrations.filter((r) => r.role === 'participant' && r.municipalityId);
  const byMunicipality = new Map<Id, typeof participants>();
  for (const r of participants) byMunicipality.set(r.municipalityId!, [...(byMunicipality.get(r.municipalityId!) ?? []), r]);
  const groups = [...byMunicipality.values()].filter((g) => g.length >= 2);
  const applications: Application[] = TITLES.slice(0, Math.min(TITLES.length, groups.length)).map((title, i) => {
    const group = groups[i]!;
    return {
      id: newId(),
      contestId,
      nominationId: nomination.id,
      title,
      summary: `${title}: жители сами берутся за дело, которое давно откладывали.`,
      municipalityId: group[0]!.municipalityId!,
      applicantPersonIds: [group[0]!.personId, group[1]!.personId],
      requestedAmount: rng.int(6, 30) * 10_000,
      submittedAt: at(`2019-12-${String(20 + (i % 9)).padStart(2, '0')}`, 10 + (i % 6)),
      status: 'admitted',
      attachments: [],
    };
  });

  // the jury: three of the conference's experts, each scoring every application
  const experts = bundle.registrations.filter((r) => r.role === 'expert').slice(0, 3);
  const jurors: Juror[] = experts.map((r) => ({ id: newId(), contestId, personId: r.personId, nominationIds: [nomination.id] }));
  const assignments = jurors.flatMap((j) => applications.map((a) => ({ id: newId(), contestId, jurorId: j.id, applicationId: a.id })));
  const quality = applications.map(() => rng.int(4, 9));
  const scores: Score[] = jurors.flatMap((j, ji) =>
    applications.map((a, ai) => ({
      id: scoreId(j.id, a.id),
      contestId,
      jurorId: j.id,
      applicationId: a.id,
      values: Object.fromEntries(nomination.criteria.map((c) => [c.id, Math.max(c.min, Math.min(c.max, quality[ai]! + rng.int(-1, 1) + (ji === 2 ? -1 : 0)))])),
      comment: 'Проект актуален, бюджет обоснован.',
      status: 'final' as const,
      version: 1,
      updatedAt: at('2020-01-07', 12 + ji),
    })),
  );

  // the winners by the official ranking, exactly as «Итоги» computes it
  const input = toResultsInput(contest, nominations, applications, scores).nominations[0]!.input;
  const ranking = computeResults({ ...input, blocks: [{ id: nomination.id, applicationIds: input.applications.map((a) => a.id) }] }).ranking;
  const appById = new Map(applications.map((a) => [a.id, a]));
  const regOf = new Map(bundle.registrations.map((r) => [r.personId, r.id]));
  const winners = ranking.entries.slice(0, WINNERS).map((e) => {
    const app = appById.get(e.applicationId)!;
    return {
      applicationId: app.id,
      contestId,
      title: app.title,
      municipalityId: app.municipalityId!,
      teamRegistrationIds: app.applicantPersonIds.flatMap((p) => (regOf.has(p) ? [regOf.get(p)!] : [])),
      grantAmount: app.requestedAmount!,
    };
  });
  const { projects, reports } = buildDemoFollowUp({ eventId, winners, start: DEMO_PROJECTS_START, today: DEMO_SUMMED_UP, newId, seed });
  return { contest, nominations, applications, jurors, assignments, scores, projects, reports: reports.map((r) => ({ ...r, eventId })) };
}
