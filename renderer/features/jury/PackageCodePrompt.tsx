/**
 * The juror's side of a sealed package (issue 17): one code prompt for every way a package is opened
 * (the first-run «Я эксперт», «Открыть пакет эксперта…» in juror mode, the Файл menu and a
 * double-clicked `.skhod-jury`). A package that is not sealed opens without asking.
 */
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseJurorPackage, type JurorPackage } from '../../../shared/contest';
import { FormDialog, TextField, closeDialog } from '../../components/ui';

export type PackageFile = { name: string; bytes: Uint8Array };
/** The package read (with the code that opened it, when sealed), refused with a Russian message, or the juror gave up. */
export type Unlocked = { ok: true; package: JurorPackage; code?: string } | { ok: false; message: string } | { ok: false; cancelled: true };

/**
 * `unlock(file)` reads a package, asking for its access code when it is sealed; render `prompt`
 * where the dialog may appear. Open the package with the code it returns (openJurorPackage).
 */
export function usePackageCode(): { unlock: (file: PackageFile) => Promise<Unlocked>; prompt: ReactNode } {
  const [asking, setAsking] = useState<{ file: PackageFile; resolve: (r: Unlocked) => void }>();
  const unlock = useCallback(async (file: PackageFile): Promise<Unlocked> => {
    const parsed = await parseJurorPackage(file.bytes);
    if (parsed.ok) return { ok: true, package: parsed.package };
    if (parsed.code !== 'needs-code') return { ok: false, message: parsed.message };
    return new Promise<Unlocked>((resolve) => setAsking({ file, resolve }));
  }, []);
  const prompt = asking && (
    <PackageCodeDialog
      file={asking.file}
      onDone={(r) => {
        asking.resolve(r);
        setAsking(undefined);
      }}
    />
  );
  return { unlock, prompt };
}

function PackageCodeDialog({ file, onDone }: { file: PackageFile; onDone: (r: Unlocked) => void }) {
  const { t } = useTranslation('jury');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // once: the dialog's close (Esc, «Отмена») after an answer must not answer again
  const answered = useRef(false);
  const answer = (r: Unlocked) => {
    if (answered.current) return;
    answered.current = true;
    onDone(r);
  };
  const submit = async (e: { currentTarget: Element }) => {
    const target = e.currentTarget;
    if (code.trim() === '') return setError(t('code.missing'));
    setBusy(true);
    const parsed = await parseJurorPackage(file.bytes, code);
    setBusy(false);
    // a wrong code keeps the dialog and the file: the juror checks the code and tries again
    if (!parsed.ok && parsed.code === 'wrong-code') return setError(parsed.message);
    answer(parsed.ok ? { ok: true, package: parsed.package, code } : { ok: false, message: parsed.message });
    closeDialog({ currentTarget: target });
  };
  return (
    <FormDialog
      title={t('code.title')}
      className="package-code-prompt"
      onClose={() => answer({ ok: false, cancelled: true })}
      onSubmit={submit}
      submitLabel={t('code.submit')}
      busy={busy}
    >
      <p>{t('code.body', { name: file.name })}</p>
      <TextField
        label={t('code.label')}
        className="package-code-field"
        value={code}
        onChange={(v) => {
          setCode(v);
          setError(undefined);
        }}
        error={error}
        hint={t('code.hint')}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        autoFocus
      />
    </FormDialog>
  );
}
