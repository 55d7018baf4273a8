/**
 * What Chromium's IndexedDB itself costs for an import's rows, with none of the app's code (issue 22):
 * 10,000 people and 10,000 registrations shaped like the app's, stored as the app stores them (one
 * record per row, the app's indexes on both stores, 2,000 rows per transaction) and, for comparison,
 * as pages of 500 rows per record; then read back whole (`getAll`). The import's commit cannot be
 * faster than the first figure, nor a desk read without its cache than the read of ten times as many.
 */
import { generatePeople, type MunicipalityInput } from '../../../shared/generator';
import type { Person, Registration } from '../../../shared/domain/types';
import type { Figure } from '../lib/results';
import { summarize } from '../lib/stats';
import { launchBrowser, places } from './import-wizard';

export type FloorRun = { rowsWrite: number; rowsRead: number; pagesWrite: number; pagesRead: number };

/** Rows as an import of `count` people writes them (random ids, one event, four sections, a consent each). */
function importRows(count: number, places: MunicipalityInput[]): { people: Person[]; registrations: Registration[] } {
  const generated = generatePeople({ seed: 22, count, municipalities: places });
  const id = (k: string, i: number) => `${k}${i.toString(16).padStart(8, '0')}-4b1c-4e0a-9c3d-5f2a7b6c8d9e`;
  const people: Person[] = generated.map((p, i) => ({
    id: id('p', i),
    surname: p.surname,
    name: p.name,
    patronymic: p.patronymic,
    phone: p.phone,
    ...(p.email ? { email: p.email } : {}),
    municipalityId: id('m', places.findIndex((m) => m.name === p.municipality)),
    organizationId: id('o', i % 700),
    position: p.position,
    consent: { given: true, at: '2019-12-01T09:00:00.000Z', how: 'paper' },
  }));
  const registrations: Registration[] = people.map((p, i) => ({
    id: id('r', i),
    eventId: id('e', 1),
    personId: p.id,
    role: 'participant',
    category: 'ngo',
    municipalityId: p.municipalityId!,
    status: 'confirmed',
    badgeCode: `A${String(100_000 + i)}`,
    sectionPrefs: [id('s', i % 4)],
    sectionId: id('s', i % 4),
    source: 'import',
    createdAt: '2019-12-01T09:00:00.000Z',
  }));
  return { people, registrations };
}

/** Page side: one database per shape, the rows written, the database closed and opened again, the rows read. */
async function pageSide(arg: { shape: 'rows' | 'pages'; people: unknown[]; registrations: unknown[] }): Promise<{ write: number; read: number }> {
  const { shape, people, registrations } = arg;
  const name = `floor-${shape}-${Math.random()}`;
  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(name, 1);
      r.onupgradeneeded = () => {
        const d = r.result;
        const p = d.createObjectStore('people', { keyPath: 'id' });
        p.createIndex('surname', 'surname');
        p.createIndex('organizationId', 'organizationId');
        const g = d.createObjectStore('registrations', { keyPath: 'id' });
        for (const [n, path] of [['eventId', 'eventId'], ['personId', 'personId'], ['badgeCode', 'badgeCode'], ['em', ['eventId', 'municipalityId']], ['es', ['eventId', 'sectionId']]] as const) g.createIndex(n, path as string | string[]);
        d.createObjectStore('pages', { keyPath: 'id' });
      };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const done = (t: IDBTransaction) => new Promise<void>((resolve, reject) => ((t.oncomplete = () => resolve()), (t.onerror = () => reject(t.error)), (t.onabort = () => reject(t.error))));
  let db = await open();
  const t0 = performance.now();
  if (shape === 'rows') {
    const all: Array<[string, unknown]> = [...people.map((r) => ['people', r] as [string, unknown]), ...registrations.map((r) => ['registrations', r] as [string, unknown])];
    for (let i = 0; i < all.length; i += 2_000) {
      const t = db.transaction(['people', 'registrations'], 'readwrite');
      for (const [store, row] of all.slice(i, i + 2_000)) t.objectStore(store).put(row);
      await done(t);
    }
  } else {
    const t = db.transaction('pages', 'readwrite');
    for (let i = 0; i < people.length; i += 500) t.objectStore('pages').put({ id: `page${i}`, people: people.slice(i, i + 500), registrations: registrations.slice(i, i + 500) });
    await done(t);
  }
  const write = performance.now() - t0;
  db.close();
  db = await open();
  const t1 = performance.now();
  const stores = shape === 'rows' ? ['people', 'registrations'] : ['pages'];
  const t = db.transaction(stores, 'readonly');
  const reads = stores.map((s) => t.objectStore(s).getAll());
  await done(t);
  const read = performance.now() - t1;
  const got = reads.reduce((n, r) => n + (shape === 'rows' ? (r.result as unknown[]).length : (r.result as Array<{ people: unknown[] }>).reduce((k, p) => k + p.people.length * 2, 0)), 0);
  db.close();
  indexedDB.deleteDatabase(name);
  if (got !== people.length + registrations.length) throw new Error(`read back ${got} rows of ${people.length + registrations.length}`);
  return { write, read };
}

/** `runs` × both shapes, one after the other, in a fresh page of `origin` each time. */
export async function floorFigures(origin: string, runs: number, log: (s: string) => void): Promise<FloorRun[]> {
  const rows = importRows(10_000, places());
  const browser = await launchBrowser();
  const out: FloorRun[] = [];
  try {
    for (let r = 0; r < runs; r++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      // an empty page of the app's origin: IndexedDB, none of the app
      await page.route(`${origin}/__floor`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>floor</title>' }));
      await page.goto(`${origin}/__floor`);
      await page.addScriptTag({ content: 'var __name = (f) => f;' });
      const asRows = await page.evaluate(pageSide, { shape: 'rows' as const, ...rows });
      const asPages = await page.evaluate(pageSide, { shape: 'pages' as const, ...rows });
      out.push({ rowsWrite: asRows.write, rowsRead: asRows.read, pagesWrite: asPages.write, pagesRead: asPages.read });
      log(`  IndexedDB floor run ${r + 1}: 20,000 rows written ${Math.round(asRows.write)} ms, read ${Math.round(asRows.read)} ms; as 20 pages ${Math.round(asPages.write)} / ${Math.round(asPages.read)} ms`);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}

export function floorRows(runs: FloorRun[]): Figure[] {
  const n = '10k + 10k rows';
  const row = (figure: string, key: keyof FloorRun): Figure => ({ figure, n, unit: 'ms', stats: summarize(runs.map((r) => r[key])), target: '—', pass: null });
  return [
    row('IndexedDB alone: an import\'s rows written as the app stores them (a record per row, its indexes, 2,000 per transaction)', 'rowsWrite'),
    row('  the same rows read back whole (`getAll`, database reopened)', 'rowsRead'),
    row('  the same rows as 20 records of 500 (pages): written', 'pagesWrite'),
    row('  pages read back whole', 'pagesRead'),
  ];
}
