/**
 * The access-code seal: files handed to a device that is not enrolled in the event and must not hold
 * its key (it would open every exchange file) — juror packages (juror-package.ts) and the teams'
 * report packages (shared/projects/report-package.ts). The organizer tells the code apart from the file.
 *
 * Layout: a 7-byte magic naming the kind of file, 0x01, a 16-byte salt, the PBKDF2 iteration count
 * (4 bytes, big-endian), then AES-256-GCM (shared/trust/event-key.ts) of the file under a key derived
 * from the code, with that clear head as additional data.
 */
import { sealWithKey, unsealWithKey } from '../trust/event-key';

const SALT_BYTES = 16;
/** PBKDF2-SHA-256 rounds for the access code: the code has 80 random bits, the rounds only add margin. */
export const PACKAGE_CODE_ITERATIONS = 200_000;
/** Crockford's base32: no I, L, O, U — nothing to misread when a code is dictated by phone. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new access code, «XXXX-XXXX-XXXX-XXXX» (80 random bits). */
export function newPackageCode(): string {
  const chars = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => CODE_ALPHABET[b & 31]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** The code as typed: case, spaces and dashes do not matter; I/L read as 1, O as 0. */
function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]+/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
}

async function codeKey(code: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(normalizeCode(code)), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(salt), iterations }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** Bytes of the clear head before the ciphertext. */
export const sealHeadBytes = (magic: Uint8Array) => magic.length + 1 + SALT_BYTES + 4;

export function isSealedWith(bytes: Uint8Array, magic: Uint8Array): boolean {
  return bytes.length >= sealHeadBytes(magic) && magic.every((b, i) => bytes[i] === b);
}

/** `bytes` sealed under `code`, the file kind named by `magic`. */
export async function sealWithCode(bytes: Uint8Array, code: string, magic: Uint8Array, iterations = PACKAGE_CODE_ITERATIONS): Promise<Uint8Array<ArrayBuffer>> {
  const head = new Uint8Array(sealHeadBytes(magic));
  head.set(magic, 0);
  head[magic.length] = 1;
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  head.set(salt, magic.length + 1);
  new DataView(head.buffer).setUint32(magic.length + 1 + SALT_BYTES, iterations);
  const body = await sealWithKey(await codeKey(code, salt, iterations), bytes, head);
  const out = new Uint8Array(head.length + body.length);
  out.set(head, 0);
  out.set(body, head.length);
  return out;
}

/** The sealed bytes, or null for a wrong code, altered bytes or a file of another kind. */
export async function unsealWithCode(bytes: Uint8Array, code: string, magic: Uint8Array): Promise<Uint8Array | null> {
  if (!isSealedWith(bytes, magic) || bytes[magic.length] !== 1) return null;
  const headBytes = sealHeadBytes(magic);
  const iterations = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(magic.length + 1 + SALT_BYTES);
  if (iterations < 1 || iterations > 10_000_000) return null;
  const key = await codeKey(code, bytes.subarray(magic.length + 1, magic.length + 1 + SALT_BYTES), iterations);
  return unsealWithKey(key, bytes.subarray(headBytes), bytes.subarray(0, headBytes));
}
