import { useEffect, useRef, useState, type ReactNode } from 'react';

type Props = {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** A written reason the action needs (logged); the confirm button passes it on. */
  reasonLabel?: string;
  /** The confirm button in the danger colour (removing, excluding). */
  danger?: boolean;
  /** Throws with a Russian message to keep the dialog open and show it. */
  onConfirm: (reason: string) => Promise<void> | void;
  onClose: () => void;
};

/**
 * A modal confirmation for the contest's consequential steps (open, close, reopen scoring; unlock the
 * criteria; remove a juror; return a sheet). A native modal <dialog>: always centred in the window, so
 * it never opens below the visible area, Esc closes it, and focus stays inside while it is open.
 */
export function ConfirmDialog({ title, children, confirmLabel, reasonLabel, danger, onConfirm, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => ref.current?.showModal(), []);
  const submit = async () => {
    setError(undefined);
    setBusy(true);
    try {
      await onConfirm(reason);
      onClose();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <dialog ref={ref} className="dialog confirm-dialog" aria-label={title} onClose={onClose}>
      <form
        method="dialog"
        aria-label={title}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2>{title}</h2>
        {children}
        {reasonLabel && (
          <label className="field">
            <span>{reasonLabel}</span>
            <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Отмена
          </button>
          <button type="submit" className={danger ? 'primary danger-fill' : 'primary'} disabled={busy} aria-busy={busy}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
