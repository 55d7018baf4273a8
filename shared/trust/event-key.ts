/**
 * The event key: 256 random bits per event, held by the event's root and every device it enrolled
 * (enrolment files and the hub deliver it). Exchange files and juror packages are sealed with it —
 * AES-256-GCM through WebCrypto, a fresh 96-bit IV per file, the file's clear header as additional
 * data — so a lost USB stick or a forwarded message shows no one's name, phone or PIN hash.
 */
import { fromBase64Url, randomSecret } from '../crypto';

const AES = { name: 'AES-GCM', length: 256 } as const;
export const IV_BYTES = 12;

/** A new event key, base64url (43 characters). */
export function newEventKey(): string {
  return randomSecret(32);
}

/** True for a well-formed event key (32 bytes, base64url). */
export function isEventKey(key: unknown): key is string {
  return typeof key === 'string' && fromBase64Url(key)?.length === 32;
}

async function aesKey(key: string): Promise<CryptoKey> {
  const raw = fromBase64Url(key);
  if (raw === null || raw.length !== 32) throw new Error('event key: not 32 bytes of base64url');
  return crypto.subtle.importKey('raw', new Uint8Array(raw), AES, false, ['encrypt', 'decrypt']);
}

/** iv ‖ ciphertext+tag. `aad` is authenticated, not encrypted: a changed clear header fails to open. */
export async function seal(key: string, plain: Uint8Array, aad: Uint8Array = new Uint8Array()): Promise<Uint8Array> {
  return sealWithKey(await aesKey(key), plain, aad);
}

/** The event key's text, as an AES-GCM CryptoKey; also for keys derived otherwise (juror packages). */
export async function sealWithKey(key: CryptoKey, plain: Uint8Array, aad: Uint8Array = new Uint8Array()): Promise<Uint8Array> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new Uint8Array(aad) }, key, new Uint8Array(plain)));
  const out = new Uint8Array(IV_BYTES + data.length);
  out.set(iv, 0);
  out.set(data, IV_BYTES);
  return out;
}

/** The plain bytes, or null for a wrong key or altered bytes (GCM cannot tell the two apart). */
export async function unseal(key: string, sealed: Uint8Array, aad: Uint8Array = new Uint8Array()): Promise<Uint8Array | null> {
  return unsealWithKey(await aesKey(key), sealed, aad);
}

export async function unsealWithKey(key: CryptoKey, sealed: Uint8Array, aad: Uint8Array = new Uint8Array()): Promise<Uint8Array | null> {
  if (sealed.length < IV_BYTES + 16) return null;
  try {
    const iv = new Uint8Array(sealed.subarray(0, IV_BYTES));
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: new Uint8Array(aad) }, key, new Uint8Array(sealed.subarray(IV_BYTES)));
    return new Uint8Array(plain);
  } catch {
    return null;
  }
}

