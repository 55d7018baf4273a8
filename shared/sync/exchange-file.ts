/**
 * Exchange files (Обмен): the changes one device sends another by USB stick or messenger.
 *
 * ════════════════════════════════════════════════════════════════════════════════════════════════
 * FILE FORMAT, VERSION 1. Files written by one version are read by every later one: change the layout
 * only together with the version byte and keep a reader for the old layout.
 *
 *   "SKHODEX" + version byte (0x01)           8 bytes, so the file type is known without parsing
 *   envelope length, 4 bytes big-endian
 *   envelope: UTF-8 JSON {"deviceId","publicKey"}    in the clear: the key is needed BEFORE inflating
 *   body: gzip(UTF-8 JSON {"header": ExchangeHeader, "changes": [...]})
 *   signature: ECDSA P-256 / SHA-256 over all of the above, then its length (2 bytes) — signing.ts
 *
 * A change is written as a tuple, [hlc, table, rowId, "put", fields] or [hlc, table, rowId, "delete"];
 * its device is the one inside the stamp.
 *
 * Order of checks on reading, and why: the magic and version first (a wrong file gets a plain answer);
 * then the signature, before anything is inflated or parsed, so a changed byte anywhere is `tampered`
 * and a forged file cannot make us inflate gigabytes; then the header, and the event last — only a
 * file known to be intact can be trusted about which event it belongs to.
 * ════════════════════════════════════════════════════════════════════════════════════════════════
 */
import type { DeviceRole } from '../domain/types';
import type { ChangeRecord } from './change';
import { gunzip, GunzipError, gzip } from './gzip';
import type { Knowledge, SeenVector } from './seen';
import { unwrapSigned, verify as verifySignature, wrapSigned, type Signer } from './signing';

export { advanceSeen, changesFor, mergeKnowledge, mergeSeen, seenVector, type Knowledge, type SeenVector } from './seen';

export const EXCHANGE_FORMAT = 'skhod-exchange';
export const EXCHANGE_VERSION = 1;
const MAGIC = new TextEncoder().encode('SKHODEX');
const PREFIX = MAGIC.length + 1 + 4;
/** Inflated JSON above this is refused: 10,000 changes take ~2 MB, a whole season far less than this. */
export const MAX_EXCHANGE_JSON_BYTES = 256 * 1024 * 1024;

export type ExchangeSender = { deviceId: string; name: string; role: DeviceRole };

/** What the import preview shows before anything is applied. */
export type ExchangeHeader = {
  format: typeof EXCHANGE_FORMAT;
  version: typeof EXCHANGE_VERSION;
  eventId: string;
  sender: ExchangeSender;
  /** ISO time on the sender's clock. */
  createdAt: string;
  /** What the sender believed the receiver had seen: the file holds everything after it. Absent: a full file. */
  since?: SeenVector;
  /**
   * What the sender had seen when it wrote the file (its own vector, seen.ts). The receiver raises its
   * own vector with it (advanceSeen), remembers it as this peer's knowledge so the next export to the
   * peer is small, and the merge uses it to tell a concurrent edit from a correction.
   */
  seen: SeenVector;
  /**
   * What the sender knows other devices had seen (seen.ts `Knowledge`), relayed so that a device two
   * hops away still tells a correction from a concurrent edit, and exports to them stay small.
   */
  known?: Knowledge;
  /** Changes per table, for the preview; checked against the changes on reading. */
  counts: Record<string, number>;
};

export type ExchangeHeaderInput = Omit<ExchangeHeader, 'format' | 'version' | 'counts'>;

export type ExchangeErrorCode = 'not-an-exchange-file' | 'unsupported-version' | 'tampered' | 'wrong-event' | 'unknown-sender' | 'corrupt';

const MESSAGES: Record<ExchangeErrorCode, string> = {
  'not-an-exchange-file': 'Это не файл обмена Сход. Выберите файл, выгруженный на другом устройстве в разделе «Обмен».',
  'unsupported-version': 'Файл обмена создан более новой версией Сход. Обновите программу на этом устройстве и загрузите файл снова.',
  tampered:
    'Подпись файла обмена не сходится: файл изменён или повреждён после выгрузки. Данные не приняты. Попросите отправителя выгрузить файл заново и передайте его без изменений.',
  'wrong-event': 'Файл обмена относится к другому мероприятию. Откройте мероприятие, для которого он выгружен, или попросите отправителя выгрузить файл для этого мероприятия.',
  'unknown-sender': 'Файл обмена пришёл от устройства, которое здесь не подключено. Подключите устройство в разделе «Обмен», сверив код ключа на обоих экранах, и загрузите файл снова.',
  corrupt: 'Файл обмена повреждён или записан не полностью (например, копирование на флешку не завершилось). Скопируйте файл заново или попросите отправителя выгрузить его ещё раз.',
};

/** A refused file; `message` is for the person at the screen and says what to do. */
export class ExchangeError extends Error {
  override name = 'ExchangeError';
  constructor(
    readonly code: ExchangeErrorCode,
    message: string = MESSAGES[code],
  ) {
    super(message);
  }
}

/** Builds and signs a file. `header.sender.deviceId` must be the signer's device (a caller bug otherwise). */
export async function buildExchangeFile(changes: readonly ChangeRecord[], header: ExchangeHeaderInput, signer: Signer): Promise<Uint8Array> {
  if (header.sender.deviceId !== signer.deviceId) throw new Error('buildExchangeFile: the signer is not the sender');
  const full: ExchangeHeader = { format: EXCHANGE_FORMAT, version: EXCHANGE_VERSION, ...header, counts: countByTable(changes) };
  const tuples = changes.map((c) => (c.op === 'delete' ? [c.hlc, c.table, c.rowId, 'delete'] : [c.hlc, c.table, c.rowId, 'put', c.fields]));
  const body = await gzip(new TextEncoder().encode(JSON.stringify({ header: full, changes: tuples })));
  const envelope = new TextEncoder().encode(JSON.stringify({ deviceId: signer.deviceId, publicKey: signer.publicKey }));
  const payload = new Uint8Array(PREFIX + envelope.length + body.length);
  payload.set(MAGIC, 0);
  payload[MAGIC.length] = EXCHANGE_VERSION;
  new DataView(payload.buffer).setUint32(MAGIC.length + 1, envelope.length);
  payload.set(envelope, PREFIX);
  payload.set(body, PREFIX + envelope.length);
  return wrapSigned(payload, signer);
}

export type ReadOptions = {
  /** The event open on this device; a file of another event is refused. */
  expectEventId?: string;
  verify?: {
    /** The key this device trusts for a device (paired, or confirmed earlier), if any. */
    knownKey?: (deviceId: string) => string | undefined;
    /**
     * A sender with no known key: 'accept' (default) checks the file against the key it carries —
     * integrity, not identity; the result says `trust: 'first-use'` so the screen can ask to confirm
     * the fingerprint. 'refuse' throws `unknown-sender`.
     */
    unknownSender?: 'accept' | 'refuse';
  };
  maxJsonBytes?: number;
  /**
   * Runs on the inflated JSON before it is parsed (the hub's element-count and depth limits); throws
   * an ExchangeError to refuse the file.
   */
  checkJson?: (json: Uint8Array) => void;
};

export type ExchangeFile = {
  header: ExchangeHeader;
  changes: ChangeRecord[];
  /** The key that signed the file. */
  publicKey: string;
  trust: 'known' | 'first-use';
};

/** Reads and checks a file (order of checks: file comment). Throws ExchangeError. */
export async function readExchangeFile(bytes: Uint8Array, options: ReadOptions = {}): Promise<ExchangeFile> {
  if (bytes.length < PREFIX || MAGIC.some((b, i) => bytes[i] !== b)) throw notOurs(bytes);
  // A later version may change the layout, so it is refused before parsing; a version that never
  // existed (0) is a damaged byte.
  if (bytes[MAGIC.length]! > EXCHANGE_VERSION) throw new ExchangeError('unsupported-version');
  if (bytes[MAGIC.length] !== EXCHANGE_VERSION) throw new ExchangeError('corrupt');

  const parts = unwrapSigned(bytes);
  if (!parts || parts.payload.length < PREFIX) throw new ExchangeError('corrupt');
  const { payload, signature } = parts;
  const envelopeEnd = PREFIX + new DataView(payload.buffer, payload.byteOffset, payload.byteLength).getUint32(MAGIC.length + 1);
  if (envelopeEnd > payload.length) throw new ExchangeError('corrupt');
  const envelope = parseJson(payload.subarray(PREFIX, envelopeEnd));
  if (!isRecord(envelope) || typeof envelope.deviceId !== 'string' || typeof envelope.publicKey !== 'string') throw new ExchangeError('corrupt');

  const known = options.verify?.knownKey?.(envelope.deviceId);
  if (known === undefined && options.verify?.unknownSender === 'refuse') throw new ExchangeError('unknown-sender');
  if (known !== undefined && known !== envelope.publicKey) {
    throw new ExchangeError(
      'unknown-sender',
      'Файл подписан не тем ключом, который известен для этого устройства. Если устройство переустановили, подключите его заново, сверив код ключа; иначе не принимайте файл.',
    );
  }
  if (!(await verifySignature(payload, signature, envelope.publicKey))) throw new ExchangeError('tampered');

  let json: Uint8Array;
  try {
    json = await gunzip(payload.subarray(envelopeEnd), options.maxJsonBytes ?? MAX_EXCHANGE_JSON_BYTES);
  } catch (e) {
    if (e instanceof GunzipError && e.reason === 'too-large') {
      throw new ExchangeError('corrupt', 'Файл обмена слишком большой после распаковки — это не похоже на данные одного мероприятия. Файл не принят.');
    }
    throw new ExchangeError('corrupt');
  }
  options.checkJson?.(json);
  const body = parseJson(json);
  if (!isRecord(body) || !isRecord(body.header) || body.header.format !== EXCHANGE_FORMAT) throw new ExchangeError('corrupt');
  if (body.header.version !== EXCHANGE_VERSION) throw new ExchangeError('unsupported-version');
  const header = checkHeader(body.header, envelope.deviceId);
  const changes = decodeChanges(body.changes);
  if (!sameCounts(header.counts, countByTable(changes))) throw new ExchangeError('corrupt');
  if (options.expectEventId !== undefined && header.eventId !== options.expectEventId) throw new ExchangeError('wrong-event');
  return { header, changes, publicKey: envelope.publicKey, trust: known === undefined ? 'first-use' : 'known' };
}

function notOurs(bytes: Uint8Array): ExchangeError {
  const start = new TextDecoder().decode(bytes.subarray(0, 64));
  if (/"format"\s*:\s*"skhod-score-file"/.test(start)) {
    return new ExchangeError('not-an-exchange-file', 'Это файл оценок эксперта, а не файл обмена. Его загружают в разделе «Конкурс» → «Оценки».');
  }
  if (/"format"\s*:\s*"skhod-juror-package"/.test(start)) {
    return new ExchangeError('not-an-exchange-file', 'Это пакет эксперта, а не файл обмена. Если вы эксперт, откройте его кнопкой «Я эксперт: открыть пакет эксперта» на первом экране (или «Открыть пакет эксперта…» в разделе «Конкурс»).');
  }
  return new ExchangeError('not-an-exchange-file');
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new ExchangeError('corrupt');
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const ROLES: readonly unknown[] = ['organizer', 'desk', 'district', 'juror'] satisfies DeviceRole[];
const STAMP = /^\d{15}-[0-9a-f]{5}-\S+$/;

function isSeenVector(v: unknown): v is SeenVector {
  return isRecord(v) && Object.values(v).every((s) => typeof s === 'string' && STAMP.test(s));
}

/** The header as written by buildExchangeFile, or `corrupt`: a signed file with a wrong header is a sender's bug. */
function checkHeader(h: Record<string, unknown>, signerId: string): ExchangeHeader {
  const s = h.sender;
  const ok =
    typeof h.eventId === 'string' &&
    typeof h.createdAt === 'string' &&
    isRecord(s) &&
    s.deviceId === signerId &&
    typeof s.name === 'string' &&
    ROLES.includes(s.role) &&
    (h.since === undefined || isSeenVector(h.since)) &&
    isSeenVector(h.seen) &&
    (h.known === undefined || (isRecord(h.known) && Object.values(h.known).every(isSeenVector))) &&
    isRecord(h.counts) &&
    Object.values(h.counts).every((n) => Number.isSafeInteger(n));
  if (!ok) throw new ExchangeError('corrupt');
  return h as ExchangeHeader;
}

function decodeChanges(raw: unknown): ChangeRecord[] {
  if (!Array.isArray(raw)) throw new ExchangeError('corrupt');
  return raw.map((t: unknown): ChangeRecord => {
    if (!Array.isArray(t) || typeof t[0] !== 'string' || !STAMP.test(t[0]) || typeof t[1] !== 'string' || typeof t[2] !== 'string') {
      throw new ExchangeError('corrupt');
    }
    const [hlc, table, rowId, op, fields] = t as [string, string, string, unknown, unknown];
    const device = hlc.slice(22);
    if (op === 'delete' && t.length === 4) return { hlc, device, table, rowId, op, fields: {} };
    if (op === 'put' && t.length === 5 && isRecord(fields)) return { hlc, device, table, rowId, op, fields };
    throw new ExchangeError('corrupt');
  });
}

function countByTable(changes: readonly ChangeRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of changes) counts[c.table] = (counts[c.table] ?? 0) + 1;
  return counts;
}

function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const ka = Object.keys(a).filter((k) => a[k] !== 0);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}
