import { describe, expect, it, vi } from 'vitest';
import { createBrowserBackups } from '../../../../renderer/bridge/backups.browser';
import { initI18n } from '../../../../renderer/i18n';

// the messages come from the locale files, in Russian as the app starts
initI18n('ru');

let n = 0;
const fresh = () => createBrowserBackups(() => indexedDB, `skhod-backups-bridge-${process.pid}-${++n}`);
const NAME = 'skhod-20190927-083015042-k3x9q2.skhod-backup';

describe('browser backups store', () => {
  it('writes, lists newest first, reads exact bytes and deletes', async () => {
    const b = fresh();
    const older = 'skhod-20190926-083015042-aaaaaa.skhod-backup';
    const bytes = new Uint8Array([1, 2, 3, 255]);
    expect(await b.backupWrite({ name: older, bytes: new Uint8Array([9]), info: '{"reason":"старая"}' })).toEqual({ data: { name: older, size: 1 } });
    expect(await b.backupWrite({ name: NAME, bytes, info: '{}' })).toEqual({ data: { name: NAME, size: 4 } });
    bytes[0] = 42; // the store keeps its own copy
    expect(await b.backupList({})).toEqual({ data: [{ name: NAME, size: 4, info: '{}' }, { name: older, size: 1, info: '{"reason":"старая"}' }] });
    const read = await b.backupRead({ name: NAME });
    expect('data' in read && [...read.data.bytes]).toEqual([1, 2, 3, 255]);
    expect(await b.backupDelete({ name: NAME })).toEqual({ data: null });
    expect(await b.backupRead({ name: NAME })).toMatchObject({ error: { type: 'io', message: expect.stringContaining('не найдена') } });
  });

  it('refuses names of another shape and oversized copies, like the Electron folder', async () => {
    const b = fresh();
    for (const name of ['../x', `${NAME}/x`, NAME.toUpperCase(), '']) {
      expect(await b.backupWrite({ name, bytes: new Uint8Array(), info: '' })).toMatchObject({ error: { type: 'invalid-args' } });
      expect(await b.backupRead({ name })).toMatchObject({ error: { type: 'invalid-args' } });
      expect(await b.backupDelete({ name })).toMatchObject({ error: { type: 'invalid-args' } });
    }
    const huge = Object.defineProperty(new Uint8Array(1), 'byteLength', { get: () => 100 * 1024 * 1024 + 1 });
    expect(await b.backupWrite({ name: NAME, bytes: huge, info: '' })).toMatchObject({ error: { type: 'too-large' } });
    expect(await b.backupList({})).toEqual({ data: [] });
  });

  it('reports a storage failure as a Russian io error instead of throwing', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failing = { open: () => { throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' }); } } as unknown as IDBFactory;
    const b = createBrowserBackups(() => failing, 'never');
    expect(await b.backupList({})).toMatchObject({ error: { type: 'io', message: expect.stringContaining('Не удалось прочитать список копий: в браузере закончилось место') } });
    vi.restoreAllMocks();
  });
});
