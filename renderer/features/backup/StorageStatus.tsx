/** The persistent-storage answer on Настройки → Резервные копии; the texts avoid the word for «browser» (an operator knows «Сход», not what it runs in). */
import { useTranslation } from 'react-i18next';
import { usePersistentStorage } from './persist';

/** The persistent-storage answer as the backups screen shows it. */
export function StorageStatus() {
  const { t } = useTranslation('backup');
  const state = usePersistentStorage();
  if (state === undefined) return null;
  if (state === 'granted') return <p className="storage-ok">{t('storage.granted')}</p>;
  return (
    <div className="storage-warning-box">
      <p>
        <strong>{state === 'refused' ? t('storage.title') : t('storage.unknown')}</strong>
      </p>
      <p>{t('storage.text')}</p>
    </div>
  );
}
