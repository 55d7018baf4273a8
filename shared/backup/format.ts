/**
 * Full backups of a device's database (Резервные копии): one file, `.skhod-backup`.
 *
 * ════════════════════════════════════════════════════════════════════════════════════════════════
 * FILE FORMAT, VERSION 1. Files written by one version are read by every later one: change the layout
 * only together with the version byte and keep a reader for the old layout. Version 2 is a version-1
 * file sealed with a passphrase (seal.ts); unpackBackup reads version 1 only, after openSealedBackup.
 *
 *   "SKHODBK" + version byte (0x01)     8 bytes, so a foreign file is recognised without inflating it
 *   body: gzip(UTF-8 JSON {"header": BackupHeader, "tables": {name: [row, …]}})
 *
 * Rows are stored exactly as IndexedDB holds them. JSON cannot say "bytes", "undefined" or "NaN", so
 * such values are written as tagged objects {"$t": kind, …} (see encodeValue); an object of our own
 * that happens to have a "$t" key is wrapped as {"$t": "object", "v": …} so nothing is ever misread.
 * Integrity: gzip's CRC-32 catches a damaged or truncated file; a backup is not signed (it never
 * leaves the hands of the device's own operator to be trusted by another device — exchange files are).
 * ════════════════════════════════════════════════════════════════════════════════════════════════
 */
import { concatBytes, gunzip, GunzipError } from '../sync/gzip';
import { MAX_BACKUP_BYTES } from './names';
import { said, SaidError, type SaidValue } from '../text/said';

export { MAX_BACKUP_BYTES };

export const BACKUP_FORMAT = 'skhod-backup';
export const BACKUP_VERSION = 1;
export const BACKUP_EXTENSION = 'skhod-backup';
/** The version byte of a file sealed with a passphrase (seal.ts): the version-1 file is inside. */
export const SEALED_BACKUP_VERSION = 2;
const MAGIC = new TextEncoder().encode('SKHODBK');
export const BACKUP_MAGIC: Readonly<Uint8Array> = MAGIC;
const PREFIX = MAGIC.length + 1;

/**
 * Inflated JSON above this is refused: 10,000 participants with a contest take ~15 MB; the cap keeps a
 * crafted "zip bomb" from taking the renderer's memory and stays well under V8's string limit.
 */
export const MAX_BACKUP_JSON_BYTES = 400 * 1024 * 1024;
/**
 * Inflation is also bounded by the file's own size: real backups inflate 3–15× (attachments' base64
 * barely at all), a crafted one hundreds of times (60 MB of JSON in 71 KB). Past FLOOR + RATIO × file
 * size inflation stops, before the heap pays for it.
 */
export const MAX_BACKUP_INFLATE_RATIO = 100;
const INFLATE_FLOOR_BYTES = 16 * 1024 * 1024;
/**
 * Objects and arrays in the JSON, and how deep they nest, counted on the bytes before JSON.parse: a
 * parsed object costs ~100 bytes of heap whatever its text, so 60 MB of `[{},{},…]` would cost gigabytes.
 * A 100,000-person event holds about a million; rows nest a few levels (schemas.ts allows 8 per field).
 */
export const MAX_BACKUP_CONTAINERS = 3_000_000;
export const MAX_BACKUP_DEPTH = 32;

/** Who made the backup and what is in it: everything the preview shows before a restore. */
export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO time on the writing device's clock. */
  createdAt: string;
  /** Why it was made, in Russian: «Вручную», «Перед импортом «делегаты.xlsx»», … */
  reason: string;
  /** Dexie schema version of the database it was taken from. */
  schemaVersion: number;
  device: { id: string; name: string; role: string };
  /** The greatest change stamp in the backup ('' when the change log was empty). */
  lastStamp: string;
  changeCount: number;
  events: Array<{ id: string; title: string }>;
  /** Rows per table; checked against the tables on reading. */
  counts: Record<string, number>;
};

export type BackupContent = { header: BackupHeader; tables: Record<string, unknown[]> };

export type BackupErrorCode = 'not-a-backup' | 'unsupported-version' | 'corrupt' | 'too-large' | 'newer-schema' | 'write-failed' | 'unavailable' | 'future-stamps' | 'bad-value' | 'passphrase-needed' | 'wrong-passphrase';

/**
 * A refused or failed backup operation. Its words are in shared/text/messages (`fileBackup`): `said` for the
 * screen in the interface language, `message` in Russian for logs. `detail` says what exactly was wrong.
 */
export class BackupError extends SaidError {
  override name = 'BackupError';
  constructor(
    readonly code: BackupErrorCode,
    detail?: SaidValue,
  ) {
    const message = said(`fileBackup:codes.${code}`);
    super(detail === undefined ? message : said('fileBackup:withDetail', { message, detail }));
  }
}

// ── values ────────────────────────────────────────────────────────────────────────────────────────

const TAG = '$t';

/**
 * Turns a stored value into plain JSON, exactly reversible by decodeValue. Handles what structured
 * clone stores and JSON does not: Uint8Array/ArrayBuffer (attachments), Date, undefined (a key whose
 * value is undefined is still a key in IndexedDB), NaN/±Infinity, -0. Blobs must be read to bytes
 * before (see blobsToTagged) because reading them is asynchronous.
 */
export function encodeValue(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value === undefined) return { [TAG]: 'undef' };
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { [TAG]: 'num', v: 'NaN' };
    if (value === Infinity) return { [TAG]: 'num', v: 'Infinity' };
    if (value === -Infinity) return { [TAG]: 'num', v: '-Infinity' };
    if (Object.is(value, -0)) return { [TAG]: 'num', v: '-0' };
    return value;
  }
  if (value instanceof Uint8Array) return { [TAG]: 'bytes', b64: toBase64(value) };
  if (value instanceof ArrayBuffer) return { [TAG]: 'buffer', b64: toBase64(new Uint8Array(value)) };
  if (value instanceof Date) return { [TAG]: 'date', v: value.getTime() };
  if (value instanceof TaggedBlob) return { [TAG]: 'blob', mime: value.type, b64: toBase64(value.bytes) };
  if (Array.isArray(value)) return value.map(encodeValue);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) setOwn(out, k, encodeValue(v));
    return Object.hasOwn(out, TAG) ? { [TAG]: 'object', v: out } : out;
  }
  // functions, symbols, bigints cannot be stored in IndexedDB rows of ours: a programming error
  throw new TypeError(`cannot back up a value of type ${typeof value}`);
}

export function decodeValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(decodeValue);
  const obj = value as Record<string, unknown>;
  if (TAG in obj) {
    switch (obj[TAG]) {
      case 'undef':
        return undefined;
      case 'num':
        return obj['v'] === '-0' ? -0 : Number(obj['v']);
      case 'bytes':
        return fromBase64(String(obj['b64']));
      case 'buffer':
        return fromBase64(String(obj['b64'])).buffer;
      case 'date':
        return new Date(Number(obj['v']));
      case 'blob':
        return new Blob([fromBase64(String(obj['b64'])) as Uint8Array<ArrayBuffer>], { type: String(obj['mime'] ?? '') });
      case 'object':
        return decodePlain(obj['v']);
      default:
        throw new BackupError('corrupt', said('fileBackup:details.unknownValueType', { type: String(obj[TAG]).slice(0, 20) }));
    }
  }
  return decodePlain(obj);
}

function decodePlain(value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new BackupError('corrupt', said('fileBackup:details.objectExpected'));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) setOwn(out, k, decodeValue(v));
  return out;
}

/** `out[k] = v` as an own property even for "__proto__" (JSON.parse makes it one; plain assignment would change the prototype). */
function setOwn(out: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  else out[k] = v;
}

/** Bytes of a Blob read ahead of encoding (encodeValue is synchronous). */
export class TaggedBlob {
  constructor(
    readonly type: string,
    readonly bytes: Uint8Array,
  ) {}
}

/** Replaces every Blob inside `value` by a TaggedBlob (reading it); other values are returned as they are. */
export async function readBlobs(value: unknown): Promise<unknown> {
  if (typeof Blob !== 'undefined' && value instanceof Blob) return new TaggedBlob(value.type, new Uint8Array(await value.arrayBuffer()));
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array || value instanceof ArrayBuffer || value instanceof Date) return value;
  if (Array.isArray(value)) {
    let changed = false;
    const out = await Promise.all(value.map(async (v) => {
      const r = await readBlobs(v);
      if (r !== v) changed = true;
      return r;
    }));
    return changed ? out : value;
  }
  let copy: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(value)) {
    const r = await readBlobs(v);
    if (r !== v) (copy ??= { ...(value as Record<string, unknown>) })[k] = r;
  }
  return copy ?? value;
}

/** Whether any Blob is inside `value` (cheap check so blob-free rows are not copied). */
export function containsBlob(value: unknown): boolean {
  if (typeof Blob !== 'undefined' && value instanceof Blob) return true;
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array || value instanceof ArrayBuffer) return false;
  return Object.values(value).some(containsBlob);
}

// ── base64 (Node 20 has no Uint8Array.toBase64) ───────────────────────────────────────────────────

const CHUNK = 0x8000;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

export function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  let binary: string;
  try {
    binary = atob(b64);
  } catch {
    throw new BackupError('corrupt', said('fileBackup:details.badBinary'));
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

// ── file ──────────────────────────────────────────────────────────────────────────────────────────

/** Rows encoded per slice before the writer yields to the event loop (see packBackup). */
const ROWS_PER_SLICE = 2000;

/**
 * Writes a backup file. `tables` hold rows as stored (Blobs already read with readBlobs).
 *
 * The JSON is produced and compressed in slices, yielding to the event loop between them: the
 * periodic backup runs on a desk in the middle of check-ins, and one synchronous stringify of a
 * 10,000-person event would freeze the search box for seconds.
 */
export async function packBackup(header: Omit<BackupHeader, 'format' | 'version' | 'counts'>, tables: Record<string, readonly unknown[]>): Promise<Uint8Array<ArrayBuffer>> {
  const counts: Record<string, number> = {};
  for (const [name, rows] of Object.entries(tables)) counts[name] = rows.length;
  const full: BackupHeader = { format: BACKUP_FORMAT, version: BACKUP_VERSION, ...header, counts };

  const stream = new CompressionStream('gzip');
  const writer = stream.writable.getWriter();
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [MAGIC, new Uint8Array([BACKUP_VERSION])];
  // read while writing: awaiting writes alone would stall once the compressed queue fills
  const reading = (async () => {
    const reader = stream.readable.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      chunks.push(value);
    }
  })();
  const write = (text: string) => writer.write(encoder.encode(text));
  try {
    await write(`{"header":${JSON.stringify(full)},"tables":{`);
    let firstTable = true;
    for (const [name, rows] of Object.entries(tables)) {
      await write(`${firstTable ? '' : ','}${JSON.stringify(name)}:[`);
      firstTable = false;
      for (let i = 0; i < rows.length; i += ROWS_PER_SLICE) {
        const slice = rows.slice(i, i + ROWS_PER_SLICE).map((r) => JSON.stringify(encodeValue(r)));
        await write(`${i === 0 ? '' : ','}${slice.join(',')}`);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      await write(']');
    }
    await write('}}');
    await writer.close();
  } catch (e) {
    await writer.abort(e).catch(() => undefined);
    throw e;
  }
  await reading;
  return concatBytes(chunks);
}

export type UnpackLimits = { maxFileBytes?: number; maxJsonBytes?: number; maxContainers?: number };

/** Objects + arrays in UTF-8 JSON text and their deepest nesting, without parsing it (strings skipped). */
export function jsonShape(json: Uint8Array): { containers: number; depth: number } {
  let containers = 0;
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const b = json[i]!;
    if (inString) {
      if (b === 0x5c) i++; // backslash: the next byte is escaped
      else if (b === 0x22) inString = false;
    } else if (b === 0x22) inString = true;
    else if (b === 0x7b || b === 0x5b) {
      containers++;
      if (++depth > deepest) deepest = depth;
    } else if (b === 0x7d || b === 0x5d) depth--;
  }
  return { containers, depth: deepest };
}

/**
 * Reads a backup file, checking in this order: size, magic (a foreign file), version, gzip (damage),
 * JSON and header shape, then that every table's row count matches the header. Throws BackupError.
 */
export async function unpackBackup(bytes: Uint8Array, limits: UnpackLimits = {}): Promise<BackupContent> {
  if (bytes.length > (limits.maxFileBytes ?? MAX_BACKUP_BYTES)) throw new BackupError('too-large');
  if (bytes.length < PREFIX || MAGIC.some((b, i) => bytes[i] !== b)) throw new BackupError('not-a-backup');
  if (bytes[MAGIC.length] === SEALED_BACKUP_VERSION) throw new BackupError('passphrase-needed');
  if (bytes[MAGIC.length] !== BACKUP_VERSION) throw new BackupError('unsupported-version');
  let json: Uint8Array;
  const maxJson = Math.min(limits.maxJsonBytes ?? MAX_BACKUP_JSON_BYTES, INFLATE_FLOOR_BYTES + MAX_BACKUP_INFLATE_RATIO * bytes.length);
  try {
    json = await gunzip(bytes.subarray(PREFIX), maxJson);
  } catch (e) {
    if (e instanceof GunzipError && e.reason === 'too-large') throw new BackupError('too-large');
    throw new BackupError('corrupt');
  }
  const shape = jsonShape(json);
  if (shape.containers > (limits.maxContainers ?? MAX_BACKUP_CONTAINERS)) throw new BackupError('too-large', said('fileBackup:details.tooManyObjects', { n: shape.containers }));
  if (shape.depth > MAX_BACKUP_DEPTH) throw new BackupError('corrupt', said('fileBackup:details.tooDeep'));
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    throw new BackupError('corrupt', said('fileBackup:details.unreadable'));
  }
  const root = parsed as { header?: unknown; tables?: unknown } | null;
  if (!root || typeof root !== 'object' || !isHeader(root.header) || !root.tables || typeof root.tables !== 'object' || Array.isArray(root.tables)) {
    throw new BackupError('corrupt', said('fileBackup:details.noHeader'));
  }
  const header = root.header;
  const tables: Record<string, unknown[]> = {};
  const names = Object.keys(root.tables);
  const expected = Object.keys(header.counts);
  if (names.length !== expected.length || names.some((n) => !(n in header.counts))) throw new BackupError('corrupt', said('fileBackup:details.tablesMismatch'));
  for (const name of names) {
    const rows = (root.tables as Record<string, unknown>)[name];
    if (!Array.isArray(rows) || rows.length !== header.counts[name]) throw new BackupError('corrupt', said('fileBackup:details.table', { name: name.slice(0, 40) }));
    tables[name] = rows.map(decodeValue);
  }
  return { header, tables };
}

function isHeader(h: unknown): h is BackupHeader {
  if (!h || typeof h !== 'object') return false;
  const x = h as Record<string, unknown>;
  const device = x['device'] as Record<string, unknown> | undefined;
  const counts = x['counts'] as Record<string, unknown> | undefined;
  return (
    x['format'] === BACKUP_FORMAT &&
    x['version'] === BACKUP_VERSION &&
    typeof x['createdAt'] === 'string' &&
    typeof x['reason'] === 'string' &&
    Number.isInteger(x['schemaVersion']) &&
    typeof x['lastStamp'] === 'string' &&
    Number.isInteger(x['changeCount']) &&
    !!device && typeof device['id'] === 'string' && typeof device['name'] === 'string' && typeof device['role'] === 'string' &&
    Array.isArray(x['events']) && (x['events'] as unknown[]).every((e) => !!e && typeof (e as { id?: unknown }).id === 'string' && typeof (e as { title?: unknown }).title === 'string') &&
    !!counts && typeof counts === 'object' && !Array.isArray(counts) && Object.values(counts).every((n) => Number.isInteger(n) && (n as number) >= 0)
  );
}
