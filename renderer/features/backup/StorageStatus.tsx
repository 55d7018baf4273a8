import { STORAGE_WARNING_TEXT, STORAGE_WARNING_TITLE, usePersistentStorage } from './persist';

/** The persistent-storage answer as the backups screen shows it. */
export function StorageStatus() {
  const state = usePersistentStorage();
  if (state === undefined) return null;
  if (state === 'granted') return <p className="storage-ok">Постоянное хранение разрешено: данные этого устройства не будут стёрты автоматически.</p>;
  return (
    <div className="storage-warning-box">
      <p>
        <strong>{state === 'refused' ? STORAGE_WARNING_TITLE : 'Не удалось узнать, разрешено ли постоянное хранение'}</strong>
      </p>
      <p>{STORAGE_WARNING_TEXT}</p>
    </div>
  );
}
