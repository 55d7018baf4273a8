/**
 * Reads a zip's central directory ourselves, before SheetJS sees the file, so that a zip bomb or a cut
 * file is refused by what it declares, without inflating anything.
 *
 * Why declared sizes are enough: SheetJS's pure-JS inflate allocates exactly the uncompressed size the
 * local file header declares and drops any excess output, so a file that lies about its size costs CPU
 * (bounded by the worker's time limit), not memory. The one unbounded case is a local header that
 * declares 0 (sizes deferred to a data descriptor, as streaming writers do): there SheetJS grows its
 * buffer without limit, so we copy the central directory's size into the local header first.
 */
import type { ImportLimits } from './types';
import { ImportError } from './errors';
import { said } from '../text/said';

export type ZipKind = 'xlsx' | 'xlsb' | 'ods' | 'other-document' | 'other';
export type ZipEntry = { name: string; method: number; flags: number; compressedSize: number; uncompressedSize: number; localOffset: number };
export type ZipInspection = { kind: ZipKind; entries: ZipEntry[]; totalUncompressed: number; bytes: Uint8Array };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const U32_MAX = 0xffffffff;

const u16 = (b: Uint8Array, o: number) => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, o: number) => ((b[o] ?? 0) | ((b[o + 1] ?? 0) << 8) | ((b[o + 2] ?? 0) << 16) | ((b[o + 3] ?? 0) << 24)) >>> 0;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 0x1_0000_0000;

function writeU32(b: Uint8Array, o: number, v: number): void {
  b[o] = v & 0xff;
  b[o + 1] = (v >>> 8) & 0xff;
  b[o + 2] = (v >>> 16) & 0xff;
  b[o + 3] = (v >>> 24) & 0xff;
}

const truncated = () => new ImportError('truncated', said('fileImport:truncatedZip'));

function findEocd(b: Uint8Array): number {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) if (u32(b, i) === EOCD) return i;
  return -1;
}

/** Zip64 extra field (id 1): 8-byte values, present only for the 32-bit fields that hold 0xFFFFFFFF, in this order. */
function zip64Sizes(b: Uint8Array, start: number, len: number, usz: number, csz: number): { usz: number; csz: number } {
  let o = start;
  const end = start + len;
  while (o + 4 <= end) {
    const id = u16(b, o);
    const size = u16(b, o + 2);
    if (id === 1) {
      let p = o + 4;
      const out = { usz, csz };
      if (usz === U32_MAX && p + 8 <= o + 4 + size) {
        out.usz = u64(b, p);
        p += 8;
      }
      if (csz === U32_MAX && p + 8 <= o + 4 + size) out.csz = u64(b, p);
      return out;
    }
    o += 4 + size;
  }
  return { usz, csz };
}

function latin1(b: Uint8Array, start: number, len: number): string {
  let s = '';
  for (let i = start; i < start + len; i++) s += String.fromCharCode(b[i] ?? 0);
  return s;
}

function classify(b: Uint8Array, entries: ZipEntry[]): ZipKind {
  const names = new Set(entries.map((e) => e.name.replace(/^\//, '')));
  if (names.has('xl/workbook.xml')) return 'xlsx';
  if (names.has('xl/workbook.bin')) return 'xlsb';
  const mime = entries.find((e) => e.name === 'mimetype');
  if (mime && mime.method === 0) {
    const start = mime.localOffset + 30 + u16(b, mime.localOffset + 26) + u16(b, mime.localOffset + 28);
    const text = latin1(b, start, Math.min(mime.compressedSize, 100));
    if (text.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
    return 'other-document';
  }
  if (names.has('word/document.xml') || names.has('ppt/presentation.xml')) return 'other-document';
  return 'other';
}

/**
 * Checks a zip against the limits and says what is inside. Returns the bytes to hand to SheetJS (a
 * patched copy when a local header defers its sizes). Throws ImportError: truncated, zip-bomb,
 * password-protected (zip-level encryption), corrupt.
 */
export function inspectZip(b: Uint8Array, limits: ImportLimits): ZipInspection {
  const eocd = findEocd(b);
  if (eocd < 0) throw truncated();
  const count = u16(b, eocd + 10);
  const cdSize = u32(b, eocd + 12);
  const cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdOffset === U32_MAX || cdSize === U32_MAX) {
    // a Zip64 directory: only needed beyond 65,535 entries or 4 GiB — no delegate list is that big
    throw new ImportError('zip-bomb', said('fileImport:zip64'));
  }
  if (count > limits.maxZipEntries) {
    throw new ImportError('zip-bomb', said('fileImport:zipEntries', { count }));
  }
  if (cdOffset + cdSize > eocd) throw truncated();

  const entries: ZipEntry[] = [];
  let total = 0;
  let patched: Uint8Array | null = null;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || u32(b, p) !== CENTRAL) throw truncated();
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    const sizes = zip64Sizes(b, p + 46 + nameLen, extraLen, u32(b, p + 24), u32(b, p + 20));
    const localOffset = u32(b, p + 42);
    const name = latin1(b, p + 46, nameLen);
    p += 46 + nameLen + extraLen + commentLen;

    if (flags & 1) {
      throw new ImportError('password-protected', said('fileImport:zipEncrypted'));
    }
    if (localOffset + 30 > b.length || u32(b, localOffset) !== LOCAL) throw truncated();
    const localNameLen = u16(b, localOffset + 26);
    const localExtraLen = u16(b, localOffset + 28);
    const local = zip64Sizes(b, localOffset + 30 + localNameLen, localExtraLen, u32(b, localOffset + 22), u32(b, localOffset + 18));
    const dataStart = localOffset + 30 + localNameLen + localExtraLen;
    if (dataStart + sizes.csz > b.length) throw truncated();

    // SheetJS sizes its output by the local header; count whichever declaration is larger
    const declared = Math.max(sizes.usz, local.usz === U32_MAX ? 0 : local.usz);
    if (method === 8 && local.usz === 0 && sizes.csz > 2) {
      if (sizes.usz === 0) {
        throw new ImportError('zip-bomb', said('fileImport:zipNoSize', { name }));
      }
      patched ??= b.slice();
      writeU32(patched, localOffset + 18, sizes.csz);
      writeU32(patched, localOffset + 22, sizes.usz);
    }
    total += declared;
    entries.push({ name, method, flags, compressedSize: sizes.csz, uncompressedSize: declared, localOffset });
  }

  const ratio = total / Math.max(1, b.length);
  if (total > limits.maxUncompressedBytes || (total > limits.ratioFloorBytes && ratio > limits.maxCompressionRatio)) {
    throw new ImportError('zip-bomb', said('fileImport:zipBomb', { size: b.length, total }));
  }
  return { kind: classify(b, entries), entries, totalUncompressed: total, bytes: patched ?? b };
}
