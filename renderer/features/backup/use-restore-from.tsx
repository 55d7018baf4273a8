import { useState, type ReactNode } from 'react';
import type { BackupContent } from '../../../shared/backup/format';
import { MAX_BACKUP_BYTES } from '../../../shared/backup/names';
import { bridge } from '../../bridge/bridge';
import { loadStoredBackup, previewBackup, readBackup, type BackupPreview } from '../../db/backup';
import { useDb } from '../../hooks/db-context';
import type { ConfirmDestructive } from './confirm';
import { RestoreDialog } from './RestoreDialog';
import { useConfirmDestructive } from './use-confirm-destructive';

export type PendingRestore = { content: BackupContent; preview: BackupPreview; source: string };

/**
 * Opens a backup — a file the user picks, or one kept on this device — reads and checks it, and
 * prepares the preview. A foreign, damaged or too big file ends here with its Russian message.
 * `dialogs` holds the restore preview and the destructive-action gate: render it where the hook is used.
 * `confirmDestructive` is that gate (the organizer PIN on other devices, or the caller's override).
 */
export function useRestoreFrom(override?: ConfirmDestructive) {
  const ctx = useDb();
  const [confirmDestructive, gateDialog] = useConfirmDestructive(override);
  const [pending, setPending] = useState<PendingRestore>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const prepare = async (load: () => Promise<{ bytes: Uint8Array; source: string } | null>) => {
    setError(undefined);
    setBusy(true);
    try {
      const loaded = await load();
      if (!loaded) return;
      const content = await readBackup(loaded.bytes);
      setPending({ content, preview: await previewBackup(ctx, content), source: loaded.source });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const fromFile = () =>
    prepare(async () => {
      const r = await bridge.openFile({
        title: 'Восстановить из резервной копии',
        filters: [{ name: 'Резервная копия Схода', extensions: ['skhod-backup'] }],
        maxBytes: MAX_BACKUP_BYTES,
      });
      if ('error' in r) throw new Error(r.error.message);
      return r.data && { bytes: r.data.bytes, source: `Файл «${r.data.name}»` };
    });

  const fromStore = (name: string) => prepare(async () => ({ bytes: await loadStoredBackup(name), source: 'Резервная копия на этом устройстве' }));

  const dialogs: ReactNode = (
    <>
      {pending && (
        <RestoreDialog
          content={pending.content}
          preview={pending.preview}
          source={pending.source}
          confirmDestructive={confirmDestructive}
          onClose={() => setPending(undefined)}
        />
      )}
      {gateDialog}
    </>
  );
  return { error, busy, fromFile, fromStore, confirmDestructive, dialogs };
}
