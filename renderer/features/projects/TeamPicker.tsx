/**
 * The project's team, picked from the event's participants: a search field (surname, name,
 * municipality; Enter adds the first match), the matches with «Добавить», and the team with «Убрать».
 * The first member is the team lead. Names are the registration rows the participants list shows.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldName } from '../../../shared/text/spelling';
import { TextField } from '../../components/ui';
import type { RegistrationRow } from '../../hooks/use-participants';

const SHOWN = 8;

export function TeamPicker({ rows, team, onChange }: { rows: readonly RegistrationRow[]; team: readonly string[]; onChange: (team: string[]) => void }) {
  const { t } = useTranslation('projects');
  const [query, setQuery] = useState('');
  const byId = useMemo(() => new Map(rows.map((r) => [r.registration.id, r])), [rows]);
  const folded = useMemo(() => rows.map((r) => foldName(`${r.fullName} ${r.municipality}`)), [rows]);
  const matches = useMemo(() => {
    const words = foldName(query).split(/\s+/).filter(Boolean);
    if (words.length === 0) return [];
    const inTeam = new Set(team);
    return rows.filter((r, i) => !inTeam.has(r.registration.id) && words.every((w) => folded[i]!.includes(w)));
  }, [query, rows, folded, team]);
  const add = (id: string) => {
    onChange([...team, id]);
    setQuery('');
  };
  const label = (r: RegistrationRow | undefined) => (r ? [r.fullName, r.municipality].filter(Boolean).join(' — ') : '—');

  return (
    <fieldset className="projects-team">
      <legend>{t('team.legend')}</legend>
      {team.length === 0 ? (
        <p className="muted">{t('team.empty')}</p>
      ) : (
        <ol className="projects-team-list" aria-label={t('team.member')}>
          {team.map((id, i) => (
            <li key={id}>
              <span>
                {label(byId.get(id))}
                {i === 0 && <span className="muted"> · {t('team.lead')}</span>}
              </span>
              <button type="button" aria-label={`${t('team.remove')}: ${byId.get(id)?.fullName ?? ''}`} onClick={() => onChange(team.filter((x) => x !== id))}>
                {t('team.remove')}
              </button>
            </li>
          ))}
        </ol>
      )}
      <TextField
        label={t('team.search')}
        hint={t('team.searchHint')}
        value={query}
        onChange={setQuery}
        autoComplete="off"
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault(); // Enter here adds a member, it does not save the plan
          if (matches[0]) add(matches[0].registration.id);
        }}
      />
      {query.trim() !== '' &&
        (matches.length === 0 ? (
          <p className="muted">{t('team.nothingFound')}</p>
        ) : (
          <ul className="projects-team-matches" aria-label={t('team.matches')}>
            {matches.slice(0, SHOWN).map((r) => (
              <li key={r.registration.id}>
                <span>{label(r)}</span>
                <button type="button" aria-label={`${t('team.add')}: ${r.fullName}`} onClick={() => add(r.registration.id)}>
                  {t('team.add')}
                </button>
              </li>
            ))}
            {matches.length > SHOWN && <li className="muted">{t('team.more', { count: matches.length - SHOWN })}</li>}
          </ul>
        ))}
    </fieldset>
  );
}
