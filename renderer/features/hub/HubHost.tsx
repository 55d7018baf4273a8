/**
 * The hub's side of «Локальная сеть»: what is protected and how (one line), the PIN, this hub's code,
 * devices waiting for «Разрешить» (name, the role asked for, the code to compare), and the paired
 * devices with role, code, last sync and «Отключить».
 */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { DeviceRole, EventRow } from '../../../shared/domain/types';
import type { BridgeResult, HubApproval, HubHostStatus, HubStatus } from '../../../shared/ipc/contract';
import { formatDate, formatNumber } from '../../../shared/text/format';
import { SelectField } from '../../components/ui';
import { bridge } from '../../bridge/bridge';
import { useDb } from '../../hooks/db-context';
import { useHubStore } from './hub-loops';
import { enrolmentForApproval } from './hub-rounds';

export type Act = (call: () => Promise<BridgeResult<HubStatus>>) => Promise<void>;

export const clock = (iso: string) => formatDate(iso, 'timeSeconds');
const spacedPin = (pin: string) => `${pin.slice(0, 3)} ${pin.slice(3)}`;

/** Roles a hub may grant: devices that work at the venue. The organizer's and jurors' come otherwise. */
const GRANTABLE: readonly DeviceRole[] = ['desk', 'district'];

export function HostView({ host, event, act }: { host: HubHostStatus; event: EventRow; act: Act }) {
  const { t } = useTranslation('hub');
  const serve = useHubStore((s) => s.host);
  const otherEvent = host.event && host.event.id !== event.id;
  return (
    <div className="hub-host">
      <p className="exchange-ok">{host.event ? t('host.runningWith', { title: host.event.title }) : t('host.running')}</p>
      <p className="muted small" data-testid="hub-protection">
        {t('host.protection')}
      </p>
      {otherEvent && <p className="form-error">{t('host.otherEvent', { title: event.title })}</p>}
      <div className="hub-pin" aria-label={t('host.pinLabel')}>
        <span className="muted">{t('host.pin')}</span>
        <strong className="mono" data-testid="hub-pin">
          {host.pin ? spacedPin(host.pin) : '—'}
        </strong>
        <button type="button" onClick={() => void act(() => bridge.hubNewPin({}))}>
          {t('host.newPin')}
        </button>
      </div>
      <p>
        {t('host.address')}{' '}
        {host.address ? (
          <strong className="mono hub-address">
            {host.address}:{host.port}
          </strong>
        ) : (
          <span className="form-error">{t('host.noNetwork')}</span>
        )}
        {host.code && (
          <>
            {' '}
            {t('host.code')} <strong className="mono" data-testid="hub-code">{host.code}</strong>
          </>
        )}
      </p>
      {!host.serving && <p className="form-error">{t('host.notServing')}</p>}
      <ApprovalList approvals={host.approvals} eventId={host.event?.id ?? event.id} act={act} />
      <p className="muted small">
        {serve.lastServedAt
          ? t('host.lastServed', { n: formatNumber(serve.served), time: clock(serve.lastServedAt), from: serve.lastFrom })
          : t('host.served', { n: formatNumber(serve.served) })}
      </p>
      {serve.lastError && <p className="form-error">{t('host.rejected', { error: serve.lastError })}</p>}
      <PairedList host={host} act={act} />
      <button type="button" onClick={() => void act(() => bridge.hubStop({}))}>
        {t('host.stop')}
      </button>
    </div>
  );
}

/** Devices that typed the PIN: nothing is paired until the operator compares the code and allows it. */
function ApprovalList({ approvals, eventId, act }: { approvals: HubApproval[]; eventId: string; act: Act }) {
  const { t } = useTranslation('hub');
  if (approvals.length === 0) return null;
  return (
    <div className="hub-approvals" role="region" aria-label={t('host.requests')}>
      <h3>{t('host.requests')}</h3>
      <p className="muted small">{t('host.compareHint')}</p>
      {approvals.map((a) => (
        <ApprovalRow key={a.pairingId} approval={a} eventId={eventId} act={act} />
      ))}
    </div>
  );
}

function ApprovalRow({ approval, eventId, act }: { approval: HubApproval; eventId: string; act: Act }) {
  const { t } = useTranslation('hub');
  const ctx = useDb();
  // «Разрешить» is also the organizer's enrolment of the device in the role (when this hub is the event's root)
  const allow = async () => {
    const grant = await enrolmentForApproval(ctx, eventId, approval, role);
    await act(() => bridge.hubDecide({ pairingId: approval.pairingId, approve: true, role, ...(grant ? { grant } : {}) }));
  };
  const [role, setRole] = useState<DeviceRole>(GRANTABLE.includes(approval.requestedRole) ? approval.requestedRole : 'desk');
  return (
    <div className="hub-approval" data-testid="hub-approval">
      <p>
        <Trans
          t={t}
          i18nKey="host.asks"
          values={{ name: approval.name, address: approval.address, time: clock(approval.requestedAt), role: t(`app:deviceRole.${approval.requestedRole}`) }}
          components={{ b: <strong /> }}
        />
        <br />
        {t('host.deviceCode')} <strong className="mono">{approval.code}</strong>
      </p>
      <SelectField className="narrow" label={t('host.role')} value={role} onChange={setRole} options={GRANTABLE.map((r) => [r, t(`app:deviceRole.${r}`)] as const)} />
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={() => void allow()}>
          {t('host.allow')}
        </button>
        <button type="button" onClick={() => void act(() => bridge.hubDecide({ pairingId: approval.pairingId, approve: false }))}>
          {t('host.deny')}
        </button>
      </div>
    </div>
  );
}

function PairedList({ host, act }: { host: HubHostStatus; act: Act }) {
  const { t } = useTranslation('hub');
  if (host.paired.length === 0) return <p className="muted">{t('host.noDesks')}</p>;
  return (
    <table className="simple-table hub-paired">
      <caption className="muted small">{t('host.paired')}</caption>
      <thead>
        <tr>
          <th>{t('host.device')}</th>
          <th>{t('host.deviceRole')}</th>
          <th>{t('host.deviceCodeColumn')}</th>
          <th>{t('host.lastSync')}</th>
          <th>
            <span className="visually-hidden">{t('host.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {host.paired.map((d) => (
          <tr key={d.deviceId}>
            <td>{d.name}</td>
            <td>{t(`app:deviceRole.${d.role}`)}</td>
            <td className="mono">{d.code}</td>
            <td>{d.lastSyncAt ? `${clock(d.lastSyncAt)}${d.lastAddress ? `, ${d.lastAddress}` : ''}` : '—'}</td>
            <td>
              <button type="button" onClick={() => void act(() => bridge.hubUnpair({ deviceId: d.deviceId }))} aria-label={t('host.unpairLabel', { name: d.name })}>
                {t('host.unpair')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
