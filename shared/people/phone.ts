/**
 * Russian phone numbers as people write them in delegate lists: "+7 (917) 345-12-34", "8-917-345-12-34",
 * "9173451234", "8 (34775) 2-14-56 доб. 123". The canonical form "+7XXXXXXXXXX" is what dedupe and search
 * compare; formatPhone is what badges and lists show.
 */

// Everything after one of these is an extension: the desk calls the main number, dedupe ignores the rest.
const EXTENSION_MARKERS = ['доб', 'доп', 'вн.', 'вн ', 'ext', '#'];

// A label in front of the number is common in sheets ("тел.: 8 917 ..."); anything else with letters is not a phone.
const LABEL = /^(тел|телефон|моб|мобильный|сот|сотовый|раб|рабочий|tel|phone)\.?\s*:?\s*/;

const SEPARATORS = new Set([' ', '\u00a0', '\u2009', '\u202f', '\t', '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '.', '(', ')', '/']);

// Russian numbers (zone 7, after the +7/8 prefix) start with 3, 4 (landline area codes), 8 (toll-free,
// some area codes) or 9 (mobile); a leading 0, 1, 2, 5, 6 or 7 is a typo or a foreign number.
const VALID_FIRST = new Set(['3', '4', '8', '9']);

/**
 * "+7XXXXXXXXXX" for a Russian number in any common notation, or null when the text is not one
 * (letters, two numbers in one cell, a wrong digit count, a foreign country code).
 */
export function normalizePhone(raw: string): string | null {
  let s = raw.trim().toLowerCase();
  let cut = s.length;
  for (const marker of EXTENSION_MARKERS) {
    const at = s.indexOf(marker);
    if (at > 0 && at < cut) cut = at;
  }
  s = s.slice(0, cut).replace(LABEL, '').trim();
  // a trailing comma or semicolon before an extension ("…-34, доб. 5") is punctuation, not a second number
  while (s.endsWith(',') || s.endsWith(';')) s = s.slice(0, -1).trimEnd();
  if (!s) return null;

  let digits = '';
  let plus = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch >= '0' && ch <= '9') digits += ch;
    else if (ch === '+' && !plus && digits === '') plus = true;
    else if (!SEPARATORS.has(ch)) return null;
  }

  let national: string;
  if (digits.length === 11) {
    const prefix = digits[0];
    // "+8 …" is not a Russian number; "8 …" without the plus is the domestic trunk prefix
    if (prefix !== '7' && !(prefix === '8' && !plus)) return null;
    national = digits.slice(1);
  } else if (digits.length === 10 && !plus) {
    national = digits;
  } else {
    return null;
  }
  if (!VALID_FIRST.has(national[0]!)) return null;
  return '+7' + national;
}

/** "+79173451234" → "+7 917 345-12-34". Text that is not in the canonical form comes back unchanged. */
export function formatPhone(normalized: string): string {
  if (normalized.length !== 12 || !normalized.startsWith('+7')) return normalized;
  for (let i = 2; i < 12; i++) {
    const ch = normalized[i]!;
    if (ch < '0' || ch > '9') return normalized;
  }
  const d = normalized.slice(2);
  return `+7 ${d.slice(0, 3)} ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8, 10)}`;
}
