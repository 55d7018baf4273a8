import path from 'node:path';
import type { DeviceRole } from '../../shared/domain/types';
import type { HubDecision } from './approvals';
import type { HubHostStatus, HubPairResult, HubPairStarted, HubRequest, HubStatus, HubSyncResult } from '../../shared/ipc/contract';
import { said } from '../../shared/text/said';
import { BridgeError } from '../errors';
import { DEFAULT_CLIENT_TIMING, type ClientTiming } from './client';
import { DeskLink } from './desk-link';
import { lanAddresses, suggestedAddress } from './interfaces';
import { PairedDevices } from './paired-devices';
import { DEFAULT_HUB_PORT, type HubEvent, type HubIdentity } from './protocol';
import { DEFAULT_LINK_TIMING, RendererLink, type LinkAnswer, type RendererLinkOptions } from './renderer-link';
import { HubServer, type HubServerOptions } from './server';
import { loadOrCreateTlsIdentity, shortCode, type TlsIdentity } from './tls-identity';

/**
 * Everything the IPC handlers need, for both roles of a device:
 * - HOST: start/stop the server on the LAN address the organizer picked, PIN, devices waiting for
 *   «Разрешить», paired desks, and the long-poll link to this device's renderer;
 * - DESK: the hub this device is paired with (desk-link.ts) and the sync round trip.
 * A device is one or the other at a time: a hub that is also some other hub's desk would relay files
 * in circles for no gain, and the screens would be confusing.
 *
 * No Electron here either (dataDir is passed in), so tests drive this class directly.
 */
export type HubServiceOptions = {
  dataDir: string;
  /** Tests: listen here (127.0.0.1) whatever the renderer asks. The app leaves it unset. */
  listenHost?: string;
  now?: () => number;
  linkTiming?: RendererLinkOptions;
  clientTiming?: ClientTiming;
  /** The LAN addresses the organizer may pick from (injected in tests). */
  addresses?: () => string[];
  /** The default route's address (injected in tests). */
  defaultRoute?: () => Promise<string | null>;
  /** Server limits (tests make them small). */
  server?: Partial<Pick<HubServerOptions, 'limits' | 'connections' | 'timeouts' | 'bodyChecker'>>;
  approvalPollMs?: number;
};

/** A device as the renderer describes it over IPC. */
type HubDevice = { id: string; name: string; publicKey: string };

export class HubService {
  private server: HubServer | null = null;
  private link: RendererLink | null = null;
  private listening: string | null = null;
  private devices: PairedDevices | null = null;
  private identity: Promise<TlsIdentity> | null = null;
  readonly desk: DeskLink;

  constructor(private readonly opts: HubServiceOptions) {
    this.desk = new DeskLink({
      dataDir: opts.dataDir,
      tls: () => this.tls(),
      now: opts.now ?? Date.now,
      timing: opts.clientTiming ?? DEFAULT_CLIENT_TIMING,
      ...(opts.approvalPollMs ? { approvalPollMs: opts.approvalPollMs } : {}),
    });
  }

  /** This device's TLS identity, made on first use. */
  tls(): Promise<TlsIdentity> {
    this.identity ??= loadOrCreateTlsIdentity(this.opts.dataDir).catch((err: unknown) => {
      this.identity = null;
      throw err;
    });
    return this.identity;
  }

  private async pairedDevices(): Promise<PairedDevices> {
    this.devices ??= await PairedDevices.load(path.join(this.opts.dataDir, 'hub.json'));
    return this.devices;
  }

  private addresses(): string[] {
    return (this.opts.addresses ?? lanAddresses)();
  }

  // ── host ──────────────────────────────────────────────────────────────────────────────────────

  async start(args: { port: number; address?: string | undefined; device: HubDevice; event: HubEvent; eventKey: string }): Promise<HubStatus> {
    if (await this.desk.load()) {
      throw new BridgeError('forbidden', said('hubLink:host.pairedAsDesk'));
    }
    const host = this.opts.listenHost ?? (await this.pickAddress(args.address));
    if (this.server) await this.stop();
    const devices = await this.pairedDevices();
    const link = new RendererLink(this.opts.linkTiming ?? DEFAULT_LINK_TIMING);
    const identity: HubIdentity = { deviceId: args.device.id, name: args.device.name, publicKey: args.device.publicKey };
    const server = new HubServer({
      identity,
      tls: await this.tls(),
      event: args.event,
      eventKey: args.eventKey,
      devices,
      link,
      ...(this.opts.now ? { now: this.opts.now } : {}),
      ...this.opts.server,
    });
    try {
      await server.listen(args.port, host);
    } catch (err) {
      link.close();
      await server.close();
      const code = (err as NodeJS.ErrnoException).code;
      // ports as text: a port is a name, not a quantity («47800», never «47 800»)
      const port = String(args.port);
      if (code === 'EADDRINUSE') throw new BridgeError('io', said('hubLink:host.portBusy', { port, next: String(args.port + 1) }));
      if (code === 'EACCES') throw new BridgeError('io', said('hubLink:host.portDenied', { port, suggested: String(DEFAULT_HUB_PORT) }));
      if (code === 'EADDRNOTAVAIL') throw new BridgeError('io', said('hubLink:host.addressGone', { address: host }));
      throw err;
    }
    this.server = server;
    this.link = link;
    this.listening = host;
    await devices.setPort(args.port).catch((err: unknown) => console.error('[skhod:hub] cannot remember the port', err));
    return this.status();
  }

  /** The organizer's pick, checked to be this computer's LAN address; none: the default route's. */
  private async pickAddress(asked: string | undefined): Promise<string> {
    const addresses = this.addresses();
    if (asked !== undefined) {
      if (addresses.includes(asked)) return asked;
      throw new BridgeError('invalid-args', said('hubLink:host.notOurAddress', { address: asked }));
    }
    const suggested = await suggestedAddress(addresses, this.opts.defaultRoute);
    if (suggested) return suggested;
    throw new BridgeError('io', said('hubLink:host.noNetwork'));
  }

  async stop(): Promise<HubStatus> {
    const server = this.server;
    this.server = null;
    this.link = null;
    this.listening = null;
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

  /** «Разрешить» with a role, or «Отклонить». */
  async decide(args: { pairingId: string } & HubDecision): Promise<HubStatus> {
    const { pairingId, ...decision } = args;
    const done = this.server?.decide(pairingId, decision) ?? false;
    if (!done) throw new BridgeError('invalid-args', said('hubLink:host.approvalGone'));
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
    const addresses = this.addresses();
    return {
      running: server !== null,
      port: server?.port ?? devices.port ?? DEFAULT_HUB_PORT,
      address: server ? this.listening : await suggestedAddress(addresses, this.opts.defaultRoute),
      addresses,
      code: server ? (await this.tls()).code : null,
      pin: server?.pin ?? null,
      approvals: (server?.pendingApprovals() ?? []).map((p) => ({
        pairingId: p.id,
        deviceId: p.device.id,
        publicKey: p.device.publicKey,
        name: p.device.name,
        requestedRole: p.device.role,
        code: shortCode(p.clientFingerprint),
        address: p.address,
        requestedAt: new Date(p.requestedAt).toISOString(),
      })),
      event: server?.event ?? null,
      serving: this.link?.serving ?? false,
      paired: devices.list().map((d) => {
        const seen = server?.lastActivity(d.deviceId);
        return {
          deviceId: d.deviceId,
          name: d.name,
          role: d.role,
          code: shortCode(d.clientFingerprint),
          pairedAt: d.pairedAt,
          ...(seen ? { lastSyncAt: seen.at, lastAddress: seen.address } : {}),
        };
      }),
    };
  }

  // ── desk ──────────────────────────────────────────────────────────────────────────────────────

  async pair(args: { address: string; pin: string; device: HubDevice & { role: DeviceRole } }): Promise<HubPairStarted> {
    if (this.server) throw new BridgeError('forbidden', said('hubLink:host.hubRunning'));
    return this.desk.pair(args);
  }

  confirmPair(pairingId: string): Promise<HubPairResult> {
    return this.desk.confirm(pairingId);
  }

  sync(args: { eventId: string; bytes: Uint8Array }): Promise<HubSyncResult> {
    return this.desk.sync(args);
  }

  /** Forgets the hub on this desk (the hub still lists it until «Отключить» is pressed there). */
  async forget(): Promise<HubStatus> {
    await this.desk.forget();
    return this.status();
  }

  async status(): Promise<HubStatus> {
    const link = await this.desk.status();
    return { host: await this.hostStatus(), link, notice: this.desk.notice };
  }
}
