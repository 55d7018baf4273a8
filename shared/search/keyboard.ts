/**
 * The most common desk mistake: the operator types a Russian name while the Latin layout is active
 * ("ufkbekkbyf" for «галиуллина»). Keys of the standard Windows ЙЦУКЕН layout as they sit on QWERTY.
 * The reverse (Latin meant, Cyrillic typed) does not matter here: names are Cyrillic.
 */
const QWERTY = "qwertyuiop[]asdfghjkl;'zxcvbnm,./`" + 'QWERTYUIOP{}ASDFGHJKL:"ZXCVBNM<>?~';
const JCUKEN = 'йцукенгшщзхъфывапролджэячсмитьбю.ё' + 'ЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ,Ё';

const TO_CYRILLIC = new Map<string, string>();
for (let i = 0; i < QWERTY.length; i++) TO_CYRILLIC.set(QWERTY[i]!, JCUKEN[i]!);

/**
 * What the same keystrokes would have produced with the Russian layout. Punctuation is converted too,
 * because on ЙЦУКЕН those keys are letters (",." are «бю», "[" is «х») — "[f,b" is «хаби».
 */
export function latinLayoutToCyrillic(typed: string): string {
  let out = '';
  for (const ch of typed) out += TO_CYRILLIC.get(ch) ?? ch;
  return out;
}

const TO_LATIN = new Map<string, string>();
for (const [latin, cyrillic] of TO_CYRILLIC) TO_LATIN.set(cyrillic, latin);

/** The keys a Russian text is typed with, read on QWERTY: what the desk sees with the wrong layout on. */
export function cyrillicToLatinLayout(text: string): string {
  let out = '';
  for (const ch of text) out += TO_LATIN.get(ch) ?? ch;
  return out;
}
