/**
 * Device signatures for exchange files: ECDSA P-256 / SHA-256 over WebCrypto, so the same code signs
 * in Chromium (renderer, browser build) and verifies in Node tests.
 *
 * The primitives are those of shared/crypto/ (juror score files use the same curve and key
 * encoding), so one device key serves both: the private key is generated non-extractable and lives
 * in IndexedDB as a CryptoKey (renderer/db `keys`); the public key travels as 65 raw bytes
 * (uncompressed point) in base64url.
 *
 * A signature proves that the bytes are as the key's holder wrote them. It proves WHO that is only if
 * the receiver already trusts the key (paired devices, or a key confirmed by its fingerprint); a key
 * carried inside the file itself proves integrity only.
 */
import { exportPublicKey, fromBase64Url, generateDeviceKey, importPublicKey, sha256Hex, signBytes, verifyBytes } from '../crypto';

/** Anything that can sign for a device: the app passes its stored key, tests a fresh one. */
export type Signer = {
  deviceId: string;
  /** Raw P-256 public key, base64url. */
  publicKey: string;
  sign(bytes: Uint8Array): Promise<Uint8Array>;
};

/** A new device key pair; the private key cannot be exported (see the file comment). */
export function generateDeviceKeys(): Promise<CryptoKeyPair> {
  return generateDeviceKey();
}

export function exportDevicePublicKey(key: CryptoKey): Promise<string> {
  return exportPublicKey(key);
}

export async function createSigner(deviceId: string, keys: CryptoKeyPair): Promise<Signer> {
  const publicKey = await exportPublicKey(keys.publicKey);
  return { deviceId, publicKey, sign: (bytes) => signBytes(keys.privateKey, bytes) };
}

export function sign(privateKey: CryptoKey, bytes: Uint8Array): Promise<Uint8Array> {
  return signBytes(privateKey, bytes);
}

/** False for a wrong signature and for a malformed key or signature alike: callers refuse either way. */
export async function verify(bytes: Uint8Array, signature: Uint8Array, publicKey: string | CryptoKey): Promise<boolean> {
  const key = typeof publicKey === 'string' ? await importKeyText(publicKey) : publicKey;
  return key !== null && verifyBytes(key, signature, bytes);
}

async function importKeyText(text: string): Promise<CryptoKey | null> {
  const raw = fromBase64Url(text);
  return raw === null ? null : importPublicKey(raw);
}

/**
 * A short code for people to compare on two screens when pairing ("A1B2-C3D4-E5F6-0718"): the first
 * 64 bits of SHA-256 over the raw key. Enough against a swapped file; not a replacement for the key.
 */
export async function keyFingerprint(publicKey: string): Promise<string> {
  const raw = fromBase64Url(publicKey);
  if (raw === null) throw new Error('keyFingerprint: not a base64url key');
  const hex = (await sha256Hex(raw)).slice(0, 16).toUpperCase();
  return hex.match(/.{4}/g)!.join('-');
}

/*
 * Signed wrapping: payload ‖ signature ‖ signature length (2 bytes, big-endian). The signature sits at
 * the end so a writer can stream the payload first; its length is stored because ECDSA signatures in
 * other encodings (DER) vary in length.
 */
const LENGTH_BYTES = 2;

export async function wrapSigned(payload: Uint8Array, signer: Signer): Promise<Uint8Array> {
  const signature = await signer.sign(payload);
  const out = new Uint8Array(payload.length + signature.length + LENGTH_BYTES);
  out.set(payload, 0);
  out.set(signature, payload.length);
  new DataView(out.buffer).setUint16(out.length - LENGTH_BYTES, signature.length);
  return out;
}

/** Splits a wrapped file; null when the trailer cannot be right (too short, impossible length). */
export function unwrapSigned(bytes: Uint8Array): { payload: Uint8Array; signature: Uint8Array } | null {
  if (bytes.length < LENGTH_BYTES) return null;
  const sigLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint16(bytes.length - LENGTH_BYTES);
  const end = bytes.length - LENGTH_BYTES - sigLength;
  if (sigLength === 0 || end < 0) return null;
  return { payload: bytes.subarray(0, end), signature: bytes.subarray(end, bytes.length - LENGTH_BYTES) };
}

/** The payload of a wrapped file if `publicKey` signed it, else null. */
export async function openSigned(bytes: Uint8Array, publicKey: string | CryptoKey): Promise<Uint8Array | null> {
  const parts = unwrapSigned(bytes);
  if (!parts) return null;
  return (await verify(parts.payload, parts.signature, publicKey)) ? parts.payload : null;
}
