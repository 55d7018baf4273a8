import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ru } from './ru';
import { en } from './en';

export const languages = ['ru', 'en'] as const;
export type Language = (typeof languages)[number];

/** Russian by default; the choice is a device setting kept in localStorage. */
export function initI18n(language: Language = 'ru') {
  void i18next.use(initReactI18next).init({
    resources: { ru: { translation: ru }, en: { translation: en } },
    lng: language,
    fallbackLng: 'ru',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    showSupportNotice: false,
  });
  return i18next;
}
