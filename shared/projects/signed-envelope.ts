/**
 * The signed envelope of the project files (report packages and report files), the layout of score
 * files (shared/contest/score-file.ts): `{"format":…,"payload":"<payload JSON as a string>","signature":…}`
 * with an ECDSA P-256 signature (shared/sync/signing.ts) over the payload string's UTF-8 bytes exactly as
 * written, by the key named in the payload's `publicKey`. The envelope must re-serialize to the very
 * text received, so even an edit that keeps the JSON's meaning is refused. A key carried in the file
 * proves integrity only; who holds it is proved apart (the invitation binding, a remembered key).
 */
import { fromBase64Url, toBase64Url } from '../crypto';
import { verify, type Signer } from '../sync/signing';

export type EnvelopeSigner = Pick<Signer, 'publicKey' | 'sign'>;

function envelopeText(format: string, payload: string, signature: string): string {
  return JSON.stringify({ format, payload, signature });
}

/** The envelope text of `payload` (which must name `signer.publicKey` as its `publicKey`). */
export async function signEnvelope<P extends { publicKey: string }>(format: string, payload: P, signer: EnvelopeSigner): Promise<string> {
  if (payload.publicKey !== signer.publicKey) throw new Error('signEnvelope: the payload names another key');
  const text = JSON.stringify(payload);
  const signature = toBase64Url(await signer.sign(new TextEncoder().encode(text)));
  return envelopeText(format, text, signature);
}

export type OpenedEnvelope =
  | { ok: true; payload: Record<string, unknown>; publicKey: string }
  /** `foreign`: not an envelope of this format (its own `format` when it has one); `tampered`: ours, but changed. */
  | { ok: false; code: 'foreign'; format?: string }
  | { ok: false; code: 'tampered' };

/** Equal but for at most one character: what one changed byte can do to a format mark. */
function nearly(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let diff = Math.abs(a.length - b.length);
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) diff++;
  return diff <= 1;
}

/** Parses and verifies an envelope; never throws on bad input. */
export async function openEnvelope(text: string, format: string): Promise<OpenedEnvelope> {
  let outer: unknown;
  try {
    outer = JSON.parse(text);
  } catch {
    return text.includes(format) || text.includes('"signature"') ? { ok: false, code: 'tampered' } : { ok: false, code: 'foreign' };
  }
  if (typeof outer !== 'object' || outer === null || Array.isArray(outer)) return { ok: false, code: 'foreign' };
  const o = outer as Record<string, unknown>;
  // a single changed byte can damage the format mark or a key name, but never both marks at once
  const foreign = (o.format !== format && !('payload' in o) && !('signature' in o)) || (typeof o.format === 'string' && !nearly(o.format, format));
  if (foreign) return { ok: false, code: 'foreign', ...(typeof o.format === 'string' ? { format: o.format } : {}) };
  if (typeof o.payload !== 'string' || typeof o.signature !== 'string' || o.format !== format) return { ok: false, code: 'tampered' };
  if (envelopeText(format, o.payload, o.signature) !== text) return { ok: false, code: 'tampered' };
  let payload: unknown;
  try {
    payload = JSON.parse(o.payload);
  } catch {
    return { ok: false, code: 'tampered' };
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return { ok: false, code: 'tampered' };
  const publicKey = (payload as Record<string, unknown>).publicKey;
  const signature = fromBase64Url(o.signature);
  if (typeof publicKey !== 'string' || signature === null || !(await verify(new TextEncoder().encode(o.payload), signature, publicKey))) return { ok: false, code: 'tampered' };
  return { ok: true, payload: payload as Record<string, unknown>, publicKey };
}
