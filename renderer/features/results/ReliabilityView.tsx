import { useTranslation } from 'react-i18next';
import type { Results } from '../../../shared/results';
import { fmt, fmt3, fmtSigned, usableBlock } from './format';
import { unknownJuror } from './protocol-xlsx';
import { iccRows, iccWhy, kendallSentence, scales } from './reliability-text';

export function ReliabilityView({ results, titles, jurorNames }: { results: Results; titles: Map<string, string>; jurorNames: Map<string, string> }) {
  const r = results.reliability;
  const blocks = r.blocks.filter(usableBlock);
  const flaggedJurors = r.jurors.filter((j) => j.flags.length > 0);
  const divergent = r.divergence.filter((d) => d.flags.length > 0);
  const th = results.thresholds;
  const { t } = useTranslation('results');
  return (
    <div className="results-reliability">
      <section aria-labelledby="agreement-title">
        <h3 id="agreement-title">{t('reliability.agreement')}</h3>
        {blocks.length === 0 ? (
          <p className="results-note results-note-warn">{t('reliability.noBlock')}</p>
        ) : (
          blocks.map((b) => (
            <div key={b.id} className="reliability-block">
              <p>
                {t('reliability.block', {
                  applications: t('reliability.blockApplications', { count: b.applicationIds.length }),
                  jurors: t('reliability.blockJurors', { count: b.jurorIds.length }),
                })}
                {b.omittedApplicationIds.length + b.omittedJurorIds.length > 0 &&
                  t('reliability.omitted', { applications: b.omittedApplicationIds.length, jurors: b.omittedJurorIds.length })}
              </p>
              <dl className="facts">
                <dt>{t('reliability.kendallTerm')}</dt>
                <dd data-testid="kendall">{kendallSentence(b)}</dd>
              </dl>
              <p>{iccWhy(b)}</p>
              <table className="simple-table results-table icc-table" aria-label={t('reliability.iccLabel')}>
                <thead>
                  <tr>
                    <th scope="col">{t('reliability.form')}</th>
                    <th scope="col" className="num">
                      {t('reliability.value')}
                    </th>
                    <th scope="col">{t('reliability.verdict')}</th>
                    <th scope="col">{t('reliability.meaning')}</th>
                  </tr>
                </thead>
                <tbody>
                  {iccRows(b).map((r) => (
                    <tr key={r.label} className={r.recommended ? 'icc-fit' : undefined}>
                      <th scope="row">
                        {r.label}
                        {r.recommended && <span className="tag">{t('reliability.fits')}</span>}
                      </th>
                      <td className="num">{r.value === null ? t('reliability.undetermined') : fmt3(r.value)}</td>
                      <td>{r.value === null ? '—' : r.verdict}</td>
                      <td className="small">{r.meaning}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="muted small">{t('reliability.scales', scales())}</p>
            </div>
          ))
        )}
      </section>
      <section aria-labelledby="jurors-title">
        <h3 id="jurors-title">{t('reliability.jurors')}</h3>
        <table className="simple-table results-table" aria-label={t('reliability.jurorsLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('reliability.juror')}</th>
              <th scope="col" className="num">
                {t('reliability.count')}
              </th>
              <th scope="col" className="num">
                {t('reliability.mean')}
              </th>
              <th scope="col" className="num">
                {t('reliability.offset')}
              </th>
              <th scope="col" className="num">
                {t('reliability.spread')}
              </th>
              <th scope="col" className="num">
                {t('reliability.spearman')}
              </th>
              <th scope="col">{t('reliability.flag')}</th>
            </tr>
          </thead>
          <tbody>
            {r.jurors.map((j) => (
              <tr key={j.jurorId} className={j.flags.length > 0 ? 'flagged' : undefined}>
                <td>{jurorNames.get(j.jurorId) ?? unknownJuror()}</td>
                <td className="num">{j.count}</td>
                <td className="num">{fmt(j.mean)}</td>
                <td className="num">{fmtSigned(j.offset)}</td>
                <td className="num">{fmt(j.spread)}</td>
                <td className="num">
                  {fmt3(j.spearman)}
                  {j.spearman !== null && <span className="muted small">{t('reliability.shared', { count: j.shared })}</span>}
                </td>
                <td>{j.flags.length === 0 ? '—' : j.flags.map((f) => t(`reliability.flags.${f}`)).join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted small">
          {t('reliability.jurorsNote', { grand: fmt(results.grand.mean), minSpearman: fmt(th.minSpearman), sdFactor: fmt(th.offsetSdFactor) })}
          {flaggedJurors.length === 0 ? t('reliability.noFlagged') : ''}
        </p>
      </section>
      <section aria-labelledby="divergence-title">
        <h3 id="divergence-title">{t('reliability.discuss')}</h3>
        {divergent.length === 0 ? (
          <p>{t('reliability.noDivergent', { range: fmt(th.divergenceRange), sd: fmt(th.divergenceSd) })}</p>
        ) : (
          <>
            <p>{t('reliability.divergent', { range: fmt(th.divergenceRange), sd: fmt(th.divergenceSd) })}</p>
            <ul className="divergent-list">
              {divergent.map((d) => (
                <li key={d.applicationId}>
                  <strong>{titles.get(d.applicationId) ?? t('reliability.application')}</strong>
                  {t('reliability.divergentLine', { range: fmt(d.range), sd: fmt(d.sd), reviews: d.reviews })}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
