import http from 'node:http';
import os from 'node:os';
import { DEFAULT_HUB_PORT, DEVICE_HEADER, MAX_SYNC_BODY, PAIR_PATH, pairResponseSchema, SYNC_PATH, type HubErrorCode, type PairRequest, type PairResponse } from './protocol';

/**
 * The desk's side of the hub protocol (protocol.ts), run in the desk's MAIN process: the renderer's
 * CSP forbids network access, and that stays so — the renderer hands bytes over IPC, main posts them.
 */
export type HubAddress = { host: string; port: number };

/** What went wrong, for the desk's status line: `unreachable` is «нет связи с хабом», files are the fallback. */
export type HubClientCode = HubErrorCode | 'unreachable' | 'protocol';

export class HubClientError extends Error {
  override name = 'HubClientError';
  constructor(
    readonly code: HubClientCode,
    message: string,
  ) {
    super(message);
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
  const t = text.trim().replace(/^http:\/\//i, '').replace(/\/+$/, '');
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

/** The addresses desks can type: this computer's non-loopback IPv4 addresses (Wi-Fi, Ethernet). */
export function lanAddresses(interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces()): string[] {
  const out: string[] = [];
  for (const list of Object.values(interfaces)) {
    for (const i of list ?? []) if (i.family === 'IPv4' && !i.internal) out.push(i.address);
  }
  return [...new Set(out)].sort();
}

const unreachable = (a: HubAddress) =>
  `Нет связи с хабом ${formatHubAddress(a)}. Проверьте, что на хабе запущен Сход и хаб включён, и что оба компьютера в одной сети. Пока связи нет, обменивайтесь файлами.`;

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

function post(address: HubAddress, path: string, body: Uint8Array, headers: Record<string, string>, timing: ClientTiming): Promise<Reply> {
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
    const req = http.request({
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
      () => done(new HubClientError('timeout', `Хаб ${formatHubAddress(address)} не ответил вовремя. Синхронизация повторится сама.`)),
      timing.totalMs,
    );
    req.on('socket', (socket) => {
      if (!socket.connecting) clearTimeout(connectTimer);
      else socket.once('connect', () => clearTimeout(connectTimer));
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      console.warn(`[skhod:hub] ${formatHubAddress(address)}${path}: ${err.code ?? err.message}`);
      done(new HubClientError('unreachable', unreachable(address)));
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_SYNC_BODY) done(new HubClientError('too-large', 'Ответ хаба слишком велик. Передайте данные файлом обмена.'));
        else chunks.push(chunk);
      });
      res.on('end', () => done(null, { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks, size) }));
      res.on('error', () => done(new HubClientError('unreachable', unreachable(address))));
    });
    req.end(body);
  });
}

/** The hub's Russian message and code from an error answer; a non-hub server gets a plain «не хаб». */
function failure(address: HubAddress, reply: Reply): HubClientError {
  try {
    const json = JSON.parse(reply.body.toString('utf8')) as { code?: unknown; error?: unknown };
    if (typeof json.code === 'string' && typeof json.error === 'string') return new HubClientError(json.code as HubErrorCode, json.error.slice(0, 1000));
  } catch {
    // not our hub's JSON: fall through
  }
  return new HubClientError('protocol', `По адресу ${formatHubAddress(address)} отвечает не хаб Сход (код ${reply.status}). Проверьте адрес на экране хаба.`);
}

export async function pairWithHub(address: HubAddress, request: PairRequest, timing: ClientTiming = DEFAULT_CLIENT_TIMING): Promise<PairResponse> {
  const body = Buffer.from(JSON.stringify(request), 'utf8');
  const reply = await post(address, PAIR_PATH, body, { 'content-type': 'application/json' }, { ...timing, totalMs: Math.min(timing.totalMs, 15_000) });
  if (reply.status !== 200) throw failure(address, reply);
  let parsed;
  try {
    parsed = pairResponseSchema.safeParse(JSON.parse(reply.body.toString('utf8')));
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success) throw new HubClientError('protocol', `Хаб ${formatHubAddress(address)} ответил непонятно. Обновите Сход на обоих устройствах до одной версии.`);
  return parsed.data as PairResponse;
}

/** Posts the desk's exchange file; resolves with the hub's exchange file for this desk. */
export async function postSync(
  address: HubAddress,
  auth: { token: string; deviceId: string },
  bytes: Uint8Array,
  timing: ClientTiming = DEFAULT_CLIENT_TIMING,
): Promise<Uint8Array> {
  if (bytes.byteLength > MAX_SYNC_BODY) throw new HubClientError('too-large', 'Данные слишком велики для передачи через хаб. Передайте их файлом обмена (раздел «Обмен»).');
  const reply = await post(
    address,
    SYNC_PATH,
    bytes,
    { 'content-type': 'application/octet-stream', authorization: `Bearer ${auth.token}`, [DEVICE_HEADER]: auth.deviceId },
    timing,
  );
  if (reply.status !== 200) throw failure(address, reply);
  return new Uint8Array(reply.body.buffer, reply.body.byteOffset, reply.body.byteLength);
}
