/** «Локальная сеть» on the Обмен page: run this computer as the hub, or connect this desk to one (desktop app only). */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventRow } from '../../../shared/domain/types';
import type { BridgeResult, HubHostStatus, HubStatus } from '../../../shared/ipc/contract';
import { bridge } from '../../bridge/bridge';
import { ensureDeviceKey } from '../../db/repo/device-key';
import { ensureEventRoot } from '../../db/repo/trust';
import { SelectField, TextField } from '../../components/ui';
import { useDb } from '../../hooks/db-context';
import { DeskView } from './HubDesk';
import { PairWithHub } from './PairWithHub';
import { HostView, type Act } from './HubHost';
import { resumeLoops } from './resume';
import './hub.css';

/** Suggested port; any free one from 1024 up works (the hub remembers the last one used). */
const DEFAULT_PORT = 47800;
const STATUS_POLL_MS = 3_000;

/**
 * «Локальная сеть» on the Обмен page: run this computer as the hub, or connect this desk to one.
 * Only in the desktop app; in a browser it says so (files remain the way to exchange).
 */
export function HubPanel({ event }: { event: EventRow }) {
  const { t } = useTranslation('hub');
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
        {t('heading')}
      </h2>
      {shell === 'browser' && <p className="muted">{t('browserOnly')}</p>}
      {shell === 'electron' && !status && !error && <p className="muted">{t('loading')}</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {status?.notice && !status.link && <p className="form-error">{status.notice.message}</p>}
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

/** Neither hub nor desk yet: start a hub here, or connect to one. */
function Choose({ host, event, act, onPaired, setError }: { host: HubHostStatus; event: EventRow; act: Act; onPaired: () => void; setError: (e: string | null) => void }) {
  const { t } = useTranslation('hub');
  const ctx = useDb();
  const [port, setPort] = useState(String(host.port || DEFAULT_PORT));
  // the LAN interface to listen on: the organizer's pick, else the default route's (never «all»)
  const [listenOn, setListenOn] = useState<string | null>(null);
  const listenAddress = listenOn ?? host.address;
  const [busy, setBusy] = useState(false);
  const portNumber = Number(port);
  const portOk = Number.isInteger(portNumber) && portNumber >= 1024 && portNumber <= 65535;

  const start = async () => {
    setBusy(true);
    const key = await ensureDeviceKey(ctx);
    const trust = await ensureEventRoot(ctx, event.id);
    if (!trust) {
      setBusy(false);
      setError(t('notEnrolled'));
      return;
    }
    await act(() =>
      bridge.hubStart({
        port: portNumber,
        ...(listenAddress ? { address: listenAddress } : {}),
        device: { id: ctx.device.id, name: ctx.device.name, publicKey: key.publicKey },
        event: { id: event.id, title: event.title },
        eventKey: trust.eventKey,
      }),
    );
    setBusy(false);
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
        <h3>{t('choose.title')}</h3>
        <p className="muted small">{t('choose.lead')}</p>
        <TextField
          className="narrow"
          label={t('choose.port')}
          inputMode="numeric"
          value={port}
          onChange={(v) => setPort(v.trim())}
          error={portOk ? undefined : t('choose.portError', { example: DEFAULT_PORT })}
        />
        {host.addresses.length > 1 && (
          <SelectField label={t('choose.network')} value={listenAddress ?? ''} onChange={setListenOn} options={host.addresses.map((a) => [a, a] as const)} />
        )}
        {host.addresses.length === 0 && <p className="form-error">{t('choose.noNetwork')}</p>}
        <button type="submit" className="primary" disabled={!portOk || busy || !listenAddress}>
          {t('choose.start')}
        </button>
        {host.paired.length > 0 && <p className="muted small">{t('choose.paired', { count: host.paired.length })}</p>}
      </form>
      <PairWithHub role={ctx.device.role} onPaired={onPaired} setError={setError} />
    </div>
  );
}
