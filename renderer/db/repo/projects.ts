/**
 * The winners' projects after the contest (issue 25), on the organizer's device: winners marked from
 * the contest's results become projects (team, municipality, community type, plan, milestones); the
 * teams' reports arrive in signed report files (repo/project-reports.ts) and wait for the organizer,
 * who accepts them or returns them «на доработку» with a reason that travels back in the next package.
 *
 * Projects and reports are tracked tables (organizer-only, shared/trust/rules.ts): district offices get
 * them through the usual exchange files. Aggregates come from shared/projects/monitoring.ts, so a
 * project without an accepted report is counted as missing, never as zero.
 */
import type { Id, IsoDate } from '../../../shared/domain/types';
import {
  aggregateByMunicipality,
  aggregateProjects,
  currentReport,
  projectIndicators,
  projectStatus,
  type ProjectStatus,
  type ProjectsAggregate,
} from '../../../shared/projects/monitoring';
import { communityTypes, indicatorKeys, type CommunityFounded, type CommunityType, type Indicators, type Milestone, type Project } from '../../../shared/projects/types';
import type { DbContext } from '../context';
import type { ProjectReportRow } from '../database';
import { putTracked } from '../change-log';
import { dbText, fail } from './fail';

const ZERO: Indicators = { peopleInvolved: 0, eventsHeld: 0, volunteers: 0, moneyRaised: 0 };
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export type WinnerInput = {
  applicationId: Id;
  /** Roubles granted, if the contest gave grants. */
  grantAmount?: number;
  communityType?: CommunityType;
};

export type WinnerDates = { finalReportDue: IsoDate; interimReportDue?: IsoDate };

/**
 * «Отметить победителей»: each winning application becomes a project (once — marking it again only
 * updates the amount). The team is the applicants registered at the contest's event, the lead first;
 * the plan starts at zero and is filled in with updatePlan. Only after the scoring is closed: the
 * results are final then. Refused as a whole for an application that is not admitted in this contest.
 */
export async function markWinners(ctx: DbContext, contestId: Id, winners: readonly WinnerInput[], dates: WinnerDates, now = new Date().toISOString()): Promise<Project[]> {
  if (!DAY.test(dates.finalReportDue) || (dates.interimReportDue !== undefined && !DAY.test(dates.interimReportDue))) fail('projects.reportDates');
  if (dates.interimReportDue !== undefined && dates.interimReportDue > dates.finalReportDue) fail('projects.interimAfterFinal');
  for (const w of winners) if (w.grantAmount !== undefined && !(w.grantAmount >= 0)) fail('projects.grantNegative');
  const { db } = ctx;
  return db.transaction('rw', [db.contests, db.applications, db.registrations, db.projects, db.changes], async () => {
    const contest = await db.contests.get(contestId);
    if (!contest) return fail('contest.notFound');
    if (contest.status !== 'closed') return fail('projects.notClosed');
    const existing = new Map((await db.projects.where('contestId').equals(contestId).toArray()).map((p) => [p.applicationId, p]));
    const regs = await db.registrations.where('eventId').equals(contest.eventId).toArray();
    const regOf = new Map(regs.map((r) => [r.personId, r.id]));
    const out: Project[] = [];
    for (const w of winners) {
      const app = await db.applications.get(w.applicationId);
      if (!app || app.contestId !== contestId) return fail('projects.applicationNotFound');
      if (app.status !== 'admitted') return fail('projects.notAdmitted', { title: app.title });
      const before = existing.get(app.id);
      if (before) {
        out.push(w.grantAmount === undefined ? before : { ...before, grantAmount: w.grantAmount });
        continue;
      }
      const project: Project = {
        id: crypto.randomUUID(),
        eventId: contest.eventId,
        contestId,
        applicationId: app.id,
        title: app.title,
        communityType: w.communityType ?? 'initiative',
        teamRegistrationIds: app.applicantPersonIds.flatMap((p) => (regOf.has(p) ? [regOf.get(p)!] : [])),
        planned: { ...ZERO },
        plannedCommunity: { founded: false },
        milestones: [],
        finalReportDue: dates.finalReportDue,
        lifecycle: 'running',
        createdAt: now,
      };
      if (app.municipalityId !== undefined) project.municipalityId = app.municipalityId;
      if (w.grantAmount !== undefined) project.grantAmount = w.grantAmount;
      if (dates.interimReportDue !== undefined) project.interimReportDue = dates.interimReportDue;
      out.push(project);
    }
    await putTracked(ctx, 'projects', out);
    return out;
  });
}

export type PlanPatch = {
  planned?: Partial<Indicators>;
  plannedCommunity?: CommunityFounded;
  milestones?: Array<Omit<Milestone, 'id'> & { id?: Id }>;
  communityType?: CommunityType;
  grantAmount?: number;
  interimReportDue?: IsoDate;
  finalReportDue?: IsoDate;
  /** The team, the lead first: registrations of the project's event. */
  teamRegistrationIds?: Id[];
  /** `null` clears the municipality. */
  municipalityId?: Id | null;
};

/** The problems of a plan (in the UI's language), or []: what updatePlan refuses. */
export function planProblems(patch: PlanPatch): string[] {
  const out: string[] = [];
  for (const k of indicatorKeys) {
    const v = patch.planned?.[k];
    if (v !== undefined && !(Number.isFinite(v) && v >= 0)) out.push(dbText('projects.plannedNegative'));
  }
  if (patch.communityType !== undefined && !communityTypes.includes(patch.communityType)) out.push(dbText('projects.communityType'));
  if (patch.plannedCommunity?.founded && !patch.plannedCommunity.name?.trim()) out.push(dbText('projects.communityName'));
  for (const m of patch.milestones ?? []) {
    if (!m.title.trim()) out.push(dbText('projects.milestoneTitle'));
    if (!DAY.test(m.due)) out.push(dbText('projects.milestoneDue', { title: m.title }));
  }
  if (patch.grantAmount !== undefined && !(patch.grantAmount >= 0)) out.push(dbText('projects.grantNegative'));
  if (patch.interimReportDue !== undefined && !DAY.test(patch.interimReportDue)) out.push(dbText('projects.interimDue'));
  if (patch.finalReportDue !== undefined && !DAY.test(patch.finalReportDue)) out.push(dbText('projects.finalDue'));
  return [...new Set(out)];
}

/** Changes a project's plan: indicators, the community, milestones (new ones get ids), dates, team, municipality. */
export async function updatePlan(ctx: DbContext, projectId: Id, patch: PlanPatch): Promise<Project> {
  const problems = planProblems(patch);
  if (problems.length > 0) fail(problems.join(' '));
  const { db } = ctx;
  return db.transaction('rw', [db.projects, db.registrations, db.municipalities, db.changes], async () => {
    const project = await db.projects.get(projectId);
    if (!project) return fail('projects.notFound');
    if (patch.teamRegistrationIds) {
      const regs = await db.registrations.bulkGet(patch.teamRegistrationIds);
      if (regs.some((r) => !r || r.eventId !== project.eventId)) return fail('projects.teamOutsider');
    }
    if (patch.municipalityId && !(await db.municipalities.get(patch.municipalityId))) return fail('projects.municipalityNotFound');
    const next: Project = { ...project, planned: { ...project.planned, ...patch.planned } };
    if (patch.plannedCommunity) next.plannedCommunity = patch.plannedCommunity.founded ? { founded: true, name: patch.plannedCommunity.name!.trim() } : { founded: false };
    if (patch.milestones) next.milestones = patch.milestones.map((m) => ({ id: m.id ?? crypto.randomUUID(), title: m.title.trim(), due: m.due })).sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
    if (patch.communityType) next.communityType = patch.communityType;
    if (patch.grantAmount !== undefined) next.grantAmount = patch.grantAmount;
    if (patch.interimReportDue !== undefined) next.interimReportDue = patch.interimReportDue;
    if (patch.finalReportDue !== undefined) next.finalReportDue = patch.finalReportDue;
    if (patch.teamRegistrationIds) next.teamRegistrationIds = [...new Set(patch.teamRegistrationIds)];
    if (patch.municipalityId === null) delete next.municipalityId;
    else if (patch.municipalityId !== undefined) next.municipalityId = patch.municipalityId;
    if (next.interimReportDue !== undefined && next.interimReportDue > next.finalReportDue) return fail('projects.interimAfterFinal');
    await putTracked(ctx, 'projects', [next]);
    return next;
  });
}

/** The event's projects (one municipality's, when given), by title. */
export async function listProjects(ctx: DbContext, eventId: Id, municipalityId?: Id): Promise<Project[]> {
  const all = await ctx.db.projects.where('eventId').equals(eventId).toArray();
  return all.filter((p) => municipalityId === undefined || p.municipalityId === municipalityId).sort((a, b) => a.title.localeCompare(b.title, 'ru'));
}

/** A project's reports, by round. */
export async function listReports(ctx: DbContext, projectId: Id): Promise<ProjectReportRow[]> {
  return (await ctx.db.projectReports.where('projectId').equals(projectId).toArray()).sort((a, b) => a.round - b.round);
}

export type ProjectsOverview = {
  projects: Array<{ project: Project; status: ProjectStatus; indicators: ReturnType<typeof projectIndicators>; current?: ProjectReportRow }>;
  byMunicipality: Array<{ municipalityId: string; aggregate: ProjectsAggregate }>;
  total: ProjectsAggregate;
};

/** What the monitoring shows: per project, per municipality, in total — missing reports counted as missing. */
export async function projectsOverview(ctx: DbContext, eventId: Id, today: IsoDate, municipalityId?: Id): Promise<ProjectsOverview> {
  const projects = await listProjects(ctx, eventId, municipalityId);
  const reports = await ctx.db.projectReports.where('eventId').equals(eventId).toArray();
  const byProject = new Map<Id, ProjectReportRow[]>();
  for (const r of reports) byProject.set(r.projectId, [...(byProject.get(r.projectId) ?? []), r]);
  const reportsOf = (id: Id) => byProject.get(id) ?? [];
  return {
    projects: projects.map((project) => {
      const current = currentReport(reportsOf(project.id)) as ProjectReportRow | undefined;
      return { project, status: projectStatus(project, reportsOf(project.id), today), indicators: projectIndicators(project, reportsOf(project.id)), ...(current ? { current } : {}) };
    }),
    byMunicipality: aggregateByMunicipality(projects, reportsOf),
    total: aggregateProjects(projects, reportsOf),
  };
}

/** Reads a stored report for a review step; refuses what is not waiting for review. */
async function pendingReport(ctx: DbContext, reportId: Id): Promise<ProjectReportRow> {
  const report = await ctx.db.projectReports.get(reportId);
  if (!report) return fail('reports.notFound');
  if (report.review === 'accepted') return fail('reports.accepted');
  if (report.review === 'returned') return fail('reports.returned', { reason: report.returnReason ?? dbText('reports.noReason') });
  return report;
}

/**
 * «Принять отчёт»: the report becomes the project's current state (the latest accepted round,
 * monitoring.ts) — the reached indicators, the community and the milestones in every aggregate.
 */
export async function acceptReport(ctx: DbContext, reportId: Id): Promise<ProjectReportRow> {
  const { db } = ctx;
  return db.transaction('rw', db.projectReports, db.changes, async () => {
    const report = await pendingReport(ctx, reportId);
    const later = (await db.projectReports.where('projectId').equals(report.projectId).toArray()).find((r) => r.review === 'accepted' && r.round > report.round);
    if (later) return fail('reports.laterAccepted', { round: later.round });
    const next: ProjectReportRow = { ...report, review: 'accepted' };
    await putTracked(ctx, 'projectReports', [next]);
    return next;
  });
}

/**
 * «Вернуть на доработку»: the report is returned with a reason; the project's next report package
 * carries the reason back to the team, whose corrected report comes as the next round.
 */
export async function returnReport(ctx: DbContext, reportId: Id, reason: string): Promise<ProjectReportRow> {
  const text = reason.trim();
  if (!text) fail('reports.returnReason');
  const { db } = ctx;
  return db.transaction('rw', db.projectReports, db.changes, async () => {
    const report = await pendingReport(ctx, reportId);
    const next: ProjectReportRow = { ...report, review: 'returned', returnReason: text };
    await putTracked(ctx, 'projectReports', [next]);
    return next;
  });
}
