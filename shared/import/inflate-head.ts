/**
 * Inflates the FIRST bytes of a raw DEFLATE stream (RFC 1951) and stops: enough to read what a sheet's
 * XML declares at its top (`<dimension ref="A1:K1000001"/>`) without inflating its rows. SheetJS's own
 * inflate only works on a whole entry, and DecompressionStream is asynchronous, so this is a small
 * decoder of our own (canonical Huffman decoded bit by bit, after zlib's `puff`): slow per byte, which
 * does not matter for a few kilobytes. Throws on a malformed stream.
 */

const LEN_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LEN_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

type Huffman = { counts: Uint16Array; symbols: Uint16Array };

function huffman(lengths: ArrayLike<number>): Huffman {
  const counts = new Uint16Array(16);
  for (let s = 0; s < lengths.length; s++) counts[lengths[s]!]!++;
  counts[0] = 0;
  const offsets = new Uint16Array(16);
  for (let len = 1; len < 15; len++) offsets[len + 1] = offsets[len]! + counts[len]!;
  const symbols = new Uint16Array(lengths.length);
  for (let s = 0; s < lengths.length; s++) if (lengths[s]) symbols[offsets[lengths[s]!]!++] = s;
  return { counts, symbols };
}

const FIXED_LIT = huffman(Array.from({ length: 288 }, (_, s) => (s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8)));
const FIXED_DIST = huffman(new Array<number>(30).fill(5));

class InflateFault extends Error {
  constructor(
    what: string,
    readonly decoded: number,
  ) {
    super(`malformed deflate stream: ${what}`);
  }
}

/**
 * The first `limit` bytes (fewer if the stream ends first) that `src` inflates to. A malformed stream
 * throws, unless `partial`: then what was decoded before the fault is returned (a sheet that declares a
 * million rows at its top is refused whatever follows).
 */
export function inflateRawHead(src: Uint8Array, limit: number, partial = false): Uint8Array {
  const out = new Uint8Array(limit);
  let pos = 0;
  try {
    pos = inflateInto(src, out);
  } catch (e) {
    if (!partial || !(e instanceof InflateFault)) throw e;
    pos = e.decoded;
  }
  return out.subarray(0, pos);
}

function inflateInto(src: Uint8Array, out: Uint8Array): number {
  const limit = out.length;
  let pos = 0;
  let ip = 0;
  let bitBuf = 0;
  let bitCnt = 0;
  const bad = (what: string) => new InflateFault(what, pos);

  const bits = (n: number): number => {
    while (bitCnt < n) {
      if (ip >= src.length) throw bad('unexpected end');
      bitBuf |= src[ip++]! << bitCnt;
      bitCnt += 8;
    }
    const v = bitBuf & ((1 << n) - 1);
    bitBuf >>>= n;
    bitCnt -= n;
    return v;
  };

  const decode = (h: Huffman): number => {
    let code = 0;
    let first = 0;
    let index = 0;
    for (let len = 1; len <= 15; len++) {
      code |= bits(1);
      const count = h.counts[len]!;
      if (code - count < first) return h.symbols[index + (code - first)]!;
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    throw bad('bad code');
  };

  const dynamicTables = (): [Huffman, Huffman] => {
    const nlen = bits(5) + 257;
    const ndist = bits(5) + 1;
    const ncode = bits(4) + 4;
    if (nlen > 286 || ndist > 30) throw bad('too many codes');
    const lengths = new Uint8Array(19);
    for (let i = 0; i < ncode; i++) lengths[CODE_LENGTH_ORDER[i]!] = bits(3);
    const lencode = huffman(lengths);
    const all = new Uint8Array(nlen + ndist);
    for (let i = 0; i < nlen + ndist; ) {
      const sym = decode(lencode);
      if (sym < 16) {
        all[i++] = sym;
        continue;
      }
      let value = 0;
      let repeat: number;
      if (sym === 16) {
        if (i === 0) throw bad('repeat with no first length');
        value = all[i - 1]!;
        repeat = 3 + bits(2);
      } else repeat = sym === 17 ? 3 + bits(3) : 11 + bits(7);
      if (i + repeat > nlen + ndist) throw bad('too many lengths');
      while (repeat--) all[i++] = value;
    }
    return [huffman(all.subarray(0, nlen)), huffman(all.subarray(nlen))];
  };

  for (let last = 0; !last && pos < limit; ) {
    last = bits(1);
    const type = bits(2);
    if (type === 0) {
      bitBuf = 0;
      bitCnt = 0;
      if (ip + 4 > src.length) throw bad('unexpected end');
      const len = src[ip]! | (src[ip + 1]! << 8);
      ip += 4;
      if (ip + len > src.length) throw bad('unexpected end');
      const n = Math.min(len, limit - pos);
      out.set(src.subarray(ip, ip + n), pos);
      pos += n;
      ip += len;
      continue;
    }
    if (type === 3) throw bad('block type 3');
    const [lit, dist] = type === 1 ? [FIXED_LIT, FIXED_DIST] : dynamicTables();
    for (;;) {
      const sym = decode(lit);
      if (sym < 256) {
        out[pos++] = sym;
        if (pos >= limit) break;
        continue;
      }
      if (sym === 256) break;
      const l = sym - 257;
      if (l >= 29) throw bad('bad length');
      const length = LEN_BASE[l]! + bits(LEN_EXTRA[l]!);
      const d = decode(dist);
      if (d >= 30) throw bad('bad distance');
      const back = DIST_BASE[d]! + bits(DIST_EXTRA[d]!);
      if (back > pos) throw bad('distance too far back');
      const end = Math.min(limit, pos + length);
      while (pos < end) {
        out[pos] = out[pos - back]!;
        pos++;
      }
      if (pos >= limit) break;
    }
  }
  return pos;
}
