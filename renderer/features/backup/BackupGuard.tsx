import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUTO_BACKUP_INTERVAL_MS, autoBackupIfChanged } from '../../db/backup';
import { useDb } from '../../hooks/db-context';
import { usePersistentStorage } from './persist';
import './backup.css';

const DISMISSED = 'skhod.storageWarningDismissed';

/**
 * Mounted once for the whole app: makes the periodic backup (every 10 minutes, only when the data
 * changed) and shows, until dismissed for this session, the warning that the browser refused
 * persistent storage. The warning is one line in the flow above the app — never an overlay that could
 * cover a button at the desk; the full explanation is in Настройки → Резервные копии.
 */
export function BackupGuard() {
  const { t } = useTranslation('backup');
  const ctx = useDb();
  const storage = usePersistentStorage();
  const [dismissed, setDismissed] = useState(() => sessionStorage.getItem(DISMISSED) === '1');

  useEffect(() => {
    let running = false;
    const timer = window.setInterval(() => {
      if (running) return;
      running = true;
      autoBackupIfChanged(ctx)
        .catch((e: unknown) => console.error('[skhod:backup] periodic backup failed', e))
        .finally(() => (running = false));
    }, AUTO_BACKUP_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, [ctx.db]); // eslint-disable-line react-hooks/exhaustive-deps -- one timer per database, not per device-row update

  if (storage !== 'refused' || dismissed) return null;
  return (
    <aside className="storage-warning" aria-label={t('storage.bannerLabel')}>
      <p>
        <strong>{t('storage.title')}:</strong> {t('storage.banner')}
      </p>
      <button
        type="button"
        onClick={() => {
          sessionStorage.setItem(DISMISSED, '1');
          setDismissed(true);
        }}
      >
        {t('storage.hide')}
      </button>
    </aside>
  );
}
