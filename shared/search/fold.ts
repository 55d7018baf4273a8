/**
 * Folding of names and queries: what the desk treats as "the same letters". Case and ё/е are folded
 * (lists and people use ё inconsistently); the Bashkir/Tatar letters are kept, they are real letters.
 */

/** Lower case, ё→е, NFC, trimmed, inner whitespace collapsed to one space. */
export function foldRussian(s: string): string {
  return lowerName(s).replace(/ё/g, 'е').trim().replace(/\s+/g, ' ');
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

export function foldYo(lowerWord: string): string {
  return lowerWord.replace(/ё/g, 'е');
}

export function hasLatinLetter(s: string): boolean {
  return /[a-z]/i.test(s);
}
