/**
 * What shared/ has to tell a person — a refused file, a row that cannot be imported, a duplicate's reason —
 * as data: a key in one of shared/'s message catalogs (shared/text/messages/<language>/<namespace>.ts) and
 * the values it needs. shared/ never picks the language: the renderer words a `Said` in the interface
 * language through i18next (renderer/i18n `sayText`), the CLI, logs and `Error.message` in Russian through
 * `wordRu` below — both from the same catalogs, so each sentence is written once per language.
 *
 * Catalog text uses i18next's syntax, which `wordRu` reads the same way: `{{name}}`, `{{n, number}}` (a number
 * the reader's way: «10 000»), `{{size, bytes}}` («1,5 МБ»; `bytesUp` rounds a file's size upwards), and plural
 * families `key_one/_few/_many/_other` chosen by the `count` value. A value may itself be a `Said` («Это не таблица, а {{what}}» with `what` a
 * catalog entry), worded first.
 */
import { formatBytes, formatNumber } from './format';
import { ruMessages } from './messages/ru';

/** The languages a catalog is written in (the renderer's interface languages). */
export type SaidLanguage = 'ru' | 'en';

export type SaidValue = string | number | Said;
export type Said = { readonly key: string; readonly values?: Readonly<Record<string, SaidValue>> };

/** `said('fileBackup:corrupt')`, `said('fileImport:tooManyRows', { sheet, n: 100000 })`. */
export function said(key: string, values?: Record<string, SaidValue>): Said {
  return values ? { key, values } : { key };
}

export function isSaid(v: unknown): v is Said {
  return typeof v === 'object' && v !== null && typeof (v as { key?: unknown }).key === 'string';
}

/** A result's words: `said` for screens, `message` the same in Russian (the CLI, logs, tests). Spread into the result. */
export function worded(s: Said): { said: Said; message: string } {
  return { said: s, message: wordRu(s) };
}

/** An error whose words are a `Said`: `message` is the Russian wording (logs, the CLI), `said` is for screens. */
export class SaidError extends Error {
  constructor(readonly said: Said) {
    super(wordRu(said));
  }
}

/** The `Said` an error carries (any error class with a `said` field, also after crossing a worker), or null. */
export function saidOf(e: unknown): Said | null {
  const s = typeof e === 'object' && e !== null ? (e as { said?: unknown }).said : undefined;
  return isSaid(s) ? s : null;
}

type Tree = { readonly [key: string]: string | Tree };

function lookup(tree: Tree | undefined, path: string): string | Tree | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of path.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return node;
}

/**
 * A wording of `Said`s in one language from that language's catalogs (shared/text/messages/<language>),
 * read as i18next reads them. `wordRu` below is Russian's; the Electron main process, which has no i18next,
 * makes the English one the same way for its menu and dialogs (electron/language.ts).
 */
export function wording(catalogs: object, language: SaidLanguage): (s: Said) => string {
  const namespaces = catalogs as Record<string, Tree>;
  // the catalog's own forms, as i18next picks them: in Russian 1,5 is `other` («1,5 эксперта»), not `few`
  const plural = new Intl.PluralRules(language === 'ru' ? 'ru-RU' : 'en-US');

  /** The catalog text for a key, with the plural form `count` asks for. */
  const template = (key: string, count: SaidValue | undefined): string => {
    const colon = key.indexOf(':');
    const ns = namespaces[key.slice(0, colon)];
    const path = key.slice(colon + 1);
    if (typeof count === 'number') {
      const form = lookup(ns, `${path}_${plural.select(count)}`) ?? lookup(ns, `${path}_other`);
      if (typeof form === 'string') return form;
    }
    const text = lookup(ns, path);
    // a key missing from the catalog is a programming error the locale test catches; say the key, never crash
    return typeof text === 'string' ? text : key;
  };

  const word = (s: Said): string => {
    const values = s.values ?? {};
    return template(s.key, values['count']).replace(/\{\{\s*(\w+)\s*(?:,\s*(\w+)\s*)?\}\}/g, (whole, name: string, format?: string) => {
      const v = values[name];
      if (v === undefined) return whole;
      if (isSaid(v)) return word(v);
      if (typeof v !== 'number') return v;
      if (format === 'bytes' || format === 'bytesUp') return formatBytes(v, format === 'bytes' ? 'nearest' : 'up', language);
      return formatNumber(v, 2, false, language);
    });
  };
  return word;
}

/** The Russian sentence (CLI output, `Error.message`, logs). */
export const wordRu: (s: Said) => string = wording(ruMessages, 'ru');
