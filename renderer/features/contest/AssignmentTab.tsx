import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assignJury, canEdit, type AssignmentResult } from '../../../shared/contest';
import { addManualAssignment, removeAssignment, storeAssignments } from '../../db/repo/contest-jury';
import { useDb } from '../../hooks/db-context';
import type { ContestData, ContestSetup } from '../../hooks/use-contest';
import { nameIn } from './labels';
import { errorText, sayText } from '../../i18n';
import { SelectField } from '../../components/ui';

/** «Распределить заявки»: the exact solver, stored at once; then per-juror lists with manual edits. */
export function AssignmentTab({ setup, data }: { setup: ContestSetup; data: ContestData }) {
  const ctx = useDb();
  const { t } = useTranslation('contest');
  const [result, setResult] = useState<AssignmentResult>();
  const [error, setError] = useState<string>();
  const [adding, setAdding] = useState<Record<string, string>>({});
  const editable = canEdit(setup.contest, 'assignments');
  const admitted = data.applications.filter((a) => a.status === 'admitted');
  const blocked = new Set(data.conflicts.filter((c) => !c.overridden).map((c) => `${c.jurorId}|${c.applicationId}`));
  const appById = new Map(data.applications.map((a) => [a.id, a]));

  const distribute = async () => {
    setError(undefined);
    try {
      const r = assignJury({
        minReviews: setup.contest.minReviews,
        applications: data.applications,
        jurors: data.jurors.map((j) => ({ id: j.id, nominationIds: j.nominationIds, ...(j.cap === undefined ? {} : { cap: j.cap }), name: j.name })),
        conflicts: data.conflicts,
        manual: data.assignments.filter((a) => a.manual),
        nominations: setup.nominations,
      });
      await storeAssignments(ctx, setup.contest.id, r.assignments);
      setResult(r);
    } catch (err) {
      setError(t('assignment.failed', { message: errorText(err) }));
    }
  };

  const run = (f: () => Promise<unknown>) => {
    setError(undefined);
    f().catch((err: Error) => setError(errorText(err)));
  };

  const reviews = new Map<string, number>();
  for (const a of data.assignments) reviews.set(a.applicationId, (reviews.get(a.applicationId) ?? 0) + 1);
  const short = admitted.filter((a) => (reviews.get(a.id) ?? 0) < setup.contest.minReviews);

  return (
    <div>
      <div className="contest-actions">
        <button type="button" className="primary" disabled={!editable || admitted.length === 0 || data.jurors.length === 0} onClick={() => void distribute()}>
          {t('assignment.distribute')}
        </button>
        <span className="muted">{t('assignment.summary', { admitted: admitted.length, jurors: data.jurors.length, min: setup.contest.minReviews })}</span>
      </div>
      {admitted.length === 0 && <p className="empty">{t('assignment.noAdmitted')}</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <div className={result.feasible ? 'assign-report ok' : 'assign-report bad'} role="status">
          {result.feasible ? (
            <p>{t('assignment.done', { min: setup.contest.minReviews, from: Math.min(...Object.values(result.load)), to: result.maxLoad })}</p>
          ) : (
            <>
              <p>{t('assignment.shortfall')}</p>
              <ul>
                {result.shortfalls.map((s) => (
                  <li key={s.applicationId}>{sayText(s.said)}</li>
                ))}
              </ul>
            </>
          )}
          {result.warnings.length > 0 && (
            <ul>
              {result.warnings.map((w, i) => (
                <li key={i}>{sayText(w.said)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {data.assignments.length > 0 && short.length > 0 && !result && (
        <p className="form-error">
          {t('assignment.short', { list: short.map((a) => t('assignment.shortItem', { title: a.title, count: reviews.get(a.id) ?? 0, min: setup.contest.minReviews })).join(', ') })}
        </p>
      )}
      <div className="juror-loads" role="list" aria-label={t('assignment.loadsLabel')}>
        {data.jurors.map((j) => {
          const mine = data.assignments.filter((a) => a.jurorId === j.id).sort((x, y) => (appById.get(x.applicationId)?.title ?? '').localeCompare(appById.get(y.applicationId)?.title ?? '', 'ru'));
          const mineIds = new Set(mine.map((a) => a.applicationId));
          const options = admitted.filter((a) => j.nominationIds.includes(a.nominationId) && !mineIds.has(a.id) && !blocked.has(`${j.id}|${a.id}`));
          return (
            <section key={j.id} className="card juror-load" role="listitem" aria-label={j.name}>
              <h3>
                <span translate="no">{j.name}</span> <span className="muted">{j.cap ? t('assignment.loadCap', { count: mine.length, cap: j.cap }) : t('assignment.load', { count: mine.length })}</span>
              </h3>
              {mine.length === 0 ? (
                <p className="muted">{t('assignment.none')}</p>
              ) : (
                <ul>
                  {mine.map((a) => (
                    <li key={a.id}>
                      {appById.get(a.applicationId)?.title ?? t('assignment.deleted')}
                      {a.anchor && (
                        <span className="tag" title={t('assignment.anchorTitle')}>
                          {t('assignment.anchor')}
                        </span>
                      )}
                      {a.manual && <span className="tag">{t('assignment.manual')}</span>}
                      {editable && (
                        <button type="button" aria-label={t('assignment.unassign', { title: appById.get(a.applicationId)?.title ?? '', name: nameIn(j.person, j.name, 'genitive') })} onClick={() => run(() => removeAssignment(ctx, a.id))}>
                          ×
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {editable && options.length > 0 && (
                <div className="field-row">
                  <SelectField
                    label={t('assignment.assignManually')}
                    value={adding[j.id] ?? ''}
                    onChange={(id) => setAdding({ ...adding, [j.id]: id })}
                    placeholder={t('assignment.pick')}
                    options={options.map((a) => [a.id, a.title] as const)}
                  />
                  <button type="button" className="align-end" disabled={!adding[j.id]} onClick={() => run(() => addManualAssignment(ctx, setup.contest.id, j.id, adding[j.id]!))}>
                    {t('assignment.assign')}
                  </button>
                </div>
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}
