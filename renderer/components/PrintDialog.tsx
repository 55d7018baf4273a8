import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Dialog, closeDialog } from './ui';

/**
 * The one way things are printed: a modal with a scaled preview and the actions, plus the printable
 * pages in a `.print-root` portal that is all the printer gets (see the print rules in styles.css).
 * In Electron and in browsers the system dialog offers «Сохранить как PDF».
 */
export function PrintDialog(props: {
  title: string;
  /** What the printer gets (all pages). */
  pages: ReactNode;
  /** What the dialog shows (often the first page or two); defaults to the pages. */
  preview?: ReactNode;
  previewClassName?: string;
  printClassName?: string;
  /** Extra controls above the preview (format choice, municipality…). */
  children?: ReactNode;
  /** Extra actions before «Печать» (e.g. «Скачать Excel»). */
  actions?: ReactNode;
  printLabel?: string;
  printDisabled?: boolean;
  /** Called instead of printing directly, e.g. to log or confirm a reprint; must call `print()` itself. */
  onPrint?: (print: () => void) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const print = () => window.print();
  return (
    <>
      <Dialog
        title={props.title}
        wide
        onClose={props.onClose}
        footer={
          <>
            <button type="button" onClick={closeDialog}>
              {t('common.close')}
            </button>
            {props.actions}
            <button type="button" className="primary" autoFocus disabled={props.printDisabled} onClick={() => (props.onPrint ? props.onPrint(print) : print())}>
              {props.printLabel ?? t('print.print')}
            </button>
          </>
        }
      >
        {props.children}
        <div className={props.previewClassName}>{props.preview ?? props.pages}</div>
      </Dialog>
      {createPortal(<div className={`print-root ${props.printClassName ?? ''}`}>{props.pages}</div>, document.body)}
    </>
  );
}
