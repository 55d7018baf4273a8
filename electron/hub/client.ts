import type http from 'node:http';
import https from 'node:https';
import { X509Certificate } from 'node:crypto';
import type tls from 'node:tls';
import {
  COUNTER_HEADER,
  DEFAULT_HUB_PORT,
  DEVICE_HEADER,
  MAX_SYNC_BODY,
  PAIR_PATH,
  PAIR_WAIT_PATH,
  pairResponseSchema,
  pairWaitResponseSchema,
  SYNC_PATH,
  type HubErrorCode,
  type PairRequest,
  type PairResponse,
  type PairWaitResponse,
} from './protocol';
import { said, wordRu, type Said } from '../../shared/text/said';
import { saidSchema } from '../../shared/text/said-schema';
import { TOO_LARGE } from './http-util';
import { certFingerprint, type TlsIdentity } from './tls-identity';

/**
 * The desk's side of the hub protocol (protocol.ts), run in the desk's MAIN process: the renderer's
 * CSP forbids network access, and that stays so — the renderer hands bytes over IPC, main posts them.
 *
 * Every request goes over TLS with this device's certificate. Only the very first one (the PIN) does
 * not know the hub's certificate yet: it records what it saw, the operators compare its code, and
 * from then on the desk talks ONLY to that certificate (`PinnedHub`) — anything else fails before a
 * byte of the request is sent.
 */
export type PinnedHub = { cert: string; fingerprint: string };
export type HubAddress = { host: string; port: number };

/** What went wrong, for the desk's status line: `unreachable` is «нет связи с хабом», files are the fallback. */
export type HubClientCode = HubErrorCode | 'unreachable' | 'protocol' | 'wrong-hub';

/**
 * `said`: the words as data, for the desk's screen to word in its language (the hub's own refusals arrive so
 * too); `message` is their Russian wording, or the hub's text alone when an older hub sent no `said`.
 */
export class HubClientError extends Error {
  override name = 'HubClientError';
  readonly said?: Said;
  constructor(
    readonly code: HubClientCode,
    words: Said | string,
  ) {
    super(typeof words === 'string' ? words : wordRu(words));
    if (typeof words !== 'string') this.said = words;
  }
}

export type ClientTiming = {
  /** No TCP connection within this long: the hub is off or on another network. */
  connectMs: number;
  /** The whole exchange, including the hub applying the file (a first full sync is the slow one). */
  totalMs: number;
};

export const DEFAULT_CLIENT_TIMING: ClientTiming = { connectMs: 4_000, totalMs: 120_000 };

/**
 * «192.168.1.10», «192.168.1.10:47800», «http://hub-pc:47800/», «[fe80::1]:47800» → host and port;
 * null for anything else (a path, a user name, a bad port). The port defaults to DEFAULT_HUB_PORT.
 */
export function parseHubAddress(text: string): HubAddress | null {
  const t = text.trim().replace(/^https?:\/\//i, '').replace(/\/+$/, '');
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([A-Za-z0-9.-]+))(?::(\d{1,5}))?$/.exec(t);
  if (!m) return null;
  const host = m[1] ?? m[2]!;
  const port = m[3] === undefined ? DEFAULT_HUB_PORT : Number(m[3]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return null;
  if (/^[.-]|[.-]$/.test(host)) return null;
  return { host, port };
}

export function formatHubAddress(a: HubAddress): string {
  return `${a.host.includes(':') ? `[${a.host}]` : a.host}:${a.port}`;
}

/** The desk's own words about the hub at `a` (hubLink:client). */
const about = (key: string, a: HubAddress, values: Record<string, string> = {}) => said(`hubLink:client.${key}`, { address: formatHubAddress(a), ...values });
const unreachable = (a: HubAddress) => about('unreachable', a);
const wrongHub = (a: HubAddress) => about('wrongHub', a);

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; peer: PinnedHub | null };

/** TLS errors that mean «this is not the certificate we pinned». */
const PIN_ERRORS = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME|SKHOD_PIN/;

/**
 * The TLS options of a request: our certificate always; the pinned hub certificate as the ONLY trust
 * anchor, plus a fingerprint check in place of the host name check (the certificate names no host:
 * the pin is the key). `pin: null` only for the first pairing request, which records what it saw.
 */
function tlsOptions(me: TlsIdentity, pin: PinnedHub | null): tls.ConnectionOptions {
  if (!pin) return { key: me.key, cert: me.cert, rejectUnauthorized: false, minVersion: 'TLSv1.3' };
  return {
    key: me.key,
    cert: me.cert,
    ca: [pin.cert],
    minVersion: 'TLSv1.3',
    checkServerIdentity: (_host, cert) => {
      if (cert.raw && certFingerprint(cert.raw) === pin.fingerprint) return undefined;
      return Object.assign(new Error('hub certificate does not match the pinned one'), { code: 'SKHOD_PIN' });
    },
  };
}

function peerOf(socket: tls.TLSSocket): PinnedHub | null {
  const raw = socket.getPeerCertificate?.()?.raw;
  return raw ? { cert: new X509Certificate(raw).toString(), fingerprint: certFingerprint(raw) } : null;
}

function post(
  address: HubAddress,
  path: string,
  body: Uint8Array,
  headers: Record<string, string>,
  timing: ClientTiming,
  secure: tls.ConnectionOptions,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const done = (err: Error | null, reply?: Reply) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      clearTimeout(totalTimer);
      if (err) {
        req.destroy();
        reject(err);
      } else resolve(reply!);
    };
    const req = https.request({
      ...secure,
      host: address.host,
      port: address.port,
      path,
      method: 'POST',
      headers: { ...headers, 'content-length': String(body.byteLength) },
      // no keep-alive pool: one request every few seconds, and a dead hub must not leave sockets behind
      agent: false,
    });
    const connectTimer = setTimeout(() => done(new HubClientError('unreachable', unreachable(address))), timing.connectMs);
    const totalTimer = setTimeout(
      () => done(new HubClientError('timeout', about('noAnswer', address))),
      timing.totalMs,
    );
    req.on('socket', (socket) => {
      if (!socket.connecting) clearTimeout(connectTimer);
      else socket.once('connect', () => clearTimeout(connectTimer));
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      console.warn(`[skhod:hub] ${formatHubAddress(address)}${path}: ${err.code ?? err.message}`);
      if (PIN_ERRORS.test(err.code ?? '')) done(new HubClientError('wrong-hub', wrongHub(address)));
      else done(new HubClientError('unreachable', unreachable(address)));
    });
    req.on('response', (res) => {
      const peer = peerOf(res.socket as tls.TLSSocket);
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_SYNC_BODY) done(new HubClientError('too-large', said('hubLink:client.answerTooLarge')));
        else chunks.push(chunk);
      });
      res.on('end', () => done(null, { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks, size), peer }));
      res.on('error', () => done(new HubClientError('unreachable', unreachable(address))));
    });
    req.end(body);
  });
}

/**
 * The hub's code and words from an error answer — its `said` when it is a well-formed one (the desk words it
 * in its own language), else its Russian text; a non-hub server gets a plain «не хаб».
 */
function failure(address: HubAddress, reply: Reply): HubClientError {
  try {
    const json = JSON.parse(reply.body.toString('utf8')) as { code?: unknown; error?: unknown; said?: unknown };
    if (typeof json.code === 'string' && typeof json.error === 'string') {
      const words = saidSchema.safeParse(json.said);
      return new HubClientError(json.code as HubErrorCode, words.success ? words.data : json.error.slice(0, 1000));
    }
  } catch {
    // not our hub's JSON: fall through
  }
  return new HubClientError('protocol', about('notAHub', address, { status: String(reply.status) }));
}

/** Parses a JSON answer with `schema`, or a plain «обновите Сход». */
function parseAnswer<T>(address: HubAddress, reply: Reply, schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false } }): T {
  let parsed;
  try {
    parsed = schema.safeParse(JSON.parse(reply.body.toString('utf8')));
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success) throw new HubClientError('protocol', about('unclear', address));
  return parsed.data;
}

const PAIR_TIMING = (timing: ClientTiming): ClientTiming => ({ ...timing, totalMs: Math.min(timing.totalMs, 15_000) });

/**
 * The first pairing request: the PIN and this device, over TLS to whatever certificate answers. The
 * result carries that certificate: the desk shows its code for the operators to compare, and pins it
 * only if they match.
 */
export async function pairWithHub(
  address: HubAddress,
  request: PairRequest,
  me: TlsIdentity,
  timing: ClientTiming = DEFAULT_CLIENT_TIMING,
): Promise<{ answer: PairResponse; hub: PinnedHub }> {
  const body = Buffer.from(JSON.stringify(request), 'utf8');
  const reply = await post(address, PAIR_PATH, body, { 'content-type': 'application/json' }, PAIR_TIMING(timing), tlsOptions(me, null));
  if (reply.status !== 202) throw failure(address, reply);
  if (!reply.peer) throw new HubClientError('protocol', about('noCertificate', address));
  return { answer: parseAnswer(address, reply, pairResponseSchema) as PairResponse, hub: reply.peer };
}

/** Asks the (pinned) hub whether its operator allowed this device; the token comes once, with the role. */
export async function waitForApproval(
  address: HubAddress,
  pairingId: string,
  hub: PinnedHub,
  me: TlsIdentity,
  timing: ClientTiming = DEFAULT_CLIENT_TIMING,
): Promise<PairWaitResponse> {
  const body = Buffer.from(JSON.stringify({ pairingId }), 'utf8');
  const reply = await post(address, PAIR_WAIT_PATH, body, { 'content-type': 'application/json' }, PAIR_TIMING(timing), tlsOptions(me, hub));
  if (reply.status !== 200) throw failure(address, reply);
  return parseAnswer(address, reply, pairWaitResponseSchema) as PairWaitResponse;
}

/** Posts the desk's exchange file to the pinned hub; resolves with the hub's exchange file for this desk. */
export async function postSync(
  address: HubAddress,
  auth: { token: string; deviceId: string; counter: number },
  hub: PinnedHub,
  me: TlsIdentity,
  bytes: Uint8Array,
  timing: ClientTiming = DEFAULT_CLIENT_TIMING,
): Promise<Uint8Array> {
  if (bytes.byteLength > MAX_SYNC_BODY) throw new HubClientError('too-large', TOO_LARGE);
  const reply = await post(
    address,
    SYNC_PATH,
    bytes,
    {
      'content-type': 'application/octet-stream',
      authorization: `Bearer ${auth.token}`,
      [DEVICE_HEADER]: auth.deviceId,
      [COUNTER_HEADER]: String(auth.counter),
    },
    timing,
    tlsOptions(me, hub),
  );
  if (reply.status !== 200) throw failure(address, reply);
  return new Uint8Array(reply.body.buffer, reply.body.byteOffset, reply.body.byteLength);
}
