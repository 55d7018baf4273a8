/**
 * Device keys and signatures: ECDSA P-256 / SHA-256 over WebCrypto (`crypto.subtle` exists in browsers
 * and in Node 20 alike), so exchange files, juror score files, trust batches and project reports are
 * signed and checked by the same code in the renderer, the juror's browser build and the tests. One
 * device key serves all of them (shared/sync/signing.ts wraps it for exchange files).
 */
import { ownBuffer, toBase64Url } from './encoding';

const ECDSA: EcKeyImportParams = { name: 'ECDSA', namedCurve: 'P-256' };
const ECDSA_SIGN: EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };

/**
 * A device's signing key. The private key is not extractable: it can be stored in IndexedDB
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
    return await crypto.subtle.importKey('raw', ownBuffer(raw), ECDSA, true, ['verify']);
  } catch {
    return null;
  }
}

export async function signBytes(privateKey: CryptoKey, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign(ECDSA_SIGN, privateKey, ownBuffer(data)));
}

export async function verifyBytes(publicKey: CryptoKey, signature: Uint8Array, data: Uint8Array): Promise<boolean> {
  try {
    return await crypto.subtle.verify(ECDSA_SIGN, publicKey, ownBuffer(signature), ownBuffer(data));
  } catch {
    return false;
  }
}
