/**
 * Badge codes: short, unambiguous when read aloud or typed, and scannable.
 *
 * Alphabet without 0/O, 1/I/L and U (Crockford-like). A code is 5 symbols that encode a serial number
 * through a bijective scramble (consecutive registrations don't get look-alike codes) plus one check
 * symbol, so a mistyped or misread code is refused instead of finding the wrong person.
 */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE = ALPHABET.length; // 30
const BODY = 5;
const SPACE = BASE ** BODY; // 24,300,000 codes per event
// multiplier coprime with SPACE (= 2^5·3^5·5^5): any number without factors 2, 3, 5
const SCRAMBLE = 7_777_777;
const OFFSET = 1_234_567;

export function badgeCodeFromSerial(serial: number): string {
  if (!Number.isSafeInteger(serial) || serial < 0 || serial >= SPACE) throw new RangeError(`serial ${serial}`);
  let n = (Number((BigInt(serial) * BigInt(SCRAMBLE)) % BigInt(SPACE)) + OFFSET) % SPACE;
  let body = '';
  for (let i = 0; i < BODY; i++) {
    body = ALPHABET[n % BASE] + body;
    n = Math.floor(n / BASE);
  }
  return body + checkSymbol(body);
}

// weights coprime with 30: any single wrong symbol changes the check symbol
const WEIGHTS = [1, 7, 11, 13, 17];

function checkSymbol(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += WEIGHTS[i]! * ALPHABET.indexOf(body[i]!);
  return ALPHABET[sum % BASE]!;
}

/** Normalizes what a person or a scanner typed (case, spaces, dashes) and checks the check symbol. */
export function normalizeBadgeCode(raw: string): string | null {
  const code = raw.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== BODY + 1) return null;
  for (const ch of code) if (!ALPHABET.includes(ch)) return null;
  return checkSymbol(code.slice(0, BODY)) === code[BODY] ? code : null;
}
