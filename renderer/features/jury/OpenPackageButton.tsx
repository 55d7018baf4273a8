import { useState } from 'react';
import { bridge } from '../../bridge/bridge';
import { openJurorPackage } from '../../db/repo/juror';
import { useDb } from '../../hooks/db-context';

/** Largest juror package opened (attachments may travel in it later). */
const MAX_PACKAGE_BYTES = 50 * 1024 * 1024;

/**
 * «Открыть пакет эксперта…»: reads a `.skhod-jury` file and switches this device to juror mode.
 * No extension filter: the IPC contract allows only letters and digits in one, and the parser tells
 * a wrong file apart anyway, with a message that says what it is.
 */
export function OpenPackageButton({ primary = false }: { primary?: boolean }) {
  const ctx = useDb();
  const [error, setError] = useState<string>();
  const open = async () => {
    setError(undefined);
    const picked = await bridge.openFile({ title: 'Пакет эксперта', filters: [], maxBytes: MAX_PACKAGE_BYTES });
    if ('error' in picked) return setError(picked.error.message);
    if (!picked.data) return;
    const result = await openJurorPackage(ctx, picked.data.bytes);
    if (!result.ok) setError(`«${picked.data.name}»: ${result.message}`);
  };
  return (
    <span className="open-package">
      <button type="button" className={primary ? 'primary' : undefined} onClick={() => void open()}>
        Открыть пакет эксперта…
      </button>
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
