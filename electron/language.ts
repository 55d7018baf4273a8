/**
 * The interface language as the main process knows it: Russian until the window says otherwise
 * (`setLanguage`, sent when the renderer starts and when the person switches), then the window's.
 * Main words the person-facing text it shows itself — the application menu, native dialogs — with the
 * same catalogs and `Said`s as everything else (shared/text/said.ts); what it returns over IPC or the
 * hub carries the `Said`, so the receiving screen words it in its own language.
 */
import { enMessages } from '../shared/text/messages/en';
import { wording, wordRu, type Said, type SaidLanguage } from '../shared/text/said';

const wordings: Record<SaidLanguage, (s: Said) => string> = { ru: wordRu, en: wording(enMessages, 'en') };

let current: SaidLanguage = 'ru';
const listeners = new Set<(language: SaidLanguage) => void>();

export function mainLanguage(): SaidLanguage {
  return current;
}

/** Switches the language and tells those who word something on screen (the menu rebuilds itself). */
export function setMainLanguage(language: SaidLanguage): void {
  if (language === current) return;
  current = language;
  for (const listener of listeners) listener(language);
}

/** Calls `listener` on every switch; returns the unsubscribe. */
export function onLanguageChange(listener: (language: SaidLanguage) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** `s` in the current interface language (menu items, dialog titles and filters). */
export function say(s: Said): string {
  return wordings[current](s);
}
