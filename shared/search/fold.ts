/**
 * Folding of names and queries: what the desk treats as "the same letters". Case and ё/е are folded
 * (lists and people use ё inconsistently), and so are the Bashkir/Tatar letters and Latin look-alikes
 * (shared/text/spelling.ts, the one place import, dedupe and the desk share): the same person is
 * «Ғәлиев» in one district list and «Галиев» in another, and either spelling finds both.
 */
import { cleanText, fixLookalikes, foldLetters } from '../text/spelling';

/** Lower case, ё→е, Bashkir/Tatar letters → Russian, Latin look-alikes → Cyrillic, NFC, trimmed, one space. */
export function foldRussian(s: string): string {
  return foldLetters(lowerName(readable(s))).trim().replace(/\s+/g, ' ');
}

/** Invisible characters removed and Latin look-alikes inside Cyrillic words fixed («Ивaнoв»): the letters a person meant. */
export function readable(s: string): string {
  return fixLookalikes(cleanText(s));
}

/**
 * Lower case in NFC without folding ё: transliteration needs the ё ("Фёдоров" → "Fyodorov"). A name
 * pasted from some sources arrives decomposed (и + U+0306 for й), which would split words apart.
 */
export function lowerName(s: string): string {
  const lower = s.toLowerCase();
  return /[\u0300-\u036f]/.test(lower) ? lower.normalize('NFC') : lower;
}

// Anything but letters and digits separates words: "А.Х." is two initials, "Галиуллина-Шарипова" two words.
const SEPARATOR = /[^\p{L}\p{N}]+/u;

/** Words of an already lower-cased text (ё kept or not, as given). */
export function splitWords(lower: string): string[] {
  return lower.split(SEPARATOR).filter((w) => w.length > 0);
}

/** Folded words: what the index stores and what a Cyrillic query is compared with. */
export function foldedWords(s: string): string[] {
  return splitWords(foldRussian(s));
}

/** One lower-case word as the index compares it: ё → е, Bashkir/Tatar letters → Russian. */
export function foldWord(lowerWord: string): string {
  return foldLetters(lowerWord);
}

export function hasLatinLetter(s: string): boolean {
  return /[a-z]/i.test(s);
}
