/**
 * A plausible year of follow-up for the demo's winners, generated from a seed: projects with plans and
 * milestones, and the teams' interim and final reports — most on time, some late, some short of their
 * plan, one abandoned — so every screen of the monitoring and the final report has something real.
 * Deterministic: the same winners, start day and seed give the same projects and reports.
 */
import type { Id, IsoDate, IsoDateTime } from '../domain/types';
import { createRng, type Rng } from '../generator/rng';
import { communityTypes, type CommunityType, type Indicators, type Milestone, type Project, type ProjectReport } from './types';

export type Winner = {
  applicationId: Id;
  contestId: Id;
  title: string;
  municipalityId?: Id;
  teamRegistrationIds: Id[];
  grantAmount?: number;
};

export type DemoFollowUpOptions = {
  eventId: Id;
  winners: readonly Winner[];
  /** The day the projects start (after the contest's results). */
  start: IsoDate;
  /** «Today» for the demo: reports due before it are in, or late. */
  today: IsoDate;
  newId: () => Id;
  seed?: number;
};

const MILESTONE_TITLES = [
  'Учредительное собрание сообщества',
  'Опрос жителей о проблемах двора',
  'Первый субботник',
  'Обучение актива',
  'Праздник двора',
  'Встреча с администрацией района',
  'Публикация итогов в местной газете',
];

const COMMUNITY_NAMES: Record<CommunityType, string[]> = {
  tos: ['ТОС «Заречье»', 'ТОС «Солнечный»', 'ТОС «Берёзка»'],
  neighbours: ['Соседский клуб «Наш двор»', 'Соседи улицы Ленина'],
  youth: ['Молодёжный совет «Импульс»', 'Клуб «Молодые лидеры»'],
  ngo: ['АНО «Открытый город»', 'Фонд «Добрые дела»'],
  initiative: ['Инициативная группа «Родник»', 'Инициативная группа «Чистый берег»'],
  other: ['Клуб «Активное долголетие»'],
};

/** «2020-01-15» + 45 days. Calendar arithmetic in UTC: a day is never moved by a time zone. */
export function addDays(day: IsoDate, days: number): IsoDate {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const at = (day: IsoDate, hour = 10): IsoDateTime => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;

function plan(rng: Rng, grant: number): Indicators {
  return {
    peopleInvolved: rng.int(4, 30) * 10,
    eventsHeld: rng.int(3, 12),
    volunteers: rng.int(5, 40),
    moneyRaised: Math.round((grant * rng.int(5, 30)) / 100 / 1000) * 1000,
  };
}

/** What a team reached by a share of its plan, with the money left out by a team that never counted it. */
function reached(rng: Rng, planned: Indicators, share: number, leaveOut: boolean): Partial<Indicators> {
  const out: Partial<Indicators> = {};
  for (const key of Object.keys(planned) as (keyof Indicators)[]) {
    if (leaveOut && key === 'moneyRaised') continue;
    const v = planned[key] * share * (0.85 + rng.next() * 0.3);
    out[key] = key === 'moneyRaised' ? Math.round(v / 1000) * 1000 : Math.round(v);
  }
  return out;
}

type Fate = 'on-time' | 'late' | 'short' | 'abandoned';

/** One abandoned project (when there are at least four), every fourth late, every fifth short of plan. */
function fateOf(i: number, count: number): Fate {
  if (count >= 4 && i === count - 1) return 'abandoned';
  if (i % 4 === 2) return 'late';
  if (i % 5 === 3) return 'short';
  return 'on-time';
}

export function buildDemoFollowUp(o: DemoFollowUpOptions): { projects: Project[]; reports: ProjectReport[] } {
  const rng = createRng(o.seed ?? 2020);
  const projects: Project[] = [];
  const reports: ProjectReport[] = [];
  o.winners.forEach((w, i) => {
    const fate = fateOf(i, o.winners.length);
    const communityType = communityTypes[i % (communityTypes.length - 1)]!;
    const grant = w.grantAmount ?? rng.int(10, 50) * 10_000;
    const planned = plan(rng, grant);
    const milestones: Milestone[] = Array.from({ length: 4 }, (_, k) => ({
      id: o.newId(),
      title: MILESTONE_TITLES[(i + k) % MILESTONE_TITLES.length]!,
      due: addDays(o.start, 60 + k * 75),
    }));
    const name = rng.pick(COMMUNITY_NAMES[communityType]);
    const project: Project = {
      id: o.newId(),
      eventId: o.eventId,
      contestId: w.contestId,
      applicationId: w.applicationId,
      title: w.title,
      ...(w.municipalityId ? { municipalityId: w.municipalityId } : {}),
      communityType,
      teamRegistrationIds: [...w.teamRegistrationIds],
      grantAmount: grant,
      planned,
      plannedCommunity: { founded: true, name },
      milestones,
      interimReportDue: addDays(o.start, 150),
      finalReportDue: addDays(o.start, 320),
      lifecycle: fate === 'abandoned' ? 'abandoned' : 'running',
      ...(fate === 'abandoned' ? { abandonedReason: 'Руководитель команды переехал, команда распалась' } : {}),
      createdAt: at(o.start),
    };
    projects.push(project);

    const report = (kind: ProjectReport['kind'], round: number, day: IsoDate, share: number, doneUpTo: IsoDate): ProjectReport => ({
      id: o.newId(),
      projectId: project.id,
      kind,
      round,
      submittedAt: at(day, 12),
      reached: reached(rng, planned, share, fate === 'short'),
      community: { founded: share >= 0.5 && fate !== 'abandoned', ...(share >= 0.5 ? { name } : {}) },
      text: kind === 'final' ? `Проект «${w.title}» завершён: сообщество работает, жители продолжают встречи.` : `Идёт работа по плану проекта «${w.title}».`,
      milestones: milestones.map((m) => ({ milestoneId: m.id, state: m.due <= doneUpTo ? 'done' : 'in-progress', ...(m.due <= doneUpTo ? { doneOn: m.due } : {}) })),
      photoIds: [],
      review: 'accepted',
    });

    const interimDay = addDays(project.interimReportDue!, fate === 'late' ? 40 : -3);
    if (fate !== 'abandoned' && interimDay <= o.today) {
      reports.push(report('interim', 1, interimDay, fate === 'short' ? 0.35 : 0.55, fate === 'late' ? addDays(o.start, 60) : interimDay));
    } else if (fate === 'abandoned' && addDays(o.start, 100) <= o.today) {
      reports.push({ ...report('interim', 1, addDays(o.start, 100), 0.15, addDays(o.start, 60)), community: { founded: false } });
    }
    const finalDay = addDays(project.finalReportDue, -5);
    if ((fate === 'on-time' || fate === 'short') && finalDay <= o.today) {
      reports.push(report('final', 2, finalDay, fate === 'short' ? 0.7 : 1.05, finalDay));
    }
  });
  return { projects, reports };
}
