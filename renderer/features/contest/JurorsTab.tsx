import { useState } from 'react';
import type { Conflict } from '../../../shared/contest';
import { addReportedConflict, deleteConflictRow, overrideConflictRow, saveJuror } from '../../db/repo/contest-jury';
import { useDb } from '../../hooks/db-context';
import type { ContestData, ContestSetup } from '../../hooks/use-contest';
import type { ParticipantRow } from '../../hooks/use-participants';
import { CONFLICT_LABELS, formatWhen } from './labels';
import { RemoveJurorDialog } from './RemoveJurorDialog';

type Props = { setup: ContestSetup; data: ContestData; participants: ParticipantRow[] };

const label = (r: ParticipantRow) => `${r.fullName}${r.organization ? ` — ${r.organization}` : r.municipality ? ` — ${r.municipality}` : ''}`;
// experts and jurors of the event first: they are who organizers usually invite
const rank = (r: ParticipantRow) => (r.registration.role === 'juror' || r.registration.role === 'expert' ? 0 : 1);

export function JurorsTab({ setup, data, participants }: Props) {
  const ctx = useDb();
  const [query, setQuery] = useState('');
  const [noms, setNoms] = useState<string[]>(setup.nominations.map((n) => n.id));
  const [cap, setCap] = useState('');
  const [error, setError] = useState<string>();
  const [overriding, setOverriding] = useState<Conflict>();
  const [removing, setRemoving] = useState<string>();
  const removingJuror = data.jurors.find((j) => j.id === removing);
  const [reason, setReason] = useState('');
  const [manual, setManual] = useState({ jurorId: '', applicationId: '', kind: 'manual' as 'manual' | 'declared', reason: '' });
  const jurorPersons = new Set(data.jurors.map((j) => j.personId));
  const candidates = participants.filter((r) => !jurorPersons.has(r.person.id)).sort((a, b) => rank(a) - rank(b));
  const appTitle = new Map(data.applications.map((a) => [a.id, a.title]));
  const jurorName = new Map(data.jurors.map((j) => [j.id, j.name]));
  const byPerson = new Map(participants.map((r) => [r.person.id, r]));

  const run = async (f: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await f();
      return true;
    } catch (err) {
      setError((err as Error).message);
      return false;
    }
  };

  const add = () => {
    const q = query.trim();
    if (!q) return setError('Начните вводить фамилию участника и выберите его из подсказок.');
    const found = candidates.filter((r) => label(r) === q || r.fullName === q);
    if (found.length !== 1) return setError(found.length === 0 ? `«${q}» — нет такого участника среди не выбранных. Выберите из подсказок.` : `Участников «${q}» несколько — выберите строку с организацией.`);
    void run(() => saveJuror(ctx, setup.contest.id, found[0]!.person.id, noms, cap.trim() ? Number(cap) : undefined)).then((ok) => ok && setQuery(''));
  };

  const conflictsOf = (jurorId: string) => data.conflicts.filter((c) => c.jurorId === jurorId);

  return (
    <div>
      {removingJuror && <RemoveJurorDialog juror={removingJuror} data={data} onClose={() => setRemoving(undefined)} />}
      <fieldset className="add-juror">
        <legend>Добавить эксперта из участников</legend>
        <div className="field-row">
          <label className="field">
            <span>Участник</span>
            <input
              list="contest-juror-candidates"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  add();
                }
              }}
            />
          </label>
          <label className="field narrow">
            <span>Не больше заявок (пусто — без предела)</span>
            <input type="number" min={1} value={cap} onChange={(e) => setCap(e.target.value)} />
          </label>
        </div>
        <datalist id="contest-juror-candidates">
          {candidates.map((r) => (
            <option key={r.registration.id} value={label(r)} />
          ))}
        </datalist>
        {setup.nominations.length > 1 && (
          <div className="field-row">
            {setup.nominations.map((n) => (
              <label key={n.id} className="checkbox">
                <input type="checkbox" checked={noms.includes(n.id)} onChange={(e) => setNoms(e.target.checked ? [...noms, n.id] : noms.filter((x) => x !== n.id))} />
                {n.title}
              </label>
            ))}
          </div>
        )}
        <button type="button" className="primary" onClick={add}>
          Добавить эксперта
        </button>
      </fieldset>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {data.jurors.length === 0 ? (
        <p className="empty">Экспертов пока нет. Каждой заявке нужно не меньше {setup.contest.minReviews} независимых экспертов.</p>
      ) : (
        <table className="simple-table contest-table" aria-label="Эксперты">
          <thead>
            <tr>
              <th scope="col">Эксперт</th>
              <th scope="col">Муниципалитет, организация</th>
              <th scope="col">Номинации</th>
              <th scope="col" className="num">
                Предел
              </th>
              <th scope="col" className="num">
                Конфликтов
              </th>
              <th scope="col">
                <span className="visually-hidden">Действия</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.jurors.map((j) => {
              const p = byPerson.get(j.personId);
              const open = conflictsOf(j.id).filter((c) => !c.overridden).length;
              return (
                <tr key={j.id}>
                  <td>{j.name}</td>
                  <td>{[p?.municipality, p?.organization].filter(Boolean).join(', ') || '—'}</td>
                  <td>{j.nominationIds.map((id) => setup.nominations.find((n) => n.id === id)?.title ?? '?').join(', ')}</td>
                  <td className="num">{j.cap ?? '—'}</td>
                  <td className="num">{open}</td>
                  <td>
                    <button type="button" disabled={setup.contest.status === 'closed'} title={setup.contest.status === 'closed' ? 'Приём оценок закрыт: состав жюри не меняется' : undefined} onClick={() => setRemoving(j.id)}>
                      Убрать<span className="visually-hidden"> эксперта {j.name}</span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      <h2 className="subheading">Конфликты интересов</h2>
      <p className="muted">
        Находятся сами: эксперт — заявитель, работает в организации-заявителе или живёт в том же муниципалитете. Пока конфликт не снят, эксперт не получит эту заявку.
      </p>
      {data.conflicts.length === 0 ? (
        <p className="empty">Конфликтов интересов нет.</p>
      ) : (
        <table className="simple-table contest-table" aria-label="Конфликты интересов">
          <thead>
            <tr>
              <th scope="col">Эксперт</th>
              <th scope="col">Заявка</th>
              <th scope="col">Вид</th>
              <th scope="col">Причина</th>
              <th scope="col">Решение</th>
            </tr>
          </thead>
          <tbody>
            {data.conflicts.map((c) => {
              const id = `${c.jurorId}|${c.applicationId}|${c.kind}`;
              return (
                <tr key={id} className={c.overridden ? 'conflict-lifted' : undefined}>
                  <td>{jurorName.get(c.jurorId) ?? '—'}</td>
                  <td>{appTitle.get(c.applicationId) ?? '—'}</td>
                  <td>{CONFLICT_LABELS[c.kind]}</td>
                  <td>{c.reason}</td>
                  <td>
                    {c.overridden ? (
                      <>
                        Снят {formatWhen(c.overridden.at)} ({c.overridden.by}): {c.overridden.reason}
                        {c.kind !== 'manual' && c.kind !== 'declared' && (
                          <button type="button" onClick={() => void run(() => deleteConflictRow(ctx, id))}>
                            Вернуть
                          </button>
                        )}
                      </>
                    ) : (
                      <button type="button" onClick={() => {
                          setOverriding(c);
                          setReason('');
                        }}>
                        Снять конфликт…
                      </button>
                    )}
                    {(c.kind === 'manual' || c.kind === 'declared') && (
                      <button type="button" onClick={() => void run(() => deleteConflictRow(ctx, id))}>
                        Удалить
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {overriding && (
        <form
          className="card override-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => overrideConflictRow(ctx, setup.contest.id, overriding, reason, `организатор (${ctx.device.name})`)).then((ok) => ok && setOverriding(undefined));
          }}
        >
          <p>
            Снять конфликт «{CONFLICT_LABELS[overriding.kind]}»: {jurorName.get(overriding.jurorId)} — «{appTitle.get(overriding.applicationId)}». Причина попадёт в журнал жюри.
          </p>
          <label className="field">
            <span>Почему конфликт снимается</span>
            <input value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <div className="contest-actions">
            <button type="submit" className="primary">
              Снять конфликт
            </button>
            <button type="button" onClick={() => setOverriding(undefined)}>
              Отмена
            </button>
          </div>
        </form>
      )}
      {data.jurors.length > 0 && data.applications.length > 0 && (
        <form
          className="manual-conflict"
          onSubmit={(e) => {
            e.preventDefault();
            if (!manual.jurorId || !manual.applicationId) return setError('Выберите эксперта и заявку.');
            void run(() => addReportedConflict(ctx, setup.contest.id, manual)).then((ok) => ok && setManual({ ...manual, reason: '' }));
          }}
        >
          <h3>Отметить конфликт вручную</h3>
          <div className="field-row">
            <label className="field">
              <span>Эксперт</span>
              <select value={manual.jurorId} onChange={(e) => setManual({ ...manual, jurorId: e.target.value })}>
                <option value="">— выберите —</option>
                {data.jurors.map((j) => (
                  <option key={j.id} value={j.id}>
                    {j.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Заявка</span>
              <select value={manual.applicationId} onChange={(e) => setManual({ ...manual, applicationId: e.target.value })}>
                <option value="">— выберите —</option>
                {data.applications.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.title}
                  </option>
                ))}
              </select>
            </label>
            <label className="field narrow">
              <span>Кто сообщил</span>
              <select value={manual.kind} onChange={(e) => setManual({ ...manual, kind: e.target.value as 'manual' | 'declared' })}>
                <option value="manual">организатор</option>
                <option value="declared">сам эксперт</option>
              </select>
            </label>
          </div>
          <label className="field">
            <span>Причина конфликта</span>
            <input value={manual.reason} onChange={(e) => setManual({ ...manual, reason: e.target.value })} />
          </label>
          <button type="submit">Отметить конфликт</button>
        </form>
      )}
    </div>
  );
}
