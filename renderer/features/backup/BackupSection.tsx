import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bridge } from '../../bridge/bridge';
import {
  createBackup,
  dismissRestoreUndo,
  getRestoreUndo,
  listBackups,
  loadStoredBackup,
  saveBackup,
  undoRestore,
  type RestoreUndo,
  type StoredBackupItem,
} from '../../db/backup';
import { backupForFile } from '../../db/backup-seal';
import { useDb } from '../../hooks/db-context';
import { BackupPassphrase } from './BackupPassphrase';
import type { ConfirmDestructive } from './confirm';
import { formatBytes, formatDate } from '../../../shared/text/format';
import { downloadName } from './labels';
import { StorageStatus } from './StorageStatus';
import { useRestoreFrom } from './use-restore-from';
import './backup.css';
import { errorText } from '../../i18n';

type Props = {
  /**
   * Asked before a restore or its undo. By default the organizer-PIN gate (useConfirmDestructive):
   * on a non-organizer device the organizer's PIN is needed; on the organizer's device it goes ahead.
   */
  confirmDestructive?: ConfirmDestructive;
};

/** Настройки → Резервные копии: the backups kept on this device, a full copy to download, restore. */
export function BackupSection(props: Props) {
  const { t } = useTranslation('backup');
  const ctx = useDb();
  const [items, setItems] = useState<StoredBackupItem[]>();
  const [undo, setUndo] = useState<RestoreUndo>();
  const [busy, setBusy] = useState<string>();
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<string>();
  const restore = useRestoreFrom(props.confirmDestructive);
  const { confirmDestructive } = restore;

  const [version, setVersion] = useState(0);
  const refresh = () => setVersion((v) => v + 1);
  useEffect(() => {
    let live = true;
    listBackups().then(
      (list) => live && setItems(list),
      (e: Error) => {
        if (!live) return;
        setItems([]);
        setError(errorText(e));
      },
    );
    void getRestoreUndo(ctx).then((u) => live && setUndo(u));
    return () => {
      live = false;
    };
  }, [ctx, version]);

  const run = async (label: string, action: () => Promise<string | void>) => {
    setBusy(label);
    setError(undefined);
    setMessage(undefined);
    try {
      const done = await action();
      if (done) setMessage(done);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(undefined);
      refresh();
    }
  };

  const createNow = () =>
    run('create', async () => {
      const item = await saveBackup(ctx, t('section.manualReason'));
      return t('section.created', { time: formatDate(item.time, 'dateTimeSeconds'), size: formatBytes(item.size) });
    });

  const downloadFull = () =>
    run('download', async () => {
      const now = new Date();
      const { bytes, sealed } = await backupForFile(ctx, (await createBackup(ctx, t('section.fullReason'), now)).bytes);
      const saved = await bridge.saveFile({ suggestedName: downloadName(now), bytes });
      if ('error' in saved) throw new Error(saved.error.message);
      return saved.data ? t(sealed ? 'section.fullSavedSealed' : 'section.fullSaved', { name: saved.data.name, size: formatBytes(bytes.byteLength) }) : undefined;
    });

  const downloadStored = (item: StoredBackupItem) =>
    run('download', async () => {
      const { bytes, sealed } = await backupForFile(ctx, await loadStoredBackup(item.name));
      const saved = await bridge.saveFile({ suggestedName: downloadName(new Date(item.time)), bytes });
      if ('error' in saved) throw new Error(saved.error.message);
      return saved.data ? t(sealed ? 'section.savedSealed' : 'section.saved', { name: saved.data.name }) : undefined;
    });

  const undoLast = () =>
    run('undo', async () => {
      if (!(await confirmDestructive({ kind: 'undo-restore', title: t('section.undoTitle') }))) return;
      await undoRestore(ctx);
      window.location.reload();
    });

  const keepRestored = () =>
    run('keep', async () => {
      await dismissRestoreUndo(ctx);
    });

  return (
    <section className="backup-section" aria-labelledby="backup-heading">
      <h2 id="backup-heading" className="subheading">
        {t('section.heading')}
      </h2>
      <StorageStatus />
      {undo && (
        <div className="backup-undo" role="group" aria-label={t('section.lastRestore')}>
          <p>
            {t('section.restoredFrom', { at: formatDate(undo.at, 'dateTimeSeconds'), createdAt: formatDate(undo.restoredCreatedAt, 'dateTimeSeconds'), reason: undo.restoredReason })}
          </p>
          <div className="backup-actions">
            <button type="button" onClick={() => void undoLast()} disabled={busy !== undefined}>
              {t('section.undo')}
            </button>
            <button type="button" onClick={() => void keepRestored()} disabled={busy !== undefined}>
              {t('section.keep')}
            </button>
          </div>
        </div>
      )}
      <p className="muted backup-hint">
        {t('section.hint')}
      </p>
      <div className="backup-actions">
        <button type="button" className="primary" onClick={() => void createNow()} disabled={busy !== undefined} aria-busy={busy === 'create'}>
          {busy === 'create' ? t('section.creating') : t('section.create')}
        </button>
        <button type="button" onClick={() => void downloadFull()} disabled={busy !== undefined} aria-busy={busy === 'download'}>
          {t('section.download')}
        </button>
        <button type="button" onClick={() => void restore.fromFile()} disabled={busy !== undefined || restore.busy}>
          {t('section.restoreFromFile')}
        </button>
      </div>
      <BackupPassphrase confirmDestructive={confirmDestructive} disabled={busy !== undefined} />
      <div aria-live="polite" className="backup-status">
        {message && <p role="status">{message}</p>}
      </div>
      {(error ?? restore.error) && (
        <p className="form-error" role="alert">
          {error ?? restore.error}
        </p>
      )}
      {items === undefined ? (
        <p className="muted">{t('section.loading')}</p>
      ) : items.length === 0 ? (
        <p className="empty">{t('section.empty')}</p>
      ) : (
        <table className="simple-table backup-list">
          <caption className="visually-hidden">{t('section.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('section.time')}</th>
              <th scope="col">{t('section.reason')}</th>
              <th scope="col" className="num">
                {t('section.size')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('section.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((b) => {
              const when = formatDate(b.time, 'dateTimeSeconds');
              return (
                <tr key={b.name}>
                  <td>{when}</td>
                  <td>{b.info?.reason ?? '—'}</td>
                  <td className="num">{formatBytes(b.size)}</td>
                  <td className="backup-row-actions">
                    <button type="button" onClick={() => void restore.fromStore(b.name)} disabled={busy !== undefined || restore.busy} aria-label={t('section.restoreRowLabel', { time: when })}>
                      {t('section.restoreRow')}
                    </button>
                    <button type="button" onClick={() => void downloadStored(b)} disabled={busy !== undefined} aria-label={t('section.downloadRowLabel', { time: when })}>
                      {t('section.downloadRow')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {restore.dialogs}
    </section>
  );
}
