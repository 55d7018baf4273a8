import { describe, expect, it } from 'vitest';
import demoSpec from '../../../../resources/demo-event.json';
import reference from '../../../../resources/municipalities.json';
import { toResultsInput } from '../../../../shared/contest/results-input';
import { buildDemoBundle, type DemoSpec } from '../../../../shared/demo/build-demo';
import { buildDemoContest, DEMO_SUMMED_UP } from '../../../../shared/demo/demo-contest';
import type { Municipality } from '../../../../shared/domain/types';
import { aggregateProjects, currentReport, projectStatus } from '../../../../shared/projects/monitoring';
import { projectSummary } from '../../../../shared/projects/summary';
import { computeResults } from '../../../../shared/results';

const municipalities: Municipality[] = (reference as Omit<Municipality, 'id' | 'builtin'>[]).map((m) => ({ ...m, id: `ref:${m.name}`, builtin: true }));

function build() {
  let n = 0;
  const newId = () => `id${++n}`;
  const bundle = buildDemoBundle({ spec: demoSpec as DemoSpec, municipalities, newId, now: new Date('2019-12-01T09:00:00Z') });
  return { bundle, demo: buildDemoContest(bundle, newId) };
}

describe('the demo contest and its year of projects', () => {
  const { bundle, demo } = build();
  const reportsOf = (id: string) => demo.reports.filter((r) => r.projectId === id);

  it('is deterministic', () => {
    expect(JSON.stringify(build().demo)).toBe(JSON.stringify(demo));
  });

  it('is a closed contest whose winners are the top of the official ranking, teams from the event', () => {
    expect(demo.contest.status).toBe('closed');
    expect(demo.scores.every((s) => s.status === 'final')).toBe(true);
    expect(demo.scores).toHaveLength(demo.jurors.length * demo.applications.length);
    const input = toResultsInput(demo.contest, demo.nominations, demo.applications, demo.scores).nominations[0]!.input;
    const ranking = computeResults({ ...input, blocks: [{ id: 'all', applicationIds: input.applications.map((a) => a.id) }] }).ranking;
    expect(demo.projects.map((p) => p.applicationId)).toEqual(ranking.entries.slice(0, 6).map((e) => e.applicationId));
    const registrations = new Set(bundle.registrations.map((r) => r.id));
    for (const p of demo.projects) {
      expect(p.teamRegistrationIds.length).toBeGreaterThan(0);
      expect(p.teamRegistrationIds.every((id) => registrations.has(id))).toBe(true);
      expect(p.municipalityId).toBeDefined();
    }
    expect(demo.reports.every((r) => r.eventId === bundle.event.id)).toBe(true);
  });

  it('has projects on time, late and one abandoned, summed up in November 2020', () => {
    const statuses = demo.projects.map((p) => projectStatus(p, reportsOf(p.id), DEMO_SUMMED_UP));
    expect(statuses.filter((s) => s === 'reported').length).toBeGreaterThanOrEqual(3);
    expect(statuses).toContain('late');
    expect(statuses.filter((s) => s === 'abandoned')).toHaveLength(1);
  });

  it('reads right in the generated summary paragraph: figures from accepted reports, Russian plurals and genders', () => {
    const text = projectSummary({ projectTitle: bundle.event.project!, on: DEMO_SUMMED_UP, projects: demo.projects, reportsOf });
    const total = aggregateProjects(demo.projects, reportsOf);
    const founded = demo.projects.filter((p) => currentReport(reportsOf(p.id))?.community.founded);
    // the figures are the accepted reports' own, and nothing else
    expect([founded.length, total.indicators.peopleInvolved.reached, total.indicators.eventsHeld.reached, total.indicators.volunteers.reached, total.indicators.moneyRaised.reached]).toEqual([5, 645, 41, 106, 91_000]);
    // read and checked by eye: «41 мероприятие» (one), «5 сообществ» (many), «1 проект прекращён» (masculine)
    const nb = '\u00a0';
    expect(text).toBe(
      'В ноябре 2020 г. подведены итоги проекта «КОНСТРУКТОР СООБЩЕСТВ». ' +
        `По итогам конкурса поддержано 6${nb}проектов из 6${nb}муниципалитетов; создано 5${nb}сообществ в 5${nb}муниципалитетах. ` +
        `В работу вовлечено 645${nb}человек, проведено 41${nb}мероприятие, привлечено 106${nb}добровольцев, собрано 91${nb}000${nb}₽ внебюджетных средств. ` +
        `Итоговые отчёты приняты по 4${nb}проектам; 1${nb}проект прекращён командой.`,
    );
  });
});
