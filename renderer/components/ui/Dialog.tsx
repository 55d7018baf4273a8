/**
 * The app's modal dialogs, on the platform's own `<dialog>` + `showModal()`: focus is trapped and
 * restored by the browser, Esc closes, the backdrop makes the rest inert. One component so that every
 * dialog has a labelled title, the same footer and the same close path (`onClose` runs once, after the
 * dialog has closed, whether by Esc, a button or `close()`). A dialog in steps (the import wizard) gives
 * `head` (its list of steps) and renders each step's own `DialogFooter`, so its buttons change per step
 * while Esc, the focus trap and the busy state stay here.
 */
import { useEffect, useId, useRef, type FormEvent, type FormHTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type DialogProps = {
  title: ReactNode;
  /** More of a fixed head under the title (a wizard's steps, the file it reads): title and head form a `<header>`. */
  head?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  /** Buttons of the footer, right-aligned; `footerStart` goes on the left (e.g. «Удалить»). */
  footer?: ReactNode;
  footerStart?: ReactNode;
  wide?: boolean;
  className?: string;
  /** role="alertdialog" for questions that interrupt (confirmations). */
  alert?: boolean;
  /** Work in progress that must not be interrupted: aria-busy, and Esc does not close. */
  busy?: boolean;
};

/** A modal dialog. Close it from inside with `closeDialog(event)` or by unmounting through `onClose`. */
export function Dialog({ title, head, onClose, children, footer, footerStart, wide, className, alert, busy }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className={['dialog', wide ? 'dialog-wide' : '', className ?? ''].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      role={alert ? 'alertdialog' : undefined}
      aria-busy={busy || undefined}
      // React passes a nested dialog's cancel and close on to this one: only this dialog's own count
      onCancel={(e) => (busy && e.target === e.currentTarget ? e.preventDefault() : undefined)}
      onClose={(e) => (e.target === e.currentTarget ? onClose() : undefined)}
    >
      {head === undefined ? (
        <h2 id={titleId}>{title}</h2>
      ) : (
        <header className="dialog-head">
          <h2 id={titleId}>{title}</h2>
          {head}
        </header>
      )}
      {children}
      {(footer || footerStart) && <DialogFooter start={footerStart}>{footer}</DialogFooter>}
    </dialog>
  );
}

/** The row of a dialog's buttons; a step of a wizard renders its own (`className` for its sticky place). */
export function DialogFooter({ start, children, className }: { start?: ReactNode; children?: ReactNode; className?: string }) {
  return (
    <div className={['dialog-actions', className ?? ''].filter(Boolean).join(' ')}>
      {start}
      {start && <span className="spacer" />}
      {children}
    </div>
  );
}

/** Closes the dialog a button sits in (its `onClose` follows). */
export function closeDialog(e: { currentTarget: Element }) {
  e.currentTarget.closest('dialog')?.close();
}

export type FormDialogProps = Omit<DialogProps, 'footer'> & {
  /** Runs on Enter or the submit button; the dialog stays open (call `closeDialog` or let the parent unmount it). */
  onSubmit: (e: FormEvent<HTMLFormElement>) => void | Promise<void>;
  /** «Сохранить» unless given. */
  submitLabel?: ReactNode;
  /** «Отмена» unless given. */
  cancelLabel?: ReactNode;
  /** The submit button's look: 'primary' (default) or 'primary danger' (filled red) for removals. */
  submitClassName?: 'primary' | 'primary danger';
  /** The submit cannot be pressed yet (nothing typed, a wait running); it is disabled while busy anyway. */
  submitDisabled?: boolean;
  /** A form-level error (the save failed), shown above the buttons as an alert. */
  error?: ReactNode;
  /** Extra props for the <form> (e.g. onBlur re-validation). */
  formProps?: Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'children'>;
};

/** A dialog holding one form: fields, a form-level error, «Отмена» and the primary submit. */
export function FormDialog({ onSubmit, submitLabel, cancelLabel, submitClassName = 'primary', submitDisabled, error, formProps, children, footerStart, ...dialog }: FormDialogProps) {
  const { busy } = dialog;
  const { t } = useTranslation();
  return (
    <Dialog {...dialog}>
      <form
        noValidate
        {...formProps}
        onSubmit={(e) => {
          e.preventDefault();
          void onSubmit(e);
        }}
      >
        {children}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <DialogFooter start={footerStart}>
          <button type="button" onClick={closeDialog}>
            {cancelLabel ?? t('common.cancel')}
          </button>
          <button type="submit" className={submitClassName} disabled={busy || submitDisabled} aria-busy={busy || undefined}>
            {submitLabel ?? t('common.save')}
          </button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
