import { isBackupFileName, MAX_BACKUP_BYTES, MAX_BACKUP_INFO_CHARS } from '../../shared/backup/names';
import type { Bridge, BridgeResult, StoredBackup } from '../../shared/ipc/contract';
import { tr } from '../i18n';

/**
 * The browser build's backups folder: a separate IndexedDB database, so the backups do not live in
 * (and are not cleared with) the data they protect, and a restore that replaces the data leaves them.
 * Two stores: `info` (small, listed) and `data` (the bytes), written in one transaction.
 * Same names and limits as the Electron folder; eviction applies to both databases alike, which is
 * why the app asks for persistent storage and says so when it is refused.
 */
export const BACKUPS_DB_NAME = 'skhod-backups';

type InfoRow = { name: string; size: number; info: string };
type DataRow = { name: string; bytes: Uint8Array };

export type BackupBridge = Pick<Bridge, 'backupList' | 'backupWrite' | 'backupRead' | 'backupDelete'>;

function fail(type: 'invalid-args' | 'too-large' | 'io', message: string): BridgeResult<never> {
  return { error: { type, message } };
}

const text = (key: string, values?: Record<string, string>) => tr('bridge')(`backups.${key}`, values);
const badName = () => fail('invalid-args', text('badName'));

export function createBrowserBackups(factory: () => IDBFactory = () => indexedDB, dbName = BACKUPS_DB_NAME): BackupBridge {
  let opened: Promise<IDBDatabase> | undefined;
  const open = () =>
    (opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory().open(dbName, 1);
      req.onupgradeneeded = () => {
        req.result.createObjectStore('info', { keyPath: 'name' });
        req.result.createObjectStore('data', { keyPath: 'name' });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => {
        opened = undefined;
        reject(req.error ?? new Error('indexedDB open failed'));
      };
    }));

  const run = async <T>(mode: IDBTransactionMode, stores: string[], body: (tx: IDBTransaction) => IDBRequest | undefined): Promise<T> => {
    const db = await open();
    return new Promise<T>((resolve, reject) => {
      const tx = db.transaction(stores, mode, { durability: 'strict' });
      const req = body(tx);
      tx.oncomplete = () => resolve(req?.result as T);
      tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
    });
  };

  const io = (action: 'list' | 'write' | 'read' | 'remove', err: unknown): BridgeResult<never> => {
    console.error(`[skhod:backups] ${action}`, err);
    const quota = (err as { name?: string } | null)?.name === 'QuotaExceededError';
    return fail('io', text(quota ? 'quota' : 'failed', { action: text(action) }));
  };

  return {
    async backupList() {
      try {
        const rows = await run<InfoRow[]>('readonly', ['info'], (tx) => tx.objectStore('info').getAll());
        const list: StoredBackup[] = rows
          .filter((r) => isBackupFileName(r.name))
          .sort((a, b) => (a.name < b.name ? 1 : -1))
          .map((r) => ({ name: r.name, size: r.size, info: r.info }));
        return { data: list };
      } catch (err) {
        return io('list', err);
      }
    },
    async backupWrite({ name, bytes, info }) {
      if (!isBackupFileName(name)) return badName();
      if (bytes.byteLength > MAX_BACKUP_BYTES) return fail('too-large', text('tooLarge'));
      if (info.length > MAX_BACKUP_INFO_CHARS) return badName();
      try {
        const copy = new Uint8Array(bytes); // the caller may reuse its buffer
        await run('readwrite', ['info', 'data'], (tx) => {
          tx.objectStore('data').put({ name, bytes: copy } satisfies DataRow);
          tx.objectStore('info').put({ name, size: copy.byteLength, info } satisfies InfoRow);
          return undefined;
        });
        return { data: { name, size: copy.byteLength } };
      } catch (err) {
        return io('write', err);
      }
    },
    async backupRead({ name }) {
      if (!isBackupFileName(name)) return badName();
      try {
        const row = await run<DataRow | undefined>('readonly', ['data'], (tx) => tx.objectStore('data').get(name));
        if (!row) return fail('io', text('notFound', { name }));
        return { data: { bytes: row.bytes } };
      } catch (err) {
        return io('read', err);
      }
    },
    async backupDelete({ name }) {
      if (!isBackupFileName(name)) return badName();
      try {
        await run('readwrite', ['info', 'data'], (tx) => {
          tx.objectStore('data').delete(name);
          tx.objectStore('info').delete(name);
          return undefined;
        });
        return { data: null };
      } catch (err) {
        return io('remove', err);
      }
    },
  };
}
