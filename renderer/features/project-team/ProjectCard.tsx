/**
 * What the team's package says about its project: title, municipality, team, grant, report dates, the
 * community planned, and — first, because it is why the team is here again — the organizer's
 * «вернуть на доработку» reasons for the rounds not yet answered.
 */
import { useTranslation } from 'react-i18next';
import type { ReportPackage } from '../../../shared/projects/report-package';
import { formatDay, formatMoney } from '../../../shared/text/format';

/** Returned rounds after the last accepted one: those the team's next report answers. */
export const openReturns = (pkg: ReportPackage) => pkg.returns.filter((r) => !pkg.accepted || r.round > pkg.accepted.round);

export function ProjectCard({ pkg }: { pkg: ReportPackage }) {
  const { t } = useTranslation('projectTeam');
  const p = pkg.project;
  const returns = openReturns(pkg);
  return (
    <section className="team-project" aria-labelledby="team-project-title">
      {returns.length > 0 && (
        <div className="team-returned" role="note">
          <strong>{t('project.returned')}</strong>
          <ul>
            {returns.map((r) => (
              <li key={r.round}>{t('project.returnedRound', { round: r.round, kind: t(`kind.${r.kind}`), reason: r.reason })}</li>
            ))}
          </ul>
        </div>
      )}
      <h1 id="team-project-title" translate="no">{p.title}</h1>
      <dl className="team-facts">
        {p.municipalityName && (
          <>
            <dt>{t('project.municipality')}</dt>
            <dd>{p.municipalityName}</dd>
          </>
        )}
        <dt>{t('project.team')}</dt>
        <dd>{pkg.team.join(', ')}</dd>
        {p.grantAmount !== undefined && (
          <>
            <dt>{t('project.grant')}</dt>
            <dd>{formatMoney(p.grantAmount)}</dd>
          </>
        )}
        <dt>{t('project.due')}</dt>
        <dd>
          {[p.interimReportDue ? t('project.dueInterim', { date: formatDay(p.interimReportDue) }) : '', t('project.dueFinal', { date: formatDay(p.finalReportDue) })].filter(Boolean).join('; ')}
        </dd>
        <dt>{t('project.community')}</dt>
        <dd>{p.plannedCommunity.founded ? (p.plannedCommunity.name ?? '—') : t('project.communityNone')}</dd>
      </dl>
      {pkg.accepted && <p className="team-accepted">{t('project.accepted', { round: pkg.accepted.round, kind: t(`kind.${pkg.accepted.kind}`) })}</p>}
    </section>
  );
}
