/**
 * Page-side harness for the engines (bundled by esbuild into an IIFE and loaded into a page of the
 * app's own origin that the runner serves beside the app, cross-origin isolated so `performance.now()`
 * ticks in 5 µs instead of 100 µs). It reads the people the app stored in IndexedDB, generates the
 * query set from them, and times our engine, the peers, and Dexie on the real database.
 */
import Dexie, { type Table } from 'dexie';
import { SkhodDb } from '../../../renderer/db/database';
import { indexDeskCards } from '../../../renderer/db/desk-preload';
import { loadDeskLookups, loadDeskRegistrations, toDeskCards } from '../../../renderer/db/repo/desk-cards';
import type { BenchPerson, BenchQuery, QueryClass } from '../lib/queries';
import { makeQueries } from '../lib/queries';
import { buildEngine, type Engine, type EngineName, type MemoryEngine } from './engines';

/** Per query class: every timed run, and how many queries found their target among the first ten. */
export type ClassRun = { times: number[]; hits: number; total: number };

export type EngineRun = {
  engine: EngineName;
  /** Time to build the engine's index from the rows in memory (Dexie: none, its index is in IndexedDB). */
  buildMs: number | null;
  /** Queries that got at least one run within the time budget. */
  queriesRun: number;
  queriesTotal: number;
  runs: number;
  byClass: Partial<Record<QueryClass, ClassRun>>;
  /** Queries whose person was not among the first ten: what was typed, whom it meant, what came first. */
  misses: Miss[];
};

export type Miss = { cls: QueryClass; text: string; target: string; got: string[] };

export type RunOptions = { repeats: number; budgetMs: number };

export type HarnessApi = {
  /** Reads people and registrations from the app's database; returns what it found. */
  load(): Promise<{ people: number; registrations: number; events: number; crossOriginIsolated: boolean }>;
  queries(opts: { seed: number; perClass: number }): BenchQuery[];
  runEngine(name: MemoryEngine, opts: RunOptions): Promise<EngineRun>;
  runDexie(opts: RunOptions): Promise<EngineRun>;
  /** What the desk does at start without its cache, timed in parts: IndexedDB → rows → cards → SearchIndex. */
  indexFromDb(): Promise<{ readMs: number; cardsMs: number; buildMs: number; docs: number }>;
};

export type HarnessWindow = Window & { __skhodBench: HarnessApi };

type PersonRow = BenchPerson & { badgeCode?: string };
type RegistrationRow = { id: string; eventId: string; personId: string; badgeCode: string };

let db: Dexie | undefined;
let appDb: SkhodDb | undefined;

/** The same database through the app's own schema class, for the app's own read functions. */
async function appDatabase(): Promise<SkhodDb> {
  if (!appDb) {
    appDb = new SkhodDb();
    await appDb.open();
  }
  return appDb;
}
let people: PersonRow[] = [];
let queries: BenchQuery[] = [];

async function database(): Promise<Dexie> {
  // Dexie opens an existing database without a declared schema ("dynamic mode"): the app's own tables
  if (!db) db = await new Dexie('skhod').open();
  return db;
}

let byId = new Map<string, PersonRow>();
const fullName = (id: string) => {
  const p = byId.get(id);
  return p ? `${p.surname} ${p.name} ${p.patronymic} ${p.phone ?? ''}`.trim() : id;
};

const tokens = (q: string) => q.toLowerCase().split(/[\s.,]+/).filter(Boolean);

/** Dexie as a Dexie user would write a name lookup (see ENGINE_SETUP.dexie). */
function dexieSearch(table: Table<BenchPerson, string>, q: string): Promise<BenchPerson[]> {
  const digits = q.replace(/\D/g, '');
  if (digits && digits.length === q.trim().length) return table.filter((p) => (p.phone ?? '').replace(/\D/g, '').includes(digits)).limit(10).toArray();
  const [first, ...rest] = tokens(q);
  if (!first) return Promise.resolve([]);
  return table
    .where('surname')
    .startsWithIgnoreCase(first)
    .filter((p) => rest.every((t) => p.name.toLowerCase().startsWith(t) || p.patronymic.toLowerCase().startsWith(t)))
    .limit(10)
    .toArray();
}

/**
 * Runs the query set: the first pass times every query once and scores recall@10; further passes
 * (up to `repeats`) only time. A slow engine stops when the budget is spent; queries are in
 * round-robin order of classes, so what did run covers every class evenly.
 */
async function runQueries(engine: EngineName, search: (q: string) => string[] | Promise<string[]>, buildMs: number | null, opts: RunOptions): Promise<EngineRun> {
  const byClass: Partial<Record<QueryClass, ClassRun>> = {};
  const misses: Miss[] = [];
  // warm-up: the JIT and the engine's lazy structures, not the answers (a slow engine gets a tenth of its budget)
  const warm = performance.now();
  for (const q of queries.slice(0, 18)) {
    if (performance.now() - warm > opts.budgetMs / 10) break;
    await search(q.text);
  }
  const started = performance.now();
  let queriesRun = 0;
  let runs = 0;
  outer: for (let pass = 0; pass < opts.repeats; pass++) {
    for (const q of queries) {
      if (performance.now() - started > opts.budgetMs) break outer;
      const c = (byClass[q.cls] ??= { times: [], hits: 0, total: 0 });
      const t0 = performance.now();
      const ids = await search(q.text);
      c.times.push(performance.now() - t0);
      runs++;
      if (pass === 0) {
        queriesRun++;
        if (q.target) {
          c.total++;
          if (ids.includes(q.target)) c.hits++;
          else if (misses.length < 40) misses.push({ cls: q.cls, text: q.text, target: fullName(q.target), got: ids.slice(0, 10).map(fullName) });
        }
      }
    }
  }
  return { engine, buildMs, queriesRun, queriesTotal: queries.length, runs, byClass, misses };
}

const api: HarnessApi = {
  async load() {
    const d = await database();
    const [rows, regs, events] = await Promise.all([
      d.table<BenchPerson, string>('people').toArray(),
      d.table<RegistrationRow, string>('registrations').toArray(),
      d.table('events').count(),
    ]);
    const badge = new Map(regs.map((r) => [r.personId, r.badgeCode]));
    people = rows.map((p) => ({ id: p.id, surname: p.surname, name: p.name, patronymic: p.patronymic, phone: p.phone, badgeCode: badge.get(p.id) }));
    byId = new Map(people.map((p) => [p.id, p]));
    return { people: people.length, registrations: regs.length, events, crossOriginIsolated: self.crossOriginIsolated };
  },
  queries(opts) {
    queries = makeQueries(people, opts);
    return queries;
  },
  async runEngine(name, opts) {
    const t0 = performance.now();
    let engine: Engine | undefined = buildEngine(name, people);
    const buildMs = performance.now() - t0;
    const run = await runQueries(name, (q) => engine!.search(q), buildMs, opts);
    engine = undefined; // let the next engine have the memory
    return run;
  },
  async runDexie(opts) {
    const table = (await database()).table<BenchPerson, string>('people');
    return runQueries('dexie', async (q) => (await dexieSearch(table, q)).map((p) => p.id), null, opts);
  },
  async indexFromDb() {
    // the desk's own uncached path (renderer/hooks/use-desk-index.ts), on a connection of the app's schema
    const ctx = { db: await appDatabase() };
    const t0 = performance.now();
    const eventId = (await ctx.db.events.toCollection().first())!.id;
    const [lookups, all] = await Promise.all([loadDeskLookups(ctx, eventId), loadDeskRegistrations(ctx, eventId)]);
    const t1 = performance.now();
    const cards = toDeskCards(all.registrations, all.people, lookups);
    const t2 = performance.now();
    const { index } = indexDeskCards(cards);
    const t3 = performance.now();
    if (!index.search('а', 1).length && cards.length) throw new Error('the index found nothing');
    return { readMs: t1 - t0, cardsMs: t2 - t1, buildMs: t3 - t2, docs: cards.length };
  },
};

(window as unknown as HarnessWindow).__skhodBench = api;
