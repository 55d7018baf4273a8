import { decisionLabel, exclusionSummary, fmt, fmt3, fmtP, METHOD_LABELS, plural, tieBreakChain } from './format';
import { kendallVerdict } from '../../../shared/results';
import { decisionText, removedLines, reopenLines } from './protocol-state';
import { nominationBlock, type ProtocolNomination, type ProtocolSource } from './protocol-xlsx';
import { BarChart } from '../../components/charts/BarChart';


const sameJury = (a: readonly { id: string }[], b: readonly { id: string }[]) => a.length === b.length && a.every((x) => b.some((y) => y.id === x.id));

/**
 * The official protocol: A4, the usual Russian form — title, contest, date, commission, how scores
 * were counted, per nomination its table of places and agreement (Kendall's W), the signature lines,
 * and the charts as an appendix on a page of their own. Charts come after the signatures so that the
 * signatures follow the last table directly and never sit alone on a page behind a tall chart.
 * Page breaks are otherwise left to the flow, but a nomination's heading never ends a page, table
 * rows and charts are not split, and a table's header repeats on every page (see results.css).
 */
export function ProtocolDocument({ src }: { src: ProtocolSource }) {
  const many = src.nominations.length > 1;
  const method = src.nominations[0]?.results.method ?? 'mean';
  const counted = src.nominations.reduce((s, n) => s + n.results.totals.length, 0);
  const charted = src.nominations.filter((n) => n.results.ranking.entries.some((e) => e.place !== null));
  const decision = decisionText(src, many);
  return (
    <article className="protocol-page">
      <h1>Протокол заседания конкурсной комиссии</h1>
      <p className="protocol-contest">{src.contestTitle}</p>
      <p className="protocol-meta">
        <span>{src.eventTitle}</span>
        <span>{src.date}</span>
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
        <strong>Порядок подсчёта.</strong> Итоговый балл заявки — {METHOD_LABELS[method]}; балл эксперта — сумма оценок по критериям с коэффициентами. При
        равенстве итоговых баллов применяются по порядку: {tieBreakChain(src.nominations[0]?.results.tieBreaks ?? [])}.
      </p>
      <p>
        Учтено листов оценок: {counted}
        {many ? ` (номинаций — ${src.nominations.length})` : ''}.
      </p>
      {[...reopenLines(src), ...removedLines(src)].map((line) => (
        <p key={line}>{line}</p>
      ))}
      <p>
        <strong>{decision.lead}</strong>
        {decision.rest}
      </p>
      {src.nominations.map((n, i) => (
        <NominationSection key={n.nominationId} n={n} index={many ? i + 1 : null} showJury={many && !sameJury(n.jurors, src.jurors)} />
      ))}
      <div className="protocol-signatures">
        <p>
          <span>Председатель конкурсной комиссии</span>
          <span className="sign-line" />
          <span className="sign-name">/ {src.chair || '\u00a0'.repeat(24)} /</span>
        </p>
        <p>
          <span>Секретарь конкурсной комиссии</span>
          <span className="sign-line" />
          <span className="sign-name">/ {src.secretary || '\u00a0'.repeat(24)} /</span>
        </p>
      </div>
      {charted.length > 0 && (
        <section className="protocol-appendix" aria-label="Приложение к протоколу">
          <h2>Приложение к протоколу. Итоговые баллы заявок</h2>
          {charted.map((n) => (
            <ScoreChart key={n.nominationId} n={n} titles={new Map(n.input.applications.map((a) => [a.id, a.title]))} caption={many ? `Номинация «${n.title}»` : null} />
          ))}
        </section>
      )}
    </article>
  );
}

function NominationSection({ n, index, showJury }: { n: ProtocolNomination; index: number | null; showJury: boolean }) {
  const { results, input } = n;
  const titles = new Map(input.applications.map((a) => [a.id, a.title]));
  const aggregates = new Map(results.aggregates.map((a) => [a.applicationId, a]));
  const block = nominationBlock(n);
  const counted = results.totals.length;
  return (
    <section className="protocol-nomination" aria-label={`Номинация «${n.title}»`}>
      <div className="protocol-nomination-head">
        <h2>
          {index !== null ? `${index}. ` : ''}Номинация «{n.title}»
        </h2>
        {showJury && <p>Оценивали: {n.jurors.map((j) => j.name).join(', ')}.</p>}
        <p>
          Заявок: {input.applications.length}, учтено листов оценок: {counted}. {exclusionSummary(results, n.skipped) ?? 'Учтены все листы оценок.'}
          {block
            ? ` Согласованность экспертов (коэффициент конкордации Кендалла): W = ${fmt3(block.kendall.w)}, ${fmtP(block.kendall.pValue)}, ${kendallVerdict(block.kendall.w).label}.`
            : counted > 0
              ? ' Коэффициент конкордации не считается: нет трёх заявок, оценённых одними и теми же экспертами.'
              : ''}
        </p>
      </div>
      {counted === 0 ? (
        <p>Оценок по номинации нет — места не определены.</p>
      ) : (
        <>
          <table className="protocol-table" aria-label={`Места: ${n.title}`}>
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
                  <td>{titles.get(e.applicationId) ?? '—'}</td>
                  <td className="num">{fmt(e.score)}</td>
                  <td className="num">{aggregates.get(e.applicationId)?.reviews ?? 0}</td>
                  <td>{e.decidedBy === 'score' ? '' : decisionLabel(e.decidedBy)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/**
 * Not responsive on purpose: the print copy lives in a `display: none` portal on screen, where a
 * responsive chart would measure zero; the fixed-size SVG is scaled to the page width by the print CSS.
 * Very long nominations get a taller chart, never squeezed bars; past 30 rows (≈ 26 cm once scaled to
 * the page width — the most an A4 page holds between its margins) only the top 30 are drawn and the
 * caption says so.
 */
function ScoreChart({ n, titles, caption }: { n: ProtocolNomination; titles: Map<string, string>; caption: string | null }) {
  const all = n.results.ranking.entries.filter((e) => e.place !== null);
  const ranked = all.slice(0, CHART_ROWS);
  const method = n.results.method;
  return (
    <figure className="protocol-chart">
      <BarChart
        label={`Диаграмма: итоговый балл каждой заявки, номинация «${n.title}» (${METHOD_LABELS[method]})`}
        horizontal
        values
        nameLength={42}
        categories={ranked.map((e) => `${e.place}. ${titles.get(e.applicationId) ?? ''}`)}
        series={[{ key: 'score', label: 'Итоговый балл', values: ranked.map((e) => e.score ?? 0), color: '#1f5fbf' }]}
      />
      <figcaption>
        {caption ? `${caption}. ` : ''}Итоговый балл заявок по официальному методу{all.length > ranked.length ? ` (первые ${plural(ranked.length, 'заявка', 'заявки', 'заявок')} из ${all.length})` : ''}.
      </figcaption>
    </figure>
  );
}

const CHART_ROWS = 30;
