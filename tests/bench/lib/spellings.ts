/**
 * Spellings the benchmark types that the generator does not produce: Bashkir letters, German-style
 * Latin, two typos, gibberish. Pure and seeded, like the rest of the query set.
 */
import type { Rng } from '../../../shared/generator/rng';
import { foldLetters } from '../../../shared/text/spelling';

/**
 * A Russian-lettered Bashkir/Tatar name as Bashkir lists write it: х → һ, г → ғ, з → ҙ, к → ҡ before a
 * back vowel, and the first а → ә («Галиев» → «Ғәлиев», «Хазиев» → «Һаҙиев»).
 */
export function bashkirize(word: string): string {
  const out = word
    .replace(/х/g, 'һ')
    .replace(/Х/g, 'Һ')
    .replace(/г/g, 'ғ')
    .replace(/Г/g, 'Ғ')
    .replace(/з/g, 'ҙ')
    .replace(/З/g, 'Ҙ')
    .replace(/к(?=[аоуы])/g, 'ҡ')
    .replace(/К(?=[аоуы])/g, 'Ҡ');
  return out.replace(/а/, 'ә');
}

const GERMAN: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'w', г: 'g', д: 'd', е: 'e', ё: 'jo', ж: 'sch', з: 's', и: 'i', й: 'j', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'ch', ц: 'z', ч: 'tsch',
  ш: 'sch', щ: 'schtsch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'ju', я: 'ja',
};
const VOWEL = /[аеёиоуыэюя]/;

/**
 * German transliteration as older passports and papers from Germany write Russian names: в = w, ш = sch,
 * ч = tsch, х = ch, ц = z, з = s, й/я/ю = j…, and с between vowels doubled («Jussupow», «Schamsutdinow»).
 */
export function germanize(text: string): string {
  let out = '';
  // Bashkir letters as the Russian ones first: German spellings come from Russian-lettered documents
  const chars = [...text].map((ch) => (ch === ch.toLowerCase() ? foldLetters(ch) : foldLetters(ch.toLowerCase()).toUpperCase()));
  chars.forEach((ch, i) => {
    const lower = ch.toLowerCase();
    let latin = GERMAN[lower] ?? ch;
    if (lower === 'с' && i > 0 && VOWEL.test(chars[i - 1]!.toLowerCase()) && VOWEL.test((chars[i + 1] ?? '').toLowerCase())) latin = 'ss';
    if (lower === 'е' && (i === 0 || /[\s-ьъ]/.test(chars[i - 1]!.toLowerCase()) || VOWEL.test(chars[i - 1]!.toLowerCase()))) latin = 'je';
    out += ch !== lower && latin ? latin[0]!.toUpperCase() + latin.slice(1) : latin;
  });
  return out;
}

const REPLACEMENTS = 'аоеиуыя';

/** Two typos at two positions apart from each other and from the first letter: substitutions or deletions. */
export function twoTypos(word: string, rng: Rng): string {
  const w = word.toLowerCase();
  const i = rng.int(1, Math.floor(w.length / 2) - 1);
  const j = rng.int(i + 2, w.length - 1);
  const edit = (s: string, at: number) =>
    rng.int(0, 1) ? s.slice(0, at) + s.slice(at + 1) : s.slice(0, at) + (REPLACEMENTS.replace(s[at]!, '')[rng.int(0, 5)] ?? 'о') + s.slice(at + 1);
  return edit(edit(w, j), i);
}

const LATIN = 'bcdfghjklmnpqrstvwxz';
const CYRILLIC = 'бвгджзклмнпрстфхцчшщъь';

/** Letters no name is made of: consonant runs in Latin or Cyrillic, one or two words of 4–9 letters. */
export function gibberish(rng: Rng): string {
  const alphabet = rng.int(0, 1) ? LATIN : CYRILLIC;
  const word = () => Array.from({ length: rng.int(4, 9) }, () => alphabet[rng.int(0, alphabet.length - 1)]).join('');
  return rng.int(0, 2) ? word() : `${word()} ${word()}`;
}
