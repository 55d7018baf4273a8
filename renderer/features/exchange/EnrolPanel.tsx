import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceRole, EventRow } from '../../../shared/domain/types';
import { bridge } from '../../bridge/bridge';
import { exportEnrolment } from '../../db/repo/exchange-export';
import { useDb } from '../../hooks/db-context';
import { errorText } from '../../i18n';
import { SelectField, TextField } from '../../components/ui';

const ROLES: DeviceRole[] = ['desk', 'district', 'organizer'];

/**
 * «Подключить устройство» (the organizer's device only): an enrolment file for ONE new device of the
 * chosen role — the event, its key and the organizer's signed offer (shared/trust/enrolment.ts).
 * The role on other devices comes only from such a file or from the hub's approval.
 */
export function EnrolPanel({ event }: { event: EventRow }) {
  const { t } = useTranslation('exchange');
  const ctx = useDb();
  const [role, setRole] = useState<DeviceRole>('desk');
  const [label, setLabel] = useState(() => t('enrol.defaultName'));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (ctx.device.role !== 'organizer') return null;

  const save = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const file = await exportEnrolment(ctx, event.id, role, label.trim() || t(`app:deviceRole.${role}`));
      const saved = await bridge.saveFile({ suggestedName: file.fileName, bytes: new Uint8Array(file.bytes) });
      if ('error' in saved) setMessage({ ok: false, text: saved.error.message });
      else if (saved.data) setMessage({ ok: true, text: t('enrol.saved', { role: t(`app:deviceRole.${role}`), name: label.trim() }) });
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="report-block exchange-panel">
      <h2 className="subheading">{t('enrol.heading')}</h2>
      <p className="muted small">{t('enrol.hint')}</p>
      <div className="field-row">
        <SelectField label={t('enrol.role')} value={role} onChange={setRole} options={ROLES.map((r) => [r, t(`app:deviceRole.${r}`)] as const)} />
        <TextField label={t('enrol.name')} value={label} maxLength={60} onChange={setLabel} />
      </div>
      <div className="dialog-actions">
        <button type="button" disabled={busy} onClick={() => void save()}>
          {busy ? t('enrol.preparing') : t('enrol.save')}
        </button>
      </div>
      {message && (
        <p className={message.ok ? 'exchange-ok' : 'form-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
