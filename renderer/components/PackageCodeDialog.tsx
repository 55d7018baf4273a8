/**
 * The access code of a sealed package — a juror's (contest) or a project team's (report package) — big
 * enough to read out over the phone, with the rule that keeps the package private: the code goes to its
 * recipient apart from the file. `savedWhen` (already formatted) when reopened later; absent right after
 * the export, when the file was just saved.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, closeDialog } from './ui';

type Props = {
  /** Whose package: a juror's or a project team's; picks the words («эксперту», «команде»). */
  recipient: 'juror' | 'team';
  /** The juror's name or the project's title. */
  name: string;
  code: string;
  fileName: string;
  savedWhen?: string;
  onClose: () => void;
};

export function PackageCodeDialog({ recipient, name, code, fileName, savedWhen, onClose }: Props) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<boolean>();
  return (
    <Dialog
      title={t('packageCode.title', { context: recipient, name })}
      className="package-code-dialog"
      onClose={onClose}
      footer={
        <button type="button" className="primary" onClick={closeDialog}>
          {t('packageCode.done')}
        </button>
      }
    >
      <p>{savedWhen ? t('packageCode.savedAt', { when: savedWhen, file: fileName }) : t('packageCode.saved', { file: fileName })}</p>
      <div className="package-code-row">
        <span className="package-code-who">{name}</span>
        <output className="package-code" aria-label={t('packageCode.code')}>
          {code}
        </output>
        <button type="button" onClick={() => void navigator.clipboard?.writeText(code).then(() => setCopied(true), () => setCopied(false))}>
          {copied ? t('packageCode.copied') : t('packageCode.copy')}
        </button>
      </div>
      {copied === false && <p role="alert">{t('packageCode.copyFailed')}</p>}
      <p className="package-code-rule">
        <strong>{t('packageCode.rule', { context: recipient })}</strong> {t('packageCode.never')}
      </p>
      <p className="muted">{t('packageCode.again', { context: recipient })}</p>
    </Dialog>
  );
}
