import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedAppFile } from '../../../shared/ipc/contract';
import { bridge } from '../../bridge/bridge';
import { isFreshDevice, loadJurorPackage, openJurorPackage } from '../../db/repo/juror';
import { useDb } from '../../hooks/db-context';
import { useOpenedFileStore } from '../../stores/opened-file-store';
import { useUiStore } from '../../stores/ui-store';
import { usePackageCode } from '../jury';
import { errorText } from '../../i18n';

const WAIT_MS = 25_000;

/**
 * Files the OS asked Сход to open (electron/opened-files.ts): an exchange file goes to the preview of
 * «Обмен» (or of the first-run screen); a juror package opens juror mode straight away on a fresh
 * install (no event, no package), and asks first on a device that already holds something; a sealed
 * package asks for its access code (usePackageCode) as the «Открыть пакет эксперта…» button does.
 * Renders only its own notices; in a browser there is nothing to wait for.
 */
export function OpenedFiles() {
  const { t } = useTranslation('exchange');
  const ctx = useDb();
  const offer = useOpenedFileStore((s) => s.offer);
  const offerReport = useOpenedFileStore((s) => s.offerReport);
  const setArea = useUiStore((s) => s.setArea);
  const [packageFile, setPackageFile] = useState<NonNullable<OpenedAppFile> | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const { unlock, prompt } = usePackageCode();

  /** Opens a juror package; the reason in Russian when it is refused, null when juror mode started or the juror gave up. */
  const openPackageFile = useCallback(
    async (file: NonNullable<OpenedAppFile>): Promise<string | null> => {
      const unlocked = await unlock(file);
      if (!unlocked.ok) return 'message' in unlocked ? t('opened.refused', { name: file.name, message: unlocked.message }) : null;
      const r = await openJurorPackage(ctx, file.bytes, undefined, unlocked.code).catch((e: Error) => ({ ok: false as const, message: errorText(e) }));
      return r.ok ? null : t('opened.refused', { name: file.name, message: r.message });
    },
    [ctx, unlock, t],
  );

  useEffect(() => {
    let live = true;
    const loop = async () => {
      const info = await bridge.appInfo({});
      if (!('data' in info) || info.data.shell !== 'electron') return;
      while (live) {
        const r = await bridge.takeOpenedFile({ waitMs: WAIT_MS });
        if (!live) return;
        if ('error' in r) {
          setMessage(r.error.message);
          continue;
        }
        const file = r.data;
        if (!file) continue;
        // juror mode shows only the score sheet: nothing there would preview the file
        const jurorMode = window.location.hash === '#jury' || (await loadJurorPackage(ctx)) !== undefined;
        if (file.kind === 'exchange' && jurorMode) {
          setMessage(t('opened.exchangeInJuror', { name: file.name }));
        } else if (file.kind === 'exchange') {
          offer({ name: file.name, bytes: file.bytes });
          setArea('exchange');
        } else if (file.kind === 'report-file') {
          // a team's report: «Проекты» loads it with every check of its own button
          offerReport({ name: file.name, bytes: file.bytes });
          setArea('projects');
        } else if (file.kind === 'report-package') {
          setMessage(t('opened.reportPackage', { name: file.name }));
        } else if (await isFreshDevice(ctx)) {
          // a juror's fresh install: the double-clicked package is why Сход was started — straight into juror mode
          const refused = await openPackageFile(file);
          if (refused) setMessage(refused);
        } else setPackageFile(file);
      }
    };
    void loop();
    return () => {
      live = false;
    };
  }, [ctx, offer, offerReport, setArea, openPackageFile, t]);

  const openPackage = async (file: NonNullable<OpenedAppFile>) => {
    setPackageFile(null);
    const refused = await openPackageFile(file);
    if (refused) setMessage(refused);
  };

  if (!packageFile && !message) return prompt ?? null;
  return (
    <>
      {prompt}
      <aside className="opened-file-notice" role="alertdialog" aria-label={t('opened.label')}>
        {packageFile ? (
          <>
            <p>{t('opened.packageAsk', { name: packageFile.name })}</p>
            <div className="dialog-actions">
              <button type="button" onClick={() => setPackageFile(null)}>
                {t('opened.dontOpen')}
              </button>
              <button type="button" className="primary" onClick={() => void openPackage(packageFile)}>
                {t('opened.openPackage')}
              </button>
            </div>
          </>
        ) : (
          <>
            <p role="alert">{message}</p>
            <div className="dialog-actions">
              <button type="button" onClick={() => setMessage(null)}>
                {t('opened.ok')}
              </button>
            </div>
          </>
        )}
      </aside>
    </>
  );
}
