/**
 * Questions before actions people may regret, in the app's own dialog instead of the browser's
 * `confirm()` (which cannot be styled, read by tests, or say what exactly will be lost). For destructive
 * actions `typed` asks to type a word first, so a reflexive Enter cannot delete a section or a juror.
 *
 * ```tsx
 * const [confirm, confirmDialog] = useConfirm();
 * if (await confirm({ title: 'Удалить секцию «…»?', body: 'Её участники останутся без секции.', action: 'Удалить', danger: true })) …
 * return <>{…}{confirmDialog}</>;
 * ```
 */
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, DialogFooter, closeDialog } from './Dialog';
import { TextField } from './Field';

export type ConfirmOptions = {
  title: string;
  body?: ReactNode;
  /** The confirming button's words: «Удалить», «Открыть приём оценок». */
  action: string;
  danger?: boolean;
  /** A word the person must type before the action is enabled (destructive, hard to undo). */
  typed?: string;
};

export type Confirm = (options: ConfirmOptions) => Promise<boolean>;

/** Asks; resolves true only when the action button was pressed. Render the returned node. */
export function useConfirm(): [Confirm, ReactNode] {
  const [request, setRequest] = useState<(ConfirmOptions & { resolve: (ok: boolean) => void }) | null>(null);
  const confirm = useCallback<Confirm>(
    (options) =>
      new Promise<boolean>((resolve) =>
        setRequest((pending) => {
          pending?.resolve(false); // one question at a time: an earlier one still open is declined
          return { ...options, resolve };
        }),
      ),
    [],
  );
  const node = request ? (
    <ConfirmDialog
      {...request}
      onDone={(ok) => {
        setRequest(null);
        request.resolve(ok);
      }}
    />
  ) : null;
  return [confirm, node];
}

export function ConfirmDialog({ title, body, action, danger, typed, onDone }: ConfirmOptions & { onDone: (ok: boolean) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  // a ref, not state: the dialog's close event may come before a re-render would show the new value
  const confirmed = useRef(false);
  const ready = !typed || text.trim().toLocaleLowerCase('ru') === typed.toLocaleLowerCase('ru');
  return (
    <Dialog title={title} alert onClose={() => onDone(confirmed.current)}>
      {body && <div className="confirm-body">{body}</div>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!ready) return;
          confirmed.current = true;
          closeDialog(e);
        }}
      >
        {typed && <TextField label={t('common.typeToConfirm', { word: typed })} value={text} onChange={setText} autoComplete="off" />}
        <DialogFooter>
          {/* the safe choice takes the focus: a reflexive Enter cancels */}
          <button type="button" autoFocus={!typed} onClick={closeDialog}>
            {t('common.cancel')}
          </button>
          <button type="submit" className={danger ? 'primary danger' : 'primary'} disabled={!ready}>
            {action}
          </button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
