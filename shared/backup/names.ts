/**
 * Names of backup files in the device's backups folder (Electron) or store (browser).
 *
 * SECURITY: the main process accepts from the renderer only names that match BACKUP_NAME_RE exactly —
 * no path separators, no dots but the one before the extension, fixed length — so no name can reach
 * outside the backups folder. The time in the name is UTC, so names sort in the order they were made.
 */
export const BACKUP_NAME_RE = /^skhod-\d{8}-\d{9}-[a-z0-9]{6}\.skhod-backup$/;

/** `skhod-20190927-083015042-k3x9q2.skhod-backup` for 2019-09-27 08:30:15.042 UTC. */
export function backupFileName(at: Date, random: string): string {
  if (!/^[a-z0-9]{6}$/.test(random)) throw new Error('random part must be 6 of [a-z0-9]');
  const iso = at.toISOString(); // 2019-09-27T08:30:15.042Z
  const day = iso.slice(0, 10).replace(/-/g, '');
  const time = iso.slice(11, 23).replace(/[:.]/g, '');
  return `skhod-${day}-${time}-${random}.skhod-backup`;
}

export function isBackupFileName(name: string): boolean {
  return BACKUP_NAME_RE.test(name);
}

/** The UTC time encoded in a valid name (ms since epoch), or NaN. */
export function backupNameTime(name: string): number {
  const m = /^skhod-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(\d{3})-/.exec(name);
  if (!m) return NaN;
  const [, y, mo, d, h, mi, s, ms] = m.map(Number) as number[];
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!, ms!);
}

/** Six random characters of [a-z0-9] for a name (WebCrypto, present in browsers and Node 20). */
export function randomNamePart(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}

/** A backup file larger than this is refused before it is read (same as any file the app opens). */
export const MAX_BACKUP_BYTES = 100 * 1024 * 1024;

/** Small description kept next to a backup so the list shows it without reading the file. */
export type BackupInfo = {
  createdAt: string;
  reason: string;
  deviceName: string;
  changeCount: number;
  lastStamp: string;
  events: string[];
};

/** Longest serialized BackupInfo a store accepts (the reason and event titles are short). */
export const MAX_BACKUP_INFO_CHARS = 8 * 1024;
