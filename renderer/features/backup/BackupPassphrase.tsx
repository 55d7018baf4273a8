import { useEffect, useState } from 'react';
import { FormDialog, TextField, useDialogAction } from '../../components/ui';
import { MIN_PASSPHRASE_LENGTH } from '../../../shared/backup/seal';
import { formatDate } from '../../../shared/text/format';
import { backupPassphraseSetAt, passphraseProblem, removeBackupPassphrase, setBackupPassphrase } from '../../db/backup-seal';
import { useDb } from '../../hooks/db-context';
import type { ConfirmDestructive } from './confirm';

/**
 * «Защитить резервные копии паролем» in Настройки → Резервные копии: off by default; once set, every
 * copy saved to a file from this device is sealed with it (backup-seal.ts). The dialog says plainly
 * that a forgotten password loses the copy, and asks for it twice and for a tick that it is written down.
 */
export function BackupPassphrase({ confirmDestructive, disabled }: { confirmDestructive: ConfirmDestructive; disabled?: boolean }) {
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
    if (await confirmDestructive({ kind: 'backup-passphrase', title: 'Задать пароль резервных копий' })) setEditing(true);
  };
  const remove = async () => {
    setError(undefined);
    if (!(await confirmDestructive({ kind: 'backup-passphrase', title: 'Снять пароль с резервных копий' }))) return;
    try {
      await removeBackupPassphrase(ctx);
    } catch (e) {
      setError((e as Error).message);
    }
    setVersion((v) => v + 1);
  };

  if (setAt === undefined) return null;
  return (
    <div className="backup-passphrase" role="group" aria-label="Пароль резервных копий">
      {setAt ? (
        <p>
          <strong>Копии в файлах защищены паролем</strong> (задан {formatDate(setAt, 'dateTimeSeconds')}). Без пароля такую копию не восстановить. Копии, которые
          Сход хранит на этом устройстве, остаются без пароля.
        </p>
      ) : (
        <p>Копии, сохранённые в файл, не защищены паролем: данные участников из такого файла прочитает любой, у кого он окажется.</p>
      )}
      <div className="backup-actions">
        <button type="button" onClick={() => void start()} disabled={disabled}>
          {setAt ? 'Сменить пароль…' : 'Защитить резервные копии паролем…'}
        </button>
        {setAt && (
          <button type="button" onClick={() => void remove()} disabled={disabled}>
            Снять защиту паролем
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
  const ctx = useDb();
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [written, setWritten] = useState(false);
  const [shown, setShown] = useState<string>();
  const { busy, error, run } = useDialogAction();

  const submit = async (e: { currentTarget: Element }) => {
    const problem = passphraseProblem(first, second) ?? (written ? undefined : 'Отметьте, что пароль записан и хранится отдельно от копий.');
    setShown(problem);
    if (problem) return;
    await run(e, () => setBackupPassphrase(ctx, first));
  };

  return (
    <FormDialog
      title="Пароль для резервных копий"
      className="passphrase-dialog"
      onClose={onClose}
      onSubmit={submit}
      submitLabel={busy ? 'Задаём пароль…' : 'Задать пароль'}
      busy={busy}
      error={error}
    >
      <div className="backup-warning" role="note">
        <p>
          <strong>Без пароля копию из файла восстановить нельзя.</strong> Сход не хранит пароль и не может его напомнить или сбросить; никто — ни
          разработчики, ни техподдержка — не восстановит такую копию.
        </p>
        <p>Запишите пароль и храните его отдельно от флешки с копиями. Копии, которые Сход сам делает на этом устройстве, остаются без пароля.</p>
      </div>
      <TextField
        label="Пароль"
        type="password"
        autoComplete="new-password"
        hint={`Не короче ${MIN_PASSPHRASE_LENGTH} символов; лучше несколько слов.`}
        value={first}
        onChange={(v) => {
          setFirst(v);
          setShown(undefined);
        }}
        required
      />
      <TextField
        label="Пароль ещё раз"
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
        <input type="checkbox" checked={written} onChange={(e) => setWritten(e.target.checked)} /> Пароль записан; я понимаю, что без него копию не
        восстановить
      </label>
    </FormDialog>
  );
}
