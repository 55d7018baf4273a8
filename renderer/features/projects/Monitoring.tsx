/**
 * «Мониторинг»: projects by status, one indicator planned vs reached per project (the product's BarChart
 * and a table), the same per municipality, milestones due this month and overdue reports. Figures come
 * only from accepted reports: a project without one shows «нет отчёта», never 0 (shared/projects/monitoring.ts).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IsoDate } from '../../../shared/domain/types';
import type { IndicatorTotal, ProjectStatus } from '../../../shared/projects/monitoring';
import { indicatorKeys, type IndicatorKey } from '../../../shared/projects/types';
import { formatDay, formatNumber } from '../../../shared/text/format';
import { BarChart } from '../../components/charts/BarChart';
import { SelectField } from '../../components/ui';
import type { ProjectsView } from '../../hooks/use-projects';

const STATUSES: readonly ProjectStatus[] = ['on-track', 'late', 'reported', 'closed', 'abandoned'];

export function Monitoring({ view, today }: { view: ProjectsView; today: IsoDate }) {
  const { t } = useTranslation('projects');
  const [indicator, setIndicator] = useState<IndicatorKey>('peopleInvolved');
  if (view.projects.length === 0) return <p className="empty">{t('monitoring.empty')}</p>;
  const counts = new Map<ProjectStatus, number>();
  for (const p of view.projects) counts.set(p.status, (counts.get(p.status) ?? 0) + 1);
  const municipality = (id: string) => view.municipalityNames.get(id) ?? t('list.noMunicipality');
  const name = t(`indicator.${indicator}`);
  const rows = view.projects.map((p) => ({ title: p.project.title, ...p.indicators.find((i) => i.key === indicator)! }));
  const total = (x: IndicatorTotal) => (
    <>
      {x.reported === 0 ? t('monitoring.plannedOnly', { planned: formatNumber(x.planned) }) : t('monitoring.of', { reached: formatNumber(x.reached), planned: formatNumber(x.planned) })}
      {x.missing.length > 0 && <span className="projects-missing"> · {t('monitoring.missing', { count: x.missing.length })}</span>}
    </>
  );

  return (
    <div className="projects-monitoring">
      <p className="muted">{t('monitoring.today', { date: formatDay(today) })}</p>
      <ul className="projects-status-tiles" aria-label={t('monitoring.statusCaption')}>
        {STATUSES.map((s) => (
          <li key={s} className={`projects-tile projects-status-${s}`}>
            <span className="projects-tile-value">{counts.get(s) ?? 0}</span>
            <span className="projects-tile-label">{t(`status.${s}`)}</span>
          </li>
        ))}
      </ul>

      <h2 className="subheading">{t('monitoring.byProject')}</h2>
      <SelectField label={t('monitoring.indicatorChoice')} value={indicator} options={indicatorKeys.map((k) => [k, t(`indicator.${k}`)] as const)} onChange={setIndicator} className="projects-indicator" />
      <div className="projects-chart-row">
        <BarChart
          label={t('monitoring.chartLabel', { indicator: name })}
          horizontal
          width={560}
          nameLength={44}
          categories={rows.map((r) => (r.reached === undefined ? t('monitoring.noReportSuffix', { name: r.title }) : r.title))}
          series={[
            { key: 'planned', label: t('monitoring.planned'), values: rows.map((r) => r.planned), color: '#9bb4d8' },
            { key: 'reached', label: t('monitoring.reached'), values: rows.map((r) => r.reached ?? 0), color: '#1f5fbf' },
          ]}
        />
        <table className="simple-table projects-table" aria-label={t('monitoring.byProject')}>
          <thead>
            <tr>
              <th scope="col">{t('monitoring.project')}</th>
              <th scope="col" className="num">
                {t('monitoring.planned')}
              </th>
              <th scope="col" className="num">
                {t('monitoring.reached')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.title}>
                <th scope="row">{r.title}</th>
                <td className="num">{formatNumber(r.planned)}</td>
                <td className="num">{r.reached === undefined ? <span className="projects-missing">{t('noReport')}</span> : formatNumber(r.reached)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 className="subheading">{t('monitoring.byMunicipality')}</h2>
      <table className="simple-table projects-table" aria-label={t('monitoring.byMunicipality')}>
        <thead>
          <tr>
            <th scope="col">{t('monitoring.municipality')}</th>
            <th scope="col" className="num">
              {t('monitoring.projectsCol')}
            </th>
            {indicatorKeys.map((k) => (
              <th scope="col" key={k}>
                {t(`indicator.${k}`)}
              </th>
            ))}
            <th scope="col">{t('monitoring.communities')}</th>
          </tr>
        </thead>
        <tbody>
          {[...view.byMunicipality.map((m) => ({ key: m.municipalityId, label: municipality(m.municipalityId), a: m.aggregate })), { key: 'total', label: t('monitoring.total'), a: view.total }].map(({ key, label, a }) => (
            <tr key={key} className={key === 'total' ? 'projects-total' : undefined}>
              <th scope="row">{label}</th>
              <td className="num">{a.projects}</td>
              {indicatorKeys.map((k) => (
                <td key={k}>{total(a.indicators[k])}</td>
              ))}
              <td>{t('monitoring.of', { reached: a.communitiesFounded, planned: a.communitiesPlanned })}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <div className="projects-due">
        <section aria-labelledby="projects-due-month">
          <h2 className="subheading" id="projects-due-month">
            {t('monitoring.dueThisMonth')}
          </h2>
          {view.dueThisMonth.length === 0 ? (
            <p className="muted">{t('monitoring.dueNone')}</p>
          ) : (
            <ul>
              {view.dueThisMonth.map(({ project, milestone }) => (
                <li key={milestone.id}>{t('monitoring.due', { date: formatDay(milestone.due), milestone: milestone.title, project: project.title })}</li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="projects-overdue">
          <h2 className="subheading" id="projects-overdue">
            {t('monitoring.overdue')}
          </h2>
          {view.overdue.length === 0 ? (
            <p className="muted">{t('monitoring.overdueNone')}</p>
          ) : (
            <ul>
              {view.overdue.map((o) => (
                <li key={o.projectId}>{t('monitoring.overdueItem', { project: o.title, kind: t(`kind.${o.kind}`), date: formatDay(o.due) })}</li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
