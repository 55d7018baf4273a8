/**
 * The desk's cached cards as one file of bytes, and where that file lives.
 *
 * Why a file and not only a database row: with 100,000 people stored, Chromium takes about a second to
 * open the origin's IndexedDB after a start (see bench/RESULTS.md). The origin private file system
 * (OPFS) opens at once, so the desk reads its cards and builds its search index while the database is
 * still opening (renderer/db/desk-preload.ts); once the database is open, the file is checked against
 * it (epoch and stamp, see repo/desk.ts) and thrown away if it does not match. Where OPFS is missing
 * (Node tests, an insecure origin) the same bytes go into the `caches` table instead.
 *
 * The cards are stored column by column in as few values as possible: per-person values (ids, phone,
 * badge) joined in one string, values that repeat across people (names, municipality, organization,
 * role…) stored once in a dictionary and referred to by number from one Uint32Array.
 */
import type { Registration } from '../../shared/domain/types';
import type { SkhodDb } from './database';

/** What a desk result shows about one registration, and what the search indexes of it. */
export type DeskCard = {
  registrationId: string;
  personId: string;
  surname: string;
  name: string;
  patronymic: string;
  phone?: string;
  municipality: string;
  organization: string;
  position: string;
  role: Registration['role'];
  section: string;
  sectionId?: string;
  badgeCode: string;
  note?: string;
  status: Registration['status'];
};

/**
 * Which data the cards reflect: every change up to `stamp` of the database whose desk epoch was
 * `epoch` when they were read (the epoch changes whenever changes with older stamps are stored).
 */
export type DeskCacheHeader = { eventId: string; stamp: string; epoch: string };
export type DeskCache = DeskCacheHeader & { cards: DeskCard[] };

const MAGIC = 0x43444b53; // "SKDC", little-endian
const VERSION = 3;
const SEP = '\u0001';
const UNIQUE = ['registrationId', 'personId', 'phone', 'badgeCode'] as const;
const SHARED = ['surname', 'name', 'patronymic', 'municipality', 'organization', 'position', 'role', 'section', 'sectionId', 'note', 'status'] as const;
/** An absent optional value (phone, sectionId, note) as opposed to an empty string. */
const ABSENT = 0;
const clean = (v: string) => (v.includes(SEP) ? v.replaceAll(SEP, ' ') : v);
const align4 = (n: number) => (n + 3) & ~3;

type Layout = DeskCacheHeader & { v: number; rows: number; unique: number; dict: number };

/** The cards and what they reflect, as bytes: magic, header length, JSON header, two UTF-8 strings, the codes. */
export function encodeDeskCache(cache: DeskCacheHeader, cards: Iterable<DeskCard>): Uint8Array<ArrayBuffer> {
  const unique: string[] = [];
  const dict: string[] = ['', '']; // 0: absent, 1: ''
  const ids = new Map<string, number>([['', 1]]);
  const codes: number[] = [];
  let rows = 0;
  for (const card of cards) {
    rows++;
    for (const k of UNIQUE) unique.push(clean(card[k] ?? ''));
    for (const k of SHARED) {
      const v = card[k];
      if (v === undefined) {
        codes.push(ABSENT);
        continue;
      }
      let id = ids.get(v);
      if (id === undefined) {
        id = dict.push(clean(v)) - 1;
        ids.set(v, id);
      }
      codes.push(id);
    }
  }
  const utf8 = new TextEncoder();
  const uniqueBytes = utf8.encode(unique.join(SEP));
  const dictBytes = utf8.encode(dict.join(SEP));
  const layout: Layout = { v: VERSION, eventId: cache.eventId, stamp: cache.stamp, epoch: cache.epoch, rows, unique: uniqueBytes.length, dict: dictBytes.length };
  const head = utf8.encode(JSON.stringify(layout));
  const codesAt = align4(8 + head.length + uniqueBytes.length + dictBytes.length);
  const out = new Uint8Array(codesAt + codes.length * 4);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, head.length, true);
  out.set(head, 8);
  out.set(uniqueBytes, 8 + head.length);
  out.set(dictBytes, 8 + head.length + uniqueBytes.length);
  new Uint32Array(out.buffer, codesAt, codes.length).set(codes);
  return out;
}

/** The header of cache bytes, or null for bytes of another format or version (an older app). */
export function readDeskCacheHeader(bytes: Uint8Array): (Layout & { headEnd: number }) | null {
  if (bytes.length < 8) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) return null;
  const headEnd = 8 + view.getUint32(4, true);
  if (headEnd > bytes.length) return null;
  try {
    const layout = JSON.parse(new TextDecoder().decode(bytes.subarray(8, headEnd))) as Partial<Layout>;
    if (layout.v !== VERSION || typeof layout.eventId !== 'string' || typeof layout.stamp !== 'string' || typeof layout.epoch !== 'string') return null;
    if (![layout.rows, layout.unique, layout.dict].every((n) => Number.isInteger(n) && n! >= 0)) return null;
    return { ...(layout as Layout), headEnd };
  } catch {
    return null;
  }
}

/** The cache in bytes, or null when they are not a whole cache of this format. */
export function decodeDeskCache(bytes: Uint8Array): DeskCache | null {
  const layout = readDeskCacheHeader(bytes);
  if (!layout) return null;
  const { rows, headEnd } = layout;
  const codesAt = align4(headEnd + layout.unique + layout.dict);
  if (bytes.length !== codesAt + rows * SHARED.length * 4) return null;
  const utf8 = new TextDecoder();
  const unique = rows ? utf8.decode(bytes.subarray(headEnd, headEnd + layout.unique)).split(SEP) : [];
  const dict = utf8.decode(bytes.subarray(headEnd + layout.unique, headEnd + layout.unique + layout.dict)).split(SEP);
  const offset = bytes.byteOffset + codesAt;
  const codes = offset % 4 === 0 ? new Uint32Array(bytes.buffer, offset, rows * SHARED.length) : new Uint32Array(bytes.slice(codesAt).buffer);
  if (unique.length !== rows * UNIQUE.length) return null;
  const word = (c: number) => {
    const v = dict[c];
    if (v === undefined) throw new RangeError('desk cache: code out of range');
    return v;
  };
  const opt = (c: number) => (c === ABSENT ? undefined : word(c));
  const cards = new Array<DeskCard>(rows);
  try {
    for (let i = 0; i < rows; i++) {
      const u = i * UNIQUE.length;
      const c = i * SHARED.length;
      const surname = word(codes[c]!);
      const name = word(codes[c + 1]!);
      const patronymic = word(codes[c + 2]!);
      cards[i] = {
        registrationId: unique[u]!,
        personId: unique[u + 1]!,
        surname,
        name,
        patronymic,
        phone: unique[u + 2] || undefined,
        municipality: word(codes[c + 3]!),
        organization: word(codes[c + 4]!),
        position: word(codes[c + 5]!),
        role: word(codes[c + 6]!) as DeskCard['role'],
        section: word(codes[c + 7]!),
        sectionId: opt(codes[c + 8]!),
        badgeCode: unique[u + 3]!,
        note: opt(codes[c + 9]!),
        status: word(codes[c + 10]!) as DeskCard['status'],
      };
    }
  } catch {
    return null;
  }
  return { eventId: layout.eventId, stamp: layout.stamp, epoch: layout.epoch, cards };
}

// ── Where the bytes live ────────────────────────────────────────────────────────────────────────────

/** One cache file per database and event. Reads never throw: a missing or unreadable file is `undefined`. */
export type DeskCacheStore = {
  read(db: string, eventId: string): Promise<Uint8Array | undefined>;
  write(db: string, eventId: string, bytes: Uint8Array<ArrayBuffer>): Promise<void>;
};

const DIR = 'skhod-desk-cache';
const filePrefix = (db: string) => `${encodeURIComponent(db)}--`;
const fileName = (db: string, eventId: string) => `${filePrefix(db)}${encodeURIComponent(eventId)}.bin`;

let root: Promise<FileSystemDirectoryHandle | null> | undefined;
/** The origin's OPFS root, or null where there is none (Node, an insecure origin, storage blocked); asked once. */
export function opfsRoot(): Promise<FileSystemDirectoryHandle | null> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (typeof storage?.getDirectory !== 'function') return Promise.resolve(null);
  return (root ??= storage.getDirectory().catch(() => null));
}

/**
 * Files in the origin private file system. Reading never creates anything: creating a folder waits
 * for the quota check, which waits for IndexedDB to open — the very second the preload is meant to
 * use. `createWritable` writes to a side file and swaps it in on `close`, so a crash mid-write leaves
 * the previous file whole.
 */
export function opfsDeskCacheStore(rootDir: FileSystemDirectoryHandle): DeskCacheStore {
  return {
    async read(db, eventId) {
      try {
        const dir = await rootDir.getDirectoryHandle(DIR);
        const file = await (await dir.getFileHandle(fileName(db, eventId))).getFile();
        return new Uint8Array(await file.arrayBuffer());
      } catch {
        return undefined; // no desk cache written yet
      }
    },
    async write(db, eventId, bytes) {
      const dir = await rootDir.getDirectoryHandle(DIR, { create: true });
      const writable = await (await dir.getFileHandle(fileName(db, eventId), { create: true })).createWritable();
      try {
        await writable.write(bytes);
        await writable.close();
      } catch (err) {
        await writable.abort().catch(() => undefined);
        throw err;
      }
    },
  };
}

/**
 * Deletes this database's desk cache files from OPFS (a restore replaced the data they were read from:
 * they are void already, but they still hold the names and phones of the data before).
 */
export async function removeDeskCacheFiles(db: string): Promise<void> {
  const root = await opfsRoot();
  if (!root) return;
  try {
    const dir = await root.getDirectoryHandle(DIR);
    const names: string[] = [];
    for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) if (name.startsWith(filePrefix(db))) names.push(name);
    for (const name of names) await dir.removeEntry(name);
  } catch {
    // no folder: nothing was ever cached
  }
}

/** Rows of the `caches` table (`desk:<eventId>`): where there is no OPFS. */
export const CACHE_ROW_PREFIX = 'desk:';
export function tableDeskCacheStore(database: SkhodDb): DeskCacheStore {
  return {
    async read(_db, eventId) {
      const value = (await database.caches.get(CACHE_ROW_PREFIX + eventId))?.value;
      return value instanceof Uint8Array ? value : undefined;
    },
    async write(_db, eventId, bytes) {
      await database.caches.put({ key: CACHE_ROW_PREFIX + eventId, stamp: '', value: bytes });
    },
  };
}

/** Where this device keeps desk caches: OPFS when the origin has it, else the database's `caches` table. */
export async function deskCacheStore(database: SkhodDb): Promise<DeskCacheStore> {
  const dir = await opfsRoot();
  return dir ? opfsDeskCacheStore(dir) : tableDeskCacheStore(database);
}
