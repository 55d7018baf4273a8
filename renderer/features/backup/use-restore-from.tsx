import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog, TextField, closeDialog } from '../../components/ui';
import type { BackupContent } from '../../../shared/backup/format';
import { MAX_BACKUP_BYTES } from '../../../shared/backup/names';
import { isSealedBackup } from '../../../shared/backup/seal';
import { bridge } from '../../bridge/bridge';
import { loadStoredBackup, previewBackup, readBackup, type BackupPreview } from '../../db/backup';
import { useDb } from '../../hooks/db-context';
import type { ConfirmDestructive } from './confirm';
import { RestoreDialog } from './RestoreDialog';
import { useConfirmDestructive } from './use-confirm-destructive';
import { errorText } from '../../i18n';

export type PendingRestore = { content: BackupContent; preview: BackupPreview; source: string };
type Loaded = { bytes: Uint8Array; source: string };

/**
 * Opens a backup — a file the user picks, or one kept on this device — reads and checks it, and
 * prepares the preview. A foreign, damaged or too big file ends here with its Russian message; a file
 * sealed with a passphrase (backup-seal.ts) asks for it first, and a wrong one keeps asking.
 * `dialogs` holds the restore preview and the destructive-action gate: render it where the hook is used.
 * `confirmDestructive` is that gate (the organizer PIN on other devices, or the caller's override).
 */
export function useRestoreFrom(override?: ConfirmDestructive) {
  const { t } = useTranslation('backup');
  const ctx = useDb();
  const [confirmDestructive, gateDialog] = useConfirmDestructive(override);
  const [pending, setPending] = useState<PendingRestore>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [locked, setLocked] = useState<Loaded>();

  const open = async ({ bytes, source }: Loaded, passphrase?: string) => {
    const content = await readBackup(bytes, { passphrase });
    setPending({ content, preview: await previewBackup(ctx, content), source });
  };

  const prepare = async (load: () => Promise<Loaded | null>) => {
    setError(undefined);
    setBusy(true);
    try {
      const loaded = await load();
      if (!loaded) return;
      if (isSealedBackup(loaded.bytes)) setLocked(loaded);
      else await open(loaded);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const fromFile = () =>
    prepare(async () => {
      const r = await bridge.openFile({
        title: t('open.title'),
        filters: [{ name: t('open.filter'), extensions: ['skhod-backup'] }],
        maxBytes: MAX_BACKUP_BYTES,
      });
      if ('error' in r) throw new Error(r.error.message);
      return r.data && { bytes: r.data.bytes, source: t('open.file', { name: r.data.name }) };
    });

  const fromStore = (name: string) => prepare(async () => ({ bytes: await loadStoredBackup(name), source: t('open.stored') }));

  const dialogs: ReactNode = (
    <>
      {locked && <PassphrasePrompt source={locked.source} open={(passphrase) => open(locked, passphrase)} onClose={() => setLocked(undefined)} />}
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

/** The passphrase of a sealed backup; stays open with the error until it opens or is cancelled. */
function PassphrasePrompt({ source, open, onClose }: { source: string; open: (passphrase: string) => Promise<void>; onClose: () => void }) {
  const { t } = useTranslation('backup');
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (e: { currentTarget: Element }) => {
    const target = e.currentTarget;
    setBusy(true);
    setError(undefined);
    try {
      await open(passphrase);
      closeDialog({ currentTarget: target });
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };
  return (
    <FormDialog title={t('open.sealedTitle')} className="passphrase-dialog" onClose={onClose} onSubmit={submit} submitLabel={busy ? t('open.checking') : t('open.openCopy')} busy={busy}>
      <p className="muted">{source}</p>
      <p>{t('open.sealedText')}</p>
      <TextField label={t('open.sealedLabel')} type="password" autoComplete="current-password" value={passphrase} onChange={setPassphrase} error={error} />
    </FormDialog>
  );
}
