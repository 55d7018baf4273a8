import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGGREGATION_METHODS, type AggregationMethod, type Results } from '../../../shared/results';
import { aggregateOf, decisionLabel, fmt, methodLabel, methodShort } from './format';

/**
 * The ranking by any method, the official one (declared before scoring opened) preselected and marked.
 * Every aggregate stays visible side by side so the jury sees what another method would have used.
 */
export function RankingView({ results, titles }: { results: Results; titles: Map<string, string> }) {
  const { t } = useTranslation('results');
  const official = results.method;
  const [method, setMethod] = useState<AggregationMethod>(official);
  const ranking = results.rankings[method];
  const aggregates = new Map(results.aggregates.map((a) => [a.applicationId, a]));

  return (
    <div className="results-ranking">
      <fieldset className="method-switch">
        <legend>{t('ranking.byMethod')}</legend>
        {AGGREGATION_METHODS.map((m) => (
          <label key={m} className={m === official ? 'official' : undefined}>
            <input type="radio" name="results-method" value={m} checked={method === m} onChange={() => setMethod(m)} />
            {methodShort(m)}
            {m === official ? t('ranking.officialMark') : ''}
          </label>
        ))}
      </fieldset>
      {method === official ? (
        <p className="results-note">
          {t('ranking.official', { method: methodLabel(official) })}
        </p>
      ) : (
        <p className="results-note results-note-warn" role="note">
          {t('ranking.notOfficial', { official: methodLabel(official), method: methodLabel(method) })}
        </p>
      )}
      <table className="simple-table results-table" aria-label={t('ranking.tableLabel', { method: methodShort(method) })}>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('ranking.place')}
            </th>
            <th scope="col">{t('ranking.application')}</th>
            <th scope="col">{t('ranking.how')}</th>
            <th scope="col" className="num">
              {t('ranking.reviews')}
            </th>
            {AGGREGATION_METHODS.map((m) => (
              <th key={m} scope="col" className={`num${m === method ? ' current' : ''}`}>
                {methodShort(m)}
                {m === official ? ' ★' : ''}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ranking.entries.map((e) => {
            const a = aggregates.get(e.applicationId);
            return (
              <tr key={e.applicationId} className={e.place !== null && e.place <= 3 ? 'top' : undefined}>
                <td className="num place">{e.place ?? '—'}</td>
                <td>{titles.get(e.applicationId) ?? e.applicationId}</td>
                <td className={e.decidedBy === 'score' ? 'muted' : e.decidedBy === 'unresolved' ? 'warn' : undefined}>{decisionLabel(e.decidedBy)}</td>
                <td className="num">{a?.reviews ?? 0}</td>
                {AGGREGATION_METHODS.map((m) => (
                  <td key={m} className={`num${m === method ? ' current' : ''}`}>
                    {a ? fmt(aggregateOf(a, m)) : '—'}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted small">{t('ranking.note')}</p>
    </div>
  );
}
