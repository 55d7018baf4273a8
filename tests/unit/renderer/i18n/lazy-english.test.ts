import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { dbText } from '../../../../renderer/db/repo/fail';
import { isConsentNote } from '../../../../renderer/db/repo/participants';

// A start in Russian (tests/unit/setup.ts) holds no English but the database layer's own words; the rest
// arrives when the interface switches, and the switch waits for it.
describe('English, fetched when first wanted', () => {
  it('is not loaded by a Russian start, except the words the database recognises in either language', () => {
    expect(i18next.language).toBe('ru');
    expect(i18next.hasResourceBundle('en', 'desk')).toBe(false);
    expect(i18next.hasResourceBundle('en', 'fileImport')).toBe(false);
    expect(i18next.hasResourceBundle('en', 'db')).toBe(true);
    expect(isConsentNote(dbText('participants.consentNote', { lng: 'en' }))).toBe(true);
  });

  it('arrives with the switch: every namespace, in English, once changeLanguage resolves', async () => {
    await i18next.changeLanguage('en');
    expect(i18next.hasResourceBundle('en', 'desk')).toBe(true);
    expect(i18next.hasResourceBundle('en', 'fileImport')).toBe(true);
    const ru = i18next.getFixedT('ru', 'app');
    const en = i18next.getFixedT('en', 'app');
    const key = Object.keys(i18next.getResourceBundle('ru', 'app') as object).find((k) => typeof (i18next.getResourceBundle('ru', 'app') as Record<string, unknown>)[k] === 'string')!;
    expect(en(key)).not.toBe(ru(key));
    expect(en(key)).not.toMatch(/[а-яё]/i);
    await i18next.changeLanguage('ru');
  });
});
