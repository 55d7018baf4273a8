import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { setDelegationExpected } from '../../db/repo/participants';
import { useDb } from '../../hooks/db-context';
import { useDelegationRows } from '../../hooks/use-delegations';
import { useMunicipalities } from '../../hooks/use-municipalities';
import type { RegistrationRow } from '../../hooks/use-participants';
import { arrivedOf, type Arrivals } from './table-model';
import { formatDate } from '../../../shared/text/format';
import { errorText } from '../../i18n';

export type DelegationLine = { municipalityId: string; name: string; expected: number | null; registered: number; arrived: number; lastListAt?: string };

const collator = new Intl.Collator('ru');

/**
 * Expected / registered / arrived per municipality. Registered counts registrations that are not
 * cancelled; arrived is derived from the check-in log (never a stored flag). The expected count is
 * what the district announced and is edited here.
 */
export function DelegationsTable(props: {
  eventId: string;
  rows: readonly RegistrationRow[];
  arrivals: Arrivals;
  onList: (line: DelegationLine) => void;
  onTemplate: (line: DelegationLine) => void;
  busy: string | null;
}) {
  const { t } = useTranslation('participants');
  const ctx = useDb();
  const delegations = useDelegationRows(props.eventId);
  const municipalities = useMunicipalities();
  const [error, setError] = useState<string | null>(null);

  const lines = useMemo(() => {
    const names = new Map((municipalities ?? []).map((m) => [m.id, m.name]));
    const by = new Map<string, DelegationLine>();
    for (const d of delegations?.values() ?? []) {
      by.set(d.municipalityId, { municipalityId: d.municipalityId, name: names.get(d.municipalityId) ?? '', expected: d.expected, registered: 0, arrived: 0, lastListAt: d.lastListAt });
    }
    for (const r of props.rows) {
      const id = r.registration.municipalityId;
      if (!id || r.registration.status === 'cancelled') continue;
      let line = by.get(id);
      if (!line) by.set(id, (line = { municipalityId: id, name: r.municipality, expected: null, registered: 0, arrived: 0 }));
      if (!line.name) line.name = r.municipality;
      line.registered++;
      if (arrivedOf(props.arrivals, r.registration.id)) line.arrived++;
    }
    return [...by.values()].map((l) => ({ ...l, name: l.name || '—' })).sort((a, b) => collator.compare(a.name, b.name));
  }, [delegations, municipalities, props.rows, props.arrivals]);

  const save = async (line: DelegationLine, text: string) => {
    const value = text.trim() === '' ? 0 : Number(text);
    if (value === line.expected) return;
    setError(null);
    try {
      await setDelegationExpected(ctx, props.eventId, line.municipalityId, value);
    } catch (e) {
      setError(`${line.name}: ${errorText(e)}`);
    }
  };
  const total = lines.reduce((s, l) => ({ expected: s.expected + (l.expected ?? 0), registered: s.registered + l.registered, arrived: s.arrived + l.arrived }), { expected: 0, registered: 0, arrived: 0 });

  if (!delegations) return <p>{t('app:common.loading')}</p>;
  if (lines.length === 0) return <p className="empty">{t('delegations.none')}</p>;
  return (
    <div className="delegations-view">
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <table className="simple-table delegations-table" aria-label={t('delegations.label')}>
        <thead>
          <tr>
            <th scope="col">{t('app:participants.municipality')}</th>
            <th scope="col" className="num">
              {t('app:participants.expected')}
            </th>
            <th scope="col" className="num">
              {t('app:participants.registered')}
            </th>
            <th scope="col" className="num">
              {t('delegations.arrived')}
            </th>
            <th scope="col">{t('delegations.listAt')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('delegations.files')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.municipalityId} className={l.expected !== null && l.registered < l.expected ? 'short' : undefined}>
              <th scope="row">{l.name}</th>
              <td className="num">
                <input
                  key={`${l.municipalityId}:${l.expected}`}
                  className="expected-input"
                  type="number"
                  min={0}
                  step={1}
                  inputMode="numeric"
                  defaultValue={l.expected ?? ''}
                  placeholder="—"
                  aria-label={t('delegations.expectedOf', { name: l.name })}
                  onBlur={(e) => void save(l, e.target.value)}
                  onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => e.key === 'Enter' && e.currentTarget.blur()}
                />
              </td>
              <td className="num">{l.registered}</td>
              <td className="num">{l.arrived}</td>
              <td className="muted">{l.lastListAt ? formatDate(l.lastListAt, 'dateTime') : '—'}</td>
              <td>
                <div className="delegation-actions">
                  <button type="button" className="link" onClick={() => props.onList(l)} disabled={props.busy !== null} aria-label={t('delegations.listOf', { name: l.name })}>
                    {t('delegations.list')}
                  </button>
                  <button type="button" className="link" onClick={() => props.onTemplate(l)} disabled={props.busy !== null} aria-label={t('delegations.templateOf', { name: l.name })}>
                    {t('delegations.template')}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('delegations.total')}</th>
            <td className="num">{total.expected}</td>
            <td className="num">{total.registered}</td>
            <td className="num">{total.arrived}</td>
            <td colSpan={2} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
