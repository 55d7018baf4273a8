import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { DeviceRole } from '../../shared/domain/types';
import type { HubFailure, HubHostStatus, HubLinkStatus, HubPairResult, HubRequest, HubStatus, HubSyncResult } from '../../shared/ipc/contract';
import { ExchangeError, openExchangeEnvelope } from '../../shared/sync/exchange-file';
import { BridgeError } from '../errors';
import { DEFAULT_CLIENT_TIMING, formatHubAddress, HubClientError, lanAddresses, pairWithHub, parseHubAddress, postSync, type ClientTiming } from './client';
import { readJsonFile, writeJsonAtomically } from './json-store';
import { PairedDevices } from './paired-devices';
import { DEFAULT_HUB_PORT, type HubEvent, type HubIdentity } from './protocol';
import { DEFAULT_LINK_TIMING, RendererLink, type LinkAnswer, type RendererLinkOptions } from './renderer-link';
import { HubServer } from './server';

/**
 * Everything the IPC handlers need, for both roles of a device:
 * - HOST: start/stop the server, PIN, paired desks, and the long-poll link to this device's renderer;
 * - DESK: the hub this device is paired with (userData/hub-link.json, token included — it never
 *   leaves the main process) and the sync round trip.
 * A device is one or the other at a time: a hub that is also some other hub's desk would relay files
 * in circles for no gain, and the screens would be confusing.
 *
 * No Electron here either (dataDir is passed in), so tests drive this class directly.
 */
export type HubServiceOptions = {
  dataDir: string;
  /** '0.0.0.0' in the app (reachable from the LAN); tests use '127.0.0.1'. */
  listenHost?: string;
  now?: () => number;
  linkTiming?: RendererLinkOptions;
  clientTiming?: ClientTiming;
  /** The LAN addresses shown on the hub's screen (injected in tests). */
  addresses?: () => string[];
};

const linkFileSchema = z.object({
  version: z.literal(1),
  address: z.string().max(200),
  token: z.string().min(20).max(200),
  deviceId: z.string().min(1).max(100),
  hub: z.object({ deviceId: z.string().min(1).max(100), name: z.string().max(100), publicKey: z.string().max(200) }),
  event: z.object({ id: z.string().min(1).max(100), title: z.string().max(300) }),
  pairedAt: z.string().max(40),
});
type LinkFile = z.infer<typeof linkFileSchema>;
/** A device as the renderer describes it over IPC. */
type HubDevice = { id: string; name: string; publicKey: string };

/** Outcomes the desk retries by itself; the rest need a person (pair again, open the other event). */
const OFFLINE = new Set(['unreachable', 'timeout', 'busy', 'not-serving']);

function failure(err: unknown): HubFailure {
  if (err instanceof HubClientError) return { ok: false, code: err.code, message: err.message, offline: OFFLINE.has(err.code) };
  if (err instanceof ExchangeError) return { ok: false, code: 'refused', message: err.message, offline: false };
  throw err;
}

export class HubService {
  private server: HubServer | null = null;
  private link: RendererLink | null = null;
  private devices: PairedDevices | null = null;
  private deskLink: LinkFile | null | undefined = undefined;

  constructor(private readonly opts: HubServiceOptions) {}

  private get devicesFile() {
    return path.join(this.opts.dataDir, 'hub.json');
  }
  private get linkFile() {
    return path.join(this.opts.dataDir, 'hub-link.json');
  }

  private async pairedDevices(): Promise<PairedDevices> {
    this.devices ??= await PairedDevices.load(this.devicesFile);
    return this.devices;
  }

  private async loadLink(): Promise<LinkFile | null> {
    if (this.deskLink === undefined) {
      this.deskLink =
        (await readJsonFile(this.linkFile, (raw) => {
          const parsed = linkFileSchema.safeParse(raw);
          return parsed.success ? parsed.data : undefined;
        })) ?? null;
    }
    return this.deskLink;
  }

  // ── host ──────────────────────────────────────────────────────────────────────────────────────

  async start(args: { port: number; device: HubDevice; event: HubEvent }): Promise<HubStatus> {
    if (await this.loadLink()) {
      throw new BridgeError('forbidden', 'Это устройство подключено к хабу как стойка. Сначала отключите его от хаба, затем запускайте здесь свой хаб.');
    }
    if (this.server) await this.stop();
    const devices = await this.pairedDevices();
    const link = new RendererLink(this.opts.linkTiming ?? DEFAULT_LINK_TIMING);
    const identity: HubIdentity = { deviceId: args.device.id, name: args.device.name, publicKey: args.device.publicKey };
    const server = new HubServer({ identity, event: args.event, devices, link, ...(this.opts.now ? { now: this.opts.now } : {}) });
    try {
      await server.listen(args.port, this.opts.listenHost ?? '0.0.0.0');
    } catch (err) {
      link.close();
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw new BridgeError('io', `Порт ${args.port} уже занят другой программой (или вторым хабом). Выберите другой порт, например ${args.port + 1}.`);
      if (code === 'EACCES') throw new BridgeError('io', `Система не разрешает занять порт ${args.port}. Выберите порт от 1024 до 65535, например ${DEFAULT_HUB_PORT}.`);
      throw err;
    }
    this.server = server;
    this.link = link;
    await devices.setPort(args.port).catch((err: unknown) => console.error('[skhod:hub] cannot remember the port', err));
    return this.status();
  }

  async stop(): Promise<HubStatus> {
    const server = this.server;
    this.server = null;
    this.link = null;
    await server?.close();
    return this.status();
  }

  newPin(): Promise<HubStatus> {
    this.server?.rotatePin();
    return this.status();
  }

  async unpair(deviceId: string): Promise<HubStatus> {
    await (await this.pairedDevices()).remove(deviceId);
    return this.status();
  }

  /** The renderer's long poll; null at once when no hub runs (the renderer then stops polling). */
  nextRequest(waitMs: number): Promise<HubRequest> {
    return this.link ? this.link.next(waitMs) : Promise.resolve(null);
  }

  answer(id: string, answer: LinkAnswer): { accepted: boolean } {
    return { accepted: this.link?.answer(id, answer) ?? false };
  }

  private async hostStatus(): Promise<HubHostStatus> {
    const devices = await this.pairedDevices();
    const server = this.server;
    return {
      running: server !== null,
      port: server?.port ?? devices.port ?? DEFAULT_HUB_PORT,
      addresses: server ? (this.opts.addresses ?? lanAddresses)() : [],
      pin: server?.pin ?? null,
      event: server?.event ?? null,
      serving: this.link?.serving ?? false,
      paired: devices.list().map((d) => {
        const seen = server?.lastActivity(d.deviceId);
        return {
          deviceId: d.deviceId,
          name: d.name,
          role: d.role,
          pairedAt: d.pairedAt,
          ...(seen ? { lastSyncAt: seen.at, lastAddress: seen.address } : {}),
        };
      }),
    };
  }

  // ── desk ──────────────────────────────────────────────────────────────────────────────────────

  async pair(args: { address: string; pin: string; device: HubDevice & { role: DeviceRole } }): Promise<HubPairResult> {
    if (this.server) throw new BridgeError('forbidden', 'На этом устройстве запущен хаб. Остановите его, чтобы подключиться к другому хабу как стойка.');
    const address = parseHubAddress(args.address);
    if (!address) {
      return { ok: false, code: 'bad-address', message: 'Адрес хаба записан неверно. Введите его как на экране хаба, например 192.168.1.10:47800.', offline: false };
    }
    try {
      const answer = await pairWithHub(
        address,
        { pin: args.pin, device: { id: args.device.id, name: args.device.name, role: args.device.role, publicKey: args.device.publicKey } },
        this.opts.clientTiming ?? DEFAULT_CLIENT_TIMING,
      );
      const file: LinkFile = {
        version: 1,
        address: formatHubAddress(address),
        token: answer.token,
        deviceId: args.device.id,
        hub: answer.hub,
        event: answer.event,
        pairedAt: new Date((this.opts.now ?? Date.now)()).toISOString(),
      };
      await writeJsonAtomically(this.linkFile, file);
      this.deskLink = file;
      return { ok: true, link: publicLink(file)! };
    } catch (err) {
      return failure(err);
    }
  }

  /**
   * One round for a desk: posts its file, checks the hub's answer is signed by the key the hub gave at
   * pairing and is for the same event, and returns it for the renderer to preview and apply.
   */
  async sync(args: { eventId: string; bytes: Uint8Array }): Promise<HubSyncResult> {
    const link = await this.loadLink();
    if (!link) return { ok: false, code: 'not-paired', message: 'Это устройство не подключено к хабу. Введите адрес хаба и PIN с его экрана.', offline: false };
    if (link.event.id !== args.eventId) {
      return {
        ok: false,
        code: 'wrong-event',
        message: `Хаб работает с мероприятием «${link.event.title}», а здесь открыто другое. Откройте «${link.event.title}», чтобы синхронизироваться.`,
        offline: false,
      };
    }
    const address = parseHubAddress(link.address)!;
    try {
      const bytes = await postSync(address, { token: link.token, deviceId: link.deviceId }, args.bytes, this.opts.clientTiming ?? DEFAULT_CLIENT_TIMING);
      const file = await openExchangeEnvelope(bytes, {
        verify: { knownKey: (id) => (id === link.hub.deviceId ? link.hub.publicKey : undefined), unknownSender: 'refuse' },
        expectEventId: link.event.id,
      });
      if (file.deviceId !== link.hub.deviceId) throw new ExchangeError('unknown-sender');
      return { ok: true, bytes };
    } catch (err) {
      return failure(err);
    }
  }

  /** Forgets the hub on this desk (the hub still lists it until «Отключить» is pressed there). */
  async forget(): Promise<HubStatus> {
    this.deskLink = null;
    await fs.rm(this.linkFile, { force: true });
    return this.status();
  }

  async status(): Promise<HubStatus> {
    return { host: await this.hostStatus(), link: publicLink(await this.loadLink()) };
  }
}

function publicLink(file: LinkFile | null): HubLinkStatus {
  if (!file) return null;
  return { address: file.address, hub: { deviceId: file.hub.deviceId, name: file.hub.name }, event: file.event, pairedAt: file.pairedAt };
}
