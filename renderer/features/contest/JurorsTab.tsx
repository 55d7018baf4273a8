/**
 * «Эксперты и конфликты»: jurors chosen from the event's participants (with the nominations they judge
 * and an optional cap), the conflicts of interest found automatically or marked by hand, and lifting a
 * conflict with a reason (a dialog of the UI kit; the reason goes to the jury log).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conflict } from '../../../shared/contest';
import { FormDialog, NumberField, SelectField, TextField, closeDialog } from '../../components/ui';
import { addReportedConflict, deleteConflictRow, overrideConflictRow, saveJuror } from '../../db/repo/contest-jury';
import { useDb } from '../../hooks/db-context';
import type { ContestData, ContestSetup } from '../../hooks/use-contest';
import type { ParticipantRow } from '../../hooks/use-participants';
import { conflictLabel, formatWhen } from './labels';
import { RemoveJurorDialog } from './RemoveJurorDialog';
import { errorText, sayText } from '../../i18n';

type Props = { setup: ContestSetup; data: ContestData; participants: ParticipantRow[] };

const label = (r: ParticipantRow) => `${r.fullName}${r.organization ? ` — ${r.organization}` : r.municipality ? ` — ${r.municipality}` : ''}`;
// experts and jurors of the event first: they are who organizers usually invite
const rank = (r: ParticipantRow) => (r.registration.role === 'juror' || r.registration.role === 'expert' ? 0 : 1);

export function JurorsTab({ setup, data, participants }: Props) {
  const ctx = useDb();
  const { t } = useTranslation('contest');
  const [query, setQuery] = useState('');
  const [noms, setNoms] = useState<string[]>(setup.nominations.map((n) => n.id));
  const [cap, setCap] = useState('');
  const [error, setError] = useState<string>();
  const [overriding, setOverriding] = useState<Conflict>();
  const [removing, setRemoving] = useState<string>();
  const removingJuror = data.jurors.find((j) => j.id === removing);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const capValue = cap.trim() === '' ? undefined : Number(cap.trim());
  const capError = capValue !== undefined && !(Number.isInteger(capValue) && capValue >= 1) ? t('jurors.capInvalid') : undefined;
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
      setError(errorText(err));
      return false;
    }
  };

  const add = () => {
    const q = query.trim();
    if (!q) return setError(t('jurors.pickParticipant'));
    if (capError) return;
    const found = candidates.filter((r) => label(r) === q || r.fullName === q);
    if (found.length !== 1) return setError(found.length === 0 ? t('jurors.noSuch', { query: q }) : t('jurors.several', { query: q }));
    void run(() => saveJuror(ctx, setup.contest.id, found[0]!.person.id, noms, capValue)).then((ok) => ok && setQuery(''));
  };

  const conflictsOf = (jurorId: string) => data.conflicts.filter((c) => c.jurorId === jurorId);

  return (
    <div>
      {removingJuror && <RemoveJurorDialog juror={removingJuror} data={data} onClose={() => setRemoving(undefined)} />}
      <fieldset className="add-juror">
        <legend>{t('jurors.addLegend')}</legend>
        <div className="field-row">
          <TextField
            label={t('jurors.participant')}
            list="contest-juror-candidates"
            value={query}
            onChange={setQuery}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
          <NumberField label={t('jurors.cap')} className="narrow" value={cap} onChange={setCap} error={capError} />
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
          {t('jurors.add')}
        </button>
      </fieldset>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {data.jurors.length === 0 ? (
        <p className="empty">{t('jurors.empty', { count: setup.contest.minReviews })}</p>
      ) : (
        <table className="simple-table contest-table" aria-label={t('jurors.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('jurors.juror')}</th>
              <th scope="col">{t('jurors.where')}</th>
              <th scope="col">{t('jurors.nominations')}</th>
              <th scope="col" className="num">
                {t('jurors.capColumn')}
              </th>
              <th scope="col" className="num">
                {t('jurors.conflicts')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('jurors.actions')}</span>
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
                    <button type="button" disabled={setup.contest.status === 'closed'} title={setup.contest.status === 'closed' ? t('jurors.closedTitle') : undefined} onClick={() => setRemoving(j.id)}>
                      {t('jurors.remove')}
                      <span className="visually-hidden">{t('jurors.removeWhom', { name: j.name })}</span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      <h2 className="subheading">{t('jurors.conflictsTitle')}</h2>
      <p className="muted">{t('jurors.conflictsHint')}</p>
      {data.conflicts.length === 0 ? (
        <p className="empty">{t('jurors.noConflicts')}</p>
      ) : (
        <table className="simple-table contest-table" aria-label={t('jurors.conflictsTitle')}>
          <thead>
            <tr>
              <th scope="col">{t('jurors.juror')}</th>
              <th scope="col">{t('jurors.application')}</th>
              <th scope="col">{t('jurors.kind')}</th>
              <th scope="col">{t('jurors.reason')}</th>
              <th scope="col">{t('jurors.decision')}</th>
            </tr>
          </thead>
          <tbody>
            {data.conflicts.map((c) => {
              const id = `${c.jurorId}|${c.applicationId}|${c.kind}`;
              return (
                <tr key={id} className={c.overridden ? 'conflict-lifted' : undefined}>
                  <td>{jurorName.get(c.jurorId) ?? '—'}</td>
                  <td>{appTitle.get(c.applicationId) ?? '—'}</td>
                  <td>{conflictLabel(c.kind)}</td>
                  <td>{c.said ? sayText(c.said) : c.reason}</td>
                  <td>
                    {c.overridden ? (
                      <>
                        {t('jurors.lifted', { when: formatWhen(c.overridden.at), by: c.overridden.by, reason: c.overridden.reason })}
                        {c.kind !== 'manual' && c.kind !== 'declared' && (
                          <button type="button" onClick={() => void run(() => deleteConflictRow(ctx, id))}>
                            {t('jurors.restore')}
                          </button>
                        )}
                      </>
                    ) : (
                      <button
                        type="button"
                        onClick={() => {
                          setOverriding(c);
                          setReason('');
                          setReasonError(undefined);
                        }}
                      >
                        {t('jurors.lift')}
                      </button>
                    )}
                    {(c.kind === 'manual' || c.kind === 'declared') && (
                      <button type="button" onClick={() => void run(() => deleteConflictRow(ctx, id))}>
                        {t('jurors.delete')}
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
        <FormDialog
          title={t('jurors.liftTitle', { kind: conflictLabel(overriding.kind) })}
          submitLabel={t('jurors.liftConfirm')}
          error={error}
          onClose={() => setOverriding(undefined)}
          onSubmit={async (e) => {
            const target = e.currentTarget;
            if (!reason.trim()) return setReasonError(t('jurors.reasonMissing'));
            if (await run(() => overrideConflictRow(ctx, setup.contest.id, overriding, reason, t('organizerBy', { device: ctx.device.name })))) closeDialog({ currentTarget: target });
          }}
        >
          <p>{t('jurors.liftBody', { juror: jurorName.get(overriding.jurorId), application: appTitle.get(overriding.applicationId) })}</p>
          <TextField label={t('jurors.liftReason')} required autoFocus value={reason} onChange={setReason} error={reasonError} />
        </FormDialog>
      )}
      {data.jurors.length > 0 && data.applications.length > 0 && (
        <form
          className="manual-conflict"
          onSubmit={(e) => {
            e.preventDefault();
            if (!manual.jurorId || !manual.applicationId) return setError(t('jurors.pickBoth'));
            void run(() => addReportedConflict(ctx, setup.contest.id, manual)).then((ok) => ok && setManual({ ...manual, reason: '' }));
          }}
        >
          <h3>{t('jurors.manualTitle')}</h3>
          <div className="field-row">
            <SelectField
              label={t('jurors.juror')}
              value={manual.jurorId}
              onChange={(v) => setManual({ ...manual, jurorId: v })}
              options={data.jurors.map((j) => [j.id, j.name] as const)}
              placeholder={t('jurors.choose')}
            />
            <SelectField
              label={t('jurors.application')}
              value={manual.applicationId}
              onChange={(v) => setManual({ ...manual, applicationId: v })}
              options={data.applications.map((a) => [a.id, a.title] as const)}
              placeholder={t('jurors.choose')}
            />
            <SelectField<'manual' | 'declared'>
              label={t('jurors.reportedBy')}
              className="narrow"
              value={manual.kind}
              onChange={(v) => setManual({ ...manual, kind: v })}
              options={[
                ['manual', t('jurors.byOrganizer')],
                ['declared', t('jurors.byJuror')],
              ]}
            />
          </div>
          <TextField label={t('jurors.manualReason')} value={manual.reason} onChange={(v) => setManual({ ...manual, reason: v })} />
          <button type="submit">{t('jurors.mark')}</button>
        </form>
      )}
    </div>
  );
}
