/**
 * The hub's side of «Локальная сеть»: what is protected and how (one line), the PIN, this hub's code,
 * devices waiting for «Разрешить» (name, the role asked for, the code to compare), and the paired
 * devices with role, code, last sync and «Отключить».
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceRole, EventRow } from '../../../shared/domain/types';
import type { BridgeResult, HubApproval, HubHostStatus, HubStatus } from '../../../shared/ipc/contract';
import { bridge } from '../../bridge/bridge';
import { useDb } from '../../hooks/db-context';
import { useHubStore } from './hub-loops';
import { enrolmentForApproval } from './hub-rounds';
import { formatDate } from '../../../shared/text/format';

export type Act = (call: () => Promise<BridgeResult<HubStatus>>) => Promise<void>;

export const clock = (iso: string) => formatDate(iso, 'timeSeconds');
const spacedPin = (pin: string) => `${pin.slice(0, 3)} ${pin.slice(3)}`;

/** What the organizer is told about protection, in one line. */
export const PROTECTION_LINE =
  'Связь с хабом шифруется (TLS); новое устройство подключается только по одноразовому PIN, после сверки кодов на обоих экранах и вашего «Разрешить» — посторонний в Wi-Fi не прочтёт данные и не выдаст себя за хаб или стойку.';

/** Roles a hub may grant: devices that work at the venue. The organizer's and jurors' come otherwise. */
const GRANTABLE: readonly DeviceRole[] = ['desk', 'district'];

export function HostView({ host, event, act }: { host: HubHostStatus; event: EventRow; act: Act }) {
  const serve = useHubStore((s) => s.host);
  const otherEvent = host.event && host.event.id !== event.id;
  return (
    <div className="hub-host">
      <p className="exchange-ok">Хаб работает{host.event ? ` с мероприятием «${host.event.title}»` : ''}.</p>
      <p className="muted small" data-testid="hub-protection">
        {PROTECTION_LINE}
      </p>
      {otherEvent && <p className="form-error">Открыто другое мероприятие. Остановите хаб и запустите его снова, чтобы стойки синхронизировали «{event.title}».</p>}
      <div className="hub-pin" aria-label="PIN для подключения стоек">
        <span className="muted">PIN для подключения</span>
        <strong className="mono" data-testid="hub-pin">
          {host.pin ? spacedPin(host.pin) : '—'}
        </strong>
        <button type="button" onClick={() => void act(() => bridge.hubNewPin({}))}>
          Новый PIN
        </button>
      </div>
      <p>
        На стойке введите адрес:{' '}
        {host.address ? (
          <strong className="mono hub-address">
            {host.address}:{host.port}
          </strong>
        ) : (
          <span className="form-error">компьютер не подключён к сети — подключите его к Wi-Fi или кабелю площадки.</span>
        )}
        {host.code && (
          <>
            {' '}
            Код хаба для сверки: <strong className="mono" data-testid="hub-code">{host.code}</strong>
          </>
        )}
      </p>
      {!host.serving && <p className="form-error">Окно хаба не принимает данные — не закрывайте Сход на этом компьютере.</p>}
      <ApprovalList approvals={host.approvals} eventId={host.event?.id ?? event.id} act={act} />
      <p className="muted small">
        Принято файлов от стоек: {serve.served}
        {serve.lastServedAt && `, последний — ${clock(serve.lastServedAt)} от «${serve.lastFrom}»`}
      </p>
      {serve.lastError && <p className="form-error">Не принято: {serve.lastError}</p>}
      <PairedList host={host} act={act} />
      <button type="button" onClick={() => void act(() => bridge.hubStop({}))}>
        Остановить хаб
      </button>
    </div>
  );
}

/** Devices that typed the PIN: nothing is paired until the operator compares the code and allows it. */
function ApprovalList({ approvals, eventId, act }: { approvals: HubApproval[]; eventId: string; act: Act }) {
  if (approvals.length === 0) return null;
  return (
    <div className="hub-approvals" role="region" aria-label="Запросы на подключение">
      <h3>Запросы на подключение</h3>
      <p className="muted small">Сверьте код с экраном устройства. Разрешайте, только если коды совпадают до последней цифры.</p>
      {approvals.map((a) => (
        <ApprovalRow key={a.pairingId} approval={a} eventId={eventId} act={act} />
      ))}
    </div>
  );
}

function ApprovalRow({ approval, eventId, act }: { approval: HubApproval; eventId: string; act: Act }) {
  const { t } = useTranslation();
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
        <strong>«{approval.name}»</strong> ({approval.address}, {clock(approval.requestedAt)}) просит роль «{t(`deviceRole.${approval.requestedRole}`)}».
        <br />
        Код устройства: <strong className="mono">{approval.code}</strong>
      </p>
      <label className="field narrow">
        <span>Роль на этом мероприятии</span>
        <select value={role} onChange={(e) => setRole(e.target.value as DeviceRole)}>
          {GRANTABLE.map((r) => (
            <option key={r} value={r}>
              {t(`deviceRole.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={() => void allow()}>
          Разрешить
        </button>
        <button type="button" onClick={() => void act(() => bridge.hubDecide({ pairingId: approval.pairingId, approve: false }))}>
          Отклонить
        </button>
      </div>
    </div>
  );
}

function PairedList({ host, act }: { host: HubHostStatus; act: Act }) {
  const { t } = useTranslation();
  if (host.paired.length === 0) return <p className="muted">Стойки ещё не подключены.</p>;
  return (
    <table className="simple-table hub-paired">
      <caption className="muted small">Подключённые устройства</caption>
      <thead>
        <tr>
          <th>Устройство</th>
          <th>Роль</th>
          <th>Код</th>
          <th>Последняя синхронизация</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {host.paired.map((d) => (
          <tr key={d.deviceId}>
            <td>{d.name}</td>
            <td>{t(`deviceRole.${d.role}`)}</td>
            <td className="mono">{d.code}</td>
            <td>{d.lastSyncAt ? `${clock(d.lastSyncAt)}${d.lastAddress ? `, ${d.lastAddress}` : ''}` : '—'}</td>
            <td>
              <button type="button" onClick={() => void act(() => bridge.hubUnpair({ deviceId: d.deviceId }))} aria-label={`Отключить ${d.name}`}>
                Отключить
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
