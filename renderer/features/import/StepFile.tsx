import { Trans, useTranslation } from 'react-i18next';
import { DialogFooter } from '../../components/ui';

/** Step 1: what the import takes, and the one button that opens a file. */
export function StepFile({ busy, onPick }: { busy: boolean; onPick: () => void }) {
  const { t } = useTranslation('import');
  return (
    <section className="import-step" aria-label={t('file.label')}>
      <p>
        <Trans t={t} i18nKey="file.what" components={{ b: <b /> }} />
      </p>
      <p className="muted">{t('file.safe')}</p>
      <p className="muted">{t('file.template')}</p>
      <DialogFooter className="import-actions">
        <button type="button" className="primary" onClick={onPick} disabled={busy} autoFocus>
          {t('file.pick')}
        </button>
      </DialogFooter>
    </section>
  );
}
