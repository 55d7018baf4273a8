import { promises as fs } from 'node:fs';
import path from 'node:path';
import { app } from 'electron';
import { isBackupFileName, MAX_BACKUP_BYTES, MAX_BACKUP_INFO_CHARS } from '../../shared/backup/names';
import type { StoredBackup } from '../../shared/ipc/contract';
import { said } from '../../shared/text/said';
import { BridgeError } from '../errors';
import type { ParsedArgs } from '../ipc';
import { ioError } from './fs-errors';
import { readFileLimited } from './open-file';
import { writeFileAtomically } from './save-file';

/** Where the app keeps its own backups: beside the database, in the user's profile folder. */
export function defaultBackupsFolder(): string {
  return path.join(app.getPath('userData'), 'backups');
}

/** At most this many files are listed (rotation keeps ~17; the cap bounds a folder filled by hand). */
const MAX_LISTED = 500;

/**
 * SECURITY: the only way a name from the renderer becomes a path. The contract already allows only
 * names of the fixed shape (no separators, no "..", one extension); this checks again, because the
 * main process must not depend on the validation layer in front of it, and makes sure the resolved
 * path is a direct child of the backups folder.
 */
export function backupPath(folder: string, name: string): string {
  if (!isBackupFileName(name) || path.basename(name) !== name) {
    throw new BridgeError('invalid-args', said('fileAccess:backups.badName'));
  }
  const root = path.resolve(folder);
  const full = path.resolve(root, name);
  if (path.dirname(full) !== root) throw new BridgeError('invalid-args', said('fileAccess:backups.outsideFolder'));
  return full;
}

/** The small JSON written next to each backup (the list reads it instead of the whole file). */
function infoPath(file: string): string {
  return file.replace(/\.skhod-backup$/, '.info.json');
}

/**
 * The four backup channels over one folder. Files are written atomically (temp + fsync + rename, as
 * any saved file): a crash mid-write leaves the previous backups intact and no half file under a
 * backup's name. Symlinks in the folder are ignored and refused — the folder is the app's own.
 */
export function createBackupHandlers(folder: () => string = defaultBackupsFolder) {
  return {
    async backupList(_args: ParsedArgs<'backupList'>): Promise<StoredBackup[]> {
      const dir = folder();
      let entries;
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch (err) {
        if ((err as { code?: string }).code === 'ENOENT') return [];
        throw ioError('read', said('fileAccess:backups.folder'), err);
      }
      const names = entries
        .filter((e) => e.isFile() && isBackupFileName(e.name))
        .map((e) => e.name)
        .sort()
        .reverse()
        .slice(0, MAX_LISTED);
      const out: StoredBackup[] = [];
      for (const name of names) {
        const file = backupPath(dir, name);
        let size: number;
        try {
          size = (await fs.stat(file)).size;
        } catch {
          continue; // deleted meanwhile
        }
        out.push({ name, size, info: await readInfo(file) });
      }
      return out;
    },

    async backupWrite(args: ParsedArgs<'backupWrite'>): Promise<{ name: string; size: number }> {
      if (args.bytes.byteLength > MAX_BACKUP_BYTES) throw new BridgeError('too-large', said('fileAccess:backups.tooLarge'));
      const dir = folder();
      const file = backupPath(dir, args.name);
      try {
        await fs.mkdir(dir, { recursive: true });
      } catch (err) {
        throw ioError('write', args.name, err);
      }
      await writeFileAtomically(file, args.bytes);
      // the info after the data: an info file never describes a backup that is not there
      await writeFileAtomically(infoPath(file), new TextEncoder().encode(args.info));
      return { name: args.name, size: args.bytes.byteLength };
    },

    async backupRead(args: ParsedArgs<'backupRead'>): Promise<{ bytes: Uint8Array }> {
      const file = backupPath(folder(), args.name);
      let stat;
      try {
        stat = await fs.lstat(file);
      } catch (err) {
        throw ioError('read', args.name, err);
      }
      if (!stat.isFile()) throw new BridgeError('io', said('fileAccess:backups.notRegular', { name: args.name }));
      return { bytes: await readFileLimited(file, MAX_BACKUP_BYTES) };
    },

    async backupDelete(args: ParsedArgs<'backupDelete'>): Promise<null> {
      const file = backupPath(folder(), args.name);
      try {
        // data first: a leftover info file without data is never listed
        await fs.rm(file, { force: true });
        await fs.rm(infoPath(file), { force: true });
      } catch (err) {
        throw ioError('write', args.name, err);
      }
      return null;
    },
  };
}

async function readInfo(file: string): Promise<string | undefined> {
  try {
    const p = infoPath(file);
    const stat = await fs.lstat(p);
    if (!stat.isFile() || stat.size > MAX_BACKUP_INFO_CHARS * 4) return undefined;
    const text = await fs.readFile(p, 'utf8');
    return text.length <= MAX_BACKUP_INFO_CHARS ? text : undefined;
  } catch {
    return undefined;
  }
}
