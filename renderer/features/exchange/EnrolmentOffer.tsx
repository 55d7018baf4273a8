import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keyFingerprint } from '../../../shared/sync/signing';
import type { EnrolmentFile } from '../../../shared/trust/enrolment-file';
import { refreshDeskCache } from '../../db/repo/desk-cache';
import { applyExchange, previewExchange } from '../../db/repo/exchange-apply';
import { acceptEnrolmentFile, TrustError } from '../../db/repo/trust';
import { useDb } from '../../hooks/db-context';
import { areasForRole, startArea, useUiStore } from '../../stores/ui-store';
import { useOrganizerGate } from '../../components/organizer-gate';
import { errorText } from '../../i18n';

/**
 * An enrolment file opened on a device: which event, which role the organizer made it for, what this
 * device will show with that role, and the organizer's key code to compare. «Подключить» binds this
 * device's key to the file's one-time offer, takes the role and applies the event's data.
 */
export function EnrolmentOffer({ file, fileName, onCancel }: { file: EnrolmentFile; fileName: string; onCancel: () => void }) {
  const { t } = useTranslation('exchange');
  const ctx = useDb();
  const [askOrganizer, gateDialog] = useOrganizerGate();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { eventId } = file.manifest.root;
  useEffect(() => {
    void keyFingerprint(file.manifest.root.publicKey).then(setCode);
  }, [file]);

  const join = async () => {
    setBusy(true);
    setError(null);
    try {
      try {
        await acceptEnrolmentFile(ctx, file);
      } catch (e) {
        if (!(e instanceof TrustError && e.needsPin && (await askOrganizer(t('offer.pinReason'))))) throw e;
        await acceptEnrolmentFile(ctx, file);
      }
      const preview = await previewExchange(ctx, file.exchange, null);
      await applyExchange(ctx, preview.file);
      void refreshDeskCache(ctx, eventId).catch(() => undefined);
      const ui = useUiStore.getState();
      ui.setEventId(eventId);
      ui.setArea(startArea(file.role, undefined));
    } catch (e) {
      setError(t('offer.failed', { message: errorText(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="exchange-preview" aria-label={t('offer.label')}>
      <h3>{fileName}</h3>
      <dl className="facts">
        <dt>{t('offer.event')}</dt>
        <dd>{t('preview.eventKnown', { title: file.manifest.eventTitle })}</dd>
        <dt>{t('offer.role')}</dt>
        <dd>{t('offer.roleValue', { role: t(`app:deviceRole.${file.role}`), name: file.label })}</dd>
        <dt>{t('offer.areas')}</dt>
        <dd>{areasForRole(file.role).map((a) => t(`app:nav.${a}`)).join(', ')}</dd>
        <dt>{t('offer.keyCode')}</dt>
        <dd className="mono">{code}</dd>
      </dl>
      <p className="muted small">{t('offer.hint')}</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('app:common.cancel')}
        </button>
        <button type="button" className="primary" onClick={() => void join()} disabled={busy}>
          {busy ? t('offer.joining') : t('offer.join')}
        </button>
      </div>
      {gateDialog}
    </div>
  );
}
