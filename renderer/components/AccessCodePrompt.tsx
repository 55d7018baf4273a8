/**
 * The access-code prompt for a sealed file (a juror package, a project's report package): one dialog
 * for every place such a file is opened. The caller gives the attempt to make with a typed code; a
 * wrong code keeps the dialog and the file so the person checks the code and tries again, any other
 * refusal closes it with the caller's message.
 */
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog, TextField, closeDialog } from './ui';
import { sayText } from '../i18n';
import type { Said } from '../../shared/text/said';

/** What one try with a code gave: the opened value, or a refusal with its code (`wrong-code` keeps the dialog) and message. */
export type CodeAttempt<T> = { ok: true; value: T } | { ok: false; code: string; said: Said };
/** The value and the code that opened it, a refusal with its message, or the person gave up. */
export type CodeAnswer<T> = { ok: true; value: T; code: string } | { ok: false; message: string } | { ok: false; cancelled: true };

type Asking<T> = { name: string; attempt: (code: string) => Promise<CodeAttempt<T>>; resolve: (r: CodeAnswer<T>) => void };

/** `ask(name, attempt)` shows the dialog for the file `name` until a code opens it or the person cancels; render `prompt`. */
export function useAccessCode<T>(): { ask: (name: string, attempt: (code: string) => Promise<CodeAttempt<T>>) => Promise<CodeAnswer<T>>; prompt: ReactNode } {
  const [asking, setAsking] = useState<Asking<T>>();
  const ask = useCallback((name: string, attempt: (code: string) => Promise<CodeAttempt<T>>) => new Promise<CodeAnswer<T>>((resolve) => setAsking({ name, attempt, resolve })), []);
  const prompt = asking && (
    <AccessCodeDialog
      asking={asking}
      onDone={(r) => {
        asking.resolve(r);
        setAsking(undefined);
      }}
    />
  );
  return { ask, prompt };
}

function AccessCodeDialog<T>({ asking, onDone }: { asking: Asking<T>; onDone: (r: CodeAnswer<T>) => void }) {
  const { t } = useTranslation('accessCode');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // once: the dialog's close (Esc, «Отмена») after an answer must not answer again
  const answered = useRef(false);
  const answer = (r: CodeAnswer<T>) => {
    if (answered.current) return;
    answered.current = true;
    onDone(r);
  };
  const submit = async (e: { currentTarget: Element }) => {
    const target = e.currentTarget;
    if (code.trim() === '') return setError(t('empty'));
    setBusy(true);
    const tried = await asking.attempt(code);
    setBusy(false);
    if (!tried.ok && tried.code === 'wrong-code') return setError(sayText(tried.said));
    answer(tried.ok ? { ok: true, value: tried.value, code } : { ok: false, message: sayText(tried.said) });
    closeDialog({ currentTarget: target });
  };
  return (
    <FormDialog title={t('title')} className="package-code-prompt" onClose={() => answer({ ok: false, cancelled: true })} onSubmit={submit} submitLabel={t('submit')} busy={busy}>
      <p>{t('lead', { name: asking.name })}</p>
      <TextField
        label={t('label')}
        className="package-code-field"
        value={code}
        onChange={(v) => {
          setCode(v);
          setError(undefined);
        }}
        error={error}
        hint={t('hint')}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        autoFocus
      />
    </FormDialog>
  );
}
