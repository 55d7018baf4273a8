// Numbers and dates follow the interface language: initI18n and every later language switch set the
// locale of shared/text/format, so an English screen never shows «1 234,5» or «07.12.2026».
import i18next from 'i18next';
import { afterAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../../../renderer/i18n';
import { formatDate, formatLanguage, formatNumber } from '../../../../shared/text/format';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('the format language follows the interface language', () => {
  afterAll(async () => {
    await i18next.changeLanguage('ru');
  });

  it('starting in English writes English numbers from the first render', () => {
    initI18n('en');
    expect(formatLanguage()).toBe('en');
    expect(formatNumber(1234.5)).toBe('1,234.5');
  });

  it('switching languages in Settings switches the numbers and dates', async () => {
    await i18next.changeLanguage('ru');
    expect(plain(formatNumber(1234.5))).toBe('1 234,5');
    expect(formatDate('2026-12-07T12:30:00Z', 'dateTime')).toBe('07.12.2026, 17:30');
    await i18next.changeLanguage('en');
    expect(formatDate('2026-12-07T12:30:00Z', 'dateTime')).toBe('7 Dec 2026, 17:30');
  });

  it('an unknown language code falls back to Russian formats', async () => {
    await i18next.changeLanguage('de');
    expect(formatLanguage()).toBe('ru');
  });
});
