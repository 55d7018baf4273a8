/**
 * Exchange files (Обмен): the changes one device sends another by USB stick or messenger.
 *
 * ════════════════════════════════════════════════════════════════════════════════════════════════
 * FILE FORMAT, VERSION 2 (issue 17/19). Version 1 (changes vouched for only by the sender) is refused
 * with a message asking for a file from an updated Сход: its changes cannot be proven by their authors.
 *
 *   "SKHODEX" + version byte (0x02)           8 bytes, so the file type is known without parsing
 *   envelope length, 4 bytes big-endian
 *   envelope: UTF-8 JSON {"deviceId","publicKey","eventId","changes"}   in the clear: who sent it, for
 *             which event, how many changes (a relay without the event key — the hub — shows that much)
 *   body: AES-256-GCM under the event key (shared/trust/event-key.ts; the prefix and envelope are its
 *         additional data) of gzip(UTF-8 JSON {"header": ExchangeHeader, "batches": [AuthorBatch…]})
 *   signature: ECDSA P-256 / SHA-256 by the SENDER over all of the above, then its length (2 bytes)
 *
 * Each batch is signed by the device that wrote its changes (shared/trust/batches.ts) and carries its
 * enrolment; this module only moves batches, shared/trust verifies them against the event's root.
 *
 * Order of checks on reading, and why: the magic and version first (a wrong file gets a plain answer);
 * then the sender's signature, before anything is decrypted or inflated, so a changed byte anywhere is
 * `tampered` and a forged file cannot make us inflate gigabytes; then the event key (`no-event-key`
 * for a device the organizer did not enrol in the event); then the header.
 * ════════════════════════════════════════════════════════════════════════════════════════════════
 */
import type { DeviceRole } from '../domain/types';
import type { AuthorBatch } from '../trust/batches';
import type { Enrolment } from '../trust/enrolment';
import { seal, unseal } from '../trust/event-key';
import { gunzip, GunzipError, gzip } from './gzip';
import type { Knowledge, SeenVector } from './seen';
import { unwrapSigned, verify as verifySignature, wrapSigned, type Signer } from './signing';
import { said, wordRu, type Said } from '../text/said';

export { advanceSeen, changesFor, mergeKnowledge, mergeSeen, seenVector, type Knowledge, type SeenVector } from './seen';

export const EXCHANGE_FORMAT = 'skhod-exchange';
export const EXCHANGE_VERSION = 2;
const MAGIC = new TextEncoder().encode('SKHODEX');
const PREFIX = MAGIC.length + 1 + 4;
/** Inflated JSON above this is refused: 10,000 changes take ~2 MB, a whole season far less than this. */
export const MAX_EXCHANGE_JSON_BYTES = 256 * 1024 * 1024;

/** The sender as it describes itself: shown in the preview, never a source of authority (enrolment.ts). */
export type ExchangeSender = { deviceId: string; name: string; role: DeviceRole };

/** What the import preview shows before anything is applied. */
export type ExchangeHeader = {
  format: typeof EXCHANGE_FORMAT;
  version: typeof EXCHANGE_VERSION;
  eventId: string;
  sender: ExchangeSender;
  /** The sender's enrolment in the event (absent for the event's root): the preview shows the role it proves. */
  enrolment?: Enrolment;
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
  /** Changes per table in the batches, as the sender counted them (the preview counts what verifies). */
  counts: Record<string, number>;
};

export type ExchangeHeaderInput = Omit<ExchangeHeader, 'format' | 'version' | 'counts'>;

export type ExchangeErrorCode =
  | 'not-an-exchange-file'
  | 'unsupported-version'
  | 'old-version'
  | 'tampered'
  | 'wrong-event'
  | 'unknown-sender'
  | 'no-event-key'
  | 'not-enrolled'
  | 'corrupt';

/**
 * A refused file. Its words are in shared/text/messages (`fileExchange`): `said` for the screen in the
 * interface language, `message` in Russian for logs; each says what to do. A caller that already has the
 * words (the hub's own, the renderer's `db` namespace) passes them as a string, which stays the message.
 */
export class ExchangeError extends Error {
  override name = 'ExchangeError';
  readonly said?: Said;
  constructor(
    readonly code: ExchangeErrorCode,
    words: Said | string = said(`fileExchange:codes.${code}`),
  ) {
    super(typeof words === 'string' ? words : wordRu(words));
    if (typeof words !== 'string') this.said = words;
  }
}

export type ExchangeContent = { header: ExchangeHeaderInput; batches: readonly AuthorBatch[]; counts: Record<string, number> };

/**
 * Builds, encrypts (event key) and signs (sender) a file. `header.sender.deviceId` must be the
 * signer's device (a caller bug otherwise).
 */
export async function buildExchangeFile(content: ExchangeContent, signer: Signer, eventKey: string): Promise<Uint8Array> {
  const { header } = content;
  if (header.sender.deviceId !== signer.deviceId) throw new Error('buildExchangeFile: the signer is not the sender');
  const full: ExchangeHeader = { format: EXCHANGE_FORMAT, version: EXCHANGE_VERSION, ...header, counts: content.counts };
  const changes = Object.values(content.counts).reduce((a, b) => a + b, 0);
  const envelope = new TextEncoder().encode(JSON.stringify({ deviceId: signer.deviceId, publicKey: signer.publicKey, eventId: header.eventId, changes }));
  const clear = new Uint8Array(PREFIX + envelope.length);
  clear.set(MAGIC, 0);
  clear[MAGIC.length] = EXCHANGE_VERSION;
  new DataView(clear.buffer).setUint32(MAGIC.length + 1, envelope.length);
  clear.set(envelope, PREFIX);
  const body = await seal(eventKey, await gzip(new TextEncoder().encode(JSON.stringify({ header: full, batches: content.batches }))), clear);
  const payload = new Uint8Array(clear.length + body.length);
  payload.set(clear, 0);
  payload.set(body, clear.length);
  return wrapSigned(payload, signer);
}

export type ReadOptions = {
  /** The event open on this device; a file of another event is refused. */
  expectEventId?: string;
  /** The event key this device holds for an event (enrolment), if any: without it the file cannot be opened. */
  eventKey: (eventId: string) => string | undefined;
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
  /** The authors' signed batches, not yet verified (shared/trust/batches.ts verifyBatches). */
  batches: unknown[];
  /** The key that signed the file. */
  publicKey: string;
  trust: 'known' | 'first-use';
};

export type ExchangeEnvelope = { deviceId: string; publicKey: string; eventId: string; changes: number; trust: 'known' | 'first-use' };

/**
 * The sender and event of a file, its sender's signature checked, nothing decrypted: what a relay
 * without the event key (the hub's main process) may know. Throws ExchangeError.
 */
export async function openExchangeEnvelope(bytes: Uint8Array, options: Omit<ReadOptions, 'eventKey' | 'maxJsonBytes'> = {}): Promise<ExchangeEnvelope & { clear: Uint8Array; body: Uint8Array }> {
  if (bytes.length < PREFIX || MAGIC.some((b, i) => bytes[i] !== b)) throw notOurs(bytes);
  // A later version may change the layout, so it is refused before parsing; version 1 could not prove
  // its changes' authors; a version that never existed (0) is a damaged byte.
  if (bytes[MAGIC.length]! > EXCHANGE_VERSION) throw new ExchangeError('unsupported-version');
  if (bytes[MAGIC.length] === 1) throw new ExchangeError('old-version');
  if (bytes[MAGIC.length] !== EXCHANGE_VERSION) throw new ExchangeError('corrupt');

  const parts = unwrapSigned(bytes);
  if (!parts || parts.payload.length < PREFIX) throw new ExchangeError('corrupt');
  const { payload, signature } = parts;
  const envelopeEnd = PREFIX + new DataView(payload.buffer, payload.byteOffset, payload.byteLength).getUint32(MAGIC.length + 1);
  if (envelopeEnd > payload.length) throw new ExchangeError('corrupt');
  const envelope = parseJson(payload.subarray(PREFIX, envelopeEnd));
  if (
    !isRecord(envelope) ||
    typeof envelope.deviceId !== 'string' ||
    typeof envelope.publicKey !== 'string' ||
    typeof envelope.eventId !== 'string' ||
    !Number.isSafeInteger(envelope.changes)
  ) {
    throw new ExchangeError('corrupt');
  }

  const known = options.verify?.knownKey?.(envelope.deviceId);
  if (known === undefined && options.verify?.unknownSender === 'refuse') throw new ExchangeError('unknown-sender');
  if (known !== undefined && known !== envelope.publicKey) {
    throw new ExchangeError('unknown-sender', said('fileExchange:otherKey'));
  }
  if (!(await verifySignature(payload, signature, envelope.publicKey))) throw new ExchangeError('tampered');
  if (options.expectEventId !== undefined && envelope.eventId !== options.expectEventId) throw new ExchangeError('wrong-event');
  return {
    deviceId: envelope.deviceId,
    publicKey: envelope.publicKey,
    eventId: envelope.eventId,
    changes: envelope.changes as number,
    trust: known === undefined ? 'first-use' : 'known',
    clear: payload.subarray(0, envelopeEnd),
    body: payload.subarray(envelopeEnd),
  };
}

/** Reads and checks a file (order of checks: file comment). Throws ExchangeError. */
export async function readExchangeFile(bytes: Uint8Array, options: ReadOptions): Promise<ExchangeFile> {
  const envelope = await openExchangeEnvelope(bytes, options);
  const key = options.eventKey(envelope.eventId);
  if (key === undefined) throw new ExchangeError('no-event-key');
  const gz = await unseal(key, envelope.body, envelope.clear);
  // the sender signed these bytes, so a failure here is the wrong key, not damage on the way
  if (gz === null) throw new ExchangeError('no-event-key');
  let json: Uint8Array;
  try {
    json = await gunzip(gz, options.maxJsonBytes ?? MAX_EXCHANGE_JSON_BYTES);
  } catch (e) {
    if (e instanceof GunzipError && e.reason === 'too-large') {
      throw new ExchangeError('corrupt', said('fileExchange:tooLargeInflated'));
    }
    throw new ExchangeError('corrupt');
  }
  options.checkJson?.(json);
  const body = parseJson(json);
  if (!isRecord(body) || !isRecord(body.header) || body.header.format !== EXCHANGE_FORMAT || !Array.isArray(body.batches)) throw new ExchangeError('corrupt');
  if (body.header.version !== EXCHANGE_VERSION) throw new ExchangeError('unsupported-version');
  const header = checkHeader(body.header, envelope.deviceId);
  if (header.eventId !== envelope.eventId) throw new ExchangeError('corrupt');
  return { header, batches: body.batches as unknown[], publicKey: envelope.publicKey, trust: envelope.trust };
}

function notOurs(bytes: Uint8Array): ExchangeError {
  const start = new TextDecoder().decode(bytes.subarray(0, 64));
  if (/"format"\s*:\s*"skhod-score-file"/.test(start)) {
    return new ExchangeError('not-an-exchange-file', said('fileExchange:isScoreFile'));
  }
  if (/"format"\s*:\s*"skhod-juror-package"/.test(start)) {
    return new ExchangeError('not-an-exchange-file', said('fileExchange:isJurorPackage'));
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

/** Changes per table, for a header's `counts`. */
export function countByTable(changes: readonly { table: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of changes) counts[c.table] = (counts[c.table] ?? 0) + 1;
  return counts;
}
