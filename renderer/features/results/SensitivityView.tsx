import { AGGREGATION_METHODS, type Results } from '../../../shared/results';
import { METHOD_SHORT, plural } from './format';

/** Each application's place under every method; rows whose place depends on the method stand out. */
export function SensitivityView({ results, titles }: { results: Results; titles: Map<string, string> }) {
  const s = results.sensitivity;
  const official = results.method;
  const byOfficialPlace = [...s.applications].sort((a, b) => (a.places[official] ?? Infinity) - (b.places[official] ?? Infinity));
  const changed = s.changedApplicationIds.length;
  return (
    <div className="results-sensitivity">
      <p className={changed > 0 ? 'results-note results-note-warn' : 'results-note'} role="status">
        {changed === 0
          ? 'Места не зависят от выбора метода: все пять методов дают один и тот же порядок.'
          : `Место зависит от выбора метода у ${plural(changed, 'заявки', 'заявок', 'заявок')} из ${s.applications.length}.`}
        {s.methodDependentPlaces.length > 0 && ` Спорные места: ${s.methodDependentPlaces.map((p) => p.place).join(', ')}.`}
      </p>
      <table className="simple-table results-table" aria-label="Места по методам">
        <thead>
          <tr>
            <th scope="col">Заявка</th>
            {AGGREGATION_METHODS.map((m) => (
              <th key={m} scope="col" className="num">
                {METHOD_SHORT[m]}
                {m === official ? ' ★' : ''}
              </th>
            ))}
            <th scope="col">Разброс мест</th>
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
              <td>{a.best === null ? 'нет оценок' : a.dependsOnMethod ? `зависит от метода: ${a.best}–${a.worst}` : 'не зависит'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">★ — официальный метод. Выделены заявки, чьё место меняется при другом методе; жирным — места, отличные от официального.</p>
    </div>
  );
}
