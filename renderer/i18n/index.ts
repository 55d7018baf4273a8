/**
 * The language layer: i18next with one namespace per area. Each area keeps its words in
 * `ru/<namespace>.ts` (the product's language, written first) and `en/<namespace>.ts` (typed against the
 * Russian file with `Locale<typeof ru>`); both are found here by file name, so adding an area adds no line
 * to this file. Plurals use i18next's own forms (`key_one/_few/_many/_other` in Russian, `_one/_other` in
 * English). See renderer/i18n/README.md.
 *
 * Russian is bundled with the app's first chunk; English (a third of the words) is fetched when it is
 * first wanted — i18next asks `englishBackend` and waits for it in `init` and `changeLanguage` — so a
 * start in Russian does not download, compile and evaluate it before the first paint. Only English
 * `db` is bundled too: the database layer recognises its own stored words in either language
 * (a consent note, a first-run device name) whatever the interface speaks.
 */
import i18next, { type BackendModule, type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { formatBytes, formatNumber, setFormatLanguage } from '../../shared/text/format';
import { ruMessages } from '../../shared/text/messages/ru';
import englishDb from './en/db';
import { isSaid, saidOf, type Said } from '../../shared/text/said';

export const languages = ['ru', 'en'] as const;
export type Language = (typeof languages)[number];

export type Namespace = Record<string, unknown>;
type Modules = Record<string, { default: Namespace }>;

const nameOf = (path: string) => path.replace(/^.*\/([^/]+)\.ts$/, '$1');
const byName = (modules: Modules): Record<string, Namespace> => Object.fromEntries(Object.entries(modules).map(([path, m]) => [nameOf(path), m.default]));

/** The renderer's namespaces and shared/'s message catalogs (shared/text/said.ts) together; a name is never in both. */
function withShared(own: Record<string, Namespace>, shared: Record<string, Namespace>): Record<string, Namespace> {
  for (const name of Object.keys(shared)) if (name in own) throw new Error(`i18n namespace ${name} is in renderer/i18n and in shared/text/messages`);
  return { ...own, ...shared };
}

/** Every Russian namespace, as i18next takes them (bundled). */
export const russian: Record<string, Namespace> = withShared(byName(import.meta.glob<{ default: Namespace }>('./ru/*.ts', { eager: true })), ruMessages);

const englishFiles = import.meta.glob<{ default: Namespace }>(['./en/*.ts', '!./en/db.ts']);
let english: Promise<Record<string, Namespace>> | undefined;
/** Every English namespace (fetched once, on first use). */
export function loadEnglish(): Promise<Record<string, Namespace>> {
  return (english ??= Promise.all([
    Promise.all(Object.entries(englishFiles).map(async ([path, load]) => [nameOf(path), (await load()).default] as const)),
    import('../../shared/text/messages/en'),
  ]).then(([own, shared]) => withShared({ ...Object.fromEntries(own), db: englishDb }, shared.enMessages)));
}

/** Hands i18next the English namespaces when it first needs them; Russian (and English `db`) are in `resources` already. */
const englishBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, done) {
    if (language !== 'en') return done(null, {});
    loadEnglish().then(
      (all) => done(null, all[namespace] ?? {}),
      (err: unknown) => done(err instanceof Error ? err.message : String(err), false),
    );
  },
};

const isLanguage = (lng: string | undefined): lng is Language => (languages as readonly (string | undefined)[]).includes(lng);

/** Numbers and dates (shared/text/format) follow the interface language from its first render on. */
function followLanguage(lng: string | undefined) {
  setFormatLanguage(isLanguage(lng) ? lng : 'ru');
}
let following = false;

/** Russian by default; the choice is a device setting kept in localStorage. */
export function initI18n(language: Language = 'ru') {
  followLanguage(language);
  if (!following) {
    i18next.on('languageChanged', followLanguage);
    following = true;
  }
  void i18next.use(englishBackend).use(initReactI18next).init({
    resources: { ru: russian, en: { db: englishDb } },
    partialBundledLanguages: true,
    ns: Object.keys(russian),
    defaultNS: 'app',
    lng: language,
    fallbackLng: 'ru',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    showSupportNotice: false,
  });
  // «{{n, number}}» and «{{size, bytes}}» read as the formatting module writes them (shared/text/said.ts uses the same)
  i18next.services.formatter?.add('number', (value: number) => formatNumber(value));
  i18next.services.formatter?.add('bytes', (value: number) => formatBytes(value));
  i18next.services.formatter?.add('bytesUp', (value: number) => formatBytes(value, 'up'));
  return i18next;
}

/** A message from shared/ (shared/text/said.ts) in the interface language. */
export function sayText(s: Said): string {
  const values: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(s.values ?? {})) values[name] = isSaid(v) ? sayText(v) : v;
  return i18next.t(s.key, values);
}

/**
 * A sentence from the main process (shared/ipc/contract.ts `Worded`) in the interface language: its `said`
 * worded here, or its own Russian text when it has none or this version's catalogs lack the key (a newer hub's).
 */
export function wordedText(w: { message: string; said?: Said | undefined }): string {
  return w.said && i18next.exists(w.said.key) ? sayText(w.said) : w.message;
}

/** What to show for a failure: the error's `Said` worded in the interface language, else its message. */
export function errorText(e: unknown): string {
  const s = saidOf(e);
  if (s) return sayText(s);
  return e instanceof Error ? e.message : String(e);
}

/** The translator for code outside React (repositories' messages, exports): `tr('desk')('key')`. */
export const tr = (namespace: string): TFunction => i18next.getFixedT(null, namespace);
