import { useState } from 'react';
import { formatScore, lastReopen, type Nomination, type ReopenGrant, type Score } from '../../../shared/contest';
import { reopenSheet } from '../../db/repo/contest-scoring';
import { useDb } from '../../hooks/db-context';
import type { ContestData, JurorView } from '../../hooks/use-contest';
import { ActionDialog } from '../../components/ui';
import { formatWhen } from './labels';

type SheetState = 'none' | 'draft' | 'final' | 'returned';

const STATE_LABELS: Record<SheetState, string> = {
  none: 'оценок нет',
  draft: 'черновик',
  final: 'завершён',
  returned: 'возвращён на доработку — ждём новый файл',
};

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
  const [reopening, setReopening] = useState<string>();
  const titles = new Map(data.applications.map((a) => [a.id, a.title]));
  const formOf = new Map(data.applications.map((a) => [a.id, nominations.find((n) => n.id === a.nominationId)]));
  // Σ value × coefficient of what is stored; «оценено k из n» while the sheet is incomplete (the values are in «Итоги → Оценки экспертов»)
  const sheetTotal = (score: Score, applicationId: string) => {
    const form = formOf.get(applicationId);
    if (!form) return '—';
    const filled = form.criteria.filter((c) => score.values[c.id] !== null && score.values[c.id] !== undefined);
    const total = filled.reduce((s, c) => s + score.values[c.id]! * c.weight, 0);
    return filled.length === form.criteria.length ? formatScore(Math.round(total * 100) / 100) : `оценено ${filled.length} из ${form.criteria.length}`;
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
    await reopenSheet(ctx, juror.contestId, juror.id, applicationId, reason, `организатор (${ctx.device.name})`);
    onReopened(
      `Лист эксперта ${juror.name} по заявке «${titles.get(applicationId)}» возвращён на доработку. Скачайте пакет эксперта заново и отправьте ему: когда он откроет пакет, лист снова станет доступен для правки, а причина попадёт в его файл оценок.`,
    );
  };

  if (rows.length === 0) return <p className="muted">Эксперту не назначено ни одной заявки.</p>;
  return (
    <div className="juror-sheets">
      <table className="simple-table" aria-label={`Листы эксперта ${juror.name}`}>
        <thead>
          <tr>
            <th scope="col">Заявка</th>
            <th scope="col">Лист</th>
            <th scope="col" className="num">
              Итог эксперта
            </th>
            <th scope="col">Возвраты на доработку</th>
            <th scope="col">
              <span className="visually-hidden">Действия</span>
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
                  {STATE_LABELS[state]}
                  {score && <span className="muted small"> (версия {score.version})</span>}
                </td>
                <td className="num">{score ? sheetTotal(score, a.applicationId) : '—'}</td>
                <td>
                  {(a.reopens ?? []).length === 0
                    ? '—'
                    : (a.reopens ?? []).map((g) => (
                        <p key={g.id} className="small reopen-entry">
                          {formatWhen(g.at)}, {g.by}: «{g.reason}»
                          {(score?.reopened ?? []).some((r) => r.id === g.id) ? ' — эксперт открыл лист заново' : ' — эксперт ещё не получил'}
                        </p>
                      ))}
                  {back && !(a.reopens ?? []).some((g) => g.id === back.id) && <p className="small">в файле эксперта: «{back.reason}»</p>}
                </td>
                <td>
                  {state === 'final' && reopening !== a.applicationId && (
                    <button
                      type="button"
                      onClick={() => setReopening(a.applicationId)}
                    >
                      Вернуть на доработку…
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {reopening && (
        <ActionDialog title="Возврат листа на доработку" confirmLabel="Вернуть на доработку" reasonLabel="Причина возврата" onClose={() => setReopening(undefined)} onConfirm={(reason) => submit(reopening, reason)}>
          <p>
            Вернуть эксперту {juror.name} лист по заявке «{titles.get(reopening)}». Причину увидит эксперт; она сохраняется в журнале и в его файле оценок.
          </p>
        </ActionDialog>
      )}
    </div>
  );
}
