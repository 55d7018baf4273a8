import { useState } from 'react';
import { AGGREGATION_METHODS, type AggregationMethod, type Results } from '../../../shared/results';
import { aggregateOf, decisionLabel, fmt, METHOD_LABELS, METHOD_SHORT } from './format';

/**
 * The ranking by any method, the official one (declared before scoring opened) preselected and marked.
 * Every aggregate stays visible side by side so the jury sees what another method would have used.
 */
export function RankingView({ results, titles }: { results: Results; titles: Map<string, string> }) {
  const official = results.method;
  const [method, setMethod] = useState<AggregationMethod>(official);
  const ranking = results.rankings[method];
  const aggregates = new Map(results.aggregates.map((a) => [a.applicationId, a]));

  return (
    <div className="results-ranking">
      <fieldset className="method-switch">
        <legend>Рейтинг по методу</legend>
        {AGGREGATION_METHODS.map((m) => (
          <label key={m} className={m === official ? 'official' : undefined}>
            <input type="radio" name="results-method" value={m} checked={method === m} onChange={() => setMethod(m)} />
            {METHOD_SHORT[m]}
            {m === official ? ' (официальный)' : ''}
          </label>
        ))}
      </fieldset>
      {method === official ? (
        <p className="results-note">
          Официальный рейтинг: {METHOD_LABELS[official]} — способ, объявленный до начала приёма оценок.
        </p>
      ) : (
        <p className="results-note results-note-warn" role="note">
          Это не официальный рейтинг: по положению конкурса итог считается так: {METHOD_LABELS[official]}. Здесь для сравнения — {METHOD_LABELS[method]}.
        </p>
      )}
      <table className="simple-table results-table" aria-label={`Рейтинг: ${METHOD_SHORT[method]}`}>
        <thead>
          <tr>
            <th scope="col" className="num">
              Место
            </th>
            <th scope="col">Заявка</th>
            <th scope="col">Как определено место</th>
            <th scope="col" className="num">
              Экспертиз
            </th>
            {AGGREGATION_METHODS.map((m) => (
              <th key={m} scope="col" className={`num${m === method ? ' current' : ''}`}>
                {METHOD_SHORT[m]}
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
      <p className="muted small">
        ★ — официальный метод. Борда: средняя доля обойдённых заявок у каждого эксперта (1 — эксперт поставил заявку первой). Усечённое среднее отбрасывает
        высшую и низшую оценки, когда экспертиз не меньше пяти.
      </p>
    </div>
  );
}
