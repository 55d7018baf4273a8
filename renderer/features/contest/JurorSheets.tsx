import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatScore, lastReopen, type Nomination, type ReopenGrant, type Score } from '../../../shared/contest';
import { reopenSheet } from '../../db/repo/contest-scoring';
import { useDb } from '../../hooks/db-context';
import type { ContestData, JurorView } from '../../hooks/use-contest';
import { ActionDialog } from '../../components/ui';
import { formatWhen, nameIn } from './labels';

type SheetState = 'none' | 'draft' | 'final' | 'returned';

/** Grants of the assignment the juror's sheet has not come back under yet. */
export function pendingGrants(reopens: readonly ReopenGrant[] | undefined, score: Score | undefined): ReopenGrant[] {
  const applied = new Set((score?.reopened ?? []).map((g) => g.id));
  return (reopens ?? []).filter((g) => !applied.has(g.id));
}

/**
 * One juror's sheets as the organizer received them, and «Вернуть на доработку»: a finalized sheet goes
 * back with a reason that is logged on the assignment, travels in the juror's next package and returns
 * inside the sheet (so every later reader sees why it changed).
 */
export function JurorSheets({ juror, data, nominations, onReopened }: { juror: JurorView; data: ContestData; nominations: readonly Nomination[]; onReopened: (text: string) => void }) {
  const ctx = useDb();
  const { t } = useTranslation('contest');
  const [reopening, setReopening] = useState<string>();
  const titles = new Map(data.applications.map((a) => [a.id, a.title]));
  const formOf = new Map(data.applications.map((a) => [a.id, nominations.find((n) => n.id === a.nominationId)]));
  // Σ value × coefficient of what is stored; «оценено k из n» while the sheet is incomplete (the values are in «Итоги → Оценки экспертов»)
  const sheetTotal = (score: Score, applicationId: string) => {
    const form = formOf.get(applicationId);
    if (!form) return '—';
    const filled = form.criteria.filter((c) => score.values[c.id] !== null && score.values[c.id] !== undefined);
    const total = filled.reduce((s, c) => s + score.values[c.id]! * c.weight, 0);
    return filled.length === form.criteria.length ? formatScore(Math.round(total * 100) / 100) : t('sheets.scoredOf', { count: filled.length, total: form.criteria.length });
  };
  const rows = data.assignments
    .filter((a) => a.jurorId === juror.id)
    .map((a) => {
      const score = data.scores.find((s) => s.jurorId === juror.id && s.applicationId === a.applicationId);
      const pending = pendingGrants(a.reopens, score);
      const state: SheetState = pending.length > 0 ? 'returned' : score === undefined ? 'none' : score.status;
      return { a, score, pending, state, title: titles.get(a.applicationId) ?? a.applicationId };
    })
    .sort((x, y) => x.title.localeCompare(y.title, 'ru'));

  const submit = async (applicationId: string, reason: string) => {
    await reopenSheet(ctx, juror.contestId, juror.id, applicationId, reason, t('organizerBy', { device: ctx.device.name }));
    onReopened(t('sheets.reopened', { name: nameIn(juror.person, juror.name, 'genitive'), title: titles.get(applicationId) }));
  };

  if (rows.length === 0) return <p className="muted">{t('sheets.none')}</p>;
  return (
    <div className="juror-sheets">
      <table className="simple-table" aria-label={t('sheets.tableLabel', { name: nameIn(juror.person, juror.name, 'genitive') })}>
        <thead>
          <tr>
            <th scope="col">{t('sheets.application')}</th>
            <th scope="col">{t('sheets.sheet')}</th>
            <th scope="col" className="num">
              {t('sheets.total')}
            </th>
            <th scope="col">{t('sheets.returns')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('sheets.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ a, score, state, title }) => {
            const back = lastReopen(score);
            return (
              <tr key={a.id}>
                <td>{title}</td>
                <td>
                  {t(`sheets.state.${state}`)}
                  {score && <span className="muted small">{t('sheets.version', { version: score.version })}</span>}
                </td>
                <td className="num">{score ? sheetTotal(score, a.applicationId) : '—'}</td>
                <td>
                  {(a.reopens ?? []).length === 0
                    ? '—'
                    : (a.reopens ?? []).map((g) => (
                        <p key={g.id} className="small reopen-entry">
                          {t('sheets.grant', { when: formatWhen(g.at), by: g.by, reason: g.reason })}
                          {(score?.reopened ?? []).some((r) => r.id === g.id) ? t('sheets.reopenedByJuror') : t('sheets.notYetReceived')}
                        </p>
                      ))}
                  {back && !(a.reopens ?? []).some((g) => g.id === back.id) && <p className="small">{t('sheets.inJurorFile', { reason: back.reason })}</p>}
                </td>
                <td>
                  {state === 'final' && reopening !== a.applicationId && (
                    <button
                      type="button"
                      onClick={() => setReopening(a.applicationId)}
                    >
                      {t('sheets.reopen')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {reopening && (
        <ActionDialog title={t('sheets.reopenTitle')} confirmLabel={t('sheets.reopenConfirm')} reasonLabel={t('sheets.reopenReason')} onClose={() => setReopening(undefined)} onConfirm={(reason) => submit(reopening, reason)}>
          <p>{t('sheets.reopenBody', { name: nameIn(juror.person, juror.name, 'dative'), title: titles.get(reopening) })}</p>
        </ActionDialog>
      )}
    </div>
  );
}
