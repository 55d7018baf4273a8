import { describe, expect, it } from 'vitest';
import { buildDemoFollowUp, type Winner } from '../../../../shared/projects/demo-followup';
import { aggregateProjects, projectStatus } from '../../../../shared/projects/monitoring';
import { projectSummary } from '../../../../shared/projects/summary';
import type { ProjectReport } from '../../../../shared/projects/types';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const MUNICIPALITIES = ['ufa', 'sibay', 'birsk', 'beloretsk', 'ufa', 'kumertau', 'oktyabrsky'];

function winners(count: number): Winner[] {
  return Array.from({ length: count }, (_, i) => ({
    applicationId: `app-${i}`,
    contestId: 'contest',
    title: `Проект ${i + 1}`,
    municipalityId: MUNICIPALITIES[i % MUNICIPALITIES.length]!,
    teamRegistrationIds: [`reg-${i}`],
    grantAmount: 200_000,
  }));
}

function demo(count: number, today: string, seed = 7) {
  let n = 0;
  return buildDemoFollowUp({ eventId: 'e', winners: winners(count), start: '2020-01-15', today, newId: () => `id-${++n}`, seed });
}

function reportsBy(reports: ProjectReport[]) {
  return (pid: string) => reports.filter((r) => r.projectId === pid);
}

describe('the demo follow-up', () => {
  it('is deterministic for a seed and different for another', () => {
    expect(demo(7, '2020-12-01')).toEqual(demo(7, '2020-12-01'));
    expect(demo(7, '2020-12-01', 8).projects.map((p) => p.planned)).not.toEqual(demo(7, '2020-12-01').projects.map((p) => p.planned));
  });

  it('has projects on time, late, reported and one abandoned by the summing-up', () => {
    const { projects, reports } = demo(7, '2020-12-01');
    const statuses = projects.map((p) => projectStatus(p, reportsBy(reports)(p.id), '2020-12-01'));
    expect(statuses).toContain('reported');
    expect(statuses).toContain('late');
    expect(statuses.filter((s) => s === 'abandoned')).toHaveLength(1);
    // mid-year most are still running on track
    const mid = demo(7, '2020-04-01');
    expect(mid.projects.map((p) => projectStatus(p, reportsBy(mid.reports)(p.id), '2020-04-01'))).toContain('on-track');
  });

  it('leaves some figures unreported, which the aggregate keeps as missing', () => {
    const { projects, reports } = demo(7, '2020-12-01');
    const agg = aggregateProjects(projects, reportsBy(reports));
    expect(agg.indicators.moneyRaised.missing.length).toBeGreaterThan(0);
    expect(agg.indicators.peopleInvolved.reported).toBeLessThan(projects.length + 1);
  });
});

describe('the summary paragraph', () => {
  it('reads like the organizers’ news text, with the demo’s own figures', () => {
    const { projects, reports } = demo(7, '2020-12-01');
    const text = plain(projectSummary({ projectTitle: 'КОНСТРУКТОР СООБЩЕСТВ', on: '2020-11-30', projects, reportsOf: reportsBy(reports) }));
    const agg = aggregateProjects(projects, reportsBy(reports));
    expect(text).toMatch(/^В ноябре 2020 г\. подведены итоги проекта «КОНСТРУКТОР СООБЩЕСТВ»\. /);
    expect(text).toContain('По итогам конкурса поддержано 7 проектов из 6 муниципалитетов');
    expect(text).toContain(`создано ${agg.communitiesFounded} сообществ`);
    const people = agg.indicators.peopleInvolved.reached.toLocaleString('ru-RU').replace(/\u00a0/g, ' ');
    expect(text).toContain(`вовлечено ${people} человек`);
    expect(text).toContain('1 проект прекращён командой');
  });

  it('agrees participles and nouns with the number', () => {
    const one = demo(1, '2021-01-01');
    const text = plain(projectSummary({ projectTitle: 'Х', on: '2020-11-30', projects: one.projects, reportsOf: reportsBy(one.reports) }));
    expect(text).toContain('поддержан 1 проект из 1 муниципалитета');
    expect(text).toContain('создано 1 сообщество в 1 муниципалитете');
    expect(text).toContain('Итоговые отчёты приняты по 1 проекту');
  });

  it('says who has not reported instead of counting them as zero', () => {
    const { projects } = demo(3, '2020-01-20');
    const text = plain(projectSummary({ projectTitle: 'Х', on: '2020-01-20', projects, reportsOf: () => [] }));
    expect(text).toContain('3 проекта ещё не отчитались');
    expect(text).not.toMatch(/вовлечено 0/);
  });
});
