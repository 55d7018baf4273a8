/**
 * Collation keys: a string per field value whose plain code-unit order equals `Intl.Collator('ru')`
 * order. Computed once per distinct value (a few thousand at 100,000 people) and compared with `<`,
 * which is an order of magnitude cheaper than calling a collator; entries are placed by these keys
 * (entry.ts) and the hot paths then compare their numeric positions (order.ts).
 *
 * ICU compares a string in three passes — base letters (primary), then accents (secondary: е < ё),
 * then case (tertiary: lower < upper) — so each field's key is primary + secondary + tertiary, each pass
 * as a string. Primary order: spaces and punctuation < digits < Cyrillic < Latin (ICU's Russian tailoring
 * puts the Cyrillic script first), ё equal to е, Bashkir/Tatar letters right after their base letters (ҙ after д, as ICU has it).
 */
const CYRILLIC = 'аәбвгғдҙежҗзийкҡлмнңоөпрсҫтуүфхһцчшщъыьэюя';
const LATIN = 'abcdefghijklmnopqrstuvwxyz';

const PRIMARY = new Map<string, string>();
CYRILLIC.split('').forEach((ch, i) => PRIMARY.set(ch, String.fromCharCode(0x100 + i)));
PRIMARY.set('ё', PRIMARY.get('е')!);
LATIN.split('').forEach((ch, i) => PRIMARY.set(ch, String.fromCharCode(0x180 + i)));

// Separates the passes; sorts below every character a key can contain.
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
  // passes compare as the full ones, because PASS sorts below '0'. Keys get two-thirds shorter.
  return primary + PASS + trimZeros(secondary) + PASS + trimZeros(tertiary);
}

function trimZeros(bits: string): string {
  let end = bits.length;
  while (end > 0 && bits[end - 1] === '0') end--;
  return bits.slice(0, end);
}
