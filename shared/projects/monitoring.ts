/**
 * Where each project stands and what it achieved, per project, per municipality and in total.
 *
 * The rule that matters: a project that has not reported is *missing*, not zero. Summing a missing
 * report as 0 would tell the grant operator that a community involved nobody, when we simply do not
 * know yet; so every aggregate carries how many projects it covers and which ones are missing.
 */
import type { Id, IsoDate } from '../domain/types';
import {
  indicatorKeys,
  type CommunityFounded,
  type IndicatorKey,
  type Milestone,
  type Project,
  type ProjectReport,
} from './types';

/** on-track: running and not late; late: a milestone or report past due; reported: final report accepted. */
export type ProjectStatus = 'on-track' | 'late' | 'reported' | 'closed' | 'abandoned';

/** The report that stands for the project now: the latest accepted one (by round), if any. */
export function currentReport(reports: readonly ProjectReport[]): ProjectReport | undefined {
  let best: ProjectReport | undefined;
  for (const r of reports) if (r.review === 'accepted' && (!best || r.round > best.round)) best = r;
  return best;
}

function milestoneDone(id: Id, report: ProjectReport | undefined): boolean {
  const m = report?.milestones.find((x) => x.milestoneId === id);
  return m?.state === 'done' || m?.state === 'dropped';
}

/**
 * Milestones the current report shows as late: due before the report was written and not done (or
 * dropped) in it. Before any report we do not know (the overdue interim report says so instead), and a
 * milestone due after the last report waits for the next one.
 */
export function overdueMilestones(project: Project, reports: readonly ProjectReport[]): Milestone[] {
  const report = currentReport(reports);
  if (!report) return [];
  const written = report.submittedAt.slice(0, 10);
  return project.milestones.filter((m) => m.due < written && !milestoneDone(m.id, report));
}

/** Which report is overdue today: the interim one (no report at all past its date) or the final one. */
export function overdueReport(project: Project, reports: readonly ProjectReport[], today: IsoDate): 'interim' | 'final' | undefined {
  if (project.lifecycle !== 'running') return undefined;
  const accepted = reports.filter((r) => r.review === 'accepted');
  const submitted = reports.filter((r) => r.review !== 'returned');
  if (project.finalReportDue < today && !submitted.some((r) => r.kind === 'final')) return 'final';
  if (project.interimReportDue && project.interimReportDue < today && submitted.length === 0 && accepted.length === 0) return 'interim';
  return undefined;
}

export function projectStatus(project: Project, reports: readonly ProjectReport[], today: IsoDate): ProjectStatus {
  if (project.lifecycle === 'abandoned') return 'abandoned';
  if (project.lifecycle === 'closed') return 'closed';
  if (currentReport(reports)?.kind === 'final') return 'reported';
  if (overdueReport(project, reports, today) || overdueMilestones(project, reports).length > 0) return 'late';
  return 'on-track';
}

/** Milestones falling in the calendar month of `today` (YYYY-MM), not yet done. */
export function milestonesDueThisMonth(projects: readonly Project[], reportsOf: (id: Id) => readonly ProjectReport[], today: IsoDate) {
  const month = today.slice(0, 7);
  return projects.flatMap((p) => {
    if (p.lifecycle !== 'running') return [];
    const report = currentReport(reportsOf(p.id));
    return p.milestones.filter((m) => m.due.startsWith(month) && !milestoneDone(m.id, report)).map((m) => ({ project: p, milestone: m }));
  });
}

/** One indicator over a set of projects: planned by all, reached by those whose report gives it. */
export type IndicatorTotal = {
  planned: number;
  reached: number;
  /** Planned by the projects whose reached value is known, for a fair «reached of planned» ratio. */
  plannedOfReported: number;
  /** Projects whose current report states this indicator. */
  reported: number;
  /** Projects without a value: no accepted report, or the report left it out. */
  missing: Id[];
};

export type ProjectsAggregate = {
  projects: number;
  indicators: Record<IndicatorKey, IndicatorTotal>;
  communitiesPlanned: number;
  /** Communities a current report says were founded. */
  communitiesFounded: number;
  /** Projects without any accepted report. */
  withoutReport: Id[];
};

function emptyTotal(): IndicatorTotal {
  return { planned: 0, reached: 0, plannedOfReported: 0, reported: 0, missing: [] };
}

/** Aggregates a set of projects (all, or one municipality's); abandoned ones count with what they reported. */
export function aggregateProjects(projects: readonly Project[], reportsOf: (id: Id) => readonly ProjectReport[]): ProjectsAggregate {
  const indicators = Object.fromEntries(indicatorKeys.map((k) => [k, emptyTotal()])) as Record<IndicatorKey, IndicatorTotal>;
  const out: ProjectsAggregate = { projects: projects.length, indicators, communitiesPlanned: 0, communitiesFounded: 0, withoutReport: [] };
  for (const p of projects) {
    const report = currentReport(reportsOf(p.id));
    if (!report) out.withoutReport.push(p.id);
    if (p.plannedCommunity.founded) out.communitiesPlanned += 1;
    if (report?.community.founded) out.communitiesFounded += 1;
    for (const k of indicatorKeys) {
      const t = indicators[k];
      t.planned += p.planned[k];
      const value = report?.reached[k];
      if (value === undefined) {
        t.missing.push(p.id);
      } else {
        t.reached += value;
        t.plannedOfReported += p.planned[k];
        t.reported += 1;
      }
    }
  }
  return out;
}

/** Per municipality, in the order of first appearance; projects without one under the key ''. */
export function aggregateByMunicipality(projects: readonly Project[], reportsOf: (id: Id) => readonly ProjectReport[]) {
  const groups = new Map<string, Project[]>();
  for (const p of projects) {
    const key = p.municipalityId ?? '';
    const list = groups.get(key);
    if (list) list.push(p);
    else groups.set(key, [p]);
  }
  return [...groups].map(([municipalityId, list]) => ({ municipalityId, aggregate: aggregateProjects(list, reportsOf) }));
}

/** A project's own planned vs reached, `undefined` where its report gives no value. */
export function projectIndicators(project: Project, reports: readonly ProjectReport[]) {
  const report = currentReport(reports);
  return indicatorKeys.map((key) => ({ key, planned: project.planned[key], reached: report?.reached[key] }));
}

/** The community the current report names, or what was planned while nothing is reported. */
export function communityOf(project: Project, reports: readonly ProjectReport[]): CommunityFounded & { reported: boolean } {
  const report = currentReport(reports);
  return report ? { ...report.community, reported: true } : { ...project.plannedCommunity, reported: false };
}

/** Share reached of planned, only over the projects that reported the indicator; null when none did. */
export function reachedShare(total: IndicatorTotal): number | null {
  return total.reported === 0 || total.plannedOfReported === 0 ? null : total.reached / total.plannedOfReported;
}

