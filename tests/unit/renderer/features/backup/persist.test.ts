import { describe, expect, it, vi } from 'vitest';
import { askPersistentStorage } from '../../../../../renderer/features/backup/persist';
import { downloadName } from '../../../../../renderer/features/backup/labels';
import { initI18n } from '../../../../../renderer/i18n';

describe('askPersistentStorage', () => {
  it('does not ask again when storage is already persistent', async () => {
    const persist = vi.fn(async () => false);
    expect(await askPersistentStorage({ persisted: async () => true, persist })).toBe('granted');
    expect(persist).not.toHaveBeenCalled();
  });

  it('reports the browser’s answer, and a failure as a refusal', async () => {
    expect(await askPersistentStorage({ persisted: async () => false, persist: async () => true })).toBe('granted');
    expect(await askPersistentStorage({ persisted: async () => false, persist: async () => false })).toBe('refused');
    expect(await askPersistentStorage({ persisted: async () => false, persist: async () => Promise.reject(new Error('SecurityError')) })).toBe('refused');
  });

  it('says unsupported where there is no Storage API', async () => {
    expect(await askPersistentStorage(undefined)).toBe('unsupported');
  });
});

describe('backup labels', () => {
  it('a bare download name', () => {
    const name = downloadName(new Date(2019, 8, 27, 8, 5));
    expect(name).toBe('Сход — копия 27.09.2019 08-05.skhod-backup');
    expect(name).not.toMatch(/[\\/:*?"<>|]/);
  });

  it('in English too, still a bare file name', async () => {
    await initI18n('en').changeLanguage('en');
    try {
      const name = downloadName(new Date(2019, 8, 27, 8, 5));
      expect(name).toBe('Skhod — backup 27.09.2019 08-05.skhod-backup');
      expect(name).not.toMatch(/[\\/:*?"<>|]/);
    } finally {
      await initI18n('ru').changeLanguage('ru');
    }
  });
});
