import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupError } from '../../../../shared/backup/format';
import { said } from '../../../../shared/text/said';
import { errorText, sayText } from '../../../../renderer/i18n';

// shared/'s messages on screen follow the interface language; the same catalog words the CLI in Russian.
describe('sayText and errorText', () => {
  afterEach(async () => {
    await i18next.changeLanguage('ru');
  });

  it('words a shared error in Russian, then in English after the switch, numbers in each language’s way', async () => {
    const e = new BackupError('too-large', said('fileBackup:details.tooManyObjects', { n: 5000 }));
    expect(errorText(e)).toBe(e.message);
    await i18next.changeLanguage('en');
    expect(errorText(e)).toBe('The backup file is too large to restore on this device. No data was changed. (5,000 objects)');
  });

  it('formats sizes with the formatting module', async () => {
    await i18next.changeLanguage('en');
    i18next.addResourceBundle('en', 'probe', { size: '{{size, bytes}}' });
    expect(sayText(said('probe:size', { size: 1536 }))).toBe('1.5\u00a0KB');
    i18next.removeResourceBundle('en', 'probe');
  });

  it('an error without a Said shows its own message', () => {
    expect(errorText(new Error('как есть'))).toBe('как есть');
    expect(errorText('строка')).toBe('строка');
  });
});
