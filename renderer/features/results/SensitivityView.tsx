import { AGGREGATION_METHODS, type Results } from '../../../shared/results';
import { useTranslation } from 'react-i18next';
import { methodShort } from './format';

/** Each application's place under every method; rows whose place depends on the method stand out. */
export function SensitivityView({ results, titles }: { results: Results; titles: Map<string, string> }) {
  const { t } = useTranslation('results');
  const s = results.sensitivity;
  const official = results.method;
  const byOfficialPlace = [...s.applications].sort((a, b) => (a.places[official] ?? Infinity) - (b.places[official] ?? Infinity));
  const changed = s.changedApplicationIds.length;
  return (
    <div className="results-sensitivity">
      <p className={changed > 0 ? 'results-note results-note-warn' : 'results-note'} role="status">
        {changed === 0 ? t('sensitivity.same') : t('sensitivity.changed', { count: changed, total: s.applications.length })}
        {s.methodDependentPlaces.length > 0 && t('sensitivity.disputed', { places: s.methodDependentPlaces.map((p) => p.place).join(', ') })}
      </p>
      <table className="simple-table results-table" aria-label={t('sensitivity.tableLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('ranking.application')}</th>
            {AGGREGATION_METHODS.map((m) => (
              <th key={m} scope="col" className="num">
                {methodShort(m)}
                {m === official ? ' ★' : ''}
              </th>
            ))}
            <th scope="col">{t('sensitivity.spread')}</th>
          </tr>
        </thead>
        <tbody>
          {byOfficialPlace.map((a) => (
            <tr key={a.applicationId} className={a.dependsOnMethod ? 'depends' : undefined}>
              <td>{titles.get(a.applicationId) ?? a.applicationId}</td>
              {AGGREGATION_METHODS.map((m) => (
                <td key={m} className={`num${a.dependsOnMethod && a.places[m] !== a.places[official] ? ' moved' : ''}`}>
                  {a.places[m] ?? '—'}
                </td>
              ))}
              <td>{a.best === null ? t('sensitivity.noScores') : a.dependsOnMethod ? t('sensitivity.depends', { best: a.best, worst: a.worst }) : t('sensitivity.same1')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{t('sensitivity.note')}</p>
    </div>
  );
}
