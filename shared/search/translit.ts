/**
 * Latin spellings of Cyrillic names. People spell themselves as their passport does (ICAO: Iuliia,
 * Khabibullin), as older documents did (Yuliya, Fyodorov) or informally (Habibulin, Zaynullina).
 * Instead of enumerating every spelling, both sides are folded into one "phonetic skeleton" in which
 * the variants coincide: y/i/j → i, kh/h → one letter, ts/c → one letter, sch/shch → one letter,
 * x → ks, doubled letters collapsed. A Cyrillic word is first written in a few schemes (only where
 * the schemes disagree in a way the skeleton cannot fold: х as kh or h — "Iskhakov" vs "Ishakov" —,
 * ё as e or yo, word-initial е as e or ye, ь as nothing or i) and each result is folded.
 *
 * Skeleton letters: a–z for plain sounds, and capitals for sounds written with digraphs:
 * S = ш and ж, W = щ, C = ч, H = х, T = ц; z is folded into s.
 */

// The Cyrillic letters every scheme spells alike (after skeleton folding): й/ы/и → i, ю → iu, я → ia.
const COMMON: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', ц: 'ts', ч: 'ch', ш: 'sh',
  щ: 'shch', ы: 'y', э: 'e', ю: 'yu', я: 'ya',
  // Bashkir and Tatar letters: the nearest Russian sound, as Latin spellings of those names use
  ә: 'a', ө: 'o', ү: 'u', ғ: 'g', ҡ: 'k', ң: 'n', ҙ: 'z', ҫ: 's', җ: 'zh',
};

const VOWELS = new Set('аеёиоуыэюяәөү');

type Scheme = { kh: boolean; yo: boolean; softI: boolean; ye: boolean };

function spell(word: string, s: Scheme): string {
  let out = '';
  let prev = '';
  for (const ch of word) {
    let latin: string;
    if (ch === 'х' || ch === 'һ') latin = s.kh ? 'kh' : 'h';
    else if (ch === 'ё') latin = s.yo ? 'yo' : 'e';
    else if (ch === 'ь' || ch === 'ъ') latin = s.softI ? 'i' : '';
    else if (ch === 'е') latin = s.ye && (prev === '' || VOWELS.has(prev) || prev === 'ь' || prev === 'ъ') ? 'ye' : 'e';
    else latin = COMMON[ch] ?? ch;
    out += latin;
    prev = ch;
  }
  return out;
}

/**
 * Skeletons of one lower-case Cyrillic word (ё kept if the source had it). Usually one or two;
 * at most 16 for a word with х, ё, ь and a word-initial е all at once.
 */
export function cyrillicSkeletons(word: string): string[] {
  const kh = /[хһ]/.test(word);
  const yo = word.includes('ё');
  const soft = /[ьъ]/.test(word);
  const ye = /(^|[аеёиоуыэюяьъ])е/.test(word);
  const out = new Set<string>();
  for (const k of kh ? [true, false] : [true]) {
    for (const y of yo ? [false, true] : [false]) {
      for (const si of soft ? [false, true] : [false]) {
        for (const e of ye ? [false, true] : [false]) out.add(latinSkeleton(spell(word, { kh: k, yo: y, softI: si, ye: e })));
      }
    }
  }
  return [...out];
}

/** The skeleton of a lower-case Latin spelling. Characters other than a–z pass through. */
export function latinSkeleton(latin: string): string {
  let out = '';
  const n = latin.length;
  let i = 0;
  while (i < n) {
    const ch = latin[i]!;
    const next = latin[i + 1];
    let sk: string;
    let step = 1;
    if (ch === 's' && latin.startsWith('shch', i)) {
      sk = 'W';
      step = 4;
    } else if (ch === 's' && latin.startsWith('sch', i)) {
      sk = 'W';
      step = 3;
    } else if (next === 'h' && (ch === 's' || ch === 'c' || ch === 'z' || ch === 'k')) {
      // ж and ш are one letter here: German writes both as "sch"
      sk = ch === 's' || ch === 'z' ? 'S' : ch === 'c' ? 'C' : 'H';
      step = 2;
    } else if (ch === 't' && (next === 's' || next === 'z')) {
      sk = 'T';
      step = 2;
    } else if (ch === 'h') sk = 'H';
    else if (ch === 'c') sk = 'T';
    else if (ch === 'x') sk = 'ks';
    else if (ch === 'z') sk = 's'; // German and informal spellings write з as s («Kusnezow», «Mursabajewa»)
    else if (ch === 'w') sk = 'v';
    else if (ch === 'q') sk = 'k';
    else if (ch === 'y' || ch === 'j') sk = 'i';
    else sk = ch;
    for (const c of sk) if (out[out.length - 1] !== c) out += c; // "Habibulin" = "Habibullin"
    i += step;
  }
  return out;
}

// A word being typed may stop inside a digraph: "zak" is on its way to "zakh…" (Захаров), "kus" to
// "kush…". These endings add the skeleton the finished digraph would give, so prefixes keep working.
const OPEN_ENDINGS: ReadonlyArray<[string, string]> = [
  ['shc', 'W'], ['sc', 'W'], ['sh', 'W'], ['s', 'S'], ['s', 'W'], ['c', 'C'], ['z', 'Z'], ['k', 'H'], ['t', 'T'],
];

// German spelling of Russian, Bashkir and Tatar names (older passports, papers from Germany): sch = ш,
// tsch = ч, ch = х, z = ц («Jussupow», «Schamsutdinow», «Chabibullin», «Kusnezow»). w = в, j = й and
// s = з the skeleton folds anyway (it does not tell з from с, nor ж from ш).
const GERMAN = /tsch|sch|ch|z/g;
const FROM_GERMAN: Readonly<Record<string, string>> = { tsch: 'ch', sch: 'sh', ch: 'kh', z: 'ts' };

/** The word re-spelled from German conventions into the ones the skeleton knows; null when nothing differs. */
export function fromGerman(latinWord: string): string | null {
  const out = latinWord.replace(GERMAN, (m) => FROM_GERMAN[m]!);
  return out === latinWord ? null : out;
}

/** Skeleton prefixes to look up for one Latin query word (apostrophes already removed). */
export function querySkeletons(latinWord: string): string[] {
  const out = new Set<string>();
  const german = fromGerman(latinWord);
  for (const word of german ? [latinWord, german] : [latinWord]) {
    out.add(latinSkeleton(word));
    for (const [ending, sk] of OPEN_ENDINGS) {
      if (word.length > ending.length && word.endsWith(ending)) out.add(latinSkeleton(word.slice(0, -ending.length)) + sk);
    }
  }
  return [...out];
}
