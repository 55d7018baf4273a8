/**
 * Backups sealed with a passphrase: the optional protection of a copy saved to a file (issue 19).
 *
 * ════════════════════════════════════════════════════════════════════════════════════════════════
 * FILE FORMAT, VERSION 2 (a sealed envelope around a whole version-1 file, see format.ts):
 *
 *   "SKHODBK" + version byte (0x02)      8 bytes, as in every backup
 *   KDF id (0x01 = scrypt), log2 N, r, p   4 bytes
 *   salt                                 16 bytes, random per passphrase
 *   check                                16 bytes, scrypt output 32..47: tells a wrong passphrase from damage
 *   iv                                   12 bytes, random per file
 *   AES-256-GCM(version-1 file bytes)    the key is scrypt output 0..31; the 56 bytes above are the
 *                                        additional data, so no header byte can be changed unnoticed
 *
 * Nothing of the data is in the clear (no event title, no device name): the restore preview is shown
 * after the passphrase. The check costs an attacker nothing he did not have (the GCM tag already tells
 * a right guess); each guess still costs one scrypt (N = 2^17, r = 8: 128 MiB).
 * ════════════════════════════════════════════════════════════════════════════════════════════════
 *
 * Pure: WebCrypto and @noble/hashes, no storage. Where the derived key is kept: renderer/db/backup-seal.ts.
 */
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { BACKUP_MAGIC, BackupError, SEALED_BACKUP_VERSION } from './format';
import { said } from '../text/said';

export type SealParams = { log2N: number; r: number; p: number };

/** scrypt cost of a new passphrase: OWASP's minimum for scrypt (128 MiB, a second or two in JavaScript). */
export const SEAL_PARAMS: SealParams = { log2N: 17, r: 8, p: 1 };
/** A passphrase shorter than this is refused when set. */
export const MIN_PASSPHRASE_LENGTH = 8;

const KDF_SCRYPT = 1;
const SALT_BYTES = 16;
const CHECK_BYTES = 16;
const IV_BYTES = 12;
const HEADER_BYTES = BACKUP_MAGIC.length + 1 + 4 + SALT_BYTES + CHECK_BYTES + IV_BYTES;
const TAG_BYTES = 16;

/** What seals files without the passphrase: the AES key (non-extractable) with the salt and check it came from. */
export type BackupSeal = { params: SealParams; salt: Uint8Array<ArrayBuffer>; check: Uint8Array<ArrayBuffer>; key: CryptoKey };

/** A file costlier than this to open is refused before scrypt runs (a crafted header must not take gigabytes). */
function acceptable({ log2N, r, p }: SealParams): boolean {
  return log2N >= 1 && log2N <= 18 && r >= 1 && r <= 16 && p >= 1 && p <= 4 && 2 ** log2N * r * 128 <= 256 * 1024 * 1024;
}

async function derive(passphrase: string, salt: Uint8Array<ArrayBuffer>, params: SealParams): Promise<{ key: CryptoKey; check: Uint8Array<ArrayBuffer> }> {
  const out = await scryptAsync(passphrase.normalize('NFC'), salt, { N: 2 ** params.log2N, r: params.r, p: params.p, dkLen: 32 + CHECK_BYTES });
  const key = await crypto.subtle.importKey('raw', out.slice(0, 32), 'AES-GCM', false, ['encrypt', 'decrypt']);
  const check = new Uint8Array(out.subarray(32, 32 + CHECK_BYTES));
  out.fill(0);
  return { key, check };
}

/** Derives the seal of a new passphrase (fresh salt). `params` other than SEAL_PARAMS are for tests. */
export async function deriveBackupSeal(passphrase: string, params: SealParams = SEAL_PARAMS): Promise<BackupSeal> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  return { params, salt, ...(await derive(passphrase, salt, params)) };
}

/** Whether the bytes are a sealed backup (the restore asks for the passphrase first). */
export function isSealedBackup(bytes: Uint8Array): boolean {
  return bytes.length > BACKUP_MAGIC.length && BACKUP_MAGIC.every((b, i) => bytes[i] === b) && bytes[BACKUP_MAGIC.length] === SEALED_BACKUP_VERSION;
}

/** Seals a version-1 backup file (packBackup's output, or a stored backup as it is). */
export async function sealBackup(plain: Uint8Array, seal: BackupSeal): Promise<Uint8Array<ArrayBuffer>> {
  const { log2N, r, p } = seal.params;
  const header = new Uint8Array(HEADER_BYTES);
  header.set(BACKUP_MAGIC, 0);
  let at = BACKUP_MAGIC.length;
  header.set([SEALED_BACKUP_VERSION, KDF_SCRYPT, log2N, r, p], at);
  header.set(seal.salt, (at += 5));
  header.set(seal.check, (at += SALT_BYTES));
  header.set(crypto.getRandomValues(new Uint8Array(IV_BYTES)), (at += CHECK_BYTES));
  const iv = header.subarray(at, at + IV_BYTES);
  const body = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: header }, seal.key, plain as Uint8Array<ArrayBuffer>));
  const out = new Uint8Array(HEADER_BYTES + body.length);
  out.set(header, 0);
  out.set(body, HEADER_BYTES);
  return out;
}

/**
 * Opens a sealed backup with its passphrase and returns the version-1 file inside (for unpackBackup).
 * A wrong passphrase → BackupError 'wrong-passphrase'; a changed, cut or foreign envelope → 'corrupt'.
 */
export async function openSealedBackup(bytes: Uint8Array, passphrase: string): Promise<Uint8Array<ArrayBuffer>> {
  if (!isSealedBackup(bytes)) throw new BackupError('not-a-backup');
  if (bytes.length < HEADER_BYTES + TAG_BYTES) throw new BackupError('corrupt', said('fileBackup:details.truncated'));
  let at = BACKUP_MAGIC.length + 1;
  const params = { log2N: bytes[at + 1]!, r: bytes[at + 2]!, p: bytes[at + 3]! };
  if (bytes[at] !== KDF_SCRYPT || !acceptable(params)) throw new BackupError('corrupt', said('fileBackup:details.unknownSealing'));
  at += 4;
  const salt = new Uint8Array(bytes.subarray(at, (at += SALT_BYTES)));
  const check = bytes.subarray(at, (at += CHECK_BYTES));
  const iv = new Uint8Array(bytes.subarray(at, (at += IV_BYTES)));
  const derived = await derive(passphrase, salt, params);
  if (!derived.check.every((b, i) => b === check[i])) throw new BackupError('wrong-passphrase');
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: new Uint8Array(bytes.subarray(0, HEADER_BYTES)) },
      derived.key,
      new Uint8Array(bytes.subarray(HEADER_BYTES)),
    );
    return new Uint8Array(plain);
  } catch {
    throw new BackupError('corrupt');
  }
}
