/**
 * What the final report of the project (renderer/features/final-report) is built from, live: the
 * conference's figures (useDashboard), the contest with its results (shared/results through
 * contestResults), the projects with their reports, and photos of the current reports for the photo
 * page. The report itself is one pure call, shared/projects/final-report.ts buildFinalReport.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { EventRow, Id, IsoDate } from '../../shared/domain/types';
import { buildFinalReport, type ContestFigures, type FinalReport } from '../../shared/projects/final-report';
import { currentReport } from '../../shared/projects/monitoring';
import type { Project, ProjectReport } from '../../shared/projects/types';
import type { ReportPhotoRow } from '../db/database';
import { useDb } from './db-context';
import { useContest, useContestData } from './use-contest';
import { useDashboard } from './use-dashboard';
import { contestResults } from './use-results';

/** The most photos the report prints: two per project, a page's worth. */
export const REPORT_PHOTOS = 12;

export type ReportPhoto = Pick<ReportPhotoRow, 'id' | 'name' | 'mime' | 'bytes'> & { projectTitle: string };

function useProjects(eventId: Id) {
  const { db } = useDb();
  return useLiveQuery(async () => {
    const [projects, reports, municipalities] = await Promise.all([
      db.projects.where('eventId').equals(eventId).toArray(),
      db.projectReports.where('eventId').equals(eventId).toArray(),
      db.municipalities.toArray(),
    ]);
    projects.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.title.localeCompare(b.title, 'ru'));
    const byProject = new Map<Id, ProjectReport[]>();
    for (const r of reports) byProject.set(r.projectId, [...(byProject.get(r.projectId) ?? []), r]);
    // two photos of each project's current report, up to a page
    const wanted = projects.flatMap((p) => (currentReport(byProject.get(p.id) ?? [])?.photoIds.slice(0, 2) ?? []).map((id) => ({ id, project: p }))).slice(0, REPORT_PHOTOS);
    const rows = await db.reportPhotos.bulkGet(wanted.map((w) => w.id));
    const photos: ReportPhoto[] = rows.flatMap((r, i) => (r ? [{ id: r.id, name: r.name, mime: r.mime, bytes: r.bytes, projectTitle: wanted[i]!.project.title }] : []));
    return { projects: projects as Project[], byProject, names: new Map(municipalities.map((m) => [m.id, m.name])), photos };
  }, [db, eventId]);
}

/** The report for `on` (the day of the summing-up); undefined while loading. */
export function useFinalReport(event: EventRow, projectTitle: string, on: IsoDate): { report: FinalReport; photos: ReportPhoto[] } | undefined {
  const dashboard = useDashboard(event.id);
  const setup = useContest(event.id);
  const data = useContestData(setup?.contest.id);
  const projects = useProjects(event.id);
  return useMemo(() => {
    if (!dashboard || setup === undefined || (setup && !data) || !projects) return undefined;
    let contest: ContestFigures | undefined;
    if (setup && data) {
      const results = contestResults(setup, data);
      contest = {
        title: setup.contest.title,
        applications: data.applications.length,
        admitted: data.applications.filter((a) => a.status === 'admitted').length,
        jurors: data.jurors.length,
        nominations: results.nominations.map((n) => ({
          title: n.title,
          applications: n.input.applications.length,
          jurors: new Set(n.results.totals.map((t) => t.jurorId)).size,
          kendallW: n.results.reliability.blocks[0]?.kendall.w ?? null,
        })),
        winners: projects.projects.map((p) => ({
          title: p.title,
          ...(p.municipalityId && projects.names.has(p.municipalityId) ? { municipality: projects.names.get(p.municipalityId)! } : {}),
          ...(p.grantAmount === undefined ? {} : { grantAmount: p.grantAmount }),
        })),
      };
    }
    const report = buildFinalReport({
      projectTitle,
      on,
      dashboard,
      ...(contest ? { contest } : {}),
      projects: projects.projects,
      reportsOf: (id) => projects.byProject.get(id) ?? [],
      municipalityName: (id) => projects.names.get(id),
    });
    return { report, photos: projects.photos };
  }, [dashboard, setup, data, projects, projectTitle, on]);
}
