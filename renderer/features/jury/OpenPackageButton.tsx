import { useState } from 'react';
import { MAX_JUROR_PACKAGE_BYTES } from '../../../shared/contest';
import { bridge } from '../../bridge/bridge';
import { openJurorPackage } from '../../db/repo/juror';
import { useDb } from '../../hooks/db-context';

/**
 * «Открыть пакет эксперта…»: reads a `.skhod-jury` file and switches this device to juror mode.
 * No extension filter: the IPC contract allows only letters and digits in one, and the parser tells
 * a wrong file apart anyway, with a message that says what it is.
 */
export function OpenPackageButton({ primary = false, label = 'Открыть пакет эксперта…' }: { primary?: boolean; label?: string }) {
  const ctx = useDb();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const open = async () => {
    setError(undefined);
    const picked = await bridge.openFile({ title: 'Пакет эксперта', filters: [], maxBytes: MAX_JUROR_PACKAGE_BYTES });
    if ('error' in picked) return setError(picked.error.message);
    if (!picked.data) return;
    setBusy(true);
    try {
      const result = await openJurorPackage(ctx, picked.data.bytes);
      if (!result.ok) setError(`«${picked.data.name}»: ${result.message}`);
    } catch (err) {
      setError(`«${picked.data.name}» не открыт: ${(err as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="open-package">
      <button type="button" className={primary ? 'primary' : undefined} disabled={busy} aria-busy={busy} onClick={() => void open()}>
        {busy ? 'Открываю пакет…' : label}
      </button>
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
