import { useTranslation } from 'react-i18next';
import type { ConfirmDestructive } from './confirm';
import { useRestoreFrom } from './use-restore-from';
import './backup.css';

/** «Восстановить из резервной копии» where there is no settings screen yet: the first-run screen of an empty profile. */
export function RestoreFromFileButton({ className, ...props }: { className?: string; confirmDestructive?: ConfirmDestructive }) {
  const { t } = useTranslation('backup');
  const restore = useRestoreFrom(props.confirmDestructive);
  return (
    <>
      <button type="button" className={className} onClick={() => void restore.fromFile()} disabled={restore.busy} aria-busy={restore.busy}>
        {t('open.firstRun')}
        <small>{t('open.firstRunHint')}</small>
      </button>
      {restore.error && (
        <p className="form-error" role="alert">
          {restore.error}
        </p>
      )}
      {restore.dialogs}
    </>
  );
}
