/**
 * A consequential step confirmed in a dialog that also does it: the question, an optional written
 * reason (kept in the log by the caller), and the action, which may fail with a Russian message that
 * keeps the dialog open (open/close/reopen scoring, unlock criteria, remove a juror, return a sheet).
 * For a plain yes/no before an action, use `useConfirm` instead.
 */
import { useState, type ReactNode } from 'react';
import { FormDialog } from './Dialog';
import { useDialogAction } from './dialog-action';
import { TextAreaField } from './Field';

type Props = {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** A written reason the action needs; the confirm button passes it on. */
  reasonLabel?: string;
  /** The confirm button in the danger colour (removing, excluding). */
  danger?: boolean;
  /** Throws with a Russian message to keep the dialog open and show it. */
  onConfirm: (reason: string) => Promise<void> | void;
  onClose: () => void;
};

export function ActionDialog({ title, children, confirmLabel, reasonLabel, danger, onConfirm, onClose }: Props) {
  const [reason, setReason] = useState('');
  const { busy, error, run } = useDialogAction();
  const submit = (e: { currentTarget: Element }) => run(e, () => onConfirm(reason));
  return (
    <FormDialog
      title={title}
      className="confirm-dialog"
      onClose={onClose}
      onSubmit={submit}
      submitLabel={confirmLabel}
      submitClassName={danger ? 'primary danger' : 'primary'}
      busy={busy}
      error={error}
    >
      {children}
      {reasonLabel && <TextAreaField label={reasonLabel} rows={2} value={reason} onChange={setReason} />}
    </FormDialog>
  );
}
