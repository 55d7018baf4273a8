import { useEffect, useState } from 'react';
import type { EventRow } from '../../../shared/domain/types';
import type { BridgeResult, HubHostStatus, HubLinkStatus, HubStatus } from '../../../shared/ipc/contract';
import { bridge } from '../../bridge/bridge';
import { HUB_BROWSER_MESSAGE } from '../../bridge/hub.browser';
import { ensureDeviceKey } from '../../db/repo/device-key';
import { useDb } from '../../hooks/db-context';
import { ensureDeskSync, stopDeskSync, useHubStore } from './hub-loops';
import { resumeLoops, unwrap } from './resume';
import './hub.css';

/** Suggested port; any free one from 1024 up works (the hub remembers the last one used). */
const DEFAULT_PORT = 47800;
const STATUS_POLL_MS = 3_000;

const clock = (iso: string) => new Date(iso).toLocaleTimeString('ru-RU', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const spacedPin = (pin: string) => `${pin.slice(0, 3)} ${pin.slice(3)}`;

/**
 * «Локальная сеть» on the Обмен page: run this computer as the hub, or connect this desk to one.
 * Only in the desktop app; in a browser it says so (files remain the way to exchange).
 */
export function HubPanel({ event }: { event: EventRow }) {
  const ctx = useDb();
  const [shell, setShell] = useState<'electron' | 'browser' | null>(null);
  const [status, setStatus] = useState<HubStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void bridge.appInfo({}).then((r) => setShell('data' in r ? r.data.shell : 'browser'));
  }, []);

  // Status from the main process: at mount, every few seconds (desks' last sync, the serving flag),
  // and at once after pairing (`reload`).
  const [reload, setReload] = useState(0);
  useEffect(() => {
    if (shell !== 'electron') return;
    let live = true;
    const load = () =>
      bridge.hubStatus({}).then((r) => {
        if (!live) return;
        if ('error' in r) return setError(r.error.message);
        setStatus(r.data);
        resumeLoops(ctx, r.data, event.id);
      });
    void load();
    const timer = setInterval(() => void load(), STATUS_POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [shell, ctx, event.id, reload]);

  /** Runs a bridge call that returns the new status; errors go to the panel's alert line. */
  const act = async (call: () => Promise<BridgeResult<HubStatus>>) => {
    setError(null);
    const r = await call();
    if ('error' in r) return setError(r.error.message);
    setStatus(r.data);
    resumeLoops(ctx, r.data, event.id);
  };

  return (
    <section className="report-block hub-panel" aria-labelledby="hub-heading">
      <h2 className="subheading" id="hub-heading">
        Локальная сеть
      </h2>
      {shell === 'browser' && <p className="muted">{HUB_BROWSER_MESSAGE}</p>}
      {shell === 'electron' && !status && !error && <p className="muted">Загрузка…</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {shell === 'electron' && status && (
        <>
          {status.link ? (
            <DeskView link={status.link} event={event} onForget={() => act(() => bridge.hubForget({}))} />
          ) : status.host.running ? (
            <HostView host={status.host} event={event} act={act} />
          ) : (
            <Choose host={status.host} event={event} act={act} onPaired={() => setReload((n) => n + 1)} setError={setError} />
          )}
        </>
      )}
    </section>
  );
}

type Act = (call: () => Promise<BridgeResult<HubStatus>>) => Promise<void>;

/** Neither hub nor desk yet: start a hub here, or connect to one. */
function Choose({ host, event, act, onPaired, setError }: { host: HubHostStatus; event: EventRow; act: Act; onPaired: () => void; setError: (e: string | null) => void }) {
  const ctx = useDb();
  const [port, setPort] = useState(String(host.port || DEFAULT_PORT));
  const [address, setAddress] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const portNumber = Number(port);
  const portOk = Number.isInteger(portNumber) && portNumber >= 1024 && portNumber <= 65535;
  const pinOk = /^\d{6}$/.test(pin.replace(/\s/g, ''));

  const start = async () => {
    setBusy(true);
    const key = await ensureDeviceKey(ctx);
    await act(() => bridge.hubStart({ port: portNumber, device: { id: ctx.device.id, name: ctx.device.name, publicKey: key.publicKey }, event: { id: event.id, title: event.title } }));
    setBusy(false);
  };

  const pair = async () => {
    setBusy(true);
    setError(null);
    try {
      const key = await ensureDeviceKey(ctx);
      const r = unwrap(
        await bridge.hubPair({
          address,
          pin: pin.replace(/\s/g, ''),
          device: { id: ctx.device.id, name: ctx.device.name, role: ctx.device.role, publicKey: key.publicKey },
        }),
      );
      if (!r.ok) setError(r.message);
      else onPaired();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="hub-columns">
      <form
        className="hub-box"
        onSubmit={(e) => {
          e.preventDefault();
          if (portOk && !busy) void start();
        }}
      >
        <h3>Этот компьютер — хаб</h3>
        <p className="muted small">Стойки регистрации в той же сети будут каждые несколько секунд обмениваться с ним отметками и правками — без флешек.</p>
        <label className="field narrow">
          <span>Порт</span>
          <input inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value.trim())} aria-invalid={!portOk} />
        </label>
        {!portOk && <p className="field-error">Порт — число от 1024 до 65535, например {DEFAULT_PORT}.</p>}
        <button type="submit" className="primary" disabled={!portOk || busy}>
          Запустить хаб
        </button>
        {host.paired.length > 0 && <p className="muted small">Подключённых стоек: {host.paired.length} — им не нужен новый PIN.</p>}
      </form>
      <form
        className="hub-box"
        onSubmit={(e) => {
          e.preventDefault();
          if (pinOk && address.trim() && !busy) void pair();
        }}
      >
        <h3>Подключиться к хабу</h3>
        <p className="muted small">Адрес и PIN показаны на экране хаба (раздел «Обмен» → «Локальная сеть»).</p>
        <label className="field">
          <span>Адрес хаба</span>
          <input value={address} onChange={(e) => setAddress(e.target.value)} placeholder="192.168.1.10:47800" autoComplete="off" />
        </label>
        <label className="field narrow">
          <span>PIN</span>
          <input inputMode="numeric" value={pin} onChange={(e) => setPin(e.target.value)} placeholder="123 456" autoComplete="off" maxLength={7} />
        </label>
        <button type="submit" className="primary" disabled={!pinOk || !address.trim() || busy}>
          {busy ? 'Подключение…' : 'Подключиться'}
        </button>
      </form>
    </div>
  );
}

function HostView({ host, event, act }: { host: HubHostStatus; event: EventRow; act: Act }) {
  const serve = useHubStore((s) => s.host);
  const otherEvent = host.event && host.event.id !== event.id;
  return (
    <div className="hub-host">
      <p className="exchange-ok">Хаб работает{host.event ? ` с мероприятием «${host.event.title}»` : ''}.</p>
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
        {host.addresses.length ? (
          host.addresses.map((a) => (
            <strong key={a} className="mono hub-address">
              {a}:{host.port}
            </strong>
          ))
        ) : (
          <span className="form-error">компьютер не подключён к сети — подключите его к Wi-Fi или кабелю площадки.</span>
        )}
      </p>
      {!host.serving && <p className="form-error">Окно хаба не принимает данные — не закрывайте Сход на этом компьютере.</p>}
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

function PairedList({ host, act }: { host: HubHostStatus; act: Act }) {
  if (host.paired.length === 0) return <p className="muted">Стойки ещё не подключены.</p>;
  return (
    <table className="simple-table hub-paired">
      <caption className="muted small">Подключённые устройства</caption>
      <thead>
        <tr>
          <th>Устройство</th>
          <th>Последняя синхронизация</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {host.paired.map((d) => (
          <tr key={d.deviceId}>
            <td>{d.name}</td>
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

function DeskView({ link, event, onForget }: { link: NonNullable<HubLinkStatus>; event: EventRow; onForget: () => void }) {
  const ctx = useDb();
  const desk = useHubStore((s) => s.desk);
  const [busy, setBusy] = useState(false);
  const sameEvent = link.event.id === event.id;
  const syncNow = async () => {
    setBusy(true);
    await ensureDeskSync({
      ctx,
      eventId: event.id,
      hubDeviceId: link.hub.deviceId,
      send: (bytes) => bridge.hubSync({ eventId: event.id, bytes: bytes as Uint8Array<ArrayBuffer> }).then(unwrap),
    })
      .syncNow()
      .finally(() => setBusy(false));
  };
  return (
    <div className="hub-desk">
      <p>
        Подключено к хабу «{link.hub.name}» <span className="mono">{link.address}</span>
      </p>
      {!sameEvent ? (
        <p className="form-error">Хаб работает с мероприятием «{link.event.title}». Откройте его, чтобы синхронизироваться через хаб.</p>
      ) : (
        <dl className="facts hub-facts" aria-live="polite">
          <dt>Связь</dt>
          <dd data-testid="hub-phase" className={desk.phase === 'offline' || desk.phase === 'stopped' ? 'form-error' : undefined}>
            {desk.phase === 'offline' ? 'нет связи с хабом' : desk.phase === 'stopped' ? 'синхронизация остановлена' : desk.phase === 'syncing' ? 'синхронизация…' : desk.lastSyncAt ? 'есть' : '—'}
          </dd>
          <dt>Последняя синхронизация</dt>
          <dd data-testid="hub-last-sync">{desk.lastSyncAt ? clock(desk.lastSyncAt) : 'ещё не было'}</dd>
          <dt>Ожидает отправки</dt>
          <dd data-testid="hub-pending">{desk.pending === null ? '—' : desk.pending.toLocaleString('ru-RU')}</dd>
        </dl>
      )}
      {desk.message && <p className="form-error">{desk.message}</p>}
      {desk.phase === 'offline' && <p className="muted small">Пока связи нет, отметки сохраняются здесь; их можно передать файлом в разделе «Обмен».</p>}
      <div className="dialog-actions">
        {sameEvent && (
          <button type="button" onClick={() => void syncNow()} disabled={busy}>
            Синхронизировать сейчас
          </button>
        )}
        <button
          type="button"
          onClick={() => {
            stopDeskSync();
            onForget();
          }}
        >
          Отключиться от хаба
        </button>
      </div>
    </div>
  );
}
