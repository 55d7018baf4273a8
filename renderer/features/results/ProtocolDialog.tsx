import { useState } from 'react';
import { BarElement, CategoryScale, Chart as ChartJS, LinearScale, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { bridge } from '../../bridge/bridge';
import { PrintDialog } from '../../components/PrintDialog';
import { decisionLabel, exclusionSummary, fmt, fmtP, fmt3, METHOD_LABELS, tieBreakChain } from './format';
import { protocolXlsx, type ProtocolSource } from './protocol-xlsx';
import { usableBlock } from './ReliabilityView';

ChartJS.register(CategoryScale, LinearScale, BarElement, Tooltip);

const longDate = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric' });
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export const protocolFileName = (src: Pick<ProtocolSource, 'nominationTitle'>, ext: string) => `Протокол — ${src.nominationTitle}.${ext}`.replace(/[\\/:*?"<>|]/g, ' ');

export async function saveProtocolXlsx(src: ProtocolSource) {
  await bridge.saveFile({ suggestedName: protocolFileName(src, 'xlsx'), bytes: protocolXlsx(src) });
}

/**
 * The official protocol: A4, the usual Russian form (title, contest, date, jury, method, places,
 * signatures) and a bar chart of the scores. The chart is not responsive on purpose: the print copy
 * lives in a `display: none` portal on screen, where a responsive chart would measure zero; a fixed
 * 2× bitmap is scaled to the page width by the print CSS instead.
 */
export function ProtocolDialog({ source, onClose }: { source: Omit<ProtocolSource, 'date'>; onClose: () => void }) {
  const [date, setDate] = useState(today);
  const [chair, setChair] = useState('');
  const [secretary, setSecretary] = useState('');
  const src: ProtocolSource = { ...source, date: date ? longDate.format(new Date(`${date}T12:00:00`)) : '«___» ____________ 20__ г.' };
  const { results, input } = src;
  const titles = new Map(input.applications.map((a) => [a.id, a.title]));
  const aggregates = new Map(results.aggregates.map((a) => [a.applicationId, a]));
  const ranked = results.ranking.entries.filter((e) => e.place !== null);
  const block = results.reliability.blocks.find(usableBlock);
  const counted = results.totals.length;

  const page = (
    <article className="protocol-page">
      <h1>Протокол заседания конкурсной комиссии</h1>
      <p className="protocol-contest">{src.contestTitle}</p>
      <p className="protocol-meta">
        <span>{src.eventTitle}</span>
        <span>{src.date}</span>
      </p>
      <p>
        <strong>Номинация:</strong> {src.nominationTitle}
      </p>
      <p>
        <strong>Состав конкурсной комиссии:</strong>
      </p>
      <ol className="protocol-jury">
        {src.jurors.map((j) => (
          <li key={j.id}>{j.name}</li>
        ))}
      </ol>
      <p>
        <strong>Порядок подсчёта.</strong> Итоговый балл заявки — {METHOD_LABELS[results.method]}; балл эксперта — сумма оценок по критериям с коэффициентами.
        При равенстве итоговых баллов применяются по порядку: {tieBreakChain(results.tieBreaks)}.
      </p>
      <p>
        Учтено листов оценок: {counted}. {exclusionSummary(results, src.skipped) ?? 'Учтены все листы оценок.'}
        {block && ` Согласованность жюри (коэффициент конкордации Кендалла): W = ${fmt3(block.kendall.w)}, ${fmtP(block.kendall.pValue)}.`}
      </p>
      <p>
        <strong>Комиссия решила</strong> утвердить следующие результаты конкурса:
      </p>
      <table className="protocol-table">
        <thead>
          <tr>
            <th className="num">Место</th>
            <th>Заявка</th>
            <th className="num">Итоговый балл</th>
            <th className="num">Экспертиз</th>
            <th>Примечание</th>
          </tr>
        </thead>
        <tbody>
          {results.ranking.entries.map((e) => (
            <tr key={e.applicationId}>
              <td className="num">{e.place ?? '—'}</td>
              <td>{titles.get(e.applicationId) ?? e.applicationId}</td>
              <td className="num">{fmt(e.score)}</td>
              <td className="num">{aggregates.get(e.applicationId)?.reviews ?? 0}</td>
              <td>{e.decidedBy === 'score' ? '' : decisionLabel(e.decidedBy)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {ranked.length > 0 && (
        <figure className="protocol-chart">
          <Bar
            role="img"
            aria-label={`Диаграмма: итоговый балл каждой заявки (${METHOD_LABELS[results.method]})`}
            width={680}
            height={Math.max(140, 40 + ranked.length * 26)}
            options={{
              responsive: false,
              animation: false,
              devicePixelRatio: 2,
              indexAxis: 'y',
              plugins: { legend: { display: false }, tooltip: { enabled: false } },
              scales: { x: { beginAtZero: true, title: { display: true, text: 'Итоговый балл' } }, y: { ticks: { autoSkip: false, font: { size: 11 } } } },
            }}
            data={{
              labels: ranked.map((e) => `${e.place}. ${clip(titles.get(e.applicationId) ?? '', 42)}`),
              datasets: [{ label: 'Итоговый балл', data: ranked.map((e) => e.score ?? 0), backgroundColor: '#1f5fbf' }],
            }}
          />
          <figcaption>Итоговый балл заявок по официальному методу.</figcaption>
        </figure>
      )}
      <div className="protocol-signatures">
        <p>
          <span>Председатель конкурсной комиссии</span>
          <span className="sign-line" />
          <span className="sign-name">/ {chair || '\u00a0'.repeat(24)} /</span>
        </p>
        <p>
          <span>Секретарь конкурсной комиссии</span>
          <span className="sign-line" />
          <span className="sign-name">/ {secretary || '\u00a0'.repeat(24)} /</span>
        </p>
      </div>
    </article>
  );

  return (
    <PrintDialog
      title="Протокол заседания конкурсной комиссии"
      pages={page}
      previewClassName="protocol-preview"
      printClassName="protocol-print"
      actions={
        <button type="button" onClick={() => void saveProtocolXlsx(src)}>
          Скачать Excel
        </button>
      }
      onClose={onClose}
    >
      <div className="field-row">
        <label className="field">
          <span>Дата заседания</span>
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label className="field">
          <span>Председатель комиссии</span>
          <input list="protocol-jurors" value={chair} onChange={(e) => setChair(e.target.value)} placeholder="Фамилия И. О." />
        </label>
        <label className="field">
          <span>Секретарь</span>
          <input value={secretary} onChange={(e) => setSecretary(e.target.value)} placeholder="Фамилия И. О." />
        </label>
        <datalist id="protocol-jurors">
          {src.jurors.map((j) => (
            <option key={j.id} value={j.name} />
          ))}
        </datalist>
      </div>
    </PrintDialog>
  );
}
