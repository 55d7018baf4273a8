import { useState } from 'react';
import { lockSummary, type ScoringAction } from '../../../shared/contest';
import { openScoring } from '../../db/repo/contest';
import { closeScoring, reopenScoring, unlockCriteria } from '../../db/repo/contest-scoring';
import { useDb } from '../../hooks/db-context';
import type { ContestData, ContestSetup } from '../../hooks/use-contest';
import { ActionDialog } from '../../components/ui';
import { formatWhen, METHOD_LABELS } from './labels';

type Step = 'open' | 'close' | 'reopen' | 'unlock';

const ACTION_LABELS: Record<ScoringAction, string> = {
  open: 'приём оценок открыт',
  close: 'приём оценок закрыт',
  reopen: 'приём оценок открыт заново',
  unlock: 'критерии разблокированы',
};

/**
 * Where scoring stands and the one step that moves it: open (with what gets locked), close (later
 * files are refused, the results become final), reopen with a reason, and — only while no sheet has
 * arrived — unlock the criteria again. Each step asks first; the history is listed under it.
 */
export function ScoringControls({ setup, data, dirty, onMessage }: { setup: ContestSetup; data: ContestData; dirty: boolean; onMessage: (m: { kind: 'ok' | 'error'; text: string }) => void }) {
  const ctx = useDb();
  const [step, setStep] = useState<Step>();
  const c = setup.contest;
  const finals = data.scores.filter((s) => s.status === 'final').length;
  const drafts = data.scores.length - finals;
  const silent = data.jurors.filter((j) => !data.scores.some((s) => s.jurorId === j.id)).length;

  return (
    <section className={`scoring-state scoring-${c.status}`} aria-label="Приём оценок">
      {c.status === 'setup' ? (
        <p>Приём оценок не открыт: всё можно изменить. Пакеты экспертам можно скачать после открытия.</p>
      ) : c.status === 'scoring' ? (
        <p role="status">
          🔒 Приём оценок открыт {formatWhen(c.lockedAt)}. Способ подсчёта, правила при равенстве баллов, номинации и критерии заблокированы — эксперты оценивают по ним.
          Получено листов: {data.scores.length} (завершено {finals}).
        </p>
      ) : (
        <p role="status">
          ✓ Приём оценок закрыт. Итоги окончательные; новые файлы оценок не принимаются. Изменить ничего нельзя, пока приём не открыт заново.
        </p>
      )}
      <div className="contest-actions">
        {c.status === 'setup' && (
          <button type="button" className={dirty ? undefined : 'primary'} onClick={() => (dirty ? onMessage({ kind: 'error', text: 'Сначала сохраните изменения настроек, затем открывайте приём оценок.' }) : setStep('open'))}>
            Открыть приём оценок…
          </button>
        )}
        {c.status === 'scoring' && (
          <>
            <button type="button" className="primary" onClick={() => setStep('close')}>
              Закрыть приём оценок…
            </button>
            {data.scores.length === 0 && (
              <button type="button" onClick={() => setStep('unlock')}>
                Разблокировать критерии…
              </button>
            )}
          </>
        )}
        {c.status === 'closed' && (
          <button type="button" onClick={() => setStep('reopen')}>
            Открыть приём заново…
          </button>
        )}
      </div>
      {(c.scoringLog ?? []).length > 0 && (
        <details className="scoring-log">
          <summary>Журнал приёма оценок ({c.scoringLog!.length})</summary>
          <ul>
            {c.scoringLog!.map((e, i) => (
              <li key={i}>
                {formatWhen(e.at)} — {ACTION_LABELS[e.action]}, {e.by}
                {e.reason ? `: «${e.reason}»` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
      {step === 'open' && (
        <ActionDialog
          title="Открыть приём оценок"
          confirmLabel="Открыть приём оценок"
          onClose={() => setStep(undefined)}
          onConfirm={async () => {
            await openScoring(ctx, c.id);
            onMessage({ kind: 'ok', text: 'Приём оценок открыт: способ подсчёта, правила при равенстве и критерии заблокированы. Теперь можно скачать пакеты экспертов.' });
          }}
        >
          <p>После открытия эксперты оценивают по этим правилам, и они блокируются:</p>
          <ul>
            {lockSummary(c, setup.nominations, METHOD_LABELS[c.method]).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p className="muted small">Заявки, экспертов и распределение можно менять и дальше. Разблокировать критерии можно, пока не получен ни один лист оценок.</p>
        </ActionDialog>
      )}
      {step === 'close' && (
        <ActionDialog
          title="Закрыть приём оценок"
          confirmLabel="Закрыть приём оценок"
          onClose={() => setStep(undefined)}
          onConfirm={async () => {
            await closeScoring(ctx, c.id);
            onMessage({ kind: 'ok', text: 'Приём оценок закрыт: итоги окончательные, файлы оценок, присланные позже, не будут приняты.' });
          }}
        >
          <p>
            Получено листов: {data.scores.length}, из них завершённых — {finals}
            {drafts > 0 ? `, черновиков — ${drafts} (в итоги не входят)` : ''}.{silent > 0 ? ` От ${silent} экспертов не получено ни одного листа.` : ''}
          </p>
          <p>После закрытия файлы оценок не принимаются, итоги и протокол становятся окончательными. Открыть приём заново можно только с указанием причины.</p>
        </ActionDialog>
      )}
      {step === 'reopen' && (
        <ActionDialog
          title="Открыть приём оценок заново"
          confirmLabel="Открыть приём заново"
          reasonLabel="Причина (попадёт в журнал и в протокол)"
          onClose={() => setStep(undefined)}
          onConfirm={async (reason) => {
            await reopenScoring(ctx, c.id, reason);
            onMessage({ kind: 'ok', text: 'Приём оценок открыт заново. Итоги снова предварительные.' });
          }}
        >
          <p>Итоги снова станут предварительными, пока приём не будет закрыт ещё раз.</p>
        </ActionDialog>
      )}
      {step === 'unlock' && (
        <ActionDialog
          title="Разблокировать критерии"
          confirmLabel="Разблокировать критерии"
          reasonLabel="Причина (попадёт в журнал)"
          danger
          onClose={() => setStep(undefined)}
          onConfirm={async (reason) => {
            await unlockCriteria(ctx, c.id, reason);
            onMessage({ kind: 'ok', text: 'Критерии разблокированы, конкурс снова в настройке. Пакеты, уже отправленные экспертам, содержат старые критерии: после изменений откройте приём и отправьте пакеты заново.' });
          }}
        >
          <p className="results-note-warn">
            Внимание: пакеты, уже отправленные экспертам, содержат старые критерии. Файлы оценок по ним не будут приняты, пока приём не открыт снова; после изменений
            отправьте экспертам новые пакеты. Пока ни одного листа не получено, это безопасно.
          </p>
        </ActionDialog>
      )}
    </section>
  );
}
