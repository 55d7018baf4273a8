import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BridgeError } from '../../../electron/errors';
import { backupPath, createBackupHandlers, defaultBackupsFolder } from '../../../electron/handlers/backups';
import { handlers } from '../../../electron/handlers';
import { registerHandlers } from '../../../electron/ipc';
import { channels } from '../../../shared/ipc/contract';
import { resetFake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

const tmp = mkdtempSync(path.join(os.tmpdir(), 'skhod-backups-'));
let dir: string;
let n = 0;
const NAME = 'skhod-20190927-083015042-k3x9q2.skhod-backup';
const OLDER = 'skhod-20190926-083015042-aaaaaa.skhod-backup';

beforeEach(() => {
  resetFake();
  dir = path.join(tmp, String(++n), 'backups');
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function rejection(promise: Promise<unknown>): Promise<BridgeError> {
  const err = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BridgeError);
  return err as BridgeError;
}

describe('backup handlers', () => {
  it('keep backups in userData/backups by default', () => {
    expect(defaultBackupsFolder()).toBe(path.join('/nonexistent-userData', 'backups'));
  });

  it('list nothing before the folder exists, then write, list with info, read back exact bytes and delete', async () => {
    const h = createBackupHandlers(() => dir);
    expect(await h.backupList({})).toEqual([]);
    const bytes = new Uint8Array([0x53, 0x4b, 0, 255, 7]);
    expect(await h.backupWrite({ name: NAME, bytes, info: '{"reason":"Вручную"}' })).toEqual({ name: NAME, size: 5 });
    await h.backupWrite({ name: OLDER, bytes: new Uint8Array([1]), info: '{}' });
    expect(await h.backupList({})).toEqual([
      { name: NAME, size: 5, info: '{"reason":"Вручную"}' },
      { name: OLDER, size: 1, info: '{}' },
    ]);
    expect([...(await h.backupRead({ name: NAME })).bytes]).toEqual([...bytes]);
    // the temp files of the atomic writes are gone
    expect(readdirSync(dir).sort()).toEqual([OLDER, OLDER.replace('.skhod-backup', '.info.json'), NAME, NAME.replace('.skhod-backup', '.info.json')].sort());
    expect(await h.backupDelete({ name: NAME })).toBeNull();
    expect((await h.backupList({})).map((b) => b.name)).toEqual([OLDER]);
    expect(readdirSync(dir)).not.toContain(NAME.replace('.skhod-backup', '.info.json'));
    expect(await h.backupDelete({ name: NAME })).toBeNull(); // deleting twice is fine
  });

  it('list only backup files: not temp files, info files, strangers, folders or symlinks', async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, NAME), 'x');
    writeFileSync(path.join(dir, `.${NAME}.abc.tmp`), 'half');
    writeFileSync(path.join(dir, 'notes.txt'), 'x');
    writeFileSync(path.join(dir, OLDER.replace('.skhod-backup', '.info.json')), '{}'); // info without its backup
    mkdirSync(path.join(dir, 'skhod-20190925-083015042-dirdir.skhod-backup'));
    const outside = path.join(tmp, 'secret.txt');
    writeFileSync(outside, 'secret');
    symlinkSync(outside, path.join(dir, 'skhod-20190924-083015042-linkln.skhod-backup'));
    const h = createBackupHandlers(() => dir);
    expect(await h.backupList({})).toEqual([{ name: NAME, size: 1 }]);
    const err = await rejection(h.backupRead({ name: 'skhod-20190924-083015042-linkln.skhod-backup' }));
    expect(err.message).not.toContain(tmp);
  });

  it('refuse names that could leave the folder, even if called past the contract', async () => {
    const h = createBackupHandlers(() => dir);
    for (const name of ['../x.skhod-backup', `../${NAME}`, `sub/${NAME}`, '/etc/passwd', '..', `${NAME}\u0000`, NAME.replace('.skhod-backup', '.info.json')]) {
      expect((await rejection(h.backupRead({ name }))).type, name).toBe('invalid-args');
      expect((await rejection(h.backupWrite({ name, bytes: new Uint8Array(), info: '' }))).type, name).toBe('invalid-args');
      expect((await rejection(h.backupDelete({ name }))).type, name).toBe('invalid-args');
      expect(() => backupPath(dir, name)).toThrow(BridgeError);
    }
    expect(backupPath(dir, NAME)).toBe(path.join(path.resolve(dir), NAME));
  });

  it('report a missing backup as a Russian io error without the folder path', async () => {
    const h = createBackupHandlers(() => dir);
    mkdirSync(dir, { recursive: true });
    const err = await rejection(h.backupRead({ name: NAME }));
    expect(err.type).toBe('io');
    expect(err.message).toContain('не найдены');
    expect(err.message).not.toContain(dir);
  });

  it('refuse to read a backup file that grew past the size limit', async () => {
    const h = createBackupHandlers(() => dir);
    await h.backupWrite({ name: NAME, bytes: new Uint8Array([1]), info: '{}' });
    const { truncateSync } = await import('node:fs');
    truncateSync(path.join(dir, NAME), 100 * 1024 * 1024 + 1); // sparse: costs no disk
    expect((await rejection(h.backupRead({ name: NAME }))).type).toBe('too-large');
  });

  it('ignore an info file that is too big instead of reading it', async () => {
    const h = createBackupHandlers(() => dir);
    await h.backupWrite({ name: NAME, bytes: new Uint8Array([1]), info: '{}' });
    writeFileSync(path.join(dir, NAME.replace('.skhod-backup', '.info.json')), 'x'.repeat(40_000));
    expect(await h.backupList({})).toEqual([{ name: NAME, size: 1 }]);
    expect(readFileSync(path.join(dir, NAME)).length).toBe(1);
  });

  it('are registered on every backup channel; the contract refuses a traversal name before the handler runs', async () => {
    const listeners = new Map<string, (...a: unknown[]) => Promise<unknown>>();
    const ipc = { handle: (ch: string, l: (...a: unknown[]) => Promise<unknown>) => void listeners.set(ch, l) };
    registerHandlers(ipc as never, handlers, { allowedOrigins: ['app://skhod'] });
    const event = { senderFrame: { parent: null, url: 'app://skhod/index.html' } };
    const call = (key: 'backupList' | 'backupRead', args: unknown) => listeners.get(channels[key].channel)!(event, args);
    expect(await call('backupList', {})).toEqual({ data: [] }); // the default folder does not exist in tests
    expect(await call('backupRead', { name: '../../etc/passwd' })).toMatchObject({ error: { type: 'invalid-args' } });
    expect(await call('backupRead', { name: NAME })).toMatchObject({ error: { type: 'io' } });
  });
});
