import { useState } from 'react';
import { MAX_JUROR_PACKAGE_BYTES, type JurorPackage } from '../../../shared/contest';
import { bridge } from '../../bridge/bridge';
import { openJurorPackage, packageKey } from '../../db/repo/juror';
import { useDb } from '../../hooks/db-context';
import { usePackageCode } from './PackageCodePrompt';

type Picked = { name: string; bytes: Uint8Array; pkg: JurorPackage; code?: string };

/**
 * «Открыть пакет эксперта…»: reads a `.skhod-jury` file and switches this device to juror mode.
 * No extension filter: the IPC contract allows only letters and digits in one, and the parser tells
 * a wrong file apart anyway, with a message that says what it is. When another juror's or contest's
 * package is open (`current`), it asks first: both packages stay on the device (the open one goes to
 * «Другие пакеты»), as do all sheets. A sealed package asks for its access code first (usePackageCode).
 */
export function OpenPackageButton({ primary = false, big = false, label = 'Открыть пакет эксперта…', hint, current }: { primary?: boolean; big?: boolean; label?: string; hint?: string; current?: JurorPackage }) {
  const ctx = useDb();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<Picked>();
  const { unlock, prompt } = usePackageCode();

  const openBytes = async ({ name, bytes, code }: Omit<Picked, 'pkg'>) => {
    setBusy(true);
    try {
      const result = await openJurorPackage(ctx, bytes, undefined, code);
      if (!result.ok) setError(`«${name}»: ${result.message}`);
    } catch (err) {
      setError(`«${name}» не открыт: ${(err as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const open = async () => {
    setError(undefined);
    setAsking(undefined);
    const picked = await bridge.openFile({ title: 'Пакет эксперта', filters: [], maxBytes: MAX_JUROR_PACKAGE_BYTES });
    if ('error' in picked) return setError(picked.error.message);
    if (!picked.data) return;
    const { name, bytes } = picked.data;
    const unlocked = await unlock({ name, bytes });
    if (!unlocked.ok) return 'message' in unlocked ? setError(`«${name}»: ${unlocked.message}`) : undefined;
    const file = { name, bytes, pkg: unlocked.package, ...(unlocked.code === undefined ? {} : { code: unlocked.code }) };
    if (current && packageKey(unlocked.package) !== packageKey(current)) return setAsking(file);
    await openBytes(file);
  };

  return (
    <span className="open-package">
      <button type="button" className={[primary ? 'primary' : '', big ? 'big' : ''].join(' ').trim() || undefined} disabled={busy} aria-busy={busy} onClick={() => void open()}>
        {busy ? 'Открываю пакет…' : label}
        {hint && <small>{hint}</small>}
      </button>
      {asking && current && (
        <span className="package-switch" role="alertdialog" aria-label="Открыть другой пакет?">
          <span>
            Сейчас открыт пакет эксперта {current.juror.name} («{current.contest.title}»). Открыть пакет эксперта {asking.pkg.juror.name} («{asking.pkg.contest.title}»)? Оба пакета и
            все листы останутся на этом компьютере: вернуться можно через «Другие пакеты».
          </span>
          <button type="button" className="primary" onClick={() => void openBytes(asking).then(() => setAsking(undefined))}>
            Открыть пакет {asking.pkg.juror.name}
          </button>
          <button type="button" onClick={() => setAsking(undefined)}>
            Отмена
          </button>
        </span>
      )}
      {prompt}
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
