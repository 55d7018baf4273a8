/**
 * The desk's side of the hub in the main process: pairing in two steps (PIN → codes compared by the
 * operators → «Разрешить» on the hub), the saved link (userData/hub-link.json: address, token, the
 * PINNED hub certificate and the role the hub granted — none of it leaves the main process except the
 * public parts), and the sync round trip with a request counter.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { deviceRoles, type DeviceRole } from '../../shared/domain/types';
import type { HubFailure, HubLinkStatus, HubPairResult, HubPairStarted, HubSyncResult, Worded } from '../../shared/ipc/contract';
import { said, worded, type Said } from '../../shared/text/said';
import { ExchangeError, openExchangeEnvelope } from '../../shared/sync/exchange-file';
import { formatHubAddress, HubClientError, pairWithHub, parseHubAddress, postSync, waitForApproval, type ClientTiming, type HubAddress, type PinnedHub } from './client';
import { readJsonFile, writeJsonAtomically } from './json-store';
import type { HubEvent, HubIdentity } from './protocol';
import { shortCode, type TlsIdentity } from './tls-identity';

const linkFileSchema = z.object({
  version: z.literal(2),
  address: z.string().max(200),
  token: z.string().min(20).max(200),
  deviceId: z.string().min(1).max(100),
  hub: z.object({ deviceId: z.string().min(1).max(100), name: z.string().max(100), publicKey: z.string().max(200) }),
  /** The hub's certificate, pinned after the operators compared its code. */
  hubCert: z.object({ cert: z.string().min(100).max(10_000), fingerprint: z.string().regex(/^[0-9a-f]{64}$/) }),
  role: z.enum(deviceRoles),
  event: z.object({ id: z.string().min(1).max(100), title: z.string().max(300) }),
  pairedAt: z.string().max(40),
});
type LinkFile = z.infer<typeof linkFileSchema>;

export const OLD_LINK_NOTICE = said('hubLink:desk.oldLink');

/** Outcomes the desk retries by itself; the rest need a person (pair again, open the other event). */
const OFFLINE = new Set(['unreachable', 'timeout', 'busy', 'not-serving']);

/** The words of an error that carries a `Said` or only text (an older hub's). */
const wordsOf = (err: { message: string; said?: Said | undefined }): Worded => (err.said ? worded(err.said) : { message: err.message });

/** A failure of the desk's own making: it needs a person (pair again, open the other event). */
const refusal = (code: string, s: Said): HubFailure => ({ ok: false, code, ...worded(s), offline: false });

export function failure(err: unknown): HubFailure {
  if (err instanceof HubClientError) return { ok: false, code: err.code, ...wordsOf(err), offline: OFFLINE.has(err.code) };
  if (err instanceof ExchangeError) return { ok: false, code: 'refused', ...wordsOf(err), offline: false };
  throw err;
}

type Pending = { pairingId: string; address: HubAddress; deviceId: string; hub: HubIdentity; hubCert: PinnedHub; event: HubEvent };

export type DeskLinkOptions = {
  dataDir: string;
  tls: () => Promise<TlsIdentity>;
  now: () => number;
  timing: ClientTiming;
  /** Between two «разрешил ли оператор?» questions, and how long to wait for the answer in all. */
  approvalPollMs?: number;
  approvalWaitMs?: number;
};

export class DeskLink {
  private link: LinkFile | null | undefined = undefined;
  private pending: Pending | null = null;
  private counter = 0;
  /** Set when a pre-TLS link file was dropped: told to the desk once. */
  notice: Worded | null = null;

  constructor(private readonly opts: DeskLinkOptions) {}

  private get file() {
    return path.join(this.opts.dataDir, 'hub-link.json');
  }

  async load(): Promise<LinkFile | null> {
    if (this.link === undefined) {
      this.link =
        (await readJsonFile(this.file, (raw) => {
          const parsed = linkFileSchema.safeParse(raw);
          if (!parsed.success && (raw as { version?: unknown } | null)?.version === 1) this.notice = worded(OLD_LINK_NOTICE);
          return parsed.success ? parsed.data : undefined;
        })) ?? null;
    }
    return this.link;
  }

  async status(): Promise<HubLinkStatus> {
    const file = await this.load();
    if (!file) return null;
    return {
      address: file.address,
      hub: { deviceId: file.hub.deviceId, name: file.hub.name, code: shortCode(file.hubCert.fingerprint) },
      role: file.role,
      event: file.event,
      pairedAt: file.pairedAt,
    };
  }

  /** Step 1: the PIN goes to whoever answers at `address`; its certificate's code is shown, not trusted yet. */
  async pair(args: { address: string; pin: string; device: { id: string; name: string; role: DeviceRole; publicKey: string } }): Promise<HubPairStarted> {
    const address = parseHubAddress(args.address);
    if (!address) {
      return refusal('bad-address', said('hubLink:desk.badAddress'));
    }
    try {
      const me = await this.opts.tls();
      const { answer, hub } = await pairWithHub(address, { pin: args.pin, device: args.device }, me, this.opts.timing);
      this.pending = { pairingId: answer.pairingId, address, deviceId: args.device.id, hub: answer.hub, hubCert: hub, event: answer.event };
      this.notice = null;
      return { ok: true, pending: { pairingId: answer.pairingId, hubName: answer.hub.name, hubCode: shortCode(hub.fingerprint), deskCode: me.code, event: answer.event } };
    } catch (err) {
      return failure(err);
    }
  }

  /**
   * Step 2, after this desk's operator saw the hub's code match: asks the hub (pinned to that
   * certificate now) until its operator decides, then saves the link with the granted role.
   */
  async confirm(pairingId: string): Promise<HubPairResult> {
    const pending = this.pending;
    if (!pending || pending.pairingId !== pairingId) {
      return refusal('not-found', said('hubLink:desk.notStarted'));
    }
    const me = await this.opts.tls();
    const deadline = this.opts.now() + (this.opts.approvalWaitMs ?? 180_000);
    try {
      for (;;) {
        const answer = await waitForApproval(pending.address, pairingId, pending.hubCert, me, this.opts.timing);
        if (answer.state === 'approved') {
          const link = (await this.save(pending, answer.token, answer.role))!;
          // an enrolment is passed on only from the event's root itself: the hub whose key this desk pinned
          const grant = answer.grant;
          const fromRoot = grant && grant.root.eventId === pending.event.id && grant.root.deviceId === pending.hub.deviceId && grant.root.publicKey === pending.hub.publicKey;
          return { ok: true, link, ...(fromRoot ? { grant } : {}) };
        }
        if (this.pending !== pending) return refusal('cancelled', said('hubLink:desk.cancelled'));
        if (this.opts.now() > deadline) {
          return refusal('timeout', said('hubLink:desk.notApproved'));
        }
        await new Promise((r) => setTimeout(r, this.opts.approvalPollMs ?? 1_000));
      }
    } catch (err) {
      return failure(err);
    } finally {
      if (this.pending === pending) this.pending = null;
    }
  }

  private async save(pending: Pending, token: string, role: DeviceRole): Promise<HubLinkStatus> {
    const file: LinkFile = {
      version: 2,
      address: formatHubAddress(pending.address),
      token,
      deviceId: pending.deviceId,
      hub: pending.hub,
      hubCert: pending.hubCert,
      role,
      event: pending.event,
      pairedAt: new Date(this.opts.now()).toISOString(),
    };
    await writeJsonAtomically(this.file, file);
    this.link = file;
    return this.status();
  }

  /**
   * One round: posts the desk's file to the pinned hub with the next counter, checks the answer is
   * signed by the hub's key and is for the same event, and returns it for the renderer to apply.
   */
  async sync(args: { eventId: string; bytes: Uint8Array }): Promise<HubSyncResult> {
    const link = await this.load();
    if (!link) return { ok: false, code: 'not-paired', ...(this.notice ?? worded(said('hubLink:desk.notPaired'))), offline: false };
    if (link.event.id !== args.eventId) return refusal('wrong-event', said('hubLink:desk.wrongEvent', { title: link.event.title }));
    // Above every counter this desk sent before, across restarts too: time-based, never repeating.
    this.counter = Math.max(this.counter + 1, this.opts.now());
    try {
      const me = await this.opts.tls();
      const auth = { token: link.token, deviceId: link.deviceId, counter: this.counter };
      const bytes = await postSync(parseHubAddress(link.address)!, auth, link.hubCert, me, args.bytes, this.opts.timing);
      // signed by the pinned hub's key, for this event; the renderer opens it with the event key and
      // verifies every author batch (renderer/db/repo/exchange.ts), as for a file from a USB stick
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

  /** Forgets the hub (and a pairing in progress) on this desk; the hub lists it until «Отключить» there. */
  async forget(): Promise<void> {
    this.link = null;
    this.pending = null;
    await fs.rm(this.file, { force: true });
  }
}
