import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog, TextField, useDialogAction } from '../../components/ui';
import { MIN_PASSPHRASE_LENGTH } from '../../../shared/backup/seal';
import { formatDate } from '../../../shared/text/format';
import { backupPassphraseSetAt, passphraseProblem, removeBackupPassphrase, setBackupPassphrase } from '../../db/backup-seal';
import { useDb } from '../../hooks/db-context';
import type { ConfirmDestructive } from './confirm';
import { errorText } from '../../i18n';

/**
 * «Защитить резервные копии паролем» in Настройки → Резервные копии: off by default; once set, every
 * copy saved to a file from this device is sealed with it (backup-seal.ts). The dialog says plainly
 * that a forgotten password loses the copy, and asks for it twice and for a tick that it is written down.
 */
export function BackupPassphrase({ confirmDestructive, disabled }: { confirmDestructive: ConfirmDestructive; disabled?: boolean }) {
  const { t } = useTranslation('backup');
  const ctx = useDb();
  const [setAt, setSetAt] = useState<string | null>();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string>();
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    void backupPassphraseSetAt(ctx).then((at) => live && setSetAt(at ?? null));
    return () => {
      live = false;
    };
  }, [ctx, version]);

  const start = async () => {
    setError(undefined);
    if (await confirmDestructive({ kind: 'backup-passphrase', title: t('passphrase.setTitle') })) setEditing(true);
  };
  const remove = async () => {
    setError(undefined);
    if (!(await confirmDestructive({ kind: 'backup-passphrase', title: t('passphrase.removeTitle') }))) return;
    try {
      await removeBackupPassphrase(ctx);
    } catch (e) {
      setError(errorText(e));
    }
    setVersion((v) => v + 1);
  };

  if (setAt === undefined) return null;
  return (
    <div className="backup-passphrase" role="group" aria-label={t('passphrase.group')}>
      {setAt ? (
        <p>
          <strong>{t('passphrase.onStrong')}</strong>
          {t('passphrase.on', { at: formatDate(setAt, 'dateTimeSeconds') })}
        </p>
      ) : (
        <p>{t('passphrase.off')}</p>
      )}
      <div className="backup-actions">
        <button type="button" onClick={() => void start()} disabled={disabled}>
          {setAt ? t('passphrase.change') : t('passphrase.protect')}
        </button>
        {setAt && (
          <button type="button" onClick={() => void remove()} disabled={disabled}>
            {t('passphrase.remove')}
          </button>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {editing && (
        <PassphraseDialog
          onClose={() => {
            setEditing(false);
            setVersion((v) => v + 1);
          }}
        />
      )}
    </div>
  );
}

function PassphraseDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('backup');
  const ctx = useDb();
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [written, setWritten] = useState(false);
  const [shown, setShown] = useState<string>();
  const { busy, error, run } = useDialogAction();

  const submit = async (e: { currentTarget: Element }) => {
    const problem = passphraseProblem(first, second) ?? (written ? undefined : t('passphrase.notWritten'));
    setShown(problem);
    if (problem) return;
    await run(e, () => setBackupPassphrase(ctx, first));
  };

  return (
    <FormDialog
      title={t('passphrase.dialogTitle')}
      className="passphrase-dialog"
      onClose={onClose}
      onSubmit={submit}
      submitLabel={busy ? t('passphrase.setting') : t('passphrase.set')}
      busy={busy}
      error={error}
    >
      <div className="backup-warning" role="note">
        <p>
          <strong>{t('passphrase.warningStrong')}</strong>
          {t('passphrase.warning')}
        </p>
        <p>{t('passphrase.writeDown')}</p>
      </div>
      <TextField
        label={t('passphrase.password')}
        type="password"
        autoComplete="new-password"
        hint={t('passphrase.passwordHint', { min: MIN_PASSPHRASE_LENGTH })}
        value={first}
        onChange={(v) => {
          setFirst(v);
          setShown(undefined);
        }}
        required
      />
      <TextField
        label={t('passphrase.again')}
        type="password"
        autoComplete="new-password"
        value={second}
        onChange={(v) => {
          setSecond(v);
          setShown(undefined);
        }}
        required
        error={shown}
      />
      <label className="checkbox">
        <input type="checkbox" checked={written} onChange={(e) => setWritten(e.target.checked)} /> {t('passphrase.written')}
      </label>
    </FormDialog>
  );
}
