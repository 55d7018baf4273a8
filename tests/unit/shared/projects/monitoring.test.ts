import { describe, expect, it } from 'vitest';
import {
  aggregateByMunicipality,
  aggregateProjects,
  currentReport,
  milestonesDueThisMonth,
  overdueMilestones,
  overdueReport,
  projectStatus,
  reachedShare,
} from '../../../../shared/projects/monitoring';
import type { Project, ProjectReport } from '../../../../shared/projects/types';

let n = 0;
const id = () => `id-${++n}`;

function project(over: Partial<Project> = {}): Project {
  return {
    id: id(),
    eventId: 'e',
    contestId: 'c',
    applicationId: id(),
    title: 'Двор нашей мечты',
    municipalityId: 'ufa',
    communityType: 'tos',
    teamRegistrationIds: ['r1'],
    planned: { peopleInvolved: 100, eventsHeld: 10, volunteers: 20, moneyRaised: 50_000 },
    plannedCommunity: { founded: true, name: 'ТОС «Заря»' },
    milestones: [
      { id: 'm1', title: 'Собрание', due: '2020-03-01' },
      { id: 'm2', title: 'Субботник', due: '2020-06-15' },
    ],
    interimReportDue: '2020-05-31',
    finalReportDue: '2020-11-15',
    lifecycle: 'running',
    createdAt: '2020-01-10T10:00:00.000Z',
    ...over,
  };
}

function report(p: Project, over: Partial<ProjectReport> = {}): ProjectReport {
  return {
    id: id(),
    projectId: p.id,
    kind: 'interim',
    round: 1,
    submittedAt: '2020-05-20T12:00:00.000Z',
    reached: { peopleInvolved: 60, eventsHeld: 4, volunteers: 12, moneyRaised: 10_000 },
    community: { founded: true, name: 'ТОС «Заря»' },
    text: '',
    milestones: [{ milestoneId: 'm1', state: 'done', doneOn: '2020-02-28' }],
    photoIds: [],
    review: 'accepted',
    ...over,
  };
}

describe('the current report of a project', () => {
  it('is the latest accepted round; received and returned ones do not count', () => {
    const p = project();
    const r1 = report(p, { round: 1 });
    const r2 = report(p, { round: 2, review: 'returned', returnReason: 'нет фото' });
    const r3 = report(p, { round: 3, review: 'received' });
    expect(currentReport([r3, r2, r1])).toBe(r1);
    expect(currentReport([r1, { ...r3, review: 'accepted' }])?.round).toBe(3);
    expect(currentReport([r2])).toBeUndefined();
  });
});

describe('indicator aggregation', () => {
  it('sums per project the current report only — rounds are cumulative, never added up', () => {
    const p = project();
    const agg = aggregateProjects([p], () => [
      report(p, { round: 1, reached: { peopleInvolved: 40, eventsHeld: 2, volunteers: 5, moneyRaised: 0 } }),
      report(p, { round: 2, kind: 'final', reached: { peopleInvolved: 90, eventsHeld: 9, volunteers: 18, moneyRaised: 45_000 } }),
    ]);
    expect(agg.indicators.peopleInvolved).toMatchObject({ planned: 100, reached: 90, reported: 1, missing: [] });
  });

  it('counts a project without a report as missing, not as zero', () => {
    const a = project();
    const b = project({ planned: { peopleInvolved: 300, eventsHeld: 5, volunteers: 10, moneyRaised: 0 } });
    const reports = new Map([[a.id, [report(a)]]]);
    const agg = aggregateProjects([a, b], (pid) => reports.get(pid) ?? []);
    const people = agg.indicators.peopleInvolved;
    expect(people.planned).toBe(400);
    expect(people.reached).toBe(60);
    expect(people.reported).toBe(1);
    expect(people.missing).toEqual([b.id]);
    expect(agg.withoutReport).toEqual([b.id]);
    // the share compares with what the reporting projects planned: 60 of 100, not 60 of 400
    expect(reachedShare(people)).toBeCloseTo(0.6);
  });

  it('an indicator left out of a report is missing for that indicator only', () => {
    const p = project();
    const agg = aggregateProjects([p], () => [report(p, { reached: { peopleInvolved: 50, eventsHeld: 3, volunteers: 7 } })]);
    expect(agg.indicators.moneyRaised).toMatchObject({ reported: 0, missing: [p.id], reached: 0 });
    expect(reachedShare(agg.indicators.moneyRaised)).toBeNull();
    expect(agg.indicators.eventsHeld).toMatchObject({ reported: 1, reached: 3 });
    expect(agg.withoutReport).toEqual([]);
  });

  it('groups by municipality and totals agree with the groups', () => {
    const ps = [project({ municipalityId: 'ufa' }), project({ municipalityId: 'sibay' }), project({ municipalityId: 'ufa' }), project({ municipalityId: undefined })];
    const reportsOf = (pid: string) => (pid === ps[1]!.id ? [] : [report(ps.find((p) => p.id === pid)!)]);
    const groups = aggregateByMunicipality(ps, reportsOf);
    expect(groups.map((g) => [g.municipalityId, g.aggregate.projects])).toEqual([['ufa', 2], ['sibay', 1], ['', 1]]);
    const total = aggregateProjects(ps, reportsOf);
    const sum = groups.reduce((s, g) => s + g.aggregate.indicators.volunteers.reached, 0);
    expect(total.indicators.volunteers.reached).toBe(sum);
    expect(groups.find((g) => g.municipalityId === 'sibay')!.aggregate.withoutReport).toEqual([ps[1]!.id]);
    expect(total.communitiesPlanned).toBe(4);
    expect(total.communitiesFounded).toBe(3);
  });
});

describe('project status', () => {
  it('on track before anything is due', () => {
    expect(projectStatus(project(), [], '2020-02-01')).toBe('on-track');
  });

  it('late when a report shows a milestone past its date undone; on track once a report says it is done', () => {
    const p = project();
    const undone = report(p, { submittedAt: '2020-03-10T12:00:00.000Z', milestones: [{ milestoneId: 'm1', state: 'in-progress' }] });
    expect(overdueMilestones(p, [undone]).map((m) => m.id)).toEqual(['m1']);
    expect(projectStatus(p, [undone], '2020-03-12')).toBe('late');
    expect(projectStatus(p, [undone, report(p, { round: 2 })], '2020-05-21')).toBe('on-track');
    // before any report a passed milestone is unknown, not late; m2 is due after the report was written
    expect(overdueMilestones(p, [])).toEqual([]);
    expect(overdueMilestones(p, [report(p)]).map((m) => m.id)).toEqual([]);
  });

  it('late when the interim report is past due, overdue report named', () => {
    const p = project({ milestones: [] });
    expect(overdueReport(p, [], '2020-06-01')).toBe('interim');
    expect(projectStatus(p, [], '2020-06-01')).toBe('late');
    expect(overdueReport(p, [report(p, { review: 'received' })], '2020-06-01')).toBeUndefined();
    expect(overdueReport(p, [report(p)], '2020-11-16')).toBe('final');
  });

  it('reported once the final report is accepted; closed and abandoned as the organizer set', () => {
    const p = project();
    expect(projectStatus(p, [report(p, { kind: 'final', round: 2, milestones: [] })], '2021-01-01')).toBe('reported');
    expect(projectStatus(project({ lifecycle: 'closed' }), [], '2021-01-01')).toBe('closed');
    expect(projectStatus(project({ lifecycle: 'abandoned' }), [], '2021-01-01')).toBe('abandoned');
    expect(overdueReport(project({ lifecycle: 'abandoned' }), [], '2021-01-01')).toBeUndefined();
  });

  it('milestones due this month, without those done', () => {
    const a = project();
    const b = project({ milestones: [{ id: 'x', title: 'Праздник', due: '2020-06-01' }] });
    const due = milestonesDueThisMonth([a, b], (pid) => (pid === a.id ? [report(a, { milestones: [{ milestoneId: 'm2', state: 'done' }] })] : []), '2020-06-10');
    expect(due.map((d) => d.milestone.id)).toEqual(['x']);
  });
});
