/**
 * Connecting this device to a hub: the address and PIN from the hub's screen, then both certificate
 * codes to compare, then «Разрешить» on the hub. When the hub is the event's root, the approval brings
 * the organizer's enrolment in the granted role and this device takes it here (acceptEnrolment): a new
 * device joins the event over the LAN. Used on the Обмен page and on the first-run screen.
 */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { DeviceRole } from '../../../shared/domain/types';
import type { HubPairResult, HubPendingPair } from '../../../shared/ipc/contract';
import { bridge } from '../../bridge/bridge';
import { TextField } from '../../components/ui';
import { ensureDeviceKey } from '../../db/repo/device-key';
import { acceptEnrolment } from '../../db/repo/trust';
import { useDb } from '../../hooks/db-context';
import { unwrap } from './resume';
import { errorText } from '../../i18n';

export type Paired = Extract<HubPairResult, { ok: true }>;

export function PairWithHub({ role, onPaired, setError }: { role: DeviceRole; onPaired: (paired: Paired) => void | Promise<void>; setError: (e: string | null) => void }) {
  const { t } = useTranslation('hub');
  const ctx = useDb();
  const [address, setAddress] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<HubPendingPair | null>(null);
  const pinOk = /^\d{6}$/.test(pin.replace(/\s/g, ''));

  const run = async (step: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await step();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const pair = () =>
    run(async () => {
      const key = await ensureDeviceKey(ctx);
      const r = unwrap(await bridge.hubPair({ address, pin: pin.replace(/\s/g, ''), device: { id: ctx.device.id, name: ctx.device.name, role, publicKey: key.publicKey } }));
      if (!r.ok) setError(r.message);
      else setPending(r.pending);
    });

  /** Step 2: this device's operator saw the codes match; wait for «Разрешить» on the hub. */
  const confirm = (p: HubPendingPair) =>
    run(async () => {
      const r = unwrap(await bridge.hubPairConfirm({ pairingId: p.pairingId }));
      setPending(null);
      if (!r.ok) return setError(r.message);
      if (r.grant) await acceptEnrolment(ctx, r.grant);
      await onPaired(r);
    });

  const cancel = () =>
    run(async () => {
      setPending(null);
      unwrap(await bridge.hubForget({}));
    });

  if (pending) return <CompareCodes pending={pending} busy={busy} onMatch={() => void confirm(pending)} onMismatch={() => void cancel()} />;

  return (
    <form
      className="hub-box"
      onSubmit={(e) => {
        e.preventDefault();
        if (pinOk && address.trim() && !busy) void pair();
      }}
    >
      <h3>{t('pair.title')}</h3>
      <p className="muted small">{t('pair.lead')}</p>
      <TextField label={t('pair.address')} value={address} onChange={setAddress} placeholder="192.168.1.10:47800" autoComplete="off" />
      <TextField className="narrow" label={t('pair.pin')} inputMode="numeric" value={pin} onChange={setPin} placeholder="123 456" autoComplete="off" maxLength={7} />
      <button type="submit" className="primary" disabled={!pinOk || !address.trim() || busy}>
        {busy ? t('pair.connecting') : t('pair.connect')}
      </button>
    </form>
  );
}

/**
 * Between the two steps of pairing: both codes on this screen, for the operators to compare with the
 * hub's screen. Only «Коды совпадают» lets this device trust (pin) the hub.
 */
function CompareCodes({ pending, busy, onMatch, onMismatch }: { pending: HubPendingPair; busy: boolean; onMatch: () => void; onMismatch: () => void }) {
  const { t } = useTranslation('hub');
  return (
    <div className="hub-box hub-compare" role="region" aria-label={t('pair.compare')}>
      <h3>{t('pair.compareTitle', { name: pending.hubName })}</h3>
      <p>
        <Trans t={t} i18nKey="pair.hubCode" values={{ code: pending.hubCode }} components={{ code: <strong className="mono" data-testid="pair-hub-code" /> }} />
      </p>
      <p>
        <Trans t={t} i18nKey="pair.deskCode" values={{ code: pending.deskCode }} components={{ code: <strong className="mono" data-testid="pair-desk-code" /> }} />
      </p>
      <p className="muted small">{t('pair.mismatchHint')}</p>
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onMatch} disabled={busy}>
          {busy ? t('pair.waiting') : t('pair.match')}
        </button>
        <button type="button" onClick={onMismatch}>
          {t('pair.mismatch')}
        </button>
      </div>
    </div>
  );
}
