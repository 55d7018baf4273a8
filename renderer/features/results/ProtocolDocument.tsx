import { useTranslation } from 'react-i18next';
import { decisionLabel, exclusionSummary, fmt, fmt3, fmtP, methodLabel, tieBreakChain } from './format';
import { kendallVerdict } from '../../../shared/results';
import { verdictWord } from './reliability-text';
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
  const { t } = useTranslation('results');
  const many = src.nominations.length > 1;
  const method = src.nominations[0]?.results.method ?? 'mean';
  const counted = src.nominations.reduce((s, n) => s + n.results.totals.length, 0);
  const charted = src.nominations.filter((n) => n.results.ranking.entries.some((e) => e.place !== null));
  const decision = decisionText(src, many);
  return (
    <article className="protocol-page">
      <h1>{t('protocol.title')}</h1>
      <p className="protocol-contest">{src.contestTitle}</p>
      <p className="protocol-meta">
        <span>{src.eventTitle}</span>
        <span>{src.date}</span>
      </p>
      <p>
        <strong>{t('protocol.commission')}</strong>
      </p>
      <ol className="protocol-jury">
        {src.jurors.map((j) => (
          <li key={j.id}>{j.name}</li>
        ))}
      </ol>
      <p>
        <strong>{t('protocol.countingLead')}</strong>
        {t('protocol.counting', { method: methodLabel(method), chain: tieBreakChain(src.nominations[0]?.results.tieBreaks ?? []) })}
      </p>
      <p>{many ? t('protocol.countedMany', { count: counted, nominations: src.nominations.length }) : t('protocol.counted', { count: counted })}</p>
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
          <span>{t('protocol.chairLine')}</span>
          <span className="sign-line" />
          <span className="sign-name">/ {src.chair || '\u00a0'.repeat(24)} /</span>
        </p>
        <p>
          <span>{t('protocol.secretaryLine')}</span>
          <span className="sign-line" />
          <span className="sign-name">/ {src.secretary || '\u00a0'.repeat(24)} /</span>
        </p>
      </div>
      {charted.length > 0 && (
        <section className="protocol-appendix" aria-label={t('protocol.appendixLabel')}>
          <h2>{t('protocol.appendix')}</h2>
          {charted.map((n) => (
            <ScoreChart key={n.nominationId} n={n} titles={new Map(n.input.applications.map((a) => [a.id, a.title]))} named={many} />
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
  const { t } = useTranslation('results');
  return (
    <section className="protocol-nomination" aria-label={t('protocol.nomination', { title: n.title })}>
      <div className="protocol-nomination-head">
        <h2>{index !== null ? t('protocol.numberedNomination', { index, title: n.title }) : t('protocol.nomination', { title: n.title })}</h2>
        {showJury && <p>{t('protocol.scoredBy', { names: n.jurors.map((j) => j.name).join(', ') })}</p>}
        <p>
          {t('protocol.nominationCounted', { applications: input.applications.length, count: counted })} {exclusionSummary(results, n.skipped) ?? t('protocol.allSheetsCounted')}
          {block
            ? t('protocol.kendall', { w: fmt3(block.kendall.w), p: fmtP(block.kendall.pValue), verdict: verdictWord(kendallVerdict(block.kendall.w)) })
            : counted > 0
              ? t('protocol.noKendall')
              : ''}
        </p>
      </div>
      {counted === 0 ? (
        <p>{t('protocol.noScores')}</p>
      ) : (
        <>
          <table className="protocol-table" aria-label={t('protocol.placesLabel', { title: n.title })}>
            <thead>
              <tr>
                <th className="num">{t('protocol.place')}</th>
                <th>{t('protocol.application')}</th>
                <th className="num">{t('protocol.score')}</th>
                <th className="num">{t('protocol.reviews')}</th>
                <th>{t('protocol.remark')}</th>
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
function ScoreChart({ n, titles, named }: { n: ProtocolNomination; titles: Map<string, string>; named: boolean }) {
  const { t } = useTranslation('results');
  const all = n.results.ranking.entries.filter((e) => e.place !== null);
  const ranked = all.slice(0, CHART_ROWS);
  const method = n.results.method;
  return (
    <figure className="protocol-chart">
      <BarChart
        label={t('protocol.chartLabel', { title: n.title, method: methodLabel(method) })}
        horizontal
        values
        nameLength={42}
        categories={ranked.map((e) => `${e.place}. ${titles.get(e.applicationId) ?? ''}`)}
        format={fmt}
        series={[{ key: 'score', label: t('protocol.chartSeries'), values: ranked.map((e) => e.score ?? 0), color: '#1f5fbf' }]}
      />
      <figcaption>
        {named && t('protocol.chartNomination', { title: n.title })}
        {t('protocol.chartCaption', { first: all.length > ranked.length ? t('protocol.chartFirst', { count: ranked.length, total: all.length }) : '' })}
      </figcaption>
    </figure>
  );
}

const CHART_ROWS = 30;
