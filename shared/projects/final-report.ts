/**
 * The final report of the project (issue 25) as data: one pure function that the A4 pages and the
 * workbook both read, so paper and Excel can never disagree. Four parts, in the order the grant
 * operator reads them: the generated summary paragraph, the conference (participants by municipality
 * and category, sections, experts), the contest (applications, jury, winners, reliability) and the
 * projects (indicators planned vs reached, communities founded per municipality, photos).
 *
 * The rule of shared/projects/monitoring.ts holds here too: a project without a value is *missing*
 * and named, never counted as zero — every total carries the titles of the projects it lacks.
 */
import type { Category, Id, IsoDate } from '../domain/types';
import type { Dashboard } from '../reports/dashboard';
import { aggregateByMunicipality, aggregateProjects, communityOf, currentReport, projectStatus, type ProjectStatus } from './monitoring';
import { projectSummary } from './summary';
import { indicatorKeys, type IndicatorKey, type Project, type ProjectReport, type ReportKind } from './types';

/** One nomination's jury agreement, from shared/results (Kendall's W over the nomination's block). */
export type NominationFigures = { title: string; applications: number; jurors: number; kendallW: number | null };

/** What the report needs of the contest; `undefined` when the event had none. */
export type ContestFigures = {
  title: string;
  applications: number;
  admitted: number;
  jurors: number;
  nominations: readonly NominationFigures[];
  /** Winning applications in the order of the ranking (or of marking). */
  winners: ReadonlyArray<{ title: string; municipality?: string; grantAmount?: number }>;
};

export type FinalReportInput = {
  /** The grant project's name, without quotes: «КОНСТРУКТОР СООБЩЕСТВ». */
  projectTitle: string;
  /** The day the results are summed up (the report's date). */
  on: IsoDate;
  dashboard: Pick<Dashboard, 'totals' | 'byMunicipality' | 'byCategory' | 'byRole' | 'sections'>;
  contest?: ContestFigures;
  projects: readonly Project[];
  reportsOf: (projectId: Id) => readonly ProjectReport[];
  municipalityName: (id: Id) => string | undefined;
};

export type IndicatorLine = { key: IndicatorKey; planned: number; reached: number; reported: number; plannedOfReported: number; missing: string[] };

export type ProjectLine = {
  id: Id;
  title: string;
  municipality?: string;
  status: ProjectStatus;
  /** The kind and round of the current (latest accepted) report; none while nothing is accepted. */
  report?: { kind: ReportKind; round: number };
  /** `reached` undefined: the current report does not give it (or there is none). */
  indicators: Array<{ key: IndicatorKey; planned: number; reached?: number }>;
  community: { planned: boolean; plannedName?: string; founded?: boolean; name?: string };
  grantAmount?: number;
  photos: number;
};

export type MunicipalityLine = { name: string; projects: number; communitiesPlanned: number; communitiesFounded: number; communityNames: string[]; withoutReport: number };

export type FinalReport = {
  summary: string;
  conference: {
    registered: number;
    arrived: number;
    /** Municipalities someone arrived from. */
    municipalities: number;
    byMunicipality: Array<{ name: string; registered: number; arrived: number }>;
    byCategory: Array<{ category: Category; registered: number; arrived: number }>;
    sections: Array<{ title: string; assigned: number; arrived: number }>;
    experts: { registered: number; arrived: number };
  };
  contest?: ContestFigures;
  projects: {
    total: number;
    grants: number;
    lines: ProjectLine[];
    indicators: IndicatorLine[];
    communitiesPlanned: number;
    communitiesFounded: number;
    byMunicipality: MunicipalityLine[];
    /** Titles of projects without any accepted report. */
    withoutReport: string[];
    photos: number;
  };
};

const byName = new Intl.Collator('ru').compare;

export function buildFinalReport(input: FinalReportInput): FinalReport {
  const { projects, reportsOf, dashboard } = input;
  const titleOf = new Map(projects.map((p) => [p.id, p.title]));
  const titles = (ids: readonly Id[]) => ids.map((id) => titleOf.get(id) ?? id);
  const name = (id: Id | undefined) => (id ? input.municipalityName(id) : undefined);

  const lines: ProjectLine[] = projects.map((p) => {
    const reports = reportsOf(p.id);
    const current = currentReport(reports);
    const community = communityOf(p, reports);
    const line: ProjectLine = {
      id: p.id,
      title: p.title,
      status: projectStatus(p, reports, input.on),
      indicators: indicatorKeys.map((key) => {
        const reached = current?.reached[key];
        return reached === undefined ? { key, planned: p.planned[key] } : { key, planned: p.planned[key], reached };
      }),
      community: { planned: p.plannedCommunity.founded, ...(p.plannedCommunity.name ? { plannedName: p.plannedCommunity.name } : {}) },
      photos: current?.photoIds.length ?? 0,
    };
    const m = name(p.municipalityId);
    if (m) line.municipality = m;
    if (current) {
      line.report = { kind: current.kind, round: current.round };
      line.community.founded = community.founded;
      if (community.founded && community.name) line.community.name = community.name;
    }
    if (p.grantAmount !== undefined) line.grantAmount = p.grantAmount;
    return line;
  });

  const total = aggregateProjects(projects, reportsOf);
  const indicators: IndicatorLine[] = indicatorKeys.map((key) => {
    const t = total.indicators[key];
    return { key, planned: t.planned, reached: t.reached, reported: t.reported, plannedOfReported: t.plannedOfReported, missing: titles(t.missing) };
  });
  const byMunicipality: MunicipalityLine[] = aggregateByMunicipality(projects, reportsOf).map(({ municipalityId, aggregate }) => {
    const own = lines.filter((_, i) => (projects[i]!.municipalityId ?? '') === municipalityId);
    return {
      name: name(municipalityId) ?? '',
      projects: aggregate.projects,
      communitiesPlanned: aggregate.communitiesPlanned,
      communitiesFounded: aggregate.communitiesFounded,
      communityNames: own.flatMap((l) => (l.community.founded && l.community.name ? [l.community.name] : [])),
      withoutReport: aggregate.withoutReport.length,
    };
  });
  byMunicipality.sort((a, b) => b.communitiesFounded - a.communitiesFounded || b.projects - a.projects || byName(a.name, b.name));

  const experts = dashboard.byRole.find((r) => r.role === 'expert') ?? { registered: 0, arrived: 0 };
  const report: FinalReport = {
    summary: projectSummary({ projectTitle: input.projectTitle, on: input.on, projects, reportsOf }),
    conference: {
      registered: dashboard.totals.registered,
      arrived: dashboard.totals.arrived,
      municipalities: dashboard.byMunicipality.filter((m) => m.arrived > 0).length,
      byMunicipality: dashboard.byMunicipality
        .filter((m) => m.registered > 0)
        .map((m) => ({ name: m.name, registered: m.registered, arrived: m.arrived }))
        .sort((a, b) => b.arrived - a.arrived || byName(a.name, b.name)),
      byCategory: dashboard.byCategory.filter((c) => c.registered > 0).map((c) => ({ category: c.category, registered: c.registered, arrived: c.arrived })),
      sections: dashboard.sections.map((s) => ({ title: s.title, assigned: s.assigned, arrived: s.arrived })),
      experts: { registered: experts.registered, arrived: experts.arrived },
    },
    projects: {
      total: projects.length,
      grants: projects.reduce((n, p) => n + (p.grantAmount ?? 0), 0),
      lines,
      indicators,
      communitiesPlanned: total.communitiesPlanned,
      communitiesFounded: total.communitiesFounded,
      byMunicipality,
      withoutReport: titles(total.withoutReport),
      photos: lines.reduce((n, l) => n + l.photos, 0),
    },
  };
  if (input.contest) report.contest = input.contest;
  return report;
}
