/**
 * The final report of the project on A4: the title and the generated summary paragraph first (what
 * the grant operator reads), then the conference, the contest and the winners' projects, each with
 * its tables and a vector chart (renderer/components/charts/BarChart), and a page of photos from the
 * accepted reports. A figure no report gives is printed as «не указано», never as zero, and the
 * projects without an accepted report are named.
 */
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FinalReport } from '../../../shared/projects/final-report';
import { formatMoney, formatNumber } from '../../../shared/text/format';
import { BarChart } from '../../components/charts/BarChart';
import type { ReportPhoto } from '../../hooks/use-final-report';
import { sharePercent, type FinalReportMeta } from './final-report-xlsx';

/** Municipalities drawn in the conference chart; the table lists every one. */
const CHART_ROWS = 15;
const BLUE = '#2f5d9e';
const GREEN = '#3f8f5a';
const GREY = '#a9b4c4';

export function FinalReportDocument({ report: r, meta, photos }: { report: FinalReport; meta: FinalReportMeta; photos: readonly ReportPhoto[] }) {
  const { t } = useTranslation('finalReport');
  const { t: tApp } = useTranslation('app');
  const urls = useMemo(() => new Map(photos.map((p) => [p.id, URL.createObjectURL(new Blob([p.bytes as Uint8Array<ArrayBuffer>], { type: p.mime }))])), [photos]);
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u)), [urls]);
  const notStated = t('projects.notStated');
  const conf = r.conference;
  const drawn = conf.byMunicipality.filter((m) => m.arrived > 0).slice(0, CHART_ROWS);
  const p = r.projects;
  const shares = p.indicators.map((l) => sharePercent(l.reached, l.plannedOfReported, l.reported));
  return (
    <article className="protocol-page final-report-page">
      <h1>{t('title', { title: meta.projectTitle })}</h1>
      <p className="protocol-meta">
        <span>{meta.eventTitle}</span>
        <span>{t('date', { date: meta.date })}</span>
      </p>
      <section className="final-summary" aria-label={t('summary')}>
        <p>{r.summary}</p>
      </section>

      <h2>{t('conference.heading')}</h2>
      <p>{t('conference.lead', { event: meta.eventTitle, registered: formatNumber(conf.registered), arrived: formatNumber(conf.arrived), municipalities: t('conference.municipalities', { count: conf.municipalities }) })}</p>
      <p>{t('conference.experts', { registered: conf.experts.registered, arrived: conf.experts.arrived })}</p>
      {drawn.length > 0 && (
        <BarChart label={t('conference.chart')} horizontal values categories={drawn.map((m) => m.name)} series={[{ key: 'arrived', label: t('conference.arrived'), values: drawn.map((m) => m.arrived), color: BLUE }]} />
      )}
      {conf.byMunicipality.length > drawn.length && drawn.length > 0 && <p className="final-note">{t('conference.more', { count: conf.byMunicipality.length - drawn.length })}</p>}
      <div className="final-columns">
        <table className="protocol-table" aria-label={t('conference.byCategory')}>
          <thead>
            <tr>
              <th>{t('conference.category')}</th>
              <th className="num">{t('conference.registered')}</th>
              <th className="num">{t('conference.arrived')}</th>
            </tr>
          </thead>
          <tbody>
            {conf.byCategory.map((c) => (
              <tr key={c.category}>
                <td>{tApp(`category.${c.category}`)}</td>
                <td className="num">{formatNumber(c.registered)}</td>
                <td className="num">{formatNumber(c.arrived)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="protocol-table" aria-label={t('conference.sections')}>
          <thead>
            <tr>
              <th>{t('conference.section')}</th>
              <th className="num">{t('conference.assigned')}</th>
              <th className="num">{t('conference.arrived')}</th>
            </tr>
          </thead>
          <tbody>
            {conf.sections.map((s) => (
              <tr key={s.title}>
                <td>{s.title}</td>
                <td className="num">{formatNumber(s.assigned)}</td>
                <td className="num">{formatNumber(s.arrived)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t('contest.heading')}</h2>
      {r.contest ? (
        <>
          <p>{t('contest.lead', { title: r.contest.title, applications: r.contest.applications, admitted: r.contest.admitted, jurors: r.contest.jurors })}</p>
          <table className="protocol-table" aria-label={t('contest.nominations')}>
            <thead>
              <tr>
                <th>{t('contest.nomination')}</th>
                <th className="num">{t('contest.applications')}</th>
                <th className="num">{t('contest.jurors')}</th>
                <th className="num">{t('contest.kendall')}</th>
              </tr>
            </thead>
            <tbody>
              {r.contest.nominations.map((n) => (
                <tr key={n.title}>
                  <td>{n.title}</td>
                  <td className="num">{n.applications}</td>
                  <td className="num">{n.jurors}</td>
                  <td className="num">{n.kendallW === null ? t('contest.kendallNone') : formatNumber(n.kendallW, 2, true)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {r.contest.winners.length === 0 ? (
            <p>{t('contest.noWinners')}</p>
          ) : (
            <table className="protocol-table" aria-label={t('contest.winners')}>
              <thead>
                <tr>
                  <th>{t('contest.project')}</th>
                  <th>{t('contest.municipality')}</th>
                  <th className="num">{t('contest.grant')}</th>
                </tr>
              </thead>
              <tbody>
                {r.contest.winners.map((w) => (
                  <tr key={w.title}>
                    <td>{w.title}</td>
                    <td>{w.municipality ?? ''}</td>
                    <td className="num">{w.grantAmount === undefined ? '' : formatMoney(w.grantAmount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : (
        <p>{t('contest.none')}</p>
      )}

      <h2>{t('projects.heading')}</h2>
      {p.total === 0 ? (
        <p>{t('projects.none')}</p>
      ) : (
        <>
          <p>{t('projects.lead', { n: p.total, grants: formatMoney(p.grants), founded: p.communitiesFounded, planned: p.communitiesPlanned })}</p>
          <table className="protocol-table" aria-label={t('projects.indicators')}>
            <thead>
              <tr>
                <th>{t('projects.indicator')}</th>
                <th className="num">{t('projects.planned')}</th>
                <th className="num">{t('projects.reached')}</th>
                <th className="num">{t('projects.share')}</th>
                <th>{t('projects.missing')}</th>
              </tr>
            </thead>
            <tbody>
              {p.indicators.map((l, i) => (
                <tr key={l.key}>
                  <td>{t(`indicator.${l.key}`)}</td>
                  <td className="num">{l.key === 'moneyRaised' ? formatMoney(l.planned) : formatNumber(l.planned)}</td>
                  <td className="num">{l.reported === 0 ? notStated : l.key === 'moneyRaised' ? formatMoney(l.reached) : formatNumber(l.reached)}</td>
                  <td className="num">{shares[i] === null ? notStated : `${formatNumber(shares[i]!)} %`}</td>
                  <td>{l.missing.join(', ') || t('projects.missingNone')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {shares.some((s) => s !== null) && (
            <BarChart
              label={t('projects.chart')}
              horizontal
              values
              format={(n) => `${formatNumber(n)} %`}
              categories={p.indicators.map((l) => t(`indicator.${l.key}`))}
              series={[{ key: 'share', label: t('projects.chart'), values: shares.map((s) => s ?? 0), color: GREEN }]}
            />
          )}
          {p.withoutReport.length > 0 && <p>{t('projects.withoutReport', { titles: p.withoutReport.map((x) => `«${x}»`).join(', ') })}</p>}

          <h3>{t('projects.perProject')}</h3>
          <table className="protocol-table final-projects" aria-label={t('projects.perProject')}>
            <thead>
              <tr>
                <th>{t('contest.project')}</th>
                <th>{t('projects.status')}</th>
                {p.indicators.map((l) => (
                  <th key={l.key} className="num">
                    {t(`indicator.${l.key}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {p.lines.map((l) => (
                <tr key={l.id}>
                  <td>
                    {l.title}
                    {l.municipality && <small>{l.municipality}</small>}
                  </td>
                  <td>
                    {t(`status.${l.status}`)}
                    <small>{l.report ? t('projects.reportOf', { kind: t(`kind.${l.report.kind}`), round: l.report.round }) : t('projects.noReport')}</small>
                  </td>
                  {l.indicators.map((i) => (
                    <td key={i.key} className="num">
                      {i.reached === undefined ? notStated : formatNumber(i.reached)}
                      <small>
                        {t('projects.planned')} {formatNumber(i.planned)}
                      </small>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>

          <h3>{t('projects.communities')}</h3>
          <BarChart
            label={t('projects.communitiesChart')}
            horizontal
            values
            categories={p.byMunicipality.map((m) => m.name)}
            series={[
              { key: 'planned', label: t('projects.communitiesPlanned'), values: p.byMunicipality.map((m) => m.communitiesPlanned), color: GREY },
              { key: 'founded', label: t('projects.communitiesFounded'), values: p.byMunicipality.map((m) => m.communitiesFounded), color: GREEN },
            ]}
          />
          <table className="protocol-table" aria-label={t('projects.communities')}>
            <thead>
              <tr>
                <th>{t('contest.municipality')}</th>
                <th className="num">{t('projects.projectsCount')}</th>
                <th className="num">{t('projects.communitiesPlanned')}</th>
                <th className="num">{t('projects.communitiesFounded')}</th>
                <th>{t('projects.communityNames')}</th>
              </tr>
            </thead>
            <tbody>
              {p.byMunicipality.map((m) => (
                <tr key={m.name}>
                  <td>{m.name}</td>
                  <td className="num">{m.projects}</td>
                  <td className="num">{m.communitiesPlanned}</td>
                  <td className="num">{m.communitiesFounded}</td>
                  <td>{m.communityNames.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <section className="final-photos">
            <h3>{t('projects.photos')}</h3>
            <p>{p.photos === 0 ? t('projects.noPhotos') : t('projects.photosCount', { count: p.photos })}</p>
            {photos.length > 0 && (
              <ul>
                {photos.map((ph) => (
                  <li key={ph.id}>
                    <img src={urls.get(ph.id)} alt={ph.name} />
                    <span>{ph.projectTitle}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </article>
  );
}
