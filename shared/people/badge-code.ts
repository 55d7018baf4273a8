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
/** Char code → its value in ALPHABET, -1 for anything else. */
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE; i++) VALUE[ALPHABET.charCodeAt(i)] = i;
const valueAt = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c < 128 ? VALUE[c]! : -1;
};

/** The check value of a code's first BODY symbols, or -1 when one of them is not a symbol. */
function checkValue(code: string): number {
  let sum = 0;
  for (let i = 0; i < BODY; i++) {
    const v = valueAt(code, i);
    if (v < 0) return -1;
    sum += WEIGHTS[i]! * v;
  }
  return sum % BASE;
}

function checkSymbol(body: string): string {
  return ALPHABET[checkValue(body)]!;
}

/**
 * Whether `code` is a whole code as normalizeBadgeCode returns it (upper case, no separators, the right
 * check symbol). Allocation-free: the desk checks 100,000 stored codes as it starts.
 */
function isNormalCode(code: string): boolean {
  if (code.length !== BODY + 1) return false;
  const check = checkValue(code);
  return check >= 0 && valueAt(code, BODY) === check;
}

/** Normalizes what a person or a scanner typed (case, spaces, dashes) and checks the check symbol. */
export function normalizeBadgeCode(raw: string): string | null {
  if (isNormalCode(raw)) return raw;
  const code = raw.toUpperCase().replace(/[\s-]/g, '');
  return isNormalCode(code) ? code : null;
}
