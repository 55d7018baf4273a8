import http from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import { ExchangeError } from '../../shared/sync/exchange-file';
import { said } from '../../shared/text/said';
import { Approvals, type HubDecision, type PendingPairing } from './approvals';
import { BodyChecker, DEFAULT_BODY_CHECKER, type BodyCheckerOptions } from './body-checker';
import { ConnectionGuard, DEFAULT_CONNECTION_LIMITS, type ConnectionLimits } from './connections';
import { HttpFailure, readBody, sendFailure, sendJson } from './http-util';
import type { PairedDevices } from './paired-devices';
import { DEFAULT_LIMITS, PairingLimiter, type LimiterOptions } from './pairing-limiter';
import {
  COUNTER_HEADER,
  DEVICE_HEADER,
  HUB_PROTOCOL,
  MAX_PAIR_BODY,
  MAX_SYNC_BODY,
  PAIR_PATH,
  PAIR_WAIT_PATH,
  pairRequestSchema,
  pairWaitRequestSchema,
  SYNC_PATH,
  type HubErrorCode,
  type HubEvent,
  type HubIdentity,
  type PairedDevice,
  type PairResponse,
  type PairWaitResponse,
} from './protocol';
import { LinkError, type RendererLink } from './renderer-link';
import { hashToken, newPin, newToken, sameSecret } from './secrets';
import { certFingerprint, type TlsIdentity } from './tls-identity';

/**
 * The hub's HTTPS server (protocol.ts has the wire format). Pure Node: no Electron here, so the unit
 * tests run this very server on 127.0.0.1.
 *
 * Layers, outermost first: connection caps (connections.ts) on raw TCP; TLS 1.3 with a client
 * certificate asked of every peer; HTTP with header/body timeouts of seconds. Order of checks for a
 * sync, cheapest and most telling first: token + device + certificate, the counter (before a byte of
 * the body is read), the declared size, the body under a cap and a time limit, then the file itself
 * in a worker thread (signature, inflate and shape limits, parse), the event — and only then the hub's
 * database (the renderer).
 */
export type HubTimeouts = { headersMs: number; pairBodyMs: number; syncBodyMs: number; keepAliveMs: number };

export const DEFAULT_TIMEOUTS: HubTimeouts = { headersMs: 5_000, pairBodyMs: 5_000, syncBodyMs: 30_000, keepAliveMs: 5_000 };

export type HubServerOptions = {
  identity: HubIdentity;
  tls: TlsIdentity;
  event: HubEvent;
  /** The event key (shared/trust/event-key.ts): desks' files are sealed with it; never sent to anyone. */
  eventKey: string;
  devices: PairedDevices;
  link: RendererLink;
  now?: () => number;
  limits?: Partial<Omit<LimiterOptions, 'now'>>;
  connections?: Partial<ConnectionLimits>;
  timeouts?: Partial<HubTimeouts>;
  bodyChecker?: Partial<BodyCheckerOptions>;
  maxSyncBody?: number;
  /** Requests waiting for the hub's database beyond this many are answered «занят» at once. */
  maxQueue?: number;
  /** Called after anything the hub's screen shows changed (a request to approve, a desk synced, the PIN). */
  onChange?: () => void;
};

export type DeskActivity = { at: string; address: string; received: number };

/** The hub's refusals (hubLink catalog), sent as a code and a `Said`: the desk words them in its own language. */
const MSG = {
  badRequest: said('hubLink:badRequest'),
  wrongPin: said('hubLink:wrongPin'),
  tooMany: (seconds: number) => said('hubLink:tooManyAttempts', { seconds }),
  selfPair: said('hubLink:selfPair'),
  refused: said('hubLink:pairingRefused'),
  expired: said('hubLink:pairingExpired'),
  unauthorized: said('hubLink:unauthorized'),
  replay: said('hubLink:replay'),
  foreignKey: said('hubLink:foreignKey'),
  wrongEvent: (title: string) => said('hubLink:wrongEvent', { title }),
  busy: said('hubLink:busy'),
  notFound: said('hubLink:notFound'),
  internal: said('hubLink:internal'),
};

export class HubServer {
  private tcp: net.Server | null = null;
  private readonly http: http.Server;
  private readonly secure: tls.SecureContext;
  private readonly guard: ConnectionGuard;
  private readonly rawOf = new WeakMap<net.Socket, net.Socket>();
  private currentPin = newPin();
  private readonly limiter: PairingLimiter;
  private readonly approvals: Approvals;
  private readonly checker: BodyChecker;
  private readonly timeouts: HubTimeouts;
  private queue: Promise<unknown> = Promise.resolve();
  private queued = 0;
  private readonly activity = new Map<string, DeskActivity>();
  private readonly now: () => number;

  constructor(private readonly opts: HubServerOptions) {
    this.now = opts.now ?? Date.now;
    this.limiter = new PairingLimiter({ ...DEFAULT_LIMITS, ...opts.limits, now: this.now });
    this.approvals = new Approvals(this.now);
    this.checker = new BodyChecker({ ...DEFAULT_BODY_CHECKER, ...opts.bodyChecker });
    this.guard = new ConnectionGuard({ ...DEFAULT_CONNECTION_LIMITS, ...opts.connections });
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...opts.timeouts };
    // SECURITY: TLS 1.3 only (both ends are Сход); every peer is asked for its certificate, which the
    // handlers compare with the pinned one — the self-made certificates are not checked against a CA.
    this.secure = tls.createSecureContext({ key: opts.tls.key, cert: opts.tls.cert, minVersion: 'TLSv1.3' });
    // This http.Server never listens itself (accept() hands it finished TLS sockets), so Node's own
    // header/request timeouts, which start with 'listening', do not run: `deadline` does that job.
    this.http = http.createServer((req, res) => {
      this.deadline(req.socket, null);
      res.on('finish', () => this.deadline(req.socket, this.timeouts.keepAliveMs));
      void this.handle(req, res);
    });
    this.http.maxHeadersCount = 50;
  }

  get pin(): string {
    return this.currentPin;
  }

  get identity(): HubIdentity {
    return this.opts.identity;
  }

  get event(): HubEvent {
    return this.opts.event;
  }

  /** Figures for tests and the log: PIN checks admitted, connections dropped by the caps, open now. */
  get stats(): { pinChecks: number; droppedConnections: number; openConnections: number } {
    return { pinChecks: this.limiter.admitted, droppedConnections: this.guard.dropped, openConnections: this.guard.size };
  }

  /** Port actually bound (the one asked for, or the ephemeral one for port 0); null when stopped. */
  get port(): number | null {
    const addr = this.tcp?.address();
    return addr && typeof addr === 'object' ? addr.port : null;
  }

  /** Last successful sync per desk, for the hub's list (memory only: it changes every few seconds). */
  lastActivity(deviceId: string): DeskActivity | undefined {
    return this.activity.get(deviceId);
  }

  /** «Новый PIN» on the hub's screen. Wrong guesses never change the PIN (pairing-limiter.ts says why). */
  rotatePin(): string {
    this.currentPin = newPin();
    this.opts.onChange?.();
    return this.currentPin;
  }

  /** Devices waiting for «Разрешить», oldest first. */
  pendingApprovals(): PendingPairing[] {
    return this.approvals.waiting();
  }

  /**
   * The operator's «Разрешить» (with the role granted) or «Отклонить». The device collects the answer
   * on its next /pair/wait; only then is it stored as paired. False: the request is gone.
   */
  decide(pairingId: string, decision: HubDecision): boolean {
    const ok = this.approvals.decide(pairingId, decision);
    if (ok) this.opts.onChange?.();
    return ok;
  }

  /**
   * Starts listening on `host`, which the caller chose (the organizer's LAN interface; 127.0.0.1 in
   * tests) — never all interfaces by default. Rejects with the errno error (EADDRINUSE, EACCES).
   */
  listen(port: number, host: string): Promise<number> {
    if (this.tcp) return Promise.reject(new Error('hub server already listening'));
    const tcp = net.createServer((raw) => this.accept(raw));
    return new Promise((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      tcp.once('error', onError);
      tcp.listen({ port, host, exclusive: true }, () => {
        tcp.off('error', onError);
        tcp.on('error', (err) => console.error('[skhod:hub] server error', err));
        this.tcp = tcp;
        resolve((tcp.address() as net.AddressInfo).port);
      });
    });
  }

  /** Stops accepting, drops open connections and fails requests waiting for the renderer. */
  async close(): Promise<void> {
    const tcp = this.tcp;
    this.tcp = null;
    this.opts.link.close();
    await this.checker.close();
    if (!tcp) return;
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => {
      tcp.close(() => resolve());
      this.guard.destroyAll();
    });
  }

  /** A raw TCP connection: caps, then the TLS handshake within seconds, then HTTP. */
  private accept(raw: net.Socket): void {
    if (!this.guard.admit(raw)) return;
    raw.on('error', () => raw.destroy());
    const socket = new tls.TLSSocket(raw, { isServer: true, secureContext: this.secure, requestCert: true, rejectUnauthorized: false });
    const timer = setTimeout(() => raw.destroy(), this.guard.handshakeMs);
    // a plain-HTTP client, a scanner or a failed handshake ends here, before any HTTP is parsed
    socket.on('error', () => socket.destroy());
    socket.once('secure', () => {
      clearTimeout(timer);
      this.rawOf.set(socket, raw);
      this.deadline(socket, this.timeouts.headersMs);
      this.http.emit('connection', socket);
    });
    raw.once('close', () => clearTimeout(timer));
  }

  /**
   * A connection must bring a request's headers within `ms` of TLS (or of the previous answer, on a
   * kept-alive connection), or it is closed; `null` while a request is being handled (its body has
   * its own limit in readBody). Seconds, so slow clients cannot hold connections.
   */
  private readonly deadlines = new WeakMap<net.Socket, ReturnType<typeof setTimeout>>();
  private deadline(socket: net.Socket, ms: number | null): void {
    clearTimeout(this.deadlines.get(socket));
    if (ms === null || socket.destroyed) return;
    const timer = setTimeout(() => socket.destroy(), ms);
    timer.unref();
    this.deadlines.set(socket, timer);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    try {
      const path = (req.url ?? '/').split('?')[0];
      if (req.method === 'POST' && path === PAIR_PATH) return await this.pair(req, res);
      if (req.method === 'POST' && path === PAIR_WAIT_PATH) return await this.pairWait(req, res);
      if (req.method === 'POST' && path === SYNC_PATH) return await this.sync(req, res);
      throw new HttpFailure(404, 'not-found', MSG.notFound);
    } catch (err) {
      if (err instanceof HttpFailure) return sendFailure(req, res, err);
      // the client went away mid-request (a dropped or evicted connection): nobody to answer
      if (req.destroyed || res.destroyed) return;
      console.error('[skhod:hub] request failed', err);
      sendFailure(req, res, new HttpFailure(500, 'refused', MSG.internal));
    }
  }

  /** SHA-256 of the peer's TLS certificate, or 400 (a Сход desk always presents one). */
  private clientFingerprint(req: http.IncomingMessage): string {
    const cert = (req.socket as tls.TLSSocket).getPeerCertificate?.();
    if (!cert?.raw) throw new HttpFailure(400, 'bad-request', MSG.badRequest);
    return certFingerprint(cert.raw);
  }

  private async readJson<T>(req: http.IncomingMessage, schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false } }): Promise<T> {
    const body = await readBody(req, MAX_PAIR_BODY, this.timeouts.pairBodyMs);
    let parsed;
    try {
      parsed = schema.safeParse(JSON.parse(body.toString('utf8')));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) throw new HttpFailure(400, 'bad-request', MSG.badRequest);
    return parsed.data;
  }

  private async pair(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const address = req.socket.remoteAddress ?? 'unknown';
    const clientFingerprint = this.clientFingerprint(req);
    // Counted HERE, before the body is read: slow bodies cannot multiply the checks.
    const verdict = this.limiter.admit(address);
    if (!verdict.ok) {
      throw new HttpFailure(429, 'too-many-attempts', MSG.tooMany(verdict.retryAfterSec), { 'retry-after': String(verdict.retryAfterSec) });
    }
    const { pin, device } = await this.readJson(req, pairRequestSchema);
    if (device.id === this.opts.identity.deviceId) throw new HttpFailure(400, 'bad-request', MSG.selfPair);
    if (!sameSecret(pin, this.currentPin)) {
      this.limiter.failed();
      throw new HttpFailure(403, 'wrong-pin', MSG.wrongPin);
    }
    this.limiter.succeeded();
    // single-use: the PIN on the screen changes the moment it has been used
    this.currentPin = newPin();
    const pending = this.approvals.add({ device, clientFingerprint, address });
    this.opts.onChange?.();
    const answer: PairResponse = { protocol: HUB_PROTOCOL, pairingId: pending.id, hub: this.opts.identity, event: this.opts.event };
    sendJson(res, 202, answer);
  }

  /** The desk asks whether the operator decided; the token goes out once, to the same certificate. */
  private async pairWait(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const clientFingerprint = this.clientFingerprint(req);
    const { pairingId } = await this.readJson(req, pairWaitRequestSchema);
    const pending = this.approvals.get(pairingId);
    if (!pending || pending.clientFingerprint !== clientFingerprint) throw new HttpFailure(404, 'not-found', MSG.expired);
    if (pending.state === 'waiting') return sendJson(res, 200, { state: 'waiting' } satisfies PairWaitResponse);
    this.approvals.remove(pairingId);
    if (pending.state === 'refused') throw new HttpFailure(403, 'pairing-refused', MSG.refused);
    const token = newToken();
    const role = pending.grantedRole!;
    const paired: PairedDevice = {
      deviceId: pending.device.id,
      name: pending.device.name,
      role,
      publicKey: pending.device.publicKey,
      tokenHash: hashToken(token),
      clientFingerprint,
      pairedAt: new Date(this.now()).toISOString(),
      lastCounter: 0,
    };
    // Persisted before the token is handed out: a token the desk holds always survives a hub restart.
    await this.opts.devices.put(paired);
    this.opts.onChange?.();
    sendJson(res, 200, { state: 'approved', token, role, ...(pending.grant ? { grant: pending.grant } : {}) } satisfies PairWaitResponse);
  }

  /** The paired device the request belongs to, or 401: token, device id AND certificate must all match. */
  private authenticate(req: http.IncomingMessage): PairedDevice {
    const auth = req.headers.authorization ?? '';
    const deviceId = req.headers[DEVICE_HEADER];
    const m = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(auth);
    const device = typeof deviceId === 'string' ? this.opts.devices.get(deviceId) : undefined;
    // The hash is compared even when the device is unknown, so timing does not tell which ids exist.
    const presented = hashToken(m?.[1] ?? '');
    const ok = sameSecret(presented, device?.tokenHash ?? '0'.repeat(64));
    const cert = (req.socket as tls.TLSSocket).getPeerCertificate?.();
    const sameCert = !!cert?.raw && device !== undefined && sameSecret(certFingerprint(cert.raw), device.clientFingerprint);
    if (!m || !device || !ok || !sameCert) throw new HttpFailure(401, 'unauthorized', MSG.unauthorized);
    return device;
  }

  private async sync(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const device = this.authenticate(req);
    const raw = this.rawOf.get(req.socket as net.Socket);
    if (raw) this.guard.trust(raw);
    const counter = Number(req.headers[COUNTER_HEADER]);
    if (!Number.isSafeInteger(counter) || !this.opts.devices.acceptCounter(device.deviceId, counter)) throw new HttpFailure(409, 'replay', MSG.replay);
    const bytes = await readBody(req, this.opts.maxSyncBody ?? MAX_SYNC_BODY, this.timeouts.syncBodyMs);
    const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);

    let summary;
    try {
      summary = await this.checker.check(view, { deviceId: device.deviceId, publicKey: device.publicKey }, { eventId: this.opts.event.id, eventKey: this.opts.eventKey });
    } catch (err) {
      if (err instanceof ExchangeError && err.code === 'wrong-event') throw new HttpFailure(409, 'wrong-event', MSG.wrongEvent(this.opts.event.title));
      if (err instanceof ExchangeError && err.code === 'unknown-sender') throw new HttpFailure(403, 'unauthorized', MSG.foreignKey);
      if (err instanceof ExchangeError) throw new HttpFailure(422, 'refused', err.said ?? err.message);
      throw err;
    }
    if (summary.eventId !== this.opts.event.id) throw new HttpFailure(409, 'wrong-event', MSG.wrongEvent(this.opts.event.title));

    const answer = await this.serialized(() =>
      this.opts.link.request({ deviceId: device.deviceId, deviceName: device.name, role: device.role, bytes: view }),
    );
    this.activity.set(device.deviceId, { at: new Date(this.now()).toISOString(), address: req.socket.remoteAddress ?? '', received: summary.changes });
    this.opts.onChange?.();
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(answer.byteLength), 'cache-control': 'no-store' });
    res.end(answer);
  }

  /** One desk's file at a time reaches the hub's database; a long queue is refused, not grown. */
  private serialized(task: () => Promise<Uint8Array>): Promise<Uint8Array> {
    if (this.queued >= (this.opts.maxQueue ?? 16)) return Promise.reject(new HttpFailure(503, 'busy', MSG.busy));
    this.queued += 1;
    const run = this.queue.then(task).finally(() => {
      this.queued -= 1;
    });
    this.queue = run.catch(() => undefined);
    return run.catch((err: unknown) => {
      if (err instanceof LinkError) {
        const status = err.kind === 'refused' ? 422 : 503;
        const code: HubErrorCode = err.kind === 'refused' ? 'refused' : err.kind === 'timeout' ? 'timeout' : 'not-serving';
        // the hub's window refusing a file gives its reason as data when it has one, else its words
        throw new HttpFailure(status, code, err.said ?? err.message);
      }
      throw err;
    });
  }
}
