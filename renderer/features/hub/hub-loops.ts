/**
 * The two background loops of the LAN hub, one per role, each a module-level singleton: they keep
 * running when the «Локальная сеть» panel unmounts (the operator goes back to Регистрация — that is
 * the point), and a second `ensure…` with the same parameters is a no-op.
 *
 * - Desk: a round every `intervalMs` (5 s) while paired; after a failure that needs a person (hub
 *   forgot this desk, another event) it stops and says why; while the hub is merely unreachable it
 *   keeps trying, and the state says «нет связи с хабом» — the Обмен files remain the fallback.
 * - Hub: long-polls the main process for desks' files and answers each (hub-rounds.ts).
 *
 * State for the screen goes to the zustand store (UI state only: times, counts, messages — no rows).
 */
import { create } from 'zustand';
import type { Bridge, HubSyncResult } from '../../../shared/ipc/contract';
import { saidSchema } from '../../../shared/text/said-schema';
import { saidOf } from '../../../shared/text/said';
import type { DbContext } from '../../db/context';
import { errorText, tr } from '../../i18n';
import { pendingFor } from '../../db/repo/exchange-book';
import { answerDeskFile, deskRound, type DeskRound } from './hub-rounds';

export type DeskSyncState = {
  /** Which pairing this state belongs to. */
  key: string | null;
  phase: 'idle' | 'syncing' | 'ok' | 'offline' | 'stopped';
  /** Last successful round (ISO). */
  lastSyncAt: string | null;
  lastSent: number;
  lastReceived: number;
  pending: number | null;
  /** Why the last round failed (Russian, for the status line). */
  message: string | null;
};

export type HubServeState = {
  running: boolean;
  served: number;
  lastServedAt: string | null;
  lastFrom: string | null;
  /** The last desk file this hub could not accept. */
  lastError: string | null;
};

const initialDesk: DeskSyncState = { key: null, phase: 'idle', lastSyncAt: null, lastSent: 0, lastReceived: 0, pending: null, message: null };
const initialHost: HubServeState = { running: false, served: 0, lastServedAt: null, lastFrom: null, lastError: null };

export const useHubStore = create<{ desk: DeskSyncState; host: HubServeState }>(() => ({ desk: initialDesk, host: initialHost }));

const patchDesk = (p: Partial<DeskSyncState>) => useHubStore.setState((s) => ({ desk: { ...s.desk, ...p } }));
const patchHost = (p: Partial<HubServeState>) => useHubStore.setState((s) => ({ host: { ...s.host, ...p } }));

export const DESK_INTERVAL_MS = 5_000;

export type DeskSyncOptions = {
  ctx: DbContext;
  eventId: string;
  hubDeviceId: string;
  send: (bytes: Uint8Array) => Promise<HubSyncResult>;
  intervalMs?: number;
};

class DeskSyncLoop {
  readonly key: string;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<DeskRound> | null = null;
  private stopped = false;

  constructor(private readonly opts: DeskSyncOptions) {
    this.key = `${opts.eventId}|${opts.hubDeviceId}`;
  }

  start(): void {
    patchDesk({ ...initialDesk, key: this.key });
    void this.tick();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** A round now (the «Синхронизировать сейчас» button); joins the round already running, if any. */
  syncNow(): Promise<DeskRound> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.stopped = false;
    return this.tick();
  }

  private tick(): Promise<DeskRound> {
    this.inFlight ??= this.round().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async round(): Promise<DeskRound> {
    const { ctx, eventId, hubDeviceId, send } = this.opts;
    patchDesk({ phase: 'syncing' });
    let result: DeskRound;
    try {
      result = await deskRound(ctx, eventId, hubDeviceId, send);
    } catch (err) {
      console.error('[skhod:hub] desk round failed', err);
      result = { ok: false, at: new Date().toISOString(), code: 'internal', message: tr('hub')('errors.syncFailed', { reason: errorText(err) }), offline: false };
    }
    if (this.stopped && loops.desk !== this) return result;
    const pending = await pendingFor(ctx, eventId, hubDeviceId).catch(() => null);
    if (result.ok) {
      patchDesk({ phase: 'ok', lastSyncAt: result.at, lastSent: result.sent, lastReceived: result.received, pending, message: null });
    } else {
      patchDesk({ phase: result.offline ? 'offline' : 'stopped', pending, message: result.message });
      // A person has to act (pair again, open the hub's event): retrying every 5 s changes nothing.
      if (!result.offline) this.stopped = true;
    }
    if (!this.stopped) this.timer = setTimeout(() => void this.tick(), this.opts.intervalMs ?? DESK_INTERVAL_MS);
    return result;
  }
}

export type HubHostOptions = {
  ctx: DbContext;
  eventId: string;
  bridge: Pick<Bridge, 'hubNextRequest' | 'hubAnswer'>;
  /** How long one poll waits in the main process for a desk's file. */
  waitMs?: number;
  /** Pause after an empty or failed poll, so a hub that was stopped elsewhere is not polled in a spin. */
  idleMs?: number;
};

class HubHostLoop {
  readonly key: string;
  private stopped = false;

  constructor(private readonly opts: HubHostOptions) {
    this.key = opts.eventId;
  }

  start(): void {
    patchHost({ ...initialHost, running: true });
    void this.run();
  }

  stop(): void {
    this.stopped = true;
    patchHost({ running: false });
  }

  private async run(): Promise<void> {
    const { ctx, eventId, bridge } = this.opts;
    while (!this.stopped) {
      const next = await bridge.hubNextRequest({ waitMs: this.opts.waitMs ?? 15_000 });
      if (this.stopped) break;
      if ('error' in next || next.data === null) {
        await new Promise((r) => setTimeout(r, this.opts.idleMs ?? 500));
        continue;
      }
      const req = next.data;
      try {
        const answer = await answerDeskFile(ctx, eventId, req.bytes);
        await bridge.hubAnswer({ id: req.id, bytes: answer.bytes as Uint8Array<ArrayBuffer> });
        patchHost({ served: useHubStore.getState().host.served + 1, lastServedAt: new Date().toISOString(), lastFrom: answer.from, lastError: null });
      } catch (err) {
        const message = err instanceof Error && err.message ? err.message : tr('hub')('errors.notAccepted');
        console.error(`[skhod:hub] file from ${req.deviceName} refused`, err);
        // the reason as data too, so the desk words it in its own language (when it has the shape main accepts)
        const said = saidSchema.safeParse(saidOf(err));
        await bridge.hubAnswer({ id: req.id, error: message.slice(0, 1000), ...(said.success ? { said: said.data } : {}) });
        patchHost({ lastError: `${req.deviceName}: ${message}` });
      }
    }
  }
}

const loops: { desk: DeskSyncLoop | null; host: HubHostLoop | null } = { desk: null, host: null };

/** Starts the desk loop for this pairing unless it already runs; returns it for «сейчас». */
export function ensureDeskSync(opts: DeskSyncOptions): { syncNow: () => Promise<DeskRound> } {
  const key = `${opts.eventId}|${opts.hubDeviceId}`;
  if (loops.desk?.key !== key) {
    loops.desk?.stop();
    loops.desk = new DeskSyncLoop(opts);
    loops.desk.start();
  }
  const loop = loops.desk;
  return { syncNow: () => loop.syncNow() };
}

export function stopDeskSync(): void {
  loops.desk?.stop();
  loops.desk = null;
  patchDesk(initialDesk);
}

export function ensureHubHost(opts: HubHostOptions): void {
  if (loops.host?.key === opts.eventId) return;
  loops.host?.stop();
  loops.host = new HubHostLoop(opts);
  loops.host.start();
}

export function stopHubHost(): void {
  loops.host?.stop();
  loops.host = null;
}
