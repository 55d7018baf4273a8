/**
 * The enrolment file (.skhod-enrol): what the organizer hands a new desk or district laptop so that it
 * joins an event with one role (the trust model: enrolment.ts).
 *
 *   "SKHODEN" + version byte (0x01)
 *   manifest length, 4 bytes big-endian
 *   manifest: UTF-8 JSON EnrolmentManifest — the event's root, the root-signed offer for one role, the
 *             offer's one-time secret, the event key
 *   a full exchange file of the event (exchange-file.ts), sealed with the event key
 *
 * The file is a key to the event: whoever opens it first joins with the offer's role. It travels by
 * hand (USB stick) and is deleted after use; the screen says so.
 */
import { deviceRoles, type DeviceRole } from '../domain/types';
import { readOffer, type EventRoot, type Signed } from './enrolment';
import { isEventKey } from './event-key';
import { said, SaidError } from '../text/said';

export const ENROLMENT_FORMAT = 'skhod-enrolment';
export const ENROLMENT_VERSION = 1;
export const ENROLMENT_EXTENSION = 'skhod-enrol';
const MAGIC = new TextEncoder().encode('SKHODEN');
const PREFIX = MAGIC.length + 1 + 4;

export type EnrolmentManifest = {
  format: typeof ENROLMENT_FORMAT;
  version: typeof ENROLMENT_VERSION;
  eventTitle: string;
  root: EventRoot;
  offer: Signed;
  /** The offer key's private half (PKCS#8, base64url): the one-time secret. */
  secret: string;
  eventKey: string;
  createdAt: string;
};

/** A checked enrolment file: the offer verified against the root it names. */
export type EnrolmentFile = { manifest: EnrolmentManifest; role: DeviceRole; label: string; exchange: Uint8Array };

/** A refused enrolment file: `said` for the screen (`fileExchange:enrolment`), `message` in Russian. */
export class EnrolmentFileError extends SaidError {
  override name = 'EnrolmentFileError';
}

export function buildEnrolmentFile(manifest: Omit<EnrolmentManifest, 'format' | 'version'>, exchange: Uint8Array): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify({ format: ENROLMENT_FORMAT, version: ENROLMENT_VERSION, ...manifest }));
  const out = new Uint8Array(PREFIX + json.length + exchange.length);
  out.set(MAGIC, 0);
  out[MAGIC.length] = ENROLMENT_VERSION;
  new DataView(out.buffer).setUint32(MAGIC.length + 1, json.length);
  out.set(json, PREFIX);
  out.set(exchange, PREFIX + json.length);
  return out;
}

export function isEnrolmentFile(bytes: Uint8Array): boolean {
  return bytes.length >= PREFIX && MAGIC.every((b, i) => bytes[i] === b);
}

const DAMAGED = said('fileExchange:enrolment.damaged');

/** Reads and checks a file; throws EnrolmentFileError (its `said` for the screen). */
export async function readEnrolmentFile(bytes: Uint8Array): Promise<EnrolmentFile> {
  if (!isEnrolmentFile(bytes)) throw new EnrolmentFileError(said('fileExchange:enrolment.notEnrolmentFile'));
  if (bytes[MAGIC.length] !== ENROLMENT_VERSION) throw new EnrolmentFileError(said('fileExchange:enrolment.otherVersion'));
  const end = PREFIX + new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(MAGIC.length + 1);
  if (end > bytes.length) throw new EnrolmentFileError(DAMAGED);
  let m: Record<string, unknown>;
  try {
    m = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(PREFIX, end))) as Record<string, unknown>;
  } catch {
    throw new EnrolmentFileError(DAMAGED);
  }
  const root = m.root as EventRoot | undefined;
  const ok =
    m.format === ENROLMENT_FORMAT &&
    typeof m.eventTitle === 'string' &&
    typeof root?.eventId === 'string' &&
    typeof root.deviceId === 'string' &&
    typeof root.publicKey === 'string' &&
    typeof m.secret === 'string' &&
    isEventKey(m.eventKey) &&
    typeof m.createdAt === 'string';
  if (!ok) throw new EnrolmentFileError(DAMAGED);
  const offer = await readOffer(root, m.offer);
  if (!offer || !(deviceRoles as readonly string[]).includes(offer.role)) throw new EnrolmentFileError(said('fileExchange:enrolment.badSignature'));
  return { manifest: m as unknown as EnrolmentManifest, role: offer.role, label: offer.label, exchange: bytes.subarray(end) };
}
