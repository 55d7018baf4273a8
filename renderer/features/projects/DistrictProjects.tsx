/**
 * The winners' projects of one municipality, for the district report (features/reports): each project's
 * status, grant, indicators reached of planned — «нет отчёта» where the project has not reported — and
 * the community. District offices hold these rows through the usual exchange files (shared/sync/scope.ts).
 */
import { useTranslation } from 'react-i18next';
import { indicatorKeys } from '../../../shared/projects/types';
import { formatDate, formatMoney, formatNumber, todayIn } from '../../../shared/text/format';
import { useProjects } from '../../hooks/use-projects';

export function DistrictProjects({ eventId, municipalityId }: { eventId: string; municipalityId: string }) {
  const { t } = useTranslation('projects');
  const view = useProjects(eventId, todayIn(), municipalityId);
  if (!view || view.projects.length === 0) return null;
  return (
    <>
      <h2>{t('district.heading')}</h2>
      <table aria-label={t('district.heading')}>
        <thead>
          <tr>
            <th>{t('list.project')}</th>
            <th>{t('list.status')}</th>
            <th className="num">{t('list.grant')}</th>
            {indicatorKeys.map((k) => (
              <th key={k} className="num">
                {t(`indicator.${k}`)}
              </th>
            ))}
            <th>{t('reports.community')}</th>
          </tr>
        </thead>
        <tbody>
          {view.projects.map(({ project: p, status, indicators, current }) => (
            <tr key={p.id}>
              <td>
                {p.title}
                {current && <div className="muted">{t('district.reportLine', { kind: t(`kind.${current.kind}`), date: formatDate(current.submittedAt) })}</div>}
              </td>
              <td>{t(`status.${status}`)}</td>
              <td className="num">{p.grantAmount === undefined ? '—' : formatMoney(p.grantAmount)}</td>
              {indicators.map((i) => (
                <td key={i.key} className="num">
                  {i.reached === undefined ? t('noReport') : t('monitoring.of', { reached: formatNumber(i.reached), planned: formatNumber(i.planned) })}
                </td>
              ))}
              <td>{current ? (current.community.founded ? t('reports.communityFounded', { name: current.community.name ?? '' }) : t('reports.communityNot')) : t('noReport')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
