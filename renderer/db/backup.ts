import type { Table } from 'dexie';
import { BackupError, MAX_BACKUP_BYTES, packBackup, readBlobs, containsBlob, unpackBackup, type BackupContent, type BackupHeader, type UnpackLimits } from '../../shared/backup/format';
import { isSealedBackup, openSealedBackup } from '../../shared/backup/seal';
import { backupFileName, backupNameTime, randomNamePart, type BackupInfo } from '../../shared/backup/names';
import { rotateBackups } from '../../shared/backup/rotation';
import type { Bridge } from '../../shared/ipc/contract';
import type { DbContext } from './context';
import { CLOCK_FLOOR_KEY } from './open';
import { clockStart } from '../../shared/sync/hlc';
import { checkRestoredValues } from './restore-checks';
import { newDeskEpoch } from './repo/desk-cache';
import { removeDeskCacheFiles } from './desk-cache-file';
import { dbText } from './repo/fail';
import { errorText } from '../i18n';

/**
 * Full backups of this device's database and their restore (Настройки → Резервные копии).
 *
 * What a backup holds: every table, rows exactly as stored (attachments' bytes included, the change
 * log included), except
 *   - `caches`: derived, device-local and disposable (rebuilt from the data);
 *   - `keys`: non-extractable CryptoKeys — they cannot be read out, by design, so a juror's signing key
 *     lives only on its laptop; the key that seals copies saved to a file (backup-seal.ts) stays too.
 *   - `trust`: this device's place in each event (root, event key, its enrolment) — device-local.
 * Restore replaces all of it in ONE transaction (all or nothing) and keeps what makes this device
 * itself: its id, its keys, its trust, the devices it knows (`devices`: names and keys of peers — a
 * backup from elsewhere never adds a trusted key; previewBackup lists the backup's devices so the
 * organizer sees them), its device-local settings (isDeviceLocalSetting), and the clock floor, so
 * that the clock never goes back after an older backup is restored.
 */

/** Tables never written to a backup and never touched by a restore (except that caches are emptied). */
export const BACKUP_EXCLUDED_TABLES: readonly string[] = ['caches', 'keys', 'trust'];
/** Tables a restore leaves as they are on this device: who it is and whom it trusts. */
export const KEPT_ON_RESTORE: readonly string[] = ['keys', 'trust', 'devices'];

/** The greatest stamp this device may have issued (open.ts starts the clock after it). */
export { CLOCK_FLOOR_KEY };
/** Set by a restore: which backup to restore to take it back («Отменить восстановление»). */
export const RESTORE_UNDO_KEY = 'backup.undo';

/**
 * Settings that describe this device rather than the data (its id, clock floor, restore marker, the
 * desk PIN salted with the device id, the access codes of the juror packages exported here —
 * repo/package-codes.ts): kept as they are on restore and not taken from the backup.
 * Another device-local setting belongs in this list too.
 */
export function isDeviceLocalSetting(key: string): boolean {
  return /^(device|clock|backup|desk|packageCode)\./.test(key) || key === 'organizer.pinAttempts';
}

/** Where backups are kept: Electron's userData/backups folder or the browser's 'skhod-backups' store. */
export type BackupStore = Pick<Bridge, 'backupList' | 'backupWrite' | 'backupRead' | 'backupDelete'>;

let configuredStore: BackupStore | undefined;

/** Overrides the store (tests, or a shell that keeps backups elsewhere); `undefined` restores the default. */
export function setBackupStore(store: BackupStore | undefined): void {
  configuredStore = store;
}

/** The bridge is loaded lazily: it reads `window`, which unit tests of other repositories do not have. */
async function resolveStore(store?: BackupStore): Promise<BackupStore> {
  if (store) return store;
  if (configuredStore) return configuredStore;
  if (typeof window === 'undefined') throw new BackupError('unavailable');
  const { bridge } = await import('../bridge/bridge');
  return (configuredStore = bridge);
}

function unwrap<T>(r: { data: T } | { error: { message: string } }): T {
  if ('error' in r) throw new Error(r.error.message);
  return r.data;
}

function backedUpTables(ctx: DbContext): Table[] {
  return ctx.db.tables.filter((t) => !BACKUP_EXCLUDED_TABLES.includes(t.name));
}

export type DataSignature = { changeCount: number; lastStamp: string };

/** How much the data has changed: the periodic backup runs only when this differs from the last one's. */
export async function dataSignature(ctx: DbContext): Promise<DataSignature> {
  const { db } = ctx;
  return db.transaction('r', db.changes, async () => ({
    changeCount: await db.changes.count(),
    lastStamp: (await db.changes.orderBy('hlc').last())?.hlc ?? '',
  }));
}

/**
 * Writes the whole database (but BACKUP_EXCLUDED_TABLES) into one backup file. All tables are read in
 * one read transaction, so the file is a consistent snapshot even while a desk keeps checking in.
 */
export async function createBackup(ctx: DbContext, reason: string, now: Date = new Date()): Promise<{ bytes: Uint8Array<ArrayBuffer>; header: BackupHeader }> {
  const tables = backedUpTables(ctx);
  const snapshot = await ctx.db.transaction('r', tables, async () => {
    const out: Record<string, unknown[]> = {};
    for (const t of tables) out[t.name] = await t.toArray();
    return out;
  });
  // Blobs are read after the transaction (an await on anything but the database would end it)
  for (const [name, rows] of Object.entries(snapshot)) {
    if (rows.some(containsBlob)) snapshot[name] = await Promise.all(rows.map(readBlobs));
  }
  const changes = (snapshot['changes'] ?? []) as Array<{ hlc: string }>;
  const lastStamp = changes.reduce((m, c) => (c.hlc > m ? c.hlc : m), '');
  const events = ((snapshot['events'] ?? []) as Array<{ id: string; title: string }>).map((e) => ({ id: e.id, title: e.title }));
  const header = {
    createdAt: now.toISOString(),
    reason,
    schemaVersion: ctx.db.verno,
    device: { id: ctx.device.id, name: ctx.device.name, role: ctx.device.role },
    lastStamp,
    changeCount: changes.length,
    events,
  };
  const bytes = await packBackup(header, snapshot);
  const counts = Object.fromEntries(Object.entries(snapshot).map(([k, v]) => [k, v.length]));
  return { bytes, header: { format: 'skhod-backup', version: 1, ...header, counts } };
}

/**
 * Reads and checks a backup file (foreign, damaged, too big → BackupError with a Russian message). A
 * sealed file (backup-seal.ts) needs its `passphrase`: without one → 'passphrase-needed', a wrong one →
 * 'wrong-passphrase'.
 */
export async function readBackup(bytes: Uint8Array, opts: UnpackLimits & { passphrase?: string } = {}): Promise<BackupContent> {
  if (opts.passphrase === undefined || !isSealedBackup(bytes)) return unpackBackup(bytes, opts);
  if (bytes.length > (opts.maxFileBytes ?? MAX_BACKUP_BYTES)) throw new BackupError('too-large');
  return unpackBackup(await openSealedBackup(bytes, opts.passphrase), opts);
}

export type BackupPreview = {
  header: BackupHeader;
  /** Made on this very device. */
  sameDevice: boolean;
  tables: Array<{ table: string; backup: number; current: number }>;
  currentEvents: string[];
  current: DataSignature;
  /** This device has changes the backup does not (they will be gone after the restore, until undone). */
  loses: boolean;
  /**
   * Devices the backup knows and this device does not, or knows with another key or role: shown, and
   * NOT restored — roles come from the organizer's enrolments, keys from pairing (issue 17).
   */
  foreignDevices: Array<{ id: string; name: string; role: string; publicKey?: string }>;
};

/** What a restore would do: the backup's date, device and events next to what is in the database now. */
export async function previewBackup(ctx: DbContext, content: BackupContent): Promise<BackupPreview> {
  const tables = backedUpTables(ctx);
  const { counts, current, events } = await ctx.db.transaction('r', tables, async () => {
    const counts: Record<string, number> = {};
    for (const t of tables) counts[t.name] = await t.count();
    const events = (await ctx.db.events.toArray()).map((e) => e.title);
    return { counts, current: await dataSignature(ctx), events };
  });
  const names = [...new Set([...tables.map((t) => t.name), ...Object.keys(content.header.counts)])];
  const changes = (content.tables['changes'] ?? []) as Array<{ hlc: string }>;
  const inBackup = new Set(changes.map((c) => c.hlc));
  const loses = current.changeCount > 0 && (await ctx.db.changes.filter((c) => !inBackup.has(c.hlc)).count()) > 0;
  const known = new Map((await ctx.db.devices.toArray()).map((d) => [d.id, d]));
  const foreignDevices = ((content.tables['devices'] ?? []) as Array<{ id: string; name: string; role: string; publicKey?: string }>).filter((d) => {
    const here = known.get(d.id);
    return d.id !== ctx.device.id && (!here || here.publicKey !== d.publicKey || here.role !== d.role);
  });
  return {
    foreignDevices,
    header: content.header,
    sameDevice: content.header.device.id === ctx.device.id,
    tables: names.map((table) => ({ table, backup: content.header.counts[table] ?? 0, current: counts[table] ?? 0 })),
    currentEvents: events,
    current,
    loses,
  };
}

export type RestoreOptions = {
  store?: BackupStore;
  /** Take a backup of the current state first and offer to return to it (default true). */
  undoable?: boolean;
  now?: Date;
};

export type RestoreUndo = { backupName: string; restoredCreatedAt: string; restoredReason: string; at: string };
export type RestoreResult = { undo?: RestoreUndo };

/**
 * Replaces the database's data by the backup's, all or nothing. Before anything is replaced, a
 * backup of the current state is saved (unless `undoable: false`), so the restore itself can be
 * undone; if that safety copy cannot be saved, nothing is restored.
 *
 * After it returns, in-memory state built from the old data (the desk's search index, cursors over the
 * change log) is stale: the app reloads the page.
 */
export async function restoreBackup(ctx: DbContext, content: BackupContent, opts: RestoreOptions = {}): Promise<RestoreResult> {
  const now = opts.now ?? new Date();
  const { db } = ctx;
  const rows = checkRows(ctx, content);
  const restoredMax = checkRestoredValues(ctx, content);

  let undo: RestoreUndo | undefined;
  if (opts.undoable !== false) {
    const label = new Date(content.header.createdAt).toLocaleString('ru-RU');
    const saved = await saveBackup(ctx, dbText('backup.beforeRestore', { date: label }), { store: opts.store, now });
    undo = { backupName: saved.name, restoredCreatedAt: content.header.createdAt, restoredReason: content.header.reason, at: now.toISOString() };
  }

  const writable = ctx.db.tables.filter((t) => !KEPT_ON_RESTORE.includes(t.name));
  let floor = '';
  try {
    await db.transaction('rw', writable, async () => {
      const local = (await db.settings.toArray()).filter((s) => isDeviceLocalSetting(s.key));
      const oldFloor = local.find((s) => s.key === CLOCK_FLOOR_KEY)?.value;
      // bounded (hlc.ts clockStart): a floor poisoned before stamps were bounded does not survive a restore
      floor = clockStart(ctx.device.id, [typeof oldFloor === 'string' ? oldFloor : '', ctx.clock.last(), restoredMax], ctx.clock.wallNow()) ?? '';
      for (const t of writable) {
        await t.clear();
        const incoming = rows.get(t.name);
        if (incoming?.length) await t.bulkAdd(incoming);
      }
      // this device stays itself: id, clock floor and other local settings win over the backup's
      await db.settings.bulkPut(local.filter((s) => s.key !== RESTORE_UNDO_KEY && s.key !== CLOCK_FLOOR_KEY));
      await db.settings.put({ key: CLOCK_FLOOR_KEY, value: floor });
      // the desk's cached cards (OPFS files outside this transaction) describe the data just replaced
      await newDeskEpoch(ctx);
      if (undo) await db.settings.put({ key: RESTORE_UNDO_KEY, value: undo });
    });
  } catch (e) {
    console.error('[skhod:backup] restore aborted', e);
    throw new BackupError('write-failed', e instanceof Error ? e.message.slice(0, 200) : undefined);
  }
  // the running clock too: what this device writes next sorts after everything restored
  if (floor) ctx.clock.receive(floor);
  await removeDeskCacheFiles(db.name);
  return undo ? { undo } : {};
}

/** Validates the rows against this database's tables before any write; returns them per table. */
function checkRows(ctx: DbContext, content: BackupContent): Map<string, unknown[]> {
  if (content.header.schemaVersion > ctx.db.verno) throw new BackupError('newer-schema');
  const out = new Map<string, unknown[]>();
  for (const [name, rows] of Object.entries(content.tables)) {
    if (BACKUP_EXCLUDED_TABLES.includes(name)) continue; // never restored, even if a file carries them
    const table = ctx.db.tables.find((t) => t.name === name);
    if (!table) throw new BackupError('corrupt', dbText('backup.unknownTable', { name: name.slice(0, 40) }));
    const keyPath = table.schema.primKey.keyPath;
    for (const row of rows) {
      if (!row || typeof row !== 'object' || Array.isArray(row)) throw new BackupError('corrupt', dbText('backup.badRow', { name }));
      if (typeof keyPath === 'string' && typeof (row as Record<string, unknown>)[keyPath] !== 'string') throw new BackupError('corrupt', dbText('backup.badKey', { name }));
    }
    out.set(name, name === 'settings' ? rows.filter((s) => !isDeviceLocalSetting(String((s as { key: unknown }).key))) : rows);
  }
  return out;
}

export async function getRestoreUndo(ctx: DbContext): Promise<RestoreUndo | undefined> {
  return (await ctx.db.settings.get(RESTORE_UNDO_KEY))?.value as RestoreUndo | undefined;
}

export async function dismissRestoreUndo(ctx: DbContext): Promise<void> {
  await ctx.db.settings.delete(RESTORE_UNDO_KEY);
}

/** Goes back to the state before the last restore (a backup of it was saved then). Not itself undoable. */
export async function undoRestore(ctx: DbContext, store?: BackupStore): Promise<void> {
  const undo = await getRestoreUndo(ctx);
  if (!undo) return;
  const content = await readBackup(await loadStoredBackup(undo.backupName, store));
  await restoreBackup(ctx, content, { store, undoable: false });
}

// ── stored backups ───────────────────────────────────────────────────────────────────────────────

export type StoredBackupItem = { name: string; size: number; time: number; info?: BackupInfo };

export type SaveOptions = { store?: BackupStore; now?: Date; utcOffsetMs?: number };

/** Makes a backup, keeps it in the store and rotates the store (rotation.ts). Throws on failure. */
export async function saveBackup(ctx: DbContext, reason: string, opts: SaveOptions = {}): Promise<StoredBackupItem> {
  const store = await resolveStore(opts.store);
  const now = opts.now ?? new Date();
  const { bytes, header } = await createBackup(ctx, reason, now);
  const info: BackupInfo = {
    createdAt: header.createdAt,
    reason,
    deviceName: header.device.name,
    changeCount: header.changeCount,
    lastStamp: header.lastStamp,
    events: header.events.map((e) => e.title.slice(0, 200)).slice(0, 20),
  };
  const name = backupFileName(now, randomNamePart());
  const written = unwrap(await store.backupWrite({ name, bytes, info: JSON.stringify(info) }));
  try {
    const all = await listBackups(store);
    const { remove } = rotateBackups(all.map((b) => ({ name: b.name, time: b.time })), {
      now: now.getTime(),
      utcOffsetMs: opts.utcOffsetMs ?? -now.getTimezoneOffset() * 60_000,
    });
    for (const old of remove) if (old !== name) unwrap(await store.backupDelete({ name: old }));
  } catch (e) {
    console.error('[skhod:backup] rotation failed', e); // the new backup is written; old ones stay a while longer
  }
  return { name, size: written.size, time: now.getTime(), info };
}

/** The backups kept on this device, newest first. */
export async function listBackups(store?: BackupStore): Promise<StoredBackupItem[]> {
  const s = await resolveStore(store);
  return unwrap(await s.backupList({}))
    .map((b) => ({ name: b.name, size: b.size, time: backupNameTime(b.name), info: parseInfo(b.info) }))
    .filter((b) => Number.isFinite(b.time))
    .sort((a, b) => b.time - a.time || (a.name < b.name ? 1 : -1));
}

function parseInfo(text: string | undefined): BackupInfo | undefined {
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as BackupInfo;
    return typeof v?.reason === 'string' && typeof v.createdAt === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

export async function loadStoredBackup(name: string, store?: BackupStore): Promise<Uint8Array> {
  const s = await resolveStore(store);
  return unwrap(await s.backupRead({ name })).bytes;
}

export async function deleteStoredBackup(name: string, store?: BackupStore): Promise<void> {
  const s = await resolveStore(store);
  unwrap(await s.backupDelete({ name }));
}

export type BackupOutcome = { ok: true; backup: StoredBackupItem; reused?: boolean } | { ok: false; message: string };

export type RiskOptions = SaveOptions & {
  /**
   * Skip the backup when the newest kept one already holds exactly this data (same change count and
   * last stamp) and return that one. For frequent operations — a LAN hub syncing every few seconds —
   * where a full backup each time would cost more than the operation.
   */
  reuseIfUnchanged?: boolean;
};

/**
 * A backup taken right before something risky: an import commit, the merge of an exchange file.
 * Call it before the operation's transaction, e.g. `await backupBeforeRisk(ctx, 'Перед импортом «x.xlsx»')`.
 *
 * Never throws: a backup that cannot be written (full disk, no store in a unit test) must not stop the
 * desk from working; the failure is returned (and logged) for the caller to show if it wants.
 */
export async function backupBeforeRisk(ctx: DbContext, reason: string, opts: RiskOptions = {}): Promise<BackupOutcome> {
  try {
    if (opts.reuseIfUnchanged) {
      const [newest] = await listBackups(opts.store);
      const now = await dataSignature(ctx);
      if (newest?.info && newest.info.changeCount === now.changeCount && newest.info.lastStamp === now.lastStamp) return { ok: true, backup: newest, reused: true };
    }
    return { ok: true, backup: await saveBackup(ctx, reason, opts) };
  } catch (e) {
    if (!(e instanceof BackupError && e.code === 'unavailable')) console.error('[skhod:backup] backup before risk failed', e);
    return { ok: false, message: errorText(e) };
  }
}

/** How often the app checks whether a periodic backup is due. */
export const AUTO_BACKUP_INTERVAL_MS = 10 * 60 * 1000;
/** The reason stored with a periodic backup, in the language of the moment it is made. */
export const autoBackupReason = (): string => dbText('backup.auto', { count: AUTO_BACKUP_INTERVAL_MS / 60_000 });

/**
 * The periodic backup: made only when the data changed since the newest kept backup (by change count
 * and last stamp), so an idle laptop does not churn out identical copies. Returns null when skipped.
 */
export async function autoBackupIfChanged(ctx: DbContext, opts: SaveOptions = {}): Promise<StoredBackupItem | null> {
  const current = await dataSignature(ctx);
  if (current.changeCount === 0) return null;
  const [newest] = await listBackups(opts.store);
  if (newest?.info && newest.info.changeCount === current.changeCount && newest.info.lastStamp === current.lastStamp) return null;
  return saveBackup(ctx, autoBackupReason(), opts);
}
