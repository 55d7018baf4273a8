/**
 * Authority across devices (issue 17): who may write what in an event, proven by signatures, never by
 * what a file says about itself.
 *
 * ════════════════════════════════════════════════════════════════════════════════════════════════
 * THE TRUST MODEL
 *
 * 1. Event root. The organizer's device that creates an event is its root: the event's trust record
 *    (renderer/db/repo/trust.ts, device-local, never restored from a backup) holds the root device id
 *    and its public key (ECDSA P-256, the device key of shared/sync/signing.ts) and a random 256-bit
 *    event key. Every device of the event pins the root when it is enrolled; nothing later replaces it.
 *
 * 2. Enrolment. Every other device holds a role in the event only because the root signed it:
 *    - direct:  root signs {event, deviceId, devicePublicKey, role, name, issuedAt} — the hub path
 *               (the organizer's hub approves a paired device and its role on screen: issueEnrolment);
 *    - by file: root signs an OFFER {event, offerId, offerKey, role, issuedAt}; the enrolment file
 *               (enrolment-file.ts) carries the offer, the offer key's PRIVATE half (the one-time
 *               secret), the event key and a full exchange file. The new device signs a CLAIM
 *               {event, offerId, deviceId, devicePublicKey, name} with the offer key, binding its own
 *               key to the secret (as juror packages bind a juror's key to the invitation secret).
 *               Root → offer key → device key is a chain any device verifies offline.
 *    A role is never taken from a file header, never granted on first use, never changed by a file: a
 *    role change is a new enrolment by the root (the newest `issuedAt` of a device's enrolments wins
 *    for the batches it signs from then on).
 *
 * 3. Author batches. A device signs the batches of changes IT wrote (shared/trust/batches.ts), each
 *    carrying its enrolment; relays (a desk passing on what it received, the hub) store the batches
 *    and forward them byte for byte. A receiver verifies every batch against the event root: the
 *    enrolment chain, the author's signature, that every change's stamp names the author
 *    (`forged-origin` otherwise), and that every change belongs to the event of the file
 *    (`other-event`). Per-table rules (shared/trust/rules.ts) then judge each change against the
 *    AUTHOR's enrolled role — the same rules the repositories apply to local writes.
 *    Judging a batch needs only the batch and the root, so every device reaches the same verdict
 *    whatever order files come in: «any order, any repeats, same result» holds.
 *
 * 4. Files are encrypted for the event (event-key.ts: AES-256-GCM under the event key, which only
 *    enrolled devices hold); the sender's device signature stays on top, over the ciphertext.
 *
 * What a stolen desk laptop can do: write what a desk writes (people, registrations, check-ins) in
 * its own name until the organizer stops accepting it; read the event's data it holds. What it cannot:
 * write contest data or the organizer PIN, pass changes off as another device's, enrol devices or
 * raise its own role — none of that verifies against the root key, which never leaves the organizer.
 * Known limit: an offer is meant to be claimed once; two devices claiming one enrolment file are both
 * accepted (each with the role of the offer), so an enrolment file is handed over like a key.
 * ════════════════════════════════════════════════════════════════════════════════════════════════
 */
import { deviceRoles, type DeviceRole } from '../domain/types';
import { fromBase64Url, randomSecret, toBase64Url } from '../crypto';
import { exportDevicePublicKey, verify, type Signer } from '../sync/signing';

/** The event's root of trust: the organizer device that created it. */
export type EventRoot = { eventId: string; deviceId: string; publicKey: string };

/** A statement as signed: its exact JSON text and the signature over its UTF-8 bytes (base64url). */
export type Signed = { body: string; sig: string };

export type Enrolment = { direct: Signed } | { offer: Signed; claim: Signed };

/** A verified enrolment: the device, its key and the role the root gave it. */
export type Enrolled = { eventId: string; deviceId: string; publicKey: string; role: DeviceRole; name: string; issuedAt: string };

type DirectBody = { t: 'skhod-enrol'; eventId: string; deviceId: string; publicKey: string; role: DeviceRole; name: string; issuedAt: string };
type OfferBody = { t: 'skhod-offer'; eventId: string; offerId: string; offerKey: string; role: DeviceRole; label: string; issuedAt: string };
type ClaimBody = { t: 'skhod-claim'; eventId: string; offerId: string; deviceId: string; publicKey: string; name: string };

const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDSA_SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;
const utf8 = new TextEncoder();

export async function signStatement(signer: Pick<Signer, 'sign'>, body: object): Promise<Signed> {
  const text = JSON.stringify(body);
  return { body: text, sig: toBase64Url(await signer.sign(utf8.encode(text))) };
}

async function verifiedBody(s: unknown, publicKey: string): Promise<Record<string, unknown> | null> {
  if (!isRecord(s) || typeof s.body !== 'string' || typeof s.sig !== 'string') return null;
  const sig = fromBase64Url(s.sig);
  if (sig === null || !(await verify(utf8.encode(s.body), sig, publicKey))) return null;
  try {
    const body: unknown = JSON.parse(s.body);
    return isRecord(body) ? body : null;
  } catch {
    return null;
  }
}

/** The root's own authority in its event: the organizer, proven by the root key itself. */
export function rootEnrolled(root: EventRoot, name = 'Организатор'): Enrolled {
  return { eventId: root.eventId, deviceId: root.deviceId, publicKey: root.publicKey, role: 'organizer', name, issuedAt: '' };
}

/** Direct enrolment (the hub path): the root signs a device it has seen, with its key and role. */
export async function issueEnrolment(
  root: Signer,
  eventId: string,
  device: { deviceId: string; publicKey: string; role: DeviceRole; name: string },
  issuedAt: string,
): Promise<Enrolment> {
  const body: DirectBody = { t: 'skhod-enrol', eventId, deviceId: device.deviceId, publicKey: device.publicKey, role: device.role, name: device.name, issuedAt };
  return { direct: await signStatement(root, body) };
}

/** An offer for one new device of `role`, and its one-time secret (the offer key's private half, PKCS#8 base64url). */
export async function makeOffer(root: Signer, eventId: string, role: DeviceRole, label: string, issuedAt: string): Promise<{ offer: Signed; secret: string }> {
  const pair = await crypto.subtle.generateKey(ECDSA, true, ['sign', 'verify']);
  const offerKey = await exportDevicePublicKey(pair.publicKey);
  const secret = toBase64Url(new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey)));
  const body: OfferBody = { t: 'skhod-offer', eventId, offerId: randomSecret(12), offerKey, role, label, issuedAt };
  return { offer: await signStatement(root, body), secret };
}

/** The new device's side: binds its own key to the offer with the one-time secret. */
export async function claimOffer(offer: Signed, secret: string, device: { deviceId: string; publicKey: string; name: string }): Promise<Enrolment> {
  const raw = fromBase64Url(secret);
  const parsed = JSON.parse(offer.body) as OfferBody;
  if (raw === null) throw new Error('claimOffer: the secret is not base64url');
  const key = await crypto.subtle.importKey('pkcs8', new Uint8Array(raw), ECDSA, false, ['sign']);
  const body: ClaimBody = { t: 'skhod-claim', eventId: parsed.eventId, offerId: parsed.offerId, deviceId: device.deviceId, publicKey: device.publicKey, name: device.name };
  const claim = await signStatement({ sign: async (bytes) => new Uint8Array(await crypto.subtle.sign(ECDSA_SIGN, key, new Uint8Array(bytes))) }, body);
  return { offer, claim };
}

/** The offer's content as the root signed it, or null if the root did not sign it. */
export async function readOffer(root: EventRoot, offer: unknown): Promise<{ offerId: string; role: DeviceRole; label: string; issuedAt: string } | null> {
  const o = await verifiedBody(offer, root.publicKey);
  if (!o || o.t !== 'skhod-offer' || o.eventId !== root.eventId || typeof o.offerId !== 'string' || typeof o.offerKey !== 'string') return null;
  if (!isRole(o.role) || typeof o.label !== 'string' || typeof o.issuedAt !== 'string') return null;
  return { offerId: o.offerId, role: o.role, label: o.label, issuedAt: o.issuedAt };
}

/**
 * The enrolment checked against the event root, or null: a statement the root did not sign, a claim
 * the offer key did not sign, another event's enrolment, or anything malformed.
 */
export async function verifyEnrolment(root: EventRoot, enrolment: unknown): Promise<Enrolled | null> {
  if (!isRecord(enrolment)) return null;
  if ('direct' in enrolment) {
    const d = await verifiedBody(enrolment.direct, root.publicKey);
    if (!d || d.t !== 'skhod-enrol' || d.eventId !== root.eventId || !isRole(d.role)) return null;
    if (typeof d.deviceId !== 'string' || typeof d.publicKey !== 'string' || typeof d.name !== 'string' || typeof d.issuedAt !== 'string') return null;
    return { eventId: root.eventId, deviceId: d.deviceId, publicKey: d.publicKey, role: d.role, name: d.name, issuedAt: d.issuedAt };
  }
  const o = await verifiedBody(enrolment.offer, root.publicKey);
  if (!o || o.t !== 'skhod-offer' || o.eventId !== root.eventId || typeof o.offerKey !== 'string' || !isRole(o.role) || typeof o.issuedAt !== 'string') return null;
  const c = await verifiedBody(enrolment.claim, o.offerKey);
  if (!c || c.t !== 'skhod-claim' || c.eventId !== root.eventId || c.offerId !== o.offerId) return null;
  if (typeof c.deviceId !== 'string' || typeof c.publicKey !== 'string' || typeof c.name !== 'string') return null;
  return { eventId: root.eventId, deviceId: c.deviceId, publicKey: c.publicKey, role: o.role, name: c.name, issuedAt: o.issuedAt };
}

/**
 * Verifies enrolments once each: every batch of an author carries the same enrolment, and a file may
 * hold hundreds of batches. Keyed by the signatures, which pin the whole statement.
 */
export function enrolmentVerifier(root: EventRoot): (enrolment: unknown) => Promise<Enrolled | null> {
  const cache = new Map<string, Promise<Enrolled | null>>();
  return (enrolment) => {
    const key = isRecord(enrolment) ? JSON.stringify(enrolment) : '';
    let hit = cache.get(key);
    if (!hit) cache.set(key, (hit = verifyEnrolment(root, enrolment)));
    return hit;
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isRole = (v: unknown): v is DeviceRole => (deviceRoles as readonly unknown[]).includes(v);
