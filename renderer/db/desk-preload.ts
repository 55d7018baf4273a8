/**
 * The desk, started before the database is open. With 100,000 people stored, Chromium takes about a
 * second to open IndexedDB after a start while the page has nothing to do; a desk that was open when
 * the app closed reads its cached cards from OPFS (desk-cache-file.ts) and builds its search index in
 * that second. useDeskIndex takes the result and checks it against the database (openDeskCache) before
 * using it, so a preload never shows anything the database would not.
 */
import { laps } from '../common/laps';
import { SearchIndex, type SearchDoc } from '../../shared/search';
import { decodeDeskCache, opfsDeskCacheStore, opfsRoot, type DeskCacheHeader, type DeskCard } from './desk-cache-file';

/** The desk's in-memory state: cards by registration and the search index over them. */
export type DeskState = { cards: Map<string, DeskCard>; index: SearchIndex };
export type PreloadedDesk = DeskCacheHeader & { state: DeskState };

/** Writes what the search reads of a card into `doc`. */
function fillSearchDoc(doc: SearchDoc, c: DeskCard): SearchDoc {
  doc.id = c.registrationId;
  doc.surname = c.surname;
  doc.name = c.name;
  doc.patronymic = c.patronymic;
  doc.phone = c.phone;
  doc.badgeCode = c.badgeCode;
  return doc;
}

const emptyDoc = (): SearchDoc => ({ id: '', surname: '', name: '', patronymic: '' });

export const toSearchDoc = (c: DeskCard): SearchDoc => fillSearchDoc(emptyDoc(), c);

/**
 * The cards as search documents, one reused object (the index keeps values, not documents): a build
 * at 100,000 people allocates no documents for the collector to sweep.
 */
function* searchDocs(list: readonly DeskCard[]): Generator<SearchDoc> {
  const doc = emptyDoc();
  for (const c of list) yield fillSearchDoc(doc, c);
}

/** The same as indexDeskCards, a few thousand cards at a time, letting more urgent work in between. */
async function indexDeskCardsSoon(list: readonly DeskCard[]): Promise<DeskState> {
  const cards = new Map<string, DeskCard>();
  for (let i = 0; i < list.length; i++) {
    cards.set(list[i]!.registrationId, list[i]!);
    if (i % CHUNK === CHUNK - 1) await afterAppStart();
  }
  return { cards, index: await SearchIndex.build(searchDocs(list), afterAppStart, CHUNK) };
}

export function indexDeskCards(list: readonly DeskCard[]): DeskState {
  const cards = new Map<string, DeskCard>();
  for (const c of list) cards.set(c.registrationId, c);
  // the bulk constructor shares work between namesakes; later changes go through upsert
  return { cards, index: new SearchIndex(searchDocs(list)) };
}

/** Cards per step of the preload: tens of milliseconds of work each. */
const CHUNK = 10_000;

type PostTask = (cb: () => void, opts: { priority: 'background' }) => Promise<void>;
/**
 * Waits until the page has nothing more urgent to do: the app's own start (its code, the first render,
 * the request that opens the database) goes first, the preload's long tasks fill the wait after it.
 */
function afterAppStart(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler;
  return new Promise((resolve) => {
    if (typeof scheduler?.postTask !== 'function') return void setTimeout(resolve, 0);
    scheduler.postTask(resolve, { priority: 'background' }).catch(() => setTimeout(resolve, 0));
  });
}

/** A preload nobody took (the app opened elsewhere) is let go after this long. */
const KEEP_MS = 60_000;
let pending: { db: string; eventId: string; result: Promise<PreloadedDesk | null> } | undefined;

/** Starts reading and indexing the cached desk of `eventId` in database `db`, if the device has one. */
export function preloadDesk(db: string, eventId: string): void {
  const result = (async () => {
    // its parts as User Timing measures: the benchmark's cold start lists them (tests/bench/run.ts)
    const lap = laps('desk preload');
    const dir = await opfsRoot();
    const bytes = dir ? await opfsDeskCacheStore(dir).read(db, eventId) : undefined;
    lap('read');
    if (!bytes) return null;
    await afterAppStart();
    lap('waiting');
    const cache = decodeDeskCache(bytes);
    lap('decode');
    if (!cache || cache.eventId !== eventId) return null;
    // in steps: IndexedDB may open meanwhile, and the app's own start must not wait for the index
    const state = await indexDeskCardsSoon(cache.cards);
    lap('index');
    return { eventId, stamp: cache.stamp, epoch: cache.epoch, state };
  })().catch(() => null);
  const entry = { db, eventId, result };
  pending = entry;
  setTimeout(() => {
    if (pending === entry) pending = undefined;
  }, KEEP_MS);
}

/** The preload of this database and event (resolving to null when there was no usable file), once. */
export function takeDeskPreload(db: string, eventId: string): Promise<PreloadedDesk | null> | undefined {
  if (pending?.db !== db || pending.eventId !== eventId) return undefined;
  const { result } = pending;
  pending = undefined;
  return result;
}
