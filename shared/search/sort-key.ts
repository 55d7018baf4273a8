/**
 * A string whose plain code-unit order equals `Intl.Collator('ru')` order of (surname, name,
 * patronymic), then id. The desk ranks thousands of candidates per keystroke; comparing precomputed
 * keys with `<` is an order of magnitude cheaper than calling a collator, and needs no global
 * renumbering when one person is added.
 *
 * ICU compares a string in three passes — base letters (primary), then accents (secondary: е < ё),
 * then case (tertiary: lower < upper) — so each field's key is primary + secondary + tertiary, each pass
 * as a string. Primary order: spaces and punctuation < digits < Cyrillic < Latin (ICU's Russian tailoring
 * puts the Cyrillic script first), ё equal to е, Bashkir/Tatar letters right after their base letters.
 */
const CYRILLIC = 'аәбвгғдежҗзҙийкҡлмнңоөпрсҫтуүфхһцчшщъыьэюя';
const LATIN = 'abcdefghijklmnopqrstuvwxyz';

const PRIMARY = new Map<string, string>();
CYRILLIC.split('').forEach((ch, i) => PRIMARY.set(ch, String.fromCharCode(0x100 + i)));
PRIMARY.set('ё', PRIMARY.get('е')!);
LATIN.split('').forEach((ch, i) => PRIMARY.set(ch, String.fromCharCode(0x180 + i)));

// Field separators sort below every character a key can contain.
const FIELD = '\u0000';
const PASS = '\u0001';

/** The key of one field: primary, secondary and tertiary passes. */
export function fieldKey(value: string): string {
  let primary = '';
  let secondary = '';
  let tertiary = '';
  for (const ch of value) {
    const lower = ch.toLowerCase();
    primary += PRIMARY.get(lower) ?? lower;
    secondary += lower === 'ё' ? '1' : '0';
    tertiary += lower === ch ? '0' : '1';
  }
  // Trailing zeros are dropped: between two values with equal primaries (equal lengths) the trimmed
  // passes compare as the full ones, because PASS and FIELD sort below '0'. Keys get two-thirds shorter.
  return primary + PASS + trimZeros(secondary) + PASS + trimZeros(tertiary);
}

function trimZeros(bits: string): string {
  let end = bits.length;
  while (end > 0 && bits[end - 1] === '0') end--;
  return bits.slice(0, end);
}

/** Field keys never contain FIELD, and equal primaries mean equal lengths, so fields compare in turn. */
export function joinKeys(surname: string, name: string, patronymic: string, id: string): string {
  return surname + FIELD + name + FIELD + patronymic + FIELD + id;
}

export function sortKey(surname: string, name: string, patronymic: string, id: string): string {
  return joinKeys(fieldKey(surname), fieldKey(name), fieldKey(patronymic), id);
}
