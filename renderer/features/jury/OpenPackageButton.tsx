import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_JUROR_PACKAGE_BYTES, type JurorPackage } from '../../../shared/contest';
import { bridge } from '../../bridge/bridge';
import { openJurorPackage, packageKey } from '../../db/repo/juror';
import { useDb } from '../../hooks/db-context';
import { usePackageCode } from './PackageCodePrompt';
import { errorText } from '../../i18n';

type Picked = { name: string; bytes: Uint8Array; pkg: JurorPackage; code?: string };

/**
 * «Открыть пакет эксперта…»: reads a `.skhod-jury` file and switches this device to juror mode.
 * No extension filter: the IPC contract allows only letters and digits in one, and the parser tells
 * a wrong file apart anyway, with a message that says what it is. When another juror's or contest's
 * package is open (`current`), it asks first: both packages stay on the device (the open one goes to
 * «Другие пакеты»), as do all sheets. A sealed package asks for its access code first (usePackageCode).
 */
export function OpenPackageButton({ primary = false, big = false, label, hint, current }: { primary?: boolean; big?: boolean; label?: string; hint?: string; current?: JurorPackage }) {
  const ctx = useDb();
  const { t } = useTranslation('jury');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<Picked>();
  const { unlock, prompt } = usePackageCode();

  const openBytes = async ({ name, bytes, code }: Omit<Picked, 'pkg'>) => {
    setBusy(true);
    try {
      const result = await openJurorPackage(ctx, bytes, undefined, code);
      if (!result.ok) setError(t('open.refused', { name, message: result.message }));
    } catch (err) {
      setError(t('open.failed', { name, message: errorText(err) }));
    } finally {
      setBusy(false);
    }
  };

  const open = async () => {
    setError(undefined);
    setAsking(undefined);
    const picked = await bridge.openFile({ title: t('open.dialog'), filters: [], maxBytes: MAX_JUROR_PACKAGE_BYTES });
    if ('error' in picked) return setError(picked.error.message);
    if (!picked.data) return;
    const { name, bytes } = picked.data;
    const unlocked = await unlock({ name, bytes });
    if (!unlocked.ok) return 'message' in unlocked ? setError(t('open.refused', { name, message: unlocked.message })) : undefined;
    const file = { name, bytes, pkg: unlocked.package, ...(unlocked.code === undefined ? {} : { code: unlocked.code }) };
    if (current && packageKey(unlocked.package) !== packageKey(current)) return setAsking(file);
    await openBytes(file);
  };

  return (
    <span className="open-package">
      <button type="button" className={[primary ? 'primary' : '', big ? 'big' : ''].join(' ').trim() || undefined} disabled={busy} aria-busy={busy} onClick={() => void open()}>
        {busy ? t('open.busy') : (label ?? t('open.label'))}
        {hint && <small>{hint}</small>}
      </button>
      {asking && current && (
        <span className="package-switch" role="alertdialog" aria-label={t('open.switchLabel')}>
          <span>
            {t('open.switchText', { current: current.juror.name, currentContest: current.contest.title, next: asking.pkg.juror.name, nextContest: asking.pkg.contest.title })}
          </span>
          <button type="button" className="primary" onClick={() => void openBytes(asking).then(() => setAsking(undefined))}>
            {t('open.switchConfirm', { name: asking.pkg.juror.name })}
          </button>
          <button type="button" onClick={() => setAsking(undefined)}>
            {t('open.cancel')}
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
