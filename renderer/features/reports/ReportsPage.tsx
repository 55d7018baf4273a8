import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventRow } from '../../../shared/domain/types';
import { buildXlsx } from '../../../shared/export/xlsx';
import { eventSummary } from '../../../shared/reports/summary';
import { bridge } from '../../bridge/bridge';
import { BarChart } from '../../components/charts/BarChart';
import { useContestSummary, type ContestSummary } from '../../hooks/use-contest-summary';
import { useDashboard } from '../../hooks/use-dashboard';
import { useParticipants } from '../../hooks/use-participants';
import { useSections } from '../../hooks/use-sections';
import { CertificatesDialog } from './CertificatesDialog';
import { DistrictReportDialog } from './DistrictReportDialog';
import './reports.css';

// print-friendly: solid colours that survive greyscale
const EXPECTED = '#b8c4d6';
const ARRIVED = '#1f5fbf';
const hhmm = (iso: string) => new Date(iso).toLocaleTimeString('ru-RU', { hour: '2-digit', minute: '2-digit' });

export function ReportsPage({ event }: { event: EventRow }) {
  const { t } = useTranslation();
  const d = useDashboard(event.id);
  const [copied, setCopied] = useState(false);
  const [dialog, setDialog] = useState<'district' | 'certificates' | null>(null);
  const rows = useParticipants(event.id);
  const sections = useSections(event.id);
  const contest = useContestSummary(event.id);
  if (!d) return <p>{t('common.loading')}</p>;
  const summary = eventSummary(event, d);

  const exportXlsx = async () => {
    const bytes = buildXlsx([
      {
        name: 'По муниципалитетам',
        columnWidths: [32, 26, 30, 12, 16, 12],
        rows: [
          ['Муниципалитет', 'Регион', 'Федеральный округ', 'Ожидалось', 'Зарегистрировано', 'Прибыло'],
          ...d.byMunicipality.map((m) => [m.name, m.region, m.federalDistrict, m.expected, m.registered, m.arrived]),
          ['Итого', '', '', d.totals.expected, d.totals.registered, d.totals.arrived],
        ],
      },
      { name: 'По категориям', columnWidths: [24, 16, 12], rows: [['Категория', 'Зарегистрировано', 'Прибыло'], ...d.byCategory.map((c) => [t(`category.${c.category}`), c.registered, c.arrived])] },
      { name: 'По ролям', columnWidths: [24, 16, 12], rows: [['Роль', 'Зарегистрировано', 'Прибыло'], ...d.byRole.map((r) => [t(`role.${r.role}`), r.registered, r.arrived])] },
      { name: 'Секции', columnWidths: [50, 12, 12, 12], rows: [['Секция', 'Мест', 'Назначено', 'Прибыло'], ...d.sections.map((s) => [s.title, s.capacity, s.assigned, s.arrived])] },
      { name: 'Прибытие по времени', columnWidths: [20, 12], rows: [['Интервал (10 мин)', 'Прибыло'], ...d.arrivalsOverTime.map((a) => [hhmm(a.start), a.count])] },
      { name: 'Итоги', columnWidths: [120], rows: [[summary]] },
    ]);
    await bridge.saveFile({ suggestedName: 'Отчёт по мероприятию.xlsx', bytes });
  };

  return (
    <section className="page page-reports">
      <header className="page-header reports-header">
        <h1>Отчёты</h1>
        <span className="spacer" />
        <button type="button" onClick={() => setDialog('district')} disabled={!rows || !sections}>
          Отчёт для района…
        </button>
        <button type="button" onClick={() => setDialog('certificates')} disabled={!rows}>
          Сертификаты участников…
        </button>
        <button type="button" onClick={() => void exportXlsx()}>
          Скачать Excel
        </button>
        <button type="button" onClick={() => window.print()}>
          Печать
        </button>
      </header>
      <div className="kpis">
        <Kpi label="прибыло" value={d.totals.arrived} />
        <Kpi label="зарегистрировано" value={d.totals.registered} />
        <Kpi label="ожидалось по заявкам районов" value={d.totals.expected} />
        <Kpi label="муниципалитетов (прибыли)" value={d.byMunicipality.filter((m) => m.arrived > 0).length} />
        <Kpi label="зарегистрировано на месте" value={d.totals.walkIns} />
      </div>
      <section className="report-block" aria-labelledby="summary-title">
        <h2 id="summary-title">Итоги одним абзацем</h2>
        <p className="summary-text" data-testid="event-summary">
          {summary}
        </p>
        <button
          type="button"
          onClick={() => void navigator.clipboard?.writeText(summary).then(() => setCopied(true), () => setCopied(false))}
        >
          {copied ? 'Скопировано' : 'Копировать текст'}
        </button>
      </section>
      <section className="report-block" aria-labelledby="by-municipality-title">
        <h2 id="by-municipality-title">По муниципалитетам: ожидалось и прибыло</h2>
        <BarChart
          label="Диаграмма: ожидалось и прибыло по муниципалитетам"
          horizontal
          categories={d.byMunicipality.map((m) => m.name)}
          series={[
            { key: 'expected', label: 'Ожидалось', values: d.byMunicipality.map((m) => m.expected), color: EXPECTED },
            { key: 'arrived', label: 'Прибыло', values: d.byMunicipality.map((m) => m.arrived), color: ARRIVED },
          ]}
        />
      </section>
      <div className="report-grid">
        <section className="report-block" aria-labelledby="by-category-title">
          <h2 id="by-category-title">По категориям</h2>
          <BarChart
            label="Диаграмма: участники по категориям"
            horizontal
            width={520}
            categories={d.byCategory.map((c) => t(`category.${c.category}`))}
            series={[
              { key: 'registered', label: 'Зарегистрировано', values: d.byCategory.map((c) => c.registered), color: EXPECTED },
              { key: 'arrived', label: 'Прибыло', values: d.byCategory.map((c) => c.arrived), color: ARRIVED },
            ]}
          />
        </section>
        <section className="report-block" aria-labelledby="sections-fill-title">
          <h2 id="sections-fill-title">Заполнение секций</h2>
          <table className="simple-table">
            <thead>
              <tr>
                <th scope="col">Секция</th>
                <th scope="col" className="num">
                  Назначено / мест
                </th>
                <th scope="col" className="num">
                  Прибыло
                </th>
              </tr>
            </thead>
            <tbody>
              {d.sections.map((s) => (
                <tr key={s.sectionId}>
                  <td>{s.title}</td>
                  <td className="num">
                    {s.assigned} / {s.capacity}
                  </td>
                  <td className="num">{s.arrived}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>По ролям</h3>
          <table className="simple-table">
            <tbody>
              {d.byRole.map((r) => (
                <tr key={r.role}>
                  <td>{t(`role.${r.role}`)}</td>
                  <td className="num">
                    {r.arrived} из {r.registered}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      {contest && <ContestProgress contest={contest} />}
      <section className="report-block" aria-labelledby="over-time-title">
        <h2 id="over-time-title">Прибытие по времени (за 10 минут)</h2>
        {d.arrivalsOverTime.length === 0 ? (
          <p className="muted">Отметок о прибытии пока нет.</p>
        ) : (
          <BarChart
            label="Диаграмма: прибытие по 10-минутным интервалам"
            categories={d.arrivalsOverTime.map((a) => hhmm(a.start))}
            series={[{ key: 'arrived', label: 'Прибыло', values: d.arrivalsOverTime.map((a) => a.count), color: ARRIVED }]}
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

const statusText: Record<string, string> = { setup: 'подготовка', scoring: 'идёт оценка', closed: 'оценка завершена' };

/** Contest progress: packages sent to jurors, score sheets received and finalized. */
function ContestProgress({ contest }: { contest: ContestSummary }) {
  return (
    <section className="report-block" aria-labelledby="contest-progress-title">
      <h2 id="contest-progress-title">
        Конкурс: {contest.title} <span className="muted">({statusText[contest.status] ?? contest.status})</span>
      </h2>
      <div className="kpis">
        <Kpi label="заявок" value={contest.applications.length} />
        <Kpi label="экспертов" value={contest.jurors} />
        <Kpi label="пакетов отправлено" value={contest.packagesSent} />
        <Kpi label={`оценок получено из ${contest.assigned}`} value={contest.received} />
        <Kpi label="листов завершено" value={contest.finalized} />
      </div>
    </section>
  );
}

function Kpi({ label, value }: { label: string; value: number }) {
  return (
    <div className="kpi">
      <span className="kpi-value">{value}</span>
      <span className="kpi-label">{label}</span>
    </div>
  );
}
