/**
 * «Открыть пакет отчёта…»: reads a `.skhod-report` file, asks for its access code (the app's
 * one code prompt) and shows its project in report mode. The package is checked on opening
 * (shared/projects/report-package.ts): a wrong code keeps the prompt, a tampered file or one signed by
 * another organizer than the project's first package is refused with what to do.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_REPORT_PACKAGE_BYTES, openReportPackage, type ReportPackage } from '../../../shared/projects/report-package';
import { bridge } from '../../bridge/bridge';
import { useAccessCode } from '../../components/AccessCodePrompt';
import { openReportPackageHere } from '../../db/repo/team-drafts';
import { useDb } from '../../hooks/db-context';
import { errorText, sayText } from '../../i18n';

export function OpenReportPackageButton({ primary = false, big = false, label, hint }: { primary?: boolean; big?: boolean; label?: string; hint?: string }) {
  const { t } = useTranslation('projectTeam');
  const ctx = useDb();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const { ask, prompt } = useAccessCode<ReportPackage>();

  const open = async () => {
    setError(undefined);
    const picked = await bridge.openFile({ title: t('start.pickTitle'), filters: [], maxBytes: MAX_REPORT_PACKAGE_BYTES });
    if ('error' in picked) return setError(picked.error.message);
    if (!picked.data) return;
    const { name, bytes } = picked.data;
    // a wrong file is told at once, before any code is asked for
    const first = await openReportPackage(bytes, undefined);
    if (!first.ok && first.code !== 'needs-code') return setError(t('start.notOpened', { name, message: sayText(first.said) }));
    setBusy(true);
    try {
      const answer = await ask(name, async (code) => {
        const opened = await openReportPackageHere(ctx, bytes, code);
        return opened.ok ? { ok: true, value: opened.package } : opened;
      });
      if (!answer.ok && 'message' in answer) setError(t('start.notOpened', { name, message: answer.message }));
    } catch (err) {
      setError(t('start.notOpened', { name, message: errorText(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="open-package">
      <button type="button" className={[primary ? 'primary' : '', big ? 'big' : ''].join(' ').trim() || undefined} disabled={busy} aria-busy={busy} onClick={() => void open()}>
        {busy ? t('start.opening') : (label ?? t('start.open'))}
        {hint && <small>{hint}</small>}
      </button>
      {prompt}
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
