import { deriveBackupSeal, isSealedBackup, MIN_PASSPHRASE_LENGTH, sealBackup, type BackupSeal, type SealParams } from '../../shared/backup/seal';
import type { DbContext } from './context';
import { dbText } from './repo/fail';

/**
 * The passphrase of backups saved to a file (Настройки → Резервные копии → «Защитить резервные копии
 * паролем»). Off by default: a forgotten passphrase loses the copy, and nobody can recover it.
 *
 * Where it lives: nowhere. What is kept is the AES key derived from it (a non-extractable CryptoKey)
 * with its salt and check, in the `keys` table — never written to a backup (BACKUP_EXCLUDED_TABLES),
 * left as it is by a restore (KEPT_ON_RESTORE). So this device seals every copy it saves to a file
 * without asking, and the copies it keeps for itself (before imports, restores, every 10 minutes) stay
 * unsealed in its own storage, beside the live database they copy: they are restored here without a
 * passphrase, unattended copies keep working, and a forgotten passphrase never costs this device's data.
 */

/** The `keys` row of the seal. */
export const BACKUP_SEAL_ID = 'backup.seal';

type SealRow = BackupSeal & { id: typeof BACKUP_SEAL_ID; createdAt: string };

/** `keys` is typed for device keys; the seal row has its own shape. */
const sealTable = (ctx: DbContext) => ctx.db.table<SealRow, string>('keys');

/** When the passphrase was set, or undefined when copies are saved unsealed. */
export async function backupPassphraseSetAt(ctx: DbContext): Promise<string | undefined> {
  return (await sealTable(ctx).get(BACKUP_SEAL_ID))?.createdAt;
}

/** Why a passphrase cannot be set (in the UI's language), or undefined when it can. */
export function passphraseProblem(passphrase: string, repeated: string): string | undefined {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) return dbText('backup.passphraseShort', { count: MIN_PASSPHRASE_LENGTH });
  if (passphrase !== repeated) return dbText('backup.passphraseMismatch');
  return undefined;
}

/** Sets or replaces the passphrase. `params` other than the default are for tests. */
export async function setBackupPassphrase(ctx: DbContext, passphrase: string, now: Date = new Date(), params?: SealParams): Promise<void> {
  const problem = passphraseProblem(passphrase, passphrase);
  if (problem) throw new Error(problem);
  const seal = await deriveBackupSeal(passphrase, params);
  await sealTable(ctx).put({ id: BACKUP_SEAL_ID, createdAt: now.toISOString(), ...seal });
}

/** Copies saved to a file after this are not sealed (those saved before still need their passphrase). */
export async function removeBackupPassphrase(ctx: DbContext): Promise<void> {
  await sealTable(ctx).delete(BACKUP_SEAL_ID);
}

/**
 * A backup as it goes into a file the user keeps: sealed when a passphrase is set. Takes a version-1
 * file (createBackup's or a stored one); a file that is already sealed is returned as it is.
 */
export async function backupForFile(ctx: DbContext, bytes: Uint8Array): Promise<{ bytes: Uint8Array<ArrayBuffer>; sealed: boolean }> {
  const row = await sealTable(ctx).get(BACKUP_SEAL_ID);
  if (isSealedBackup(bytes)) return { bytes: new Uint8Array(bytes), sealed: true };
  if (!row) return { bytes: new Uint8Array(bytes), sealed: false };
  return { bytes: await sealBackup(bytes, row), sealed: true };
}
