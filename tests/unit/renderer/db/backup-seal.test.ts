import { afterEach, describe, expect, it } from 'vitest';
import { BackupError } from '../../../../shared/backup/format';
import { isSealedBackup } from '../../../../shared/backup/seal';
import { makeOrganizerPin } from '../../../../shared/security/organizer-pin';
import { BACKUP_EXCLUDED_TABLES, createBackup, listBackups, loadStoredBackup, readBackup, restoreBackup, saveBackup, type BackupStore } from '../../../../renderer/db/backup';
import { BACKUP_SEAL_ID, backupForFile, backupPassphraseSetAt, passphraseProblem, removeBackupPassphrase, setBackupPassphrase } from '../../../../renderer/db/backup-seal';
import type { DbContext } from '../../../../renderer/db/context';
import { createBrowserBackups } from '../../../../renderer/bridge/backups.browser';
import { openDemoEvent } from '../../../../renderer/features/onboarding/open-demo';
import { freshDb } from './helpers';

const CHEAP = { log2N: 10, r: 8, p: 1 };
const PASS = 'Агидель-2019 весна';
const NOW = new Date('2019-09-27T08:30:00.000Z');

const open: DbContext[] = [];
afterEach(() => {
  while (open.length) open.pop()!.db.close();
});
async function db(): Promise<DbContext> {
  const ctx = await freshDb();
  open.push(ctx);
  return ctx;
}
let stores = 0;
function store(): BackupStore {
  return createBrowserBackups(() => indexedDB, `skhod-backups-seal-${process.pid}-${++stores}`);
}

/** The demo event with an organizer PIN on it; returns a surname and the PIN hash that must not leak. */
async function populated(ctx: DbContext) {
  await openDemoEvent(ctx);
  const pin = await makeOrganizerPin('246810', { deviceId: ctx.device.id, now: NOW, iterations: 2 ** 4 });
  await ctx.db.events.toCollection().modify({ organizerPin: pin });
  const person = (await ctx.db.people.toCollection().first())!;
  return { surname: person.surname, pinHash: pin.hash };
}

async function dump(ctx: DbContext): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of ctx.db.tables) if (!BACKUP_EXCLUDED_TABLES.includes(t.name)) out[t.name] = await t.toArray();
  return out;
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BackupError);
  return (err as BackupError).code;
}

/** What the restore screens do with a file: read it (with the passphrase typed) and restore it. */
async function restoreFile(ctx: DbContext, bytes: Uint8Array, passphrase?: string) {
  await restoreBackup(ctx, await readBackup(bytes, { passphrase }), { undoable: false });
}

describe('backups saved to a file with a passphrase', () => {
  it('are off by default: a copy for a file is the plain backup', async () => {
    const ctx = await db();
    await populated(ctx);
    expect(await backupPassphraseSetAt(ctx)).toBeUndefined();
    const { bytes } = await createBackup(ctx, 'Вручную');
    const out = await backupForFile(ctx, bytes);
    expect(out.sealed).toBe(false);
    expect([...out.bytes]).toEqual([...bytes]);
  });

  it('once set, seal the file: no surname, no PIN hash in any byte; the right passphrase restores it', async () => {
    const source = await db();
    const { surname, pinHash } = await populated(source);
    await setBackupPassphrase(source, PASS, NOW, CHEAP);
    expect(await backupPassphraseSetAt(source)).toBe(NOW.toISOString());
    const plain = (await createBackup(source, 'Вручную')).bytes;
    const { bytes, sealed } = await backupForFile(source, plain);
    expect(sealed).toBe(true);
    expect(isSealedBackup(bytes)).toBe(true);
    const raw = Buffer.from(bytes);
    expect(raw.includes(Buffer.from(surname))).toBe(false);
    expect(raw.includes(Buffer.from(pinHash))).toBe(false);
    expect(raw.includes(Buffer.from(pinHash, 'hex'))).toBe(false);

    const target = await db();
    await restoreFile(target, bytes, PASS);
    expect((await dump(target))['people']).toStrictEqual((await dump(source))['people']);
  });

  it('a wrong passphrase, an altered byte or a cut file each give a named error and change nothing', async () => {
    const source = await db();
    await populated(source);
    await setBackupPassphrase(source, PASS, NOW, CHEAP);
    const { bytes } = await backupForFile(source, (await createBackup(source, 'Вручную')).bytes);

    const target = await db();
    await populated(target);
    const before = await dump(target);
    const altered = new Uint8Array(bytes);
    altered[bytes.length >> 1] = altered[bytes.length >> 1]! ^ 0x01;
    expect(await codeOf(restoreFile(target, bytes))).toBe('passphrase-needed');
    expect(await codeOf(restoreFile(target, bytes, 'Агидель-2019 осень'))).toBe('wrong-passphrase');
    expect(await codeOf(restoreFile(target, altered, PASS))).toBe('corrupt');
    expect(await codeOf(restoreFile(target, bytes.subarray(0, bytes.length - 100), PASS))).toBe('corrupt');
    expect(await dump(target)).toStrictEqual(before);
  });

  it('an old unsealed backup still restores on a device that has a passphrase, with or without one typed', async () => {
    const source = await db();
    await populated(source);
    const { bytes } = await createBackup(source, 'Вручную');
    const target = await db();
    await setBackupPassphrase(target, PASS, NOW, CHEAP);
    await restoreFile(target, bytes, 'что угодно');
    expect((await dump(target))['people']).toStrictEqual((await dump(source))['people']);
    await restoreFile(target, bytes);
    expect(await target.db.people.count()).toBe(await source.db.people.count());
  });

  it('keeps the seal out of backups and on the device through a restore; automatic copies stay readable here', async () => {
    const ctx = await db();
    await populated(ctx);
    await setBackupPassphrase(ctx, PASS, NOW, CHEAP);
    const s = store();
    const kept = await saveBackup(ctx, 'Автоматически', { store: s, now: NOW });
    const stored = await loadStoredBackup(kept.name, s);
    expect(isSealedBackup(stored)).toBe(false); // unattended: restored on this device with no passphrase
    const content = await readBackup(stored);
    expect(content.tables['keys']).toBeUndefined();
    await restoreBackup(ctx, content, { store: s, now: NOW });
    expect(await backupPassphraseSetAt(ctx)).toBe(NOW.toISOString());
    expect((await listBackups(s)).length).toBe(2); // the safety copy before the restore, unsealed too
    // «Скачать» a kept copy seals it on its way to the file
    const { bytes, sealed } = await backupForFile(ctx, stored);
    expect(sealed).toBe(true);
    expect((await readBackup(bytes, { passphrase: PASS })).header.createdAt).toBe(content.header.createdAt);
  });

  it('is removed and replaced: a new passphrase seals new files, the old one still opens old files', async () => {
    const ctx = await db();
    await populated(ctx);
    await setBackupPassphrase(ctx, PASS, NOW, CHEAP);
    const plain = (await createBackup(ctx, 'Вручную')).bytes;
    const old = (await backupForFile(ctx, plain)).bytes;
    await setBackupPassphrase(ctx, 'другой пароль 2', NOW, CHEAP);
    const fresh = (await backupForFile(ctx, plain)).bytes;
    expect(await codeOf(readBackup(fresh, { passphrase: PASS }))).toBe('wrong-passphrase');
    expect((await readBackup(fresh, { passphrase: 'другой пароль 2' })).header.reason).toBe('Вручную');
    expect((await readBackup(old, { passphrase: PASS })).header.reason).toBe('Вручную');
    await removeBackupPassphrase(ctx);
    expect(await ctx.db.table('keys').get(BACKUP_SEAL_ID)).toBeUndefined();
    expect((await backupForFile(ctx, plain)).sealed).toBe(false);
  });

  it('asks for 8 characters, typed the same twice', async () => {
    expect(passphraseProblem('1234567', '1234567')).toMatch(/не короче 8/);
    expect(passphraseProblem('12345678', '12345679')).toMatch(/не совпадают/);
    expect(passphraseProblem('12345678', '12345678')).toBeUndefined();
    await expect(setBackupPassphrase(await db(), 'short', NOW, CHEAP)).rejects.toThrow(/не короче/);
  });
});
