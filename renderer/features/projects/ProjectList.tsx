/**
 * The project list: each winner's project with its municipality, community type, team, grant, status and
 * reports, and its three actions — the plan, the report package, the reports. Also the review queue:
 * reports waiting for the organizer, across projects.
 */
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../shared/projects/types';
import { formatDate, formatMoney } from '../../../shared/text/format';
import type { ProjectsView } from '../../hooks/use-projects';

type Actions = { onPlan: (p: Project) => void; onPackage: (p: Project) => void; onReports: (p: Project) => void; busy: boolean };

export function ProjectList({ view, onPlan, onPackage, onReports, busy }: { view: ProjectsView } & Actions) {
  const { t } = useTranslation('projects');
  if (view.projects.length === 0) return <p className="empty">{t('noProjects')}</p>;
  return (
    <table className="simple-table projects-table projects-list" aria-label={t('list.caption')}>
      <thead>
        <tr>
          <th scope="col">{t('list.project')}</th>
          <th scope="col">{t('list.municipality')}</th>
          <th scope="col">{t('list.type')}</th>
          <th scope="col">{t('list.team')}</th>
          <th scope="col" className="num">
            {t('list.grant')}
          </th>
          <th scope="col">{t('list.status')}</th>
          <th scope="col">{t('list.reports')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('list.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {view.projects.map(({ project: p, status }) => {
          const reports = view.reports.get(p.id) ?? [];
          const waiting = reports.filter((r) => r.review === 'received').length;
          return (
            <tr key={p.id}>
              <th scope="row">{p.title}</th>
              <td>{p.municipalityId ? (view.municipalityNames.get(p.municipalityId) ?? '—') : <span className="muted">{t('list.noMunicipality')}</span>}</td>
              <td>{t(`communityType.${p.communityType}`)}</td>
              <td>{p.teamRegistrationIds.length > 0 ? t('list.teamCount', { count: p.teamRegistrationIds.length }) : <span className="muted">{t('list.noTeam')}</span>}</td>
              <td className="num">{p.grantAmount === undefined ? '—' : formatMoney(p.grantAmount)}</td>
              <td>
                <span className={`projects-status projects-status-${status}`}>{t(`status.${status}`)}</span>
              </td>
              <td>
                {reports.length === 0 ? <span className="muted">{t('noReport')}</span> : t('list.reportsCount', { count: reports.length })}
                {waiting > 0 && <strong className="projects-waiting"> · {t('list.waiting', { count: waiting })}</strong>}
              </td>
              <td>
                <div className="projects-actions">
                  <button type="button" onClick={() => onPlan(p)} aria-label={`${t('list.plan')} ${p.title}`}>
                    {t('list.plan')}
                  </button>
                  <button type="button" disabled={busy} onClick={() => onPackage(p)} aria-label={`${t('list.package')} ${p.title}`}>
                    {t('list.package')}
                  </button>
                  <button type="button" onClick={() => onReports(p)} aria-label={`${t('list.showReports')} ${p.title}`}>
                    {t('list.showReports')}
                  </button>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Reports waiting for review, newest first, each opening its project's reports. */
export function ReviewQueue({ view, onOpen }: { view: ProjectsView; onOpen: (p: Project) => void }) {
  const { t } = useTranslation('projects');
  const waiting = view.projects.flatMap(({ project }) => (view.reports.get(project.id) ?? []).filter((r) => r.review === 'received').map((r) => ({ project, report: r })));
  waiting.sort((a, b) => b.report.submittedAt.localeCompare(a.report.submittedAt));
  return (
    <section aria-labelledby="projects-waiting">
      <h2 className="subheading" id="projects-waiting">
        {t('reports.waitingTitle')}
      </h2>
      {waiting.length === 0 ? (
        <p className="muted">{t('reports.waitingNone')}</p>
      ) : (
        <ul className="projects-queue">
          {waiting.map(({ project, report }) => (
            <li key={report.id}>
              <span>
                <strong>{project.title}</strong> — {t('reports.round', { round: report.round, kind: t(`kind.${report.kind}`) })}, {t('reports.submitted', { date: formatDate(report.submittedAt, 'dateTime') })}
              </span>
              <button type="button" onClick={() => onOpen(project)} aria-label={`${t('reports.open')}: ${project.title}`}>
                {t('reports.open')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
