/**
 * Bytes as text and back: strict base64url (the one spelling every signed file of Сход uses for keys,
 * signatures and secrets), and a copy of a byte view that WebCrypto's typings accept. Pure: `btoa`/`atob`
 * exist in browsers, workers and Node alike.
 */

/** A copy backed by a plain ArrayBuffer: WebCrypto's typings refuse views over a SharedArrayBuffer. */
export function ownBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
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
