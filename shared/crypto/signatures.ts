/**
 * The few WebCrypto operations the juror exchange needs: ECDSA P-256 device keys, HMAC-SHA-256 under
 * the invitation secret, random secrets and base64url. WebCrypto (`crypto.subtle`) exists in browsers
 * and in Node 20 alike, so juror packages and score files are made and checked by the same code on the
 * juror's browser build, the renderer and the tests. (A device-signing module for sync may appear in
 * shared/sync; this file stays self-contained so the contest does not depend on its schedule.)
 */

const ECDSA: EcKeyImportParams = { name: 'ECDSA', namedCurve: 'P-256' };
const ECDSA_SIGN: EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };
const HMAC: HmacImportParams = { name: 'HMAC', hash: 'SHA-256' };

/** A copy backed by a plain ArrayBuffer: WebCrypto's typings refuse views over a SharedArrayBuffer. */
function buf(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}

export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]!);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Strict: anything but base64url characters (or a length that cannot occur) → null. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  // reject non-canonical encodings (stray low bits in the last character): one file, one spelling
  return toBase64Url(out) === text ? out : null;
}

/** 32 random bytes, base64url: an invitation secret. */
export function randomSecret(bytes = 32): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/**
 * A juror device's signing key. The private key is not extractable: it can be stored in IndexedDB
 * (structured clone keeps CryptoKeys) but never read out, so a copied database cannot leak it as bytes.
 */
export async function generateDeviceKey(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(ECDSA, false, ['sign', 'verify']);
}

/** The public key as 65 raw bytes (uncompressed point), base64url. */
export async function exportPublicKey(key: CryptoKey): Promise<string> {
  return toBase64Url(new Uint8Array(await crypto.subtle.exportKey('raw', key)));
}

export async function importPublicKey(raw: Uint8Array): Promise<CryptoKey | null> {
  try {
    return await crypto.subtle.importKey('raw', buf(raw), ECDSA, true, ['verify']);
  } catch {
    return null;
  }
}

export async function signBytes(privateKey: CryptoKey, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign(ECDSA_SIGN, privateKey, buf(data)));
}

export async function verifyBytes(publicKey: CryptoKey, signature: Uint8Array, data: Uint8Array): Promise<boolean> {
  try {
    return await crypto.subtle.verify(ECDSA_SIGN, publicKey, buf(signature), buf(data));
  } catch {
    return false;
  }
}

export async function hmacSha256(secret: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', buf(secret), HMAC, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, buf(data)));
}

export async function sha256Hex(data: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', buf(data)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Compares without an early exit, so the time taken does not tell how many leading bytes matched. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
