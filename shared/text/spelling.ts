/**
 * How people's names are written, folded to one spelling. The same person arrives as «Ғәлиев» in one
 * district list and «Галиев» in another, as «Ивaнoв» with Latin a/o pasted from a PDF, as «Петрова–Водкина»
 * with an en dash from Word, with a soft hyphen, a non-breaking space, or a «й» decomposed into и + U+0306
 * by a Mac export. Import, desk search and dedupe all compare names through this one module, so a name
 * found by one is found by the others.
 *
 * Two levels:
 * - `cleanText` / `cleanName` repair the characters but keep the text as written (what we store and show);
 * - `foldName` / `nameKey` fold what does not tell people apart (case, ё/е, Bashkir/Tatar letters, Latin
 *   look-alikes, spaces vs hyphens) — what we compare, never what we show.
 */

// Soft hyphen, zero-width space/joiners, word joiner, BOM: invisible, never part of a name.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
// Hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar, minus, small/full-width hyphen-minus.
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;
// Every space-like character (NBSP, narrow NBSP, figure space, thin space…) and runs of them.
const SPACES = /[\s\u00a0\u2007\u202f\u2009]+/g;
// Anything outside printable ASCII and basic Cyrillic (incl. Bashkir letters) needs the slow path.
const NEEDS_WORK = /[^\x20-\x7e\u0400-\u04ff]|\s{2}|^\s|\s$/;

/**
 * The characters of any text cell repaired, the text as written: NFC (a decomposed «й» becomes one
 * letter), invisible characters removed, every dash variant → «-», every space variant and run of spaces
 * → one space, trimmed. Cheap on ordinary text (one regex test).
 */
export function cleanText(s: string): string {
  if (!NEEDS_WORK.test(s)) return s;
  return s.normalize('NFC').replace(INVISIBLE, '').replace(DASHES, '-').replace(SPACES, ' ').trim();
}

/** `cleanText` for a name, where a hyphen joins two parts: spaces around it go («Петрова – Водкина»). */
export function cleanName(s: string): string {
  const t = cleanText(s);
  return t.includes('-') ? t.replace(/ ?- ?/g, '-') : t;
}

/** Bashkir and Tatar letters → the Russian letters they are written with in Russian-only lists. */
const TURKIC: Readonly<Record<string, string>> = {
  ә: 'а', ө: 'о', ү: 'у', ҡ: 'к', ғ: 'г', ҙ: 'з', ҫ: 'с', һ: 'х', ң: 'н', җ: 'ж', ё: 'е',
};
const TURKIC_LETTERS = /[әөүҡғҙҫһңҗё]/g;

/** In lower-case text: ё → е and the Bashkir/Tatar letters → Russian ones («ғәлиев» → «галиев»). */
export function foldLetters(lower: string): string {
  return lower.replace(TURKIC_LETTERS, (c) => TURKIC[c]!);
}

/** Latin letters that look like Cyrillic ones (upper and lower case drawn the same in common fonts). */
const LOOKALIKE: Readonly<Record<string, string>> = {
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', Y: 'У',
  a: 'а', c: 'с', e: 'е', k: 'к', o: 'о', p: 'р', x: 'х', y: 'у',
};
const MIXED_WORD = /[\p{L}\u0300-\u036f]+/gu;
const CYRILLIC = /[\u0400-\u04ff]/;
const LATIN = /[A-Za-z]/;

/**
 * Latin look-alikes inside a word that also has Cyrillic letters → Cyrillic («Ивaнoв» → «Иванов»). A word
 * written wholly in Latin is left alone: «Ivanov» is a transliteration, for the desk's translit search.
 */
export function fixLookalikes(s: string): string {
  if (!LATIN.test(s) || !CYRILLIC.test(s)) return s;
  return s.replace(MIXED_WORD, (word) =>
    CYRILLIC.test(word) && LATIN.test(word) ? word.replace(/[A-Za-z]/g, (c) => LOOKALIKE[c] ?? c) : word,
  );
}

/**
 * A name (or a part of one) for comparison: repaired, look-alikes fixed, lower case, ё/е and Bashkir
 * letters folded, spaces kept as single spaces and hyphens kept. «Ғәлиев» and «ГАЛИЕВ» both give «галиев».
 */
export function foldName(s: string): string {
  return foldLetters(fixLookalikes(cleanName(s)).toLowerCase());
}

/**
 * One part of a name (surname, name or patronymic) as an identity key: `foldName` with every space,
 * hyphen, dot and apostrophe dropped, so «Петрова Водкина», «Петрова-Водкина» and «Петрова–Водкина» are
 * one key, and «А.» gives «а».
 */
export function nameKey(part: string): string {
  return foldName(part).replace(/[^\p{L}\p{N}]+/gu, '');
}
