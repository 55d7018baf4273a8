import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lockSummary } from '../../../shared/contest';
import { openScoring } from '../../db/repo/contest';
import { closeScoring, reopenScoring, unlockCriteria } from '../../db/repo/contest-scoring';
import { useDb } from '../../hooks/db-context';
import type { ContestData, ContestSetup } from '../../hooks/use-contest';
import { ActionDialog } from '../../components/ui';
import { formatWhen, methodLabel } from './labels';
import { sayText } from '../../i18n';

type Step = 'open' | 'close' | 'reopen' | 'unlock';

/**
 * Where scoring stands and the one step that moves it: open (with what gets locked), close (later
 * files are refused, the results become final), reopen with a reason, and — only while no sheet has
 * arrived — unlock the criteria again. Each step asks first; the history is listed under it.
 */
export function ScoringControls({ setup, data, dirty, onMessage }: { setup: ContestSetup; data: ContestData; dirty: boolean; onMessage: (m: { kind: 'ok' | 'error'; text: string }) => void }) {
  const ctx = useDb();
  const { t } = useTranslation('contest');
  const [step, setStep] = useState<Step>();
  const c = setup.contest;
  const finals = data.scores.filter((s) => s.status === 'final').length;
  const drafts = data.scores.length - finals;
  const silent = data.jurors.filter((j) => !data.scores.some((s) => s.jurorId === j.id)).length;

  return (
    <section className={`scoring-state scoring-${c.status}`} aria-label={t('scoring.label')}>
      {c.status === 'setup' ? (
        <p>{t('scoring.setupState')}</p>
      ) : c.status === 'scoring' ? (
        <p role="status">{t('scoring.openState', { when: formatWhen(c.lockedAt), count: data.scores.length, finals })}</p>
      ) : (
        <p role="status">{t('scoring.closedState')}</p>
      )}
      <div className="contest-actions">
        {c.status === 'setup' && (
          <button type="button" className={dirty ? undefined : 'primary'} onClick={() => (dirty ? onMessage({ kind: 'error', text: t('scoring.saveFirst') }) : setStep('open'))}>
            {t('scoring.openButton')}
          </button>
        )}
        {c.status === 'scoring' && (
          <>
            <button type="button" className="primary" onClick={() => setStep('close')}>
              {t('scoring.closeButton')}
            </button>
            {data.scores.length === 0 && (
              <button type="button" onClick={() => setStep('unlock')}>
                {t('scoring.unlockButton')}
              </button>
            )}
          </>
        )}
        {c.status === 'closed' && (
          <button type="button" onClick={() => setStep('reopen')}>
            {t('scoring.reopenButton')}
          </button>
        )}
      </div>
      {(c.scoringLog ?? []).length > 0 && (
        <details className="scoring-log">
          <summary>{t('scoring.log', { count: c.scoringLog!.length })}</summary>
          <ul>
            {c.scoringLog!.map((e, i) => (
              <li key={i}>
                {t('scoring.logLine', { when: formatWhen(e.at), action: t(`scoring.action.${e.action}`), by: e.by })}
                {e.reason ? t('scoring.logReason', { reason: e.reason }) : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
      {step === 'open' && (
        <ActionDialog
          title={t('scoring.openTitle')}
          confirmLabel={t('scoring.openTitle')}
          onClose={() => setStep(undefined)}
          onConfirm={async () => {
            await openScoring(ctx, c.id);
            onMessage({ kind: 'ok', text: t('scoring.opened') });
          }}
        >
          <p>{t('scoring.openLead')}</p>
          <ul>
            {lockSummary(c, setup.nominations, methodLabel(c.method)).map((line) => (
              <li key={line.key}>{sayText(line)}</li>
            ))}
          </ul>
          <p className="muted small">{t('scoring.openNote')}</p>
        </ActionDialog>
      )}
      {step === 'close' && (
        <ActionDialog
          title={t('scoring.closeTitle')}
          confirmLabel={t('scoring.closeTitle')}
          onClose={() => setStep(undefined)}
          onConfirm={async () => {
            await closeScoring(ctx, c.id);
            onMessage({ kind: 'ok', text: t('scoring.closed') });
          }}
        >
          <p>
            {t('scoring.closeCounts', { count: data.scores.length, finals })}
            {drafts > 0 ? t('scoring.closeDrafts', { count: drafts }) : ''}.{silent > 0 ? t('scoring.closeSilent', { count: silent }) : ''}
          </p>
          <p>{t('scoring.closeNote')}</p>
        </ActionDialog>
      )}
      {step === 'reopen' && (
        <ActionDialog
          title={t('scoring.reopenTitle')}
          confirmLabel={t('scoring.reopenConfirm')}
          reasonLabel={t('scoring.reopenReason')}
          onClose={() => setStep(undefined)}
          onConfirm={async (reason) => {
            await reopenScoring(ctx, c.id, reason);
            onMessage({ kind: 'ok', text: t('scoring.reopened') });
          }}
        >
          <p>{t('scoring.reopenNote')}</p>
        </ActionDialog>
      )}
      {step === 'unlock' && (
        <ActionDialog
          title={t('scoring.unlockTitle')}
          confirmLabel={t('scoring.unlockTitle')}
          reasonLabel={t('scoring.unlockReason')}
          danger
          onClose={() => setStep(undefined)}
          onConfirm={async (reason) => {
            await unlockCriteria(ctx, c.id, reason);
            onMessage({ kind: 'ok', text: t('scoring.unlocked') });
          }}
        >
          <p className="results-note-warn">{t('scoring.unlockWarning')}</p>
        </ActionDialog>
      )}
    </section>
  );
}
