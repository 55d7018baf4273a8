/**
 * This device's TLS identity for the LAN hub: an ECDSA P-256 key and a self-signed certificate made
 * by the `selfsigned` library on first use and kept in userData/hub-tls.json (mode 0600).
 *
 * One identity per device serves both roles: the hub presents it as its server certificate, a desk
 * presents it as its client certificate. Each side pins the other's certificate by SHA-256 after the
 * operators compared the short codes on both screens (numeric comparison), so neither a listener on
 * the Wi-Fi nor someone who answers first can take a side's place: TLS proves possession of the key.
 */
import { createHash, X509Certificate } from 'node:crypto';
import path from 'node:path';
import { generate } from 'selfsigned';
import { z } from 'zod';
import { readJsonFile, writeJsonAtomically } from './json-store';

export type TlsIdentity = {
  /** PKCS#8 PEM private key: never leaves the main process. */
  key: string;
  cert: string;
  /** SHA-256 of the certificate's DER, lowercase hex: what the other side pins. */
  fingerprint: string;
  /** The short code people compare: «A1B2-C3D4-E5F6-0718». */
  code: string;
};

const fileSchema = z.object({ version: z.literal(1), key: z.string().min(100).max(10_000), cert: z.string().min(100).max(10_000) });

/** ~27 years: the pin is the key, not the dates; a hub must not stop working on an expiry date. */
const VALID_DAYS = 10_000;

/** SHA-256 of a certificate's DER bytes, hex. */
export function certFingerprint(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('hex');
}

/**
 * The first 64 bits of a SHA-256 fingerprint in four groups: what operators read aloud. 64 bits keep
 * an impostor from making a certificate with the same code (2^64 tries), while a person can still
 * compare it at a glance.
 */
export function shortCode(fingerprint: string): string {
  return fingerprint.slice(0, 16).toUpperCase().match(/.{4}/g)!.join('-');
}

/** Identity from PEM strings; throws when the certificate cannot be read. */
export function identityFromPem(key: string, cert: string): TlsIdentity {
  const fingerprint = certFingerprint(new X509Certificate(cert).raw);
  return { key, cert, fingerprint, code: shortCode(fingerprint) };
}

export async function createTlsIdentity(commonName = 'Skhod hub'): Promise<TlsIdentity> {
  const pems = await generate([{ name: 'commonName', value: commonName }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + VALID_DAYS * 86_400_000),
  });
  return identityFromPem(pems.private, pems.cert);
}

/** The identity in `dataDir`, made and saved on first call. */
export async function loadOrCreateTlsIdentity(dataDir: string): Promise<TlsIdentity> {
  const file = path.join(dataDir, 'hub-tls.json');
  const saved = await readJsonFile(file, (raw) => {
    const parsed = fileSchema.safeParse(raw);
    if (!parsed.success) return undefined;
    try {
      return identityFromPem(parsed.data.key, parsed.data.cert);
    } catch {
      return undefined;
    }
  });
  if (saved) return saved;
  const made = await createTlsIdentity();
  await writeJsonAtomically(file, { version: 1, key: made.key, cert: made.cert });
  return made;
}
