/**
 * Author batches: the changes one device wrote, signed by that device, carried unchanged by every
 * device that relays them (the trust model: enrolment.ts).
 *
 *   AuthorBatch = { body, sig, enrolment? }
 *   body = JSON text {"t":"skhod-batch","eventId","author","changes":[tuples]} — a change is
 *          [hlc, table, rowId, "put", fields] or [hlc, table, rowId, "delete"]; its device is the one
 *          inside the stamp, and must be the author
 *   sig  = ECDSA P-256 over the body's UTF-8 bytes by the author's device key (base64url)
 *   enrolment = the author's enrolment (absent for the event's root, whose key is the root key)
 *
 * The body is kept as text so that a relay forwards the very bytes the author signed.
 */
import type { ChangeRecord } from '../sync/change';
import type { Signer } from '../sync/signing';
import { enrolmentVerifier, rootEnrolled, signStatement, type Enrolled, type Enrolment, type EventRoot } from './enrolment';
import { fromBase64Url } from '../crypto';
import { verify } from '../sync/signing';

export type AuthorBatch = { body: string; sig: string; enrolment?: Enrolment };

/**
 * Why a change was refused before the write rules saw it:
 *   not-enrolled   the batch's author has no enrolment the event's root signed (or the enrolment is
 *                  for another event, or forged);
 *   bad-signature  the author's signature does not match the batch: altered on the way (by a relay);
 *   forged-origin  the change's stamp names a device other than the batch's author;
 *   other-event    the change belongs to another event than the file's.
 */
export type TrustRefusalReason = 'not-enrolled' | 'bad-signature' | 'forged-origin' | 'other-event';
export type TrustRefusal = { change: ChangeRecord; reason: TrustRefusalReason; author: string };

export type VerifiedBatch = { batch: AuthorBatch; author: Enrolled; changes: ChangeRecord[] };


const utf8 = new TextEncoder();
const STAMP = /^\d{15}-[0-9a-f]{5}-\S+$/;

export function encodeChanges(changes: readonly ChangeRecord[]): unknown[] {
  return changes.map((c) => (c.op === 'delete' ? [c.hlc, c.table, c.rowId, 'delete'] : [c.hlc, c.table, c.rowId, 'put', c.fields]));
}

/** Tuples back to records; null when any tuple is malformed. */
export function decodeChanges(raw: unknown): ChangeRecord[] | null {
  if (!Array.isArray(raw)) return null;
  const out: ChangeRecord[] = [];
  for (const t of raw as unknown[]) {
    if (!Array.isArray(t) || typeof t[0] !== 'string' || !STAMP.test(t[0]) || typeof t[1] !== 'string' || typeof t[2] !== 'string') return null;
    const [hlc, table, rowId, op, fields] = t as [string, string, string, unknown, unknown];
    const device = hlc.slice(22);
    if (op === 'delete' && t.length === 4) out.push({ hlc, device, table, rowId, op, fields: {} });
    else if (op === 'put' && t.length === 5 && typeof fields === 'object' && fields !== null && !Array.isArray(fields)) {
      out.push({ hlc, device, table, rowId, op, fields: fields as Record<string, unknown> });
    } else return null;
  }
  return out;
}

/** Signs the changes `signer`'s device wrote, as one batch of `eventId`. */
export async function signBatch(signer: Signer, eventId: string, changes: readonly ChangeRecord[], enrolment?: Enrolment): Promise<AuthorBatch> {
  const foreign = changes.find((c) => c.device !== signer.deviceId);
  if (foreign) throw new Error(`signBatch: ${foreign.hlc} was not written by ${signer.deviceId}`);
  const signed = await signStatement(signer, { t: 'skhod-batch', eventId, author: signer.deviceId, changes: encodeChanges(changes) });
  return enrolment ? { ...signed, enrolment } : signed;
}

/**
 * The change's event when the change itself says it (an event row, or a row naming its event); else
 * undefined — the receiver checks stored rows (renderer/db/repo/exchange.ts).
 */
export function changeEvent(c: ChangeRecord): string | undefined {
  if (c.table === 'events') return c.rowId;
  const ev = c.op === 'put' ? c.fields.eventId : undefined;
  return typeof ev === 'string' ? ev : undefined;
}

/** Who signed a batch, if anyone the root vouches for: the root itself or an enrolled device. */
async function batchAuthor(root: EventRoot, batch: AuthorBatch, enrolled: (e: unknown) => Promise<Enrolled | null>): Promise<Enrolled | null> {
  return batch.enrolment === undefined ? rootEnrolled(root) : enrolled(batch.enrolment);
}

/**
 * Checks every batch of a file against the event's root. Accepted: the changes of batches whose author
 * the root enrolled and whose signature holds, minus changes stamped by another device or belonging to
 * another event. Every refused change is listed with its reason; a batch too broken to read is
 * listed in `unreadable`.
 */
export async function verifyBatches(
  root: EventRoot,
  batches: readonly unknown[],
): Promise<{ accepted: VerifiedBatch[]; refused: TrustRefusal[]; unreadable: number }> {
  const enrolled = enrolmentVerifier(root);
  const accepted: VerifiedBatch[] = [];
  const refused: TrustRefusal[] = [];
  let unreadable = 0;
  for (const raw of batches) {
    const batch = raw as AuthorBatch;
    const body = typeof batch?.body === 'string' ? parseBody(batch.body) : null;
    if (!body) {
      unreadable += 1;
      continue;
    }
    const refuseAll = (reason: TrustRefusalReason) => refused.push(...body.changes.map((change) => ({ change, reason, author: body.author })));
    const author = await batchAuthor(root, batch, enrolled);
    if (!author || author.deviceId !== body.author || body.eventId !== root.eventId) {
      refuseAll('not-enrolled');
      continue;
    }
    const sig = typeof batch.sig === 'string' ? fromBase64Url(batch.sig) : null;
    if (sig === null || !(await verify(utf8.encode(batch.body), sig, author.publicKey))) {
      refuseAll('bad-signature');
      continue;
    }
    const changes: ChangeRecord[] = [];
    for (const change of body.changes) {
      const ev = changeEvent(change);
      if (change.device !== author.deviceId) refused.push({ change, reason: 'forged-origin', author: author.deviceId });
      else if (ev !== undefined && ev !== root.eventId) refused.push({ change, reason: 'other-event', author: author.deviceId });
      else changes.push(change);
    }
    accepted.push({ batch, author, changes });
  }
  return { accepted, refused, unreadable };
}

function parseBody(text: string): { eventId: string; author: string; changes: ChangeRecord[] } | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof body !== 'object' || body === null) return null;
  const b = body as Record<string, unknown>;
  if (b.t !== 'skhod-batch' || typeof b.eventId !== 'string' || typeof b.author !== 'string') return null;
  const changes = decodeChanges(b.changes);
  return changes ? { eventId: b.eventId, author: b.author, changes } : null;
}

/** The author and event of a stored batch, read without verifying (for a relay's own bookkeeping). */
export function batchHead(batch: AuthorBatch): { eventId: string; author: string; changes: ChangeRecord[] } | null {
  return parseBody(batch.body);
}
