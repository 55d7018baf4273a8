import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, closeDialog } from '../../components/ui';
import type { PackageCode } from '../../db/repo/package-codes';
import { formatWhen } from './labels';

/**
 * The access code of a juror's sealed package, big enough to read out over the phone, with the rule
 * that keeps the package private: the code goes to the juror apart from the file. `fresh`: shown right
 * after the export (the file was just saved); otherwise reopened from the returns board.
 */
export function PackageCodeDialog({ record, fresh, onClose }: { record: PackageCode; fresh: boolean; onClose: () => void }) {
  const { t } = useTranslation('contest');
  const [copied, setCopied] = useState<boolean>();
  return (
    <Dialog
      title={t('code.title', { name: record.jurorName })}
      className="package-code-dialog"
      onClose={onClose}
      footer={
        <button type="button" className="primary" onClick={closeDialog}>
          {t('code.done')}
        </button>
      }
    >
      <p>{fresh ? t('code.savedNow', { file: record.fileName }) : t('code.savedAt', { when: formatWhen(record.savedAt), file: record.fileName })}</p>
      <div className="package-code-row">
        <span className="package-code-who">{record.jurorName}</span>
        <output className="package-code" aria-label={t('code.label')}>
          {record.code}
        </output>
        <button type="button" onClick={() => void navigator.clipboard?.writeText(record.code).then(() => setCopied(true), () => setCopied(false))}>
          {copied ? t('code.copied') : t('code.copy')}
        </button>
      </div>
      {copied === false && <p role="alert">{t('code.copyFailed')}</p>}
      <p className="package-code-rule">
        <strong>{t('code.ruleLead')}</strong>
        {t('code.rule')}
      </p>
      <p className="muted">{t('code.newCode')}</p>
    </Dialog>
  );
}
