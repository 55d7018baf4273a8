import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ExchangeError, openExchangeEnvelope } from '../../shared/sync/exchange-file';
import type { PairedDevices } from './paired-devices';
import { DEFAULT_LIMITS, PairingLimiter, type LimiterOptions } from './pairing-limiter';
import {
  DEVICE_HEADER,
  HUB_PROTOCOL,
  MAX_PAIR_BODY,
  MAX_SYNC_BODY,
  PAIR_PATH,
  pairRequestSchema,
  SYNC_PATH,
  type HubErrorCode,
  type HubEvent,
  type HubIdentity,
  type PairedDevice,
  type PairResponse,
} from './protocol';
import { LinkError, type RendererLink } from './renderer-link';
import { hashToken, newPin, newToken, sameSecret } from './secrets';

/**
 * The hub's HTTP server (protocol.ts has the wire format). Pure Node: no Electron here, so the unit
 * tests run this very server on 127.0.0.1.
 *
 * Order of checks for a sync request, cheapest and most telling first: the token and the device it
 * belongs to (before a byte of the body is read), the declared size, the body under a hard cap, the
 * file's signature against the key given at pairing, the event — and only then the hub's database.
 */
export type HubServerOptions = {
  identity: HubIdentity;
  event: HubEvent;
  devices: PairedDevices;
  link: RendererLink;
  now?: () => number;
  limits?: Partial<Omit<LimiterOptions, 'now'>>;
  maxSyncBody?: number;
  /** Requests waiting for the hub's database beyond this many are answered «занят» at once. */
  maxQueue?: number;
  /** Called after anything the hub's screen shows changed (a desk paired or synced, the PIN). */
  onChange?: () => void;
};

export type DeskActivity = { at: string; address: string; received: number };

const MSG = {
  badRequest: 'Запрос к хабу не понят. Обновите Сход на этом устройстве до той же версии, что и на хабе.',
  wrongPin: 'Неверный PIN. Проверьте шесть цифр на экране хаба и введите их снова.',
  tooMany: (sec: number) => `Слишком много попыток с неверным PIN. Подождите ${sec} с и введите PIN с экрана хаба.`,
  selfPair: 'Это устройство само работает хабом — к себе подключаться не нужно.',
  unauthorized:
    'Хаб не знает это устройство: оно не подключено или его отключили на хабе. Подключитесь заново — введите адрес хаба и PIN с его экрана.',
  foreignKey:
    'Данные подписаны не тем ключом, который это устройство дало хабу при подключении. Подключитесь к хабу заново; до тех пор обменивайтесь файлами.',
  wrongEvent: (title: string) =>
    `Хаб работает с мероприятием «${title}», а на этом устройстве открыто другое. Откройте «${title}» (если его здесь нет, получите его файлом обмена от организатора).`,
  tooLarge: 'Данные слишком велики для передачи через хаб. Передайте их файлом обмена (раздел «Обмен»).',
  busy: 'Хаб занят обработкой данных других стоек. Синхронизация повторится через несколько секунд.',
  notFound: 'Такого адреса у хаба нет. Проверьте, что введён адрес хаба Сход, а не другой программы.',
  internal: 'На хабе произошла ошибка. Синхронизация повторится; если ошибка не пройдёт, передайте данные файлом.',
};

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: HubErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export class HubServer {
  private server: http.Server | null = null;
  private currentPin = newPin();
  private readonly limiter: PairingLimiter;
  private queue: Promise<unknown> = Promise.resolve();
  private queued = 0;
  private readonly activity = new Map<string, DeskActivity>();
  private readonly now: () => number;

  constructor(private readonly opts: HubServerOptions) {
    this.now = opts.now ?? Date.now;
    this.limiter = new PairingLimiter({ ...DEFAULT_LIMITS, ...opts.limits, now: this.now });
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

  /** Port actually bound (the one asked for, or the ephemeral one for port 0); null when stopped. */
  get port(): number | null {
    const addr = this.server?.address();
    return addr && typeof addr === 'object' ? (addr as AddressInfo).port : null;
  }

  /** Last successful sync per desk, for the hub's list (memory only: it changes every few seconds). */
  lastActivity(deviceId: string): DeskActivity | undefined {
    return this.activity.get(deviceId);
  }

  rotatePin(): string {
    this.currentPin = newPin();
    this.limiter.pinChanged();
    this.opts.onChange?.();
    return this.currentPin;
  }

  /**
   * Starts listening. `host` '0.0.0.0' (all IPv4 interfaces) is what desks on the LAN need; tests bind
   * 127.0.0.1. Rejects with the errno error (EADDRINUSE, EACCES) for the caller to explain.
   */
  listen(port: number, host = '0.0.0.0'): Promise<number> {
    if (this.server) return Promise.reject(new Error('hub server already listening'));
    const server = http.createServer((req, res) => void this.handle(req, res));
    // Slow or silent clients must not hold sockets forever: headers within 10 s, a whole request
    // (a large first sync over a slow Wi-Fi) within 2 minutes, idle keep-alive sockets closed after 5 s.
    server.headersTimeout = 10_000;
    server.requestTimeout = 120_000;
    server.keepAliveTimeout = 5_000;
    server.maxHeadersCount = 50;
    return new Promise((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      server.once('error', onError);
      server.listen({ port, host, exclusive: true }, () => {
        server.off('error', onError);
        server.on('error', (err) => console.error('[skhod:hub] server error', err));
        this.server = server;
        resolve((server.address() as AddressInfo).port);
      });
    });
  }

  /** Stops accepting, drops open connections and fails requests waiting for the renderer. */
  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.opts.link.close();
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    try {
      const path = (req.url ?? '/').split('?')[0];
      if (req.method === 'POST' && path === PAIR_PATH) return await this.pair(req, res);
      if (req.method === 'POST' && path === SYNC_PATH) return await this.sync(req, res);
      throw new HttpFailure(404, 'not-found', MSG.notFound);
    } catch (err) {
      if (err instanceof HttpFailure) return this.fail(req, res, err);
      console.error('[skhod:hub] request failed', err);
      this.fail(req, res, new HttpFailure(500, 'refused', MSG.internal));
    }
  }

  private async pair(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const address = req.socket.remoteAddress ?? 'unknown';
    const verdict = this.limiter.check(address);
    if (!verdict.ok) {
      throw new HttpFailure(429, 'too-many-attempts', MSG.tooMany(verdict.retryAfterSec), { 'retry-after': String(verdict.retryAfterSec) });
    }
    const body = await readBody(req, MAX_PAIR_BODY);
    let parsed;
    try {
      parsed = pairRequestSchema.safeParse(JSON.parse(body.toString('utf8')));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) throw new HttpFailure(400, 'bad-request', MSG.badRequest);
    const { pin, device } = parsed.data;
    if (device.id === this.opts.identity.deviceId) throw new HttpFailure(400, 'bad-request', MSG.selfPair);
    if (!sameSecret(pin, this.currentPin)) {
      if (this.limiter.fail(address)) this.rotatePin();
      throw new HttpFailure(403, 'wrong-pin', MSG.wrongPin);
    }
    this.limiter.succeed(address);
    const token = newToken();
    const paired: PairedDevice = {
      deviceId: device.id,
      name: device.name,
      role: device.role,
      publicKey: device.publicKey,
      tokenHash: hashToken(token),
      pairedAt: new Date(this.now()).toISOString(),
    };
    // Persisted before the token is handed out: a token the desk holds always survives a hub restart.
    await this.opts.devices.put(paired);
    this.opts.onChange?.();
    const answer: PairResponse = { protocol: HUB_PROTOCOL, token, hub: this.opts.identity, event: this.opts.event };
    sendJson(res, 200, answer);
  }

  /** The paired device the request's token belongs to, or 401. The token must match THAT device. */
  private authenticate(req: http.IncomingMessage): PairedDevice {
    const auth = req.headers.authorization ?? '';
    const deviceId = req.headers[DEVICE_HEADER];
    const m = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(auth);
    const device = typeof deviceId === 'string' ? this.opts.devices.get(deviceId) : undefined;
    // The hash is compared even when the device is unknown, so timing does not tell which ids exist.
    const presented = hashToken(m?.[1] ?? '');
    const ok = sameSecret(presented, device?.tokenHash ?? '0'.repeat(64));
    if (!m || !device || !ok) throw new HttpFailure(401, 'unauthorized', MSG.unauthorized);
    return device;
  }

  private async sync(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const device = this.authenticate(req);
    const limit = this.opts.maxSyncBody ?? MAX_SYNC_BODY;
    const bytes = await readBody(req, limit);

    let file;
    try {
      // the hub's main process has no event key: it checks the sender's signature and the event only;
      // the renderer decrypts, and verifies every author batch (renderer/db/repo/exchange.ts)
      file = await openExchangeEnvelope(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
        verify: { knownKey: (id) => (id === device.deviceId ? device.publicKey : undefined), unknownSender: 'refuse' },
      });
    } catch (err) {
      if (err instanceof ExchangeError && err.code === 'unknown-sender') throw new HttpFailure(403, 'unauthorized', MSG.foreignKey);
      if (err instanceof ExchangeError) throw new HttpFailure(422, 'refused', err.message);
      throw err;
    }
    if (file.eventId !== this.opts.event.id) throw new HttpFailure(409, 'wrong-event', MSG.wrongEvent(this.opts.event.title));

    const answer = await this.serialized(() =>
      this.opts.link.request({ deviceId: device.deviceId, deviceName: device.name, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) }),
    );
    this.activity.set(device.deviceId, {
      at: new Date(this.now()).toISOString(),
      address: req.socket.remoteAddress ?? '',
      received: file.changes,
    });
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
        throw new HttpFailure(status, code, err.message);
      }
      throw err;
    });
  }

  /**
   * Answers an error. The request body may still be arriving (a 401 or 413 is decided before reading
   * it): the rest is discarded, not buffered, the connection is closed after the answer, and a client
   * that keeps streaming is cut off shortly after.
   */
  private fail(req: http.IncomingMessage, res: http.ServerResponse, err: HttpFailure): void {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const unread = !req.readableEnded;
    if (unread) {
      req.removeAllListeners('data');
      req.resume();
      res.setHeader('connection', 'close');
      res.on('finish', () => setTimeout(() => req.socket.destroy(), 2_000).unref());
    }
    sendJson(res, err.status, { code: err.code, error: err.message }, err.headers);
  }
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(text.byteLength), 'cache-control': 'no-store', ...headers });
  res.end(text);
}

/** The whole body, refused with 413 as soon as it is known to pass `limit` (declared or counted). */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new HttpFailure(413, 'too-large', MSG.tooLarge));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        reject(new HttpFailure(413, 'too-large', MSG.tooLarge));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
