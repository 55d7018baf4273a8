/**
 * The final report's data (shared/projects/final-report.ts) on a generated event: the demo conference
 * (its registrations, half of them arrived) and a generated year of follow-up for seven winners. The
 * figures are checked against sums taken here from the rows themselves, and the projects without a
 * report are named in every total that lacks them — never counted as zero.
 */
import { describe, expect, it } from 'vitest';
import demoSpec from '../../../../resources/demo-event.json';
import reference from '../../../../resources/municipalities.json';
import { buildDemoBundle, type DemoSpec } from '../../../../shared/demo/build-demo';
import { deriveArrivals } from '../../../../shared/domain/arrival';
import type { CheckinEntry, Municipality } from '../../../../shared/domain/types';
import { buildDemoFollowUp } from '../../../../shared/projects/demo-followup';
import { buildFinalReport, type ContestFigures } from '../../../../shared/projects/final-report';
import { currentReport } from '../../../../shared/projects/monitoring';
import type { ProjectReport } from '../../../../shared/projects/types';
import { computeDashboard } from '../../../../shared/reports/dashboard';
import { packHlc } from '../../../../shared/sync/hlc';

const builtin: Municipality[] = (reference as Omit<Municipality, 'id' | 'builtin'>[]).map((m) => ({ ...m, id: `ref:${m.name}`, builtin: true }));
let n = 0;
const newId = () => `id${++n}`;
const bundle = buildDemoBundle({ spec: demoSpec as DemoSpec, municipalities: builtin, newId, now: new Date('2019-12-01T00:00:00Z') });
const municipalities = [...builtin, ...bundle.municipalities];
const names = new Map(municipalities.map((m) => [m.id, m.name]));

const start = Date.parse('2019-12-18T04:30:00Z');
const arrived = bundle.registrations.filter((_, i) => i % 2 === 0);
const log: CheckinEntry[] = arrived.map((r, i) => ({
  id: `c${i}`,
  eventId: bundle.event.id,
  registrationId: r.id,
  kind: 'arrive',
  device: 'desk1',
  operator: 'О',
  at: new Date(start + i * 60_000).toISOString(),
  hlc: packHlc({ wall: start + i * 60_000, counter: 0, device: 'desk1' }),
}));
const dashboard = computeDashboard({ registrations: bundle.registrations, arrivals: deriveArrivals(log), municipalities, delegations: bundle.delegations, sections: bundle.sections, checkins: log });

// seven winners from the demo's delegations, each with two registered people as the team
const participants = bundle.registrations.filter((r) => r.role === 'participant' && r.municipalityId);
const winners = Array.from({ length: 7 }, (_, i) => ({
  applicationId: `app-${i}`,
  contestId: 'contest',
  title: ['Двор моей мечты', 'Школа сельского активиста', 'Чистый берег Агидели', 'Музей под открытым небом', 'Соседский центр «Вместе»', 'Молодёжный медиацентр', 'Тропа здоровья'][i]!,
  municipalityId: participants[i * 9]!.municipalityId!,
  teamRegistrationIds: [participants[i * 9]!.id, participants[i * 9 + 1]!.id],
  grantAmount: 150_000 + i * 25_000,
}));
const followUp = buildDemoFollowUp({ eventId: bundle.event.id, winners, start: '2020-02-01', today: '2020-12-01', newId, seed: 11 });
const reportsOf = (id: string): ProjectReport[] => followUp.reports.filter((r) => r.projectId === id);

const contest: ContestFigures = {
  title: 'Конкурс социальных проектов',
  applications: 23,
  admitted: 21,
  jurors: 5,
  nominations: [{ title: 'Основная номинация', applications: 21, jurors: 5, kendallW: 0.62 }],
  winners: winners.map((w) => ({ title: w.title, municipality: names.get(w.municipalityId)!, grantAmount: w.grantAmount })),
};

const build = () =>
  buildFinalReport({ projectTitle: 'КОНСТРУКТОР СООБЩЕСТВ', on: '2020-11-30', dashboard, contest, projects: followUp.projects, reportsOf, municipalityName: (id) => names.get(id) });

describe('the final report of the project', () => {
  const report = build();

  it('opens with the generated summary paragraph and is the same twice (the PDF and the xlsx read one object)', () => {
    expect(report.summary.replace(/[\u00a0\u202f]/g, ' ')).toMatch(/^В ноябре 2020 г\. подведены итоги проекта «КОНСТРУКТОР СООБЩЕСТВ»\. По итогам конкурса поддержано 7 проектов/);
    expect(build()).toEqual(report);
  });

  it('counts the conference from the registrations: arrived, municipalities, categories, experts', () => {
    const live = bundle.registrations.filter((r) => r.status !== 'cancelled');
    const came = new Set(arrived.map((r) => r.id));
    expect(report.conference.registered).toBe(live.length);
    expect(report.conference.arrived).toBe(live.filter((r) => came.has(r.id)).length);
    expect(report.conference.municipalities).toBe(new Set(live.filter((r) => came.has(r.id) && r.municipalityId).map((r) => r.municipalityId)).size);
    expect(report.conference.byCategory.reduce((s, c) => s + c.registered, 0)).toBe(live.length);
    expect(report.conference.experts.registered).toBe(live.filter((r) => r.role === 'expert').length);
    expect(report.conference.sections.map((s) => s.title)).toEqual(bundle.sections.map((s) => s.title));
    // the largest delegation that came first
    const arrivedCounts = report.conference.byMunicipality.map((m) => m.arrived);
    expect(arrivedCounts).toEqual([...arrivedCounts].sort((a, b) => b - a));
  });

  it('sums indicators over the accepted reports only, and names the projects that lack a value', () => {
    for (const line of report.projects.indicators) {
      const known = followUp.projects.filter((p) => currentReport(reportsOf(p.id))?.reached[line.key] !== undefined);
      const missing = followUp.projects.filter((p) => !known.includes(p));
      expect(line.reported).toBe(known.length);
      expect(line.reached).toBe(known.reduce((s, p) => s + currentReport(reportsOf(p.id))!.reached[line.key]!, 0));
      expect(line.planned).toBe(followUp.projects.reduce((s, p) => s + p.planned[line.key], 0));
      expect(line.missing).toEqual(missing.map((p) => p.title));
    }
    // the demo's «short» project never counted its money: named as missing, not a zero in the sum
    const money = report.projects.indicators.find((l) => l.key === 'moneyRaised')!;
    expect(money.missing.length).toBeGreaterThan(0);
    const shortLine = report.projects.lines.find((l) => l.title === money.missing[0]);
    expect(shortLine?.indicators.find((i) => i.key === 'moneyRaised')?.reached).toBeUndefined();
  });

  it('gives communities founded per municipality with their names, and the same total as the projects', () => {
    const founded = followUp.projects.filter((p) => currentReport(reportsOf(p.id))?.community.founded);
    expect(report.projects.communitiesFounded).toBe(founded.length);
    expect(report.projects.byMunicipality.reduce((s, m) => s + m.communitiesFounded, 0)).toBe(founded.length);
    expect(report.projects.byMunicipality.reduce((s, m) => s + m.projects, 0)).toBe(7);
    for (const m of report.projects.byMunicipality) expect(m.communityNames.length).toBe(m.communitiesFounded);
    expect(report.projects.byMunicipality.every((m) => m.name !== '')).toBe(true);
  });

  it('keeps each project’s line: status, current report, grant; the abandoned one stays in with what it reported', () => {
    expect(report.projects.lines.map((l) => l.title)).toEqual(winners.map((w) => w.title));
    expect(report.projects.grants).toBe(winners.reduce((s, w) => s + w.grantAmount, 0));
    expect(report.projects.lines.filter((l) => l.status === 'abandoned')).toHaveLength(1);
    for (const l of report.projects.lines) {
      const current = currentReport(reportsOf(l.id));
      expect(l.report?.round).toBe(current?.round);
      if (!current) expect(l.community.founded).toBeUndefined();
    }
  });

  it('with no report at all: every project is named as without one, every indicator has nothing reached and all missing', () => {
    const none = buildFinalReport({ projectTitle: 'КОНСТРУКТОР СООБЩЕСТВ', on: '2020-11-30', dashboard, projects: followUp.projects, reportsOf: () => [], municipalityName: (id) => names.get(id) });
    expect(none.contest).toBeUndefined();
    expect(none.projects.withoutReport).toEqual(winners.map((w) => w.title));
    for (const line of none.projects.indicators) {
      expect(line.reported).toBe(0);
      expect(line.missing).toHaveLength(7);
    }
    expect(none.summary.replace(/[\u00a0\u202f]/g, " ")).toMatch(/7 проектов ещё не отчитались/);
  });
});
