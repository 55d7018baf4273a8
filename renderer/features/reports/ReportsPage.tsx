/** «Отчёты» (features/reports): the dashboard of arrivals, sections and contest progress, its Excel file and the doors to district reports and certificates. */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { EventRow } from '../../../shared/domain/types';
import { buildXlsx } from '../../../shared/export/xlsx';
import { formatDate, formatNumber } from '../../../shared/text/format';
import { eventSummary } from '../../../shared/reports/summary';
import { bridge } from '../../bridge/bridge';
import { BarChart } from '../../components/charts/BarChart';
import { useContestSummary, type ContestSummary } from '../../hooks/use-contest-summary';
import { useDashboard } from '../../hooks/use-dashboard';
import { useParticipants } from '../../hooks/use-participants';
import { useSections } from '../../hooks/use-sections';
import { FinalReportButton } from '../final-report';
import { CertificatesDialog } from './CertificatesDialog';
import { DistrictReportDialog } from './DistrictReportDialog';
import './reports.css';
import { sayText } from '../../i18n';

// print-friendly: solid colours that survive greyscale
const EXPECTED = '#b8c4d6';
const ARRIVED = '#1f5fbf';
const hhmm = (iso: string) => formatDate(iso, 'time');

export function ReportsPage({ event }: { event: EventRow }) {
  const { t } = useTranslation('reports');
  const d = useDashboard(event.id);
  const [copied, setCopied] = useState(false);
  const [dialog, setDialog] = useState<'district' | 'certificates' | null>(null);
  const rows = useParticipants(event.id);
  const sections = useSections(event.id);
  const contest = useContestSummary(event.id);
  if (!d) return <p>{t('app:common.loading')}</p>;
  const summary = eventSummary(event, d);
  const arrivedMunicipalities = d.byMunicipality.filter((m) => m.arrived > 0).length;

  const exportXlsx = async () => {
    const bytes = buildXlsx([
      {
        name: t('xlsx.byMunicipality'),
        columnWidths: [32, 26, 30, 12, 16, 12],
        rows: [
          [t('xlsx.municipality'), t('xlsx.region'), t('xlsx.federalDistrict'), t('xlsx.expected'), t('xlsx.registered'), t('xlsx.arrived')],
          ...d.byMunicipality.map((m) => [m.name, m.region, m.federalDistrict, m.expected, m.registered, m.arrived]),
          [t('xlsx.total'), '', '', d.totals.expected, d.totals.registered, d.totals.arrived],
        ],
      },
      { name: t('xlsx.byCategory'), columnWidths: [24, 16, 12], rows: [[t('xlsx.category'), t('xlsx.registered'), t('xlsx.arrived')], ...d.byCategory.map((c) => [t(`app:category.${c.category}`), c.registered, c.arrived])] },
      { name: t('xlsx.byRole'), columnWidths: [24, 16, 12], rows: [[t('xlsx.role'), t('xlsx.registered'), t('xlsx.arrived')], ...d.byRole.map((r) => [t(`app:role.${r.role}`), r.registered, r.arrived])] },
      { name: t('xlsx.sections'), columnWidths: [50, 12, 12, 12], rows: [[t('xlsx.section'), t('xlsx.seats'), t('xlsx.assigned'), t('xlsx.arrived')], ...d.sections.map((s) => [s.title, s.capacity, s.assigned, s.arrived])] },
      { name: t('xlsx.overTime'), columnWidths: [20, 12], rows: [[t('xlsx.interval'), t('xlsx.arrived')], ...d.arrivalsOverTime.map((a) => [hhmm(a.start), a.count])] },
      { name: t('xlsx.summary'), columnWidths: [120], rows: [[summary]] },
    ], sayText);
    await bridge.saveFile({ suggestedName: t('xlsx.file'), bytes });
  };

  return (
    <section className="page page-reports">
      <header className="page-header reports-header">
        <h1>{t('heading')}</h1>
        <span className="spacer" />
        <button type="button" onClick={() => setDialog('district')} disabled={!rows || !sections}>
          {t('districtButton')}
        </button>
        <button type="button" onClick={() => setDialog('certificates')} disabled={!rows}>
          {t('certificatesButton')}
        </button>
        <FinalReportButton event={event} />
        <button type="button" onClick={() => void exportXlsx()}>
          {t('excel')}
        </button>
        <button type="button" onClick={() => window.print()}>
          {t('print')}
        </button>
      </header>
      <div className="kpis">
        <Kpi label={t('kpi.arrived')} value={d.totals.arrived} />
        <Kpi label={t('kpi.registered')} value={d.totals.registered} />
        <Kpi label={t('kpi.expected')} value={d.totals.expected} />
        <Kpi label={t('kpi.municipalities', { count: arrivedMunicipalities })} value={arrivedMunicipalities} />
        <Kpi label={t('kpi.walkIns')} value={d.totals.walkIns} />
      </div>
      <section className="report-block" aria-labelledby="summary-title">
        <h2 id="summary-title">{t('summary')}</h2>
        <p className="summary-text" data-testid="event-summary">
          {summary}
        </p>
        <button
          type="button"
          onClick={() => void navigator.clipboard?.writeText(summary).then(() => setCopied(true), () => setCopied(false))}
        >
          {copied ? t('copied') : t('copy')}
        </button>
      </section>
      <section className="report-block" aria-labelledby="by-municipality-title">
        <h2 id="by-municipality-title">{t('byMunicipality')}</h2>
        <BarChart
          label={t('byMunicipalityChart')}
          horizontal
          categories={d.byMunicipality.map((m) => m.name)}
          series={[
            { key: 'expected', label: t('expectedSeries'), values: d.byMunicipality.map((m) => m.expected), color: EXPECTED },
            { key: 'arrived', label: t('arrivedSeries'), values: d.byMunicipality.map((m) => m.arrived), color: ARRIVED },
          ]}
        />
      </section>
      <div className="report-grid">
        <section className="report-block" aria-labelledby="by-category-title">
          <h2 id="by-category-title">{t('byCategory')}</h2>
          <BarChart
            label={t('byCategoryChart')}
            horizontal
            width={520}
            categories={d.byCategory.map((c) => t(`app:category.${c.category}`))}
            series={[
              { key: 'registered', label: t('registeredSeries'), values: d.byCategory.map((c) => c.registered), color: EXPECTED },
              { key: 'arrived', label: t('arrivedSeries'), values: d.byCategory.map((c) => c.arrived), color: ARRIVED },
            ]}
          />
        </section>
        <section className="report-block" aria-labelledby="sections-fill-title">
          <h2 id="sections-fill-title">{t('sectionsFill')}</h2>
          <table className="simple-table">
            <thead>
              <tr>
                <th scope="col">{t('section')}</th>
                <th scope="col" className="num">
                  {t('assignedOfSeats')}
                </th>
                <th scope="col" className="num">
                  {t('arrived')}
                </th>
              </tr>
            </thead>
            <tbody>
              {d.sections.map((s) => (
                <tr key={s.sectionId}>
                  <td>{s.title}</td>
                  <td className="num">{t('ratio', { part: formatNumber(s.assigned), whole: formatNumber(s.capacity) })}</td>
                  <td className="num">{formatNumber(s.arrived)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('byRole')}</h3>
          <table className="simple-table">
            <tbody>
              {d.byRole.map((r) => (
                <tr key={r.role}>
                  <td>{t(`app:role.${r.role}`)}</td>
                  <td className="num">{t('arrivedOf', { arrived: formatNumber(r.arrived), registered: formatNumber(r.registered) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      {contest && <ContestProgress contest={contest} />}
      <section className="report-block" aria-labelledby="over-time-title">
        <h2 id="over-time-title">{t('overTime')}</h2>
        {d.arrivalsOverTime.length === 0 ? (
          <p className="muted">{t('noArrivals')}</p>
        ) : (
          <BarChart
            label={t('overTimeChart')}
            categories={d.arrivalsOverTime.map((a) => hhmm(a.start))}
            series={[{ key: 'arrived', label: t('arrivedSeries'), values: d.arrivalsOverTime.map((a) => a.count), color: ARRIVED }]}
          />
        )}
      </section>
      {dialog === 'district' && rows && sections && <DistrictReportDialog event={event} rows={rows} sections={sections} applications={contest?.applications ?? []} onClose={() => setDialog(null)} />}
      {dialog === 'certificates' && rows && (
        <CertificatesDialog
          event={event}
          people={rows.filter((r) => r.arrival.arrived).map((r) => ({ id: r.registration.id, fullName: r.fullName, municipality: r.municipality }))}
          onClose={() => setDialog(null)}
        />
      )}
    </section>
  );
}

/** Contest progress: packages sent to jurors, score sheets received and finalized. */
function ContestProgress({ contest }: { contest: ContestSummary }) {
  const { t } = useTranslation('reports');
  return (
    <section className="report-block" aria-labelledby="contest-progress-title">
      <h2 id="contest-progress-title">
        <Trans t={t} i18nKey="contest" values={{ title: contest.title }} components={{ data: <span translate="no" /> }} /> <span className="muted">({t(`contestStatus.${contest.status}`, { defaultValue: contest.status })})</span>
      </h2>
      <div className="kpis">
        <Kpi label={t('contestKpi.applications', { count: contest.applications.length })} value={contest.applications.length} />
        <Kpi label={t('contestKpi.jurors', { count: contest.jurors })} value={contest.jurors} />
        <Kpi label={t('contestKpi.packages', { count: contest.packagesSent })} value={contest.packagesSent} />
        <Kpi label={t('contestKpi.received', { assigned: formatNumber(contest.assigned) })} value={contest.received} />
        <Kpi label={t('contestKpi.finalized', { count: contest.finalized })} value={contest.finalized} />
      </div>
    </section>
  );
}

function Kpi({ label, value }: { label: string; value: number }) {
  return (
    <div className="kpi">
      <span className="kpi-value">{formatNumber(value)}</span>
      <span className="kpi-label">{label}</span>
    </div>
  );
}
