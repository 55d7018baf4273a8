/**
 * This device's trust in each event (the trust model: shared/trust/enrolment.ts): the event's root and
 * key, this device's own enrolment, and the organizer's side — enrolment files and hub enrolments.
 *
 * The `trust` rows are device-local: never change-logged, never backed up, never restored.
 */
import type { DeviceRole } from '../../../shared/domain/types';
import type { Signer } from '../../../shared/sync/signing';
import { claimOffer, issueEnrolment, makeOffer, rootEnrolled, verifyEnrolment, type Enrolled } from '../../../shared/trust/enrolment';
import { buildEnrolmentFile, ENROLMENT_EXTENSION, type EnrolmentFile } from '../../../shared/trust/enrolment-file';
import { isEventKey, newEventKey } from '../../../shared/trust/event-key';
import type { EnrolmentGrant } from '../../../shared/trust/grant';
import { organizerSessionOpen } from '../authority';
import type { DbContext } from '../context';
import type { TrustRow } from '../database';
import { isFirstRunDeviceName } from '../open';
import { ensureDeviceKey } from './device-key';
import { dbText } from './fail';

export async function loadTrust(ctx: DbContext, eventId: string): Promise<TrustRow | undefined> {
  return ctx.db.trust.get(eventId);
}

/** This device's signing key as a Signer (device id + key). */
export async function deviceSigner(ctx: DbContext): Promise<Signer> {
  const key = await ensureDeviceKey(ctx);
  return { deviceId: ctx.device.id, publicKey: key.publicKey, sign: key.sign };
}

/**
 * The event's trust here. An event this device holds without a root — created here, or held from
 * before roots existed — gets this device as its root when this device is the organizer: the
 * organizer's laptop becomes the root of its events on their first export. Other devices never take a
 * root: theirs comes from an enrolment.
 */
export async function ensureEventRoot(ctx: DbContext, eventId: string, now: Date = new Date()): Promise<TrustRow | undefined> {
  const held = await ctx.db.trust.get(eventId);
  if (held || ctx.device.role !== 'organizer') return held;
  const key = await ensureDeviceKey(ctx); // outside the transaction: WebCrypto would commit it early
  return ctx.db.transaction('rw', ctx.db.trust, ctx.db.events, async () => {
    const raced = await ctx.db.trust.get(eventId);
    if (raced) return raced;
    if (!(await ctx.db.events.get(eventId))) return undefined;
    const row: TrustRow = { eventId, root: { eventId, deviceId: ctx.device.id, publicKey: key.publicKey }, eventKey: newEventKey(), role: 'organizer', since: now.toISOString() };
    await ctx.db.trust.put(row);
    return row;
  });
}

/** Who this device is in the event, as others will verify it: the root, or its enrolment. */
export async function ownAuthority(ctx: DbContext, trust: TrustRow): Promise<Enrolled | null> {
  if (trust.root.deviceId === ctx.device.id) return rootEnrolled(trust.root, ctx.device.name);
  return trust.enrolment ? verifyEnrolment(trust.root, trust.enrolment) : null;
}

export class TrustError extends Error {
  override name = 'TrustError';
  /** True when the organizer PIN typed on this device would let it through. */
  constructor(
    message: string,
    readonly needsPin = false,
  ) {
    super(message);
  }
}

async function rootTrust(ctx: DbContext, eventId: string, now: Date): Promise<TrustRow> {
  const trust = await ensureEventRoot(ctx, eventId, now);
  if (!trust || trust.root.deviceId !== ctx.device.id) throw new TrustError(dbText('trust.notRoot'));
  return trust;
}

/**
 * The hub path: the organizer's hub approved a paired device and its role on screen («Разрешить»);
 * the root signs that device's key and role. The desk takes the grant with acceptEnrolment.
 */
export async function enrolPairedDevice(
  ctx: DbContext,
  eventId: string,
  device: { deviceId: string; publicKey: string; role: DeviceRole; name: string },
  now: Date = new Date(),
): Promise<EnrolmentGrant> {
  const trust = await rootTrust(ctx, eventId, now);
  const enrolment = await issueEnrolment(await deviceSigner(ctx), eventId, device, now.toISOString());
  return { root: trust.root, eventKey: trust.eventKey, enrolment };
}

export type { EnrolmentGrant } from '../../../shared/trust/grant';

/**
 * The device side of any enrolment: checks the grant names THIS device and key and that the root
 * signed it, then stores the trust and takes the role, in one transaction. A device already holding
 * another root for the event refuses: the root of an event never changes. A desk or district device
 * already working for another event joins a second one only with the organizer PIN.
 */
export async function acceptEnrolment(ctx: DbContext, grant: EnrolmentGrant, now: Date = new Date(), rename?: string): Promise<Enrolled> {
  const key = await ensureDeviceKey(ctx);
  const enrolled = await verifyEnrolment(grant.root, grant.enrolment);
  if (!enrolled || !isEventKey(grant.eventKey)) throw new TrustError(dbText('trust.badSignature'));
  if (enrolled.deviceId !== ctx.device.id || enrolled.publicKey !== key.publicKey) throw new TrustError(dbText('trust.otherDevice'));
  await ctx.db.transaction('rw', ctx.db.trust, ctx.db.devices, ctx.db.events, async () => {
    const held = await ctx.db.trust.get(grant.root.eventId);
    const other = (await ctx.db.trust.toArray()).find((t) => t.eventId !== grant.root.eventId);
    if (!held && other && ctx.device.role !== 'organizer' && !organizerSessionOpen(ctx)) {
      const title = (await ctx.db.events.get(other.eventId))?.title ?? dbText('trust.otherEventUnknown');
      throw new TrustError(dbText('trust.otherEvent', { title }), true);
    }
    if (held && (held.root.deviceId !== grant.root.deviceId || held.root.publicKey !== grant.root.publicKey)) {
      throw new TrustError(dbText('trust.otherKey'));
    }
    await ctx.db.trust.put({ eventId: grant.root.eventId, root: grant.root, eventKey: grant.eventKey, enrolment: grant.enrolment, role: enrolled.role, since: now.toISOString() });
    const me = await ctx.db.devices.get(ctx.device.id);
    // the role the organizer gave decides what this device shows and writes (db/authority.ts)
    if (me) await ctx.db.devices.put({ ...me, role: enrolled.role, ...(rename ? { name: rename } : {}) });
  });
  return enrolled;
}

/**
 * An enrolment file for one new device of `role`: the root-signed offer and its one-time secret, the
 * event key, and `exchange` (a full exchange file of the event, made by the caller).
 */
export async function makeEnrolmentFile(
  ctx: DbContext,
  eventId: string,
  role: DeviceRole,
  label: string,
  exchange: Uint8Array,
  now: Date = new Date(),
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const trust = await rootTrust(ctx, eventId, now);
  const event = await ctx.db.events.get(eventId);
  const { offer, secret } = await makeOffer(await deviceSigner(ctx), eventId, role, label, now.toISOString());
  const bytes = buildEnrolmentFile({ eventTitle: event?.title ?? '', root: trust.root, offer, secret, eventKey: trust.eventKey, createdAt: now.toISOString() }, exchange);
  const safe = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 40) || 'skhod';
  return { bytes, fileName: `${dbText('trust.fileName', { event: safe(event?.title ?? ''), label: safe(label) })}.${ENROLMENT_EXTENSION}` };
}

/**
 * The device side of an enrolment file: binds this device's key to the offer, then acceptEnrolment.
 * A device still under its first-run name takes the name the organizer gave it («Стойка 1»).
 */
export async function acceptEnrolmentFile(ctx: DbContext, file: EnrolmentFile, now: Date = new Date()): Promise<Enrolled> {
  const key = await ensureDeviceKey(ctx);
  const unnamed = isFirstRunDeviceName(ctx.device.name) && file.label.trim() !== '';
  const name = unnamed ? file.label.trim().slice(0, 60) : ctx.device.name;
  const enrolment = await claimOffer(file.manifest.offer, file.manifest.secret, { deviceId: ctx.device.id, publicKey: key.publicKey, name });
  return acceptEnrolment(ctx, { root: file.manifest.root, eventKey: file.manifest.eventKey, enrolment }, now, unnamed ? name : undefined);
}
