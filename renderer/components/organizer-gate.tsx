// The organizer gate: asks for the organizer PIN before an organizer's area or a destructive action (used by many features).
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizerPinRecord } from '../../shared/domain/types';
import { formatWait, isOutdatedPin, needsOrganizerPin, tryOrganizerPin, UNLOCK_MS, waitMs } from '../../shared/security/organizer-pin';
import { closeOrganizerSession, openOrganizerSession } from '../db/authority';
import type { DbContext } from '../db/context';
import { useDb } from '../hooks/db-context';
import { useUiStore } from '../stores/ui-store';
import { loadOrganizerPin, loadPinAttempts, savePinAttempts } from '../db/repo/device';
import { sayText } from '../i18n';
import { FormDialog, TextField, closeDialog } from './ui';

/** Asks for the organizer PIN when needed; resolves true when the action may go ahead. */
export type AskOrganizer = (what: string) => Promise<boolean>;

/**
 * The one guard for the organizer's areas and for destructive actions on a non-organizer device.
 *
 * ```tsx
 * const [askOrganizer, gateDialog] = useOrganizerGate();
 * const onRestore = async () => {
 *   if (!(await askOrganizer('восстановить данные из резервной копии'))) return;
 *   ...
 * };
 * return <>{...}{gateDialog}</>;
 * ```
 *
 * `what` finishes the sentence «Чтобы …, введите PIN организатора». It resolves `true` at once on the
 * organizer's device, when no organizer PIN has been set yet, and while an earlier unlock lasts
 * (UNLOCK_MS, for this session only); otherwise it shows the dialog and resolves when it closes.
 * Render `gateDialog` somewhere in the calling component, or the promise never settles.
 */
export function useOrganizerGate(): [AskOrganizer, ReactNode] {
  const ctx = useDb();
  const [request, setRequest] = useState<{ what: string; pin: OrganizerPinRecord; resolve: (ok: boolean) => void } | null>(null);
  const ask = useCallback<AskOrganizer>(
    async (what) => {
      const pin = await loadOrganizerPin(ctx);
      const unlockedUntil = useUiStore.getState().organizerUntil;
      if (!pin || !needsOrganizerPin({ role: ctx.device.role, pin, unlockedUntil, now: Date.now() })) {
        // the repositories refuse what this role may not write outside an organizer session (db/authority.ts)
        if (ctx.device.role !== 'organizer') openOrganizerSession(ctx, Math.max(unlockedUntil, Date.now() + UNLOCK_MS));
        return true;
      }
      return new Promise<boolean>((resolve) =>
        setRequest((pending) => {
          pending?.resolve(false); // one dialog at a time: an earlier question still open is refused
          return { what, pin, resolve };
        }),
      );
    },
    [ctx],
  );
  const dialog = request ? (
    <OrganizerPinDialog
      ctx={ctx}
      what={request.what}
      pin={request.pin}
      onDone={(ok) => {
        setRequest(null);
        request.resolve(ok);
      }}
    />
  ) : null;
  return [ask, dialog];
}

/** Ends an unlock before its time (the «Закрыть разделы организатора» button). */
export function lockOrganizer(ctx: Pick<DbContext, 'db'>) {
  useUiStore.getState().setOrganizerUntil(0);
  closeOrganizerSession(ctx);
}

function OrganizerPinDialog(props: { ctx: DbContext; what: string; pin: OrganizerPinRecord; onDone: (ok: boolean) => void }) {
  const { ctx, onDone } = props;
  const { t } = useTranslation();
  const [entered, setEntered] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [waitUntil, setWaitUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const result = useRef(false);

  useEffect(() => {
    void loadPinAttempts(ctx).then((a) => setWaitUntil(a.lockedUntil));
  }, [ctx]);
  // a running wait counts down on screen, once a second
  const waiting = waitUntil > now;
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [waiting]);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    if (busy) return;
    const form = e.currentTarget;
    setBusy(true);
    try {
      const at = Date.now();
      const attempts = await loadPinAttempts(ctx);
      const outcome = await tryOrganizerPin(props.pin, entered.trim(), attempts, at);
      if (outcome.result !== 'wait') await savePinAttempts(ctx, outcome.attempts);
      setNow(at);
      if (outcome.result === 'ok') {
        useUiStore.getState().setOrganizerUntil(at + UNLOCK_MS);
        openOrganizerSession(ctx, at + UNLOCK_MS);
        result.current = true;
        closeDialog({ currentTarget: form });
        return;
      }
      setEntered('');
      setWaitUntil(outcome.attempts.lockedUntil);
      setError(outcome.result === 'wrong' ? t('pinGate.wrong') : '');
    } finally {
      setBusy(false);
    }
  };

  const wait = waitMs({ failures: 0, lockedUntil: waitUntil }, now);
  return (
    <FormDialog
      title={t('pinGate.title')}
      className="gate-dialog"
      onClose={() => onDone(result.current)}
      onSubmit={submit}
      submitLabel={t('pinGate.continue')}
      submitDisabled={wait > 0 || entered.trim() === ''}
      busy={busy}
      error={error || wait > 0 ? <>{error} {wait > 0 && t('pinGate.wait', { wait: sayText(formatWait(wait)) })}</> : undefined}
    >
      <p>{t('pinGate.lead', { what: props.what, count: UNLOCK_MS / 60_000 })}</p>
      {isOutdatedPin(props.pin) && <p className="muted small">{t('pinGate.outdated')}</p>}
      <TextField
        label={t('pinGate.title')}
        autoFocus
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={8}
        value={entered}
        disabled={wait > 0}
        onChange={setEntered}
        aria-invalid={error ? true : undefined}
      />
    </FormDialog>
  );
}
