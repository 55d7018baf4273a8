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

/**
 * An enrolment file opened on a device: which event, which role the organizer made it for, what this
 * device will show with that role, and the organizer's key code to compare. «Подключить» binds this
 * device's key to the file's one-time offer, takes the role and applies the event's data.
 */
export function EnrolmentOffer({ file, fileName, onCancel }: { file: EnrolmentFile; fileName: string; onCancel: () => void }) {
  const { t } = useTranslation();
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
        if (!(e instanceof TrustError && e.needsPin && (await askOrganizer('подключить это устройство к другому мероприятию')))) throw e;
        await acceptEnrolmentFile(ctx, file);
      }
      const preview = await previewExchange(ctx, file.exchange, null);
      await applyExchange(ctx, preview.file);
      void refreshDeskCache(ctx, eventId).catch(() => undefined);
      const ui = useUiStore.getState();
      ui.setEventId(eventId);
      ui.setArea(startArea(file.role, undefined));
    } catch (e) {
      setError(`Устройство не подключено, данные не изменились. ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="exchange-preview" aria-label="Файл подключения">
      <h3>{fileName}</h3>
      <dl className="facts">
        <dt>Мероприятие</dt>
        <dd>«{file.manifest.eventTitle}»</dd>
        <dt>Роль этого устройства</dt>
        <dd>
          {t(`deviceRole.${file.role}`)} — «{file.label}»
        </dd>
        <dt>Что будет видно</dt>
        <dd>{areasForRole(file.role).map((a) => t(`nav.${a}`)).join(', ')}</dd>
        <dt>Код ключа организатора</dt>
        <dd className="mono">{code}</dd>
      </dl>
      <p className="muted small">
        Роль выдаёт организатор: изменить её можно только новым файлом подключения. Сверьте код ключа с экраном «Обмен» на ноутбуке организатора, а после
        подключения удалите файл.
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} disabled={busy}>
          Отмена
        </button>
        <button type="button" className="primary" onClick={() => void join()} disabled={busy}>
          {busy ? 'Подключаем…' : 'Подключить это устройство'}
        </button>
      </div>
      {gateDialog}
    </div>
  );
}
