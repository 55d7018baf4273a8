/**
 * Russian → Latin in a simple passport-like scheme, as people spell their names in e-mail addresses
 * ("Галиуллина" → "Galiullina", "Щукин" → "Shchukin"). Only the generator uses it for now; search will
 * own a tolerant variant that accepts the other spellings (ja/ya, kh/h…).
 */
const LOWER: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  // Bashkir and Tatar letters turn up in names typed on local keyboards; map them to the nearest Russian sound
  ә: 'a', ө: 'o', ү: 'u', ғ: 'g', ҡ: 'k', ң: 'n', ҙ: 'z', ҫ: 's', һ: 'h', җ: 'zh',
};

export function transliterate(text: string): string {
  let out = '';
  for (const ch of text) {
    const direct = LOWER[ch];
    if (direct !== undefined) {
      out += direct;
      continue;
    }
    const latin = LOWER[ch.toLowerCase()];
    if (latin === undefined) out += ch;
    else if (latin) out += latin[0]!.toUpperCase() + latin.slice(1);
  }
  return out;
}
