/**
 * The winners' projects of an event, live (issue 25): the monitoring overview (shared/projects/monitoring.ts
 * through repo/projects.ts — a missing report stays missing, never zero), every report by project, the
 * milestones due this month and the overdue reports. Photo bytes are not read here (a report lists its
 * photos' ids; the review screen loads one when it is shown).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { IsoDate } from '../../shared/domain/types';
import { milestonesDueThisMonth, overdueReport } from '../../shared/projects/monitoring';
import type { ProjectReportRow } from '../db/database';
import { projectsOverview, type ProjectsOverview } from '../db/repo/projects';
import { useDb } from './db-context';

export type ProjectsView = ProjectsOverview & {
  /** Every report of the event's projects, by project id, in round order. */
  reports: Map<string, ProjectReportRow[]>;
  /** Municipality names by id. */
  municipalityNames: Map<string, string>;
  dueThisMonth: ReturnType<typeof milestonesDueThisMonth>;
  overdue: Array<{ projectId: string; title: string; kind: 'interim' | 'final'; due: IsoDate }>;
};

/** The event's projects (one municipality's, when given) as of `today`. */
export function useProjects(eventId: string, today: IsoDate, municipalityId?: string): ProjectsView | undefined {
  const ctx = useDb();
  const { db } = ctx;
  return useLiveQuery(async () => {
    const [overview, rows, municipalities] = await Promise.all([
      projectsOverview(ctx, eventId, today, municipalityId),
      db.projectReports.where('eventId').equals(eventId).toArray(),
      db.municipalities.toArray(),
    ]);
    const reports = new Map<string, ProjectReportRow[]>();
    for (const r of rows.sort((a, b) => a.round - b.round)) reports.set(r.projectId, [...(reports.get(r.projectId) ?? []), r]);
    const projects = overview.projects.map((p) => p.project);
    const reportsOf = (id: string) => reports.get(id) ?? [];
    const overdue = projects.flatMap((p) => {
      const kind = overdueReport(p, reportsOf(p.id), today);
      const due = kind === 'interim' ? p.interimReportDue : p.finalReportDue;
      return kind && due ? [{ projectId: p.id, title: p.title, kind, due }] : [];
    });
    return {
      ...overview,
      reports,
      municipalityNames: new Map(municipalities.map((m) => [m.id, m.name])),
      dueThisMonth: milestonesDueThisMonth(projects, reportsOf, today),
      overdue,
    };
  }, [ctx, db, eventId, today, municipalityId]);
}
