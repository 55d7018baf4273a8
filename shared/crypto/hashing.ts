/**
 * Digests and shared secrets over WebCrypto: SHA-256 of file contents (attachments, report photos,
 * juror packages), HMAC-SHA-256 under an invitation secret (binding a juror's or a project team's key
 * to its invitation), random secrets, and a comparison of MACs that does not leak where they differ.
 */
import { ownBuffer, toBase64Url } from './encoding';

const HMAC: HmacImportParams = { name: 'HMAC', hash: 'SHA-256' };

/** 32 random bytes, base64url: an invitation secret. */
export function randomSecret(bytes = 32): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

export async function hmacSha256(secret: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', ownBuffer(secret), HMAC, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, ownBuffer(data)));
}

export async function sha256Hex(data: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', ownBuffer(data)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Compares without an early exit, so the time taken does not tell how many leading bytes matched. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
