/**
 * The submit of a dialog that does its action itself: busy while it runs, closed when it succeeds,
 * open with the action's Russian message when it throws (ActionDialog, the backup passphrase, …).
 */
import { useState } from 'react';
import { closeDialog } from './Dialog';
import { errorText } from '../../i18n';

export function useDialogAction() {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async (e: { currentTarget: Element }, action: () => Promise<void> | void) => {
    const target = e.currentTarget;
    setError(undefined);
    setBusy(true);
    try {
      await action();
      closeDialog({ currentTarget: target });
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
