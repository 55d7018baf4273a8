/**
 * Windows-1251 encoding. Browsers and Node decode it (TextDecoder) but nothing encodes it (TextEncoder
 * is UTF-8 only), and a Russian Excel opens a CSV as 1251 unless it has a BOM — so fixtures and
 * "CSV for old Excel" exports need this. The upper half is the WHATWG index (tests check it against
 * TextDecoder byte by byte); А–я are 0xC0–0xFF in order.
 */

// Bytes 0x80–0xBF. 0x98 is unassigned; WHATWG maps it to U+0098.
const HIGH =
  '\u0402\u0403\u201A\u0453\u201E\u2026\u2020\u2021\u20AC\u2030\u0409\u2039\u040A\u040C\u040B\u040F' +
  '\u0452\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u0098\u2122\u0459\u203A\u045A\u045C\u045B\u045F' +
  '\u00A0\u040E\u045E\u0408\u00A4\u0490\u00A6\u00A7\u0401\u00A9\u0404\u00AB\u00AC\u00AD\u00AE\u0407' +
  '\u00B0\u00B1\u0406\u0456\u0491\u00B5\u00B6\u00B7\u0451\u2116\u0454\u00BB\u0458\u0405\u0455\u0457';

const ENCODE = new Map<number, number>();
for (let i = 0; i < HIGH.length; i++) ENCODE.set(HIGH.charCodeAt(i), 0x80 + i);
for (let i = 0; i < 64; i++) ENCODE.set(0x0410 + i, 0xc0 + i); // А..я

const QUESTION = 0x3f;

/** Text → Windows-1251 bytes; a character the code page lacks (emoji, Latin diacritics) becomes "?". */
export function encodeWindows1251(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) out[n++] = code;
    else {
      out[n++] = ENCODE.get(code) ?? QUESTION;
      // a surrogate pair is one unencodable character, one "?"
      if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) i++;
    }
  }
  return out.subarray(0, n);
}

/** Whether every character survives encodeWindows1251. */
export function fitsWindows1251(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80 && !ENCODE.has(code)) return false;
  }
  return true;
}
