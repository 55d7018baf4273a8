/**
 * `npm run bench [-- --quick] [-- --fresh]` — what users feel at the desk, side by side with what they
 * would use instead (issue 10). Builds the renderer, serves it on a loopback port, drives it in Debian's
 * Chromium through Playwright at 1,000 / 10,000 / 100,000 participants (1k and 10k with --quick), adds
 * the figures measured in Node, and writes bench/results.json and bench/RESULTS.md (also to stdout).
 * Progress goes to stderr. Not part of `npm test`: benchmarks print figures, they are not timed tests.
 *
 *   --quick   1k and 10k only, for iteration
 *   --fresh   seed the databases again even if a seeded profile for the current sources is cached
 *   --readme  also put the figures into README.md's "Performance" section (between its bench markers)
 *   --sizes=1000,50000  other sizes (the targets are checked at 100k only)
 *   --only=import  only the import wizard rows (10k read / check / commit in Chromium, the kill loop);
 *                  prints them, writes nothing
 *   --kills=20  how many times the kill loop kills the page mid-commit (5 with --quick)
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { badgeCodeFromSerial } from '../../shared/people/badge-code';
import { ENGINE_SETUP, type EngineName } from './browser/engines';
import type { EngineRun, HarnessWindow } from './browser/harness';
import type { ProbeWindow } from './browser/probe';
import { bundle, buildRenderer, CHROMIUM_PATH, firstPage, launch, pickPort, prepareProfile, removeLeftovers, ROOT, seedKey, serve, WORK_ROOT, type Scripts } from './browser/session';
import { importWizardRows, killFigures, wizardFigures } from './browser/import-wizard';
import { floorFigures } from './browser/idb-floor';
import { figures, fmt } from './lib/figures';
import { chromiumVersion, commit, machine, versions } from './lib/machine';
import { QUERY_CLASSES, TIMING_ONLY, type BenchQuery, type QueryClass } from './lib/queries';
import { figuresTable, readmeBlock, renderMarkdown, replaceReadmeBlock } from './lib/report';
import type { BenchResults, EngineSummary, Figure, NodeResult, SizeResult } from './lib/results';
import { summarize } from './lib/stats';
import { importFigures, resultsFigures, solverFigures } from './node/figures';
import { mergeFigures } from './node/merge';

const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const FRESH = args.has('--fresh');
const README = args.has('--readme');
const ONLY_IMPORT = args.has('--only=import');
const killsArg = process.argv.find((a) => a.startsWith('--kills='));
const KILLS = killsArg ? Number(killsArg.slice('--kills='.length)) : QUICK ? 5 : 20;
const WIZARD_RUNS = QUICK ? 1 : 3;
const sizesArg = process.argv.find((a) => a.startsWith('--sizes='));
const SIZES = sizesArg ? sizesArg.slice('--sizes='.length).split(',').map(Number) : QUICK ? [1_000, 10_000] : [1_000, 10_000, 100_000];
if (!SIZES.every((n) => Number.isInteger(n) && n >= 200 && n <= 200_000)) throw new Error(`--sizes: whole numbers from 200 to 200000, got ${sizesArg}`);

/** 25 queries in each of 9 classes: 225 queries (the issue asks for at least 200). */
const PER_CLASS = 25;
/** Every engine is timed 3 times per query, a peer as far as its time budget allows. */
const REPEATS = 3;
const PEER_BUDGET_MS = 8_000;
/** Fewer of the slow samples at 100k, to keep a run from a clean clone within ~10 minutes on 2 cores. */
const coldStartsAt = (n: number) => (n >= 100_000 ? 3 : 5);
const DESK_OPENS = 5;
const UNCACHED_OPENS = 3;
/** The figure is 500 check-ins at 100k; the smaller sizes do fewer, to keep the run short. */
const checkinsAt = (n: number) => (n >= 100_000 ? 500 : 100);

const log = (s: string) => process.stderr.write(s + '\n');
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const METHOD: Record<string, string> = {
  'desk search latency':
    "the query set typed key by key into the real desk field of the built app (value set through the native setter, then an `input` event: what React listens to). In the page, `performance.now()` right before the dispatch → a `requestAnimationFrame` callback (React commits discrete input synchronously, so the frame that follows is the one with the results) → a message posted from that callback, which runs after the frame's style, layout and paint: that is \"frame painted\". Chromium runs with `--disable-frame-rate-limit --disable-gpu-vsync`, so the figure is the app's own latency; a 60 Hz display adds its refresh wait (0–16.7 ms) on top for any app. Every keystroke is a sample; the next key is typed after the previous frame.",
  'search engine alone':
    'the same queries (final text) against `shared/search` in a page of the app\'s origin made cross-origin isolated (timer resolution 5 µs), built over the rows the app stored; every one of 3 runs per query is a sample.',
  'search quality': "recall@10 per class: the query's person among the first ten results. The class «prefix 1–6» (a bare surname prefix, hundreds of matches at 100k) is timed only.",
  peers: 'each peer gets the same rows and the same queries in the same page, one after another; Dexie runs against the real IndexedDB of the app. Speed-up = peer median (p95) per query ÷ ours.',
  'index build at start':
    "the app reloaded on «Настройки», then «Регистрация» clicked in the page: from the click to the search field's placeholder turning to «Фамилия…» (the index is built and committed) and that frame painted. The desk keeps its cards cached on the device (one file in OPFS, checked against the database's change stamp and desk epoch) and replays what was stored since (its own changes and notes of other devices' changes); the second row deletes that file before each opening, which is the path after a lost file, a restore, or changes from elsewhere too wide to replay (every registration and person read from IndexedDB). The breakdown row runs the desk's own functions of that path in the harness page: `loadDeskLookups` + `loadDeskRegistrations` (one event on the device: both tables read whole, side by side), `toDeskCards`, `indexDeskCards`.",
  import:
    'a messy generated list (title rows, merged two-row header, one «ФИО» column, raw phones, duplicates and nameless rows) of 10,000 people written as xlsx; in Node, alternately: `XLSX.read` + `sheet_to_json` vs `analyzeList` of shared/import (read with limits → sheet and header → mapping → records and validation → duplicates).',
  'import wizard':
    'the real wizard of the built app in Chromium (tests/bench/browser/import-wizard.ts), a fresh profile with the demo event per run, 1366×768: the same kind of 10,000-row messy xlsx given to «Выбрать файл…» → «Лист и столбцы» shown (read in the worker) = read; «Проверить строки» → «Проверка строк» shown (check in the worker, preview built) = check; questions answered, «Импортировать» → «Отчёт об импорте» shown (backup, rows built, chunked commit) = commit. Kill loop: 4,000-row lists imported one after another into one profile, the renderer killed by CDP `Page.crash` 0–0.6 s after the progress label shows a first chunk written («Записываем в базу… N из M», N > 0), the app reopened (it rolls an unfinished import back as it opens) and the people and registrations counted straight from IndexedDB: all of the file or none of it, anything else is a half import. The indented rows under each step are the wizard’s own User Timing measures of its parts (renderer/common/laps.ts). «IndexedDB alone»: the same number of rows shaped like the app’s, written and read with raw IndexedDB in an empty page of the same origin — as the app stores them (a record per row, the app’s indexes, 2,000 rows per transaction) and as pages of 500 rows per record (tests/bench/browser/idb-floor.ts): what the storage itself costs, under any code.',
  'check-in commit':
    'at the desk, a badge code typed as a scanner does, then Enter dispatched on the field: from Enter to the banner «… прибытие отмечено» with that person\'s name in the DOM and painted. This includes `appendCheckin` (one rw transaction with strict durability) and the React update. The next check-in starts when the page is idle (requestIdleCallback). 500 check-ins at 100k (100 at the smaller sizes), codes spread evenly over the list.',
  'section assignment': '`assignSections` (shared/sections) in Node on a generated instance: 10,000 people with 1–3 ranked choices, 20 sections, capacity 110 %, spread 3 (the app\'s default); 3 runs after a warm-up.',
  results: '`computeResults` (shared/results) in Node: totals, five aggregation methods with rankings and tie-breaks, Kendall\'s W and ICC per block, juror statistics, divergence, sensitivity; 30 runs after a warm-up.',
  merge:
    'the sync merge\'s own benchmark (`tests/bench/merge.bench.ts --quick`, run as a child process): 20 signed exchange files of 10,000 changes each (people, registrations, check-ins, deletes; clashing fields and double check-ins), merged one after another with `mergeInto` of shared/sync in Node; min / median / max of its 3 runs. Reading and verifying the files is reported beside it.',
  'cold start':
    'a fresh browser process on the stored profile (the app remembers the desk is open and who the operator is), `page.goto(app)`: from navigation start (`performance.timeOrigin`) to the desk field ready and painted. Browser process start-up is not included. «The desk preload in parts»: the preload’s own User Timing measures (renderer/db/desk-preload.ts) — when it began after navigation, reading the desk file from OPFS, waiting for the page to be idle, decoding it, and building the index in steps that share the main thread with the app’s start (its wall time, the row’s figures). The row after it: a bare `indexedDB.open` of the same database from the first script of a blank page of the origin, in a fresh browser — Chromium opening its LevelDB store, which at 100k includes stepping over the undo-log tombstones the 100k-row transaction that stored the people left behind.',
  memory: '`performance.memory.usedJSHeapSize` (Chromium with `--enable-precise-memory-info`) after the last cold start: when the field is ready, and after a forced garbage collection (DevTools protocol `HeapProfiler.collectGarbage`).',
};

function summarizeEngine(run: EngineRun): EngineSummary {
  const byClass: EngineSummary['byClass'] = {};
  const all: number[] = [];
  for (const cls of QUERY_CLASSES) {
    const c = run.byClass[cls];
    if (!c) continue;
    all.push(...c.times);
    byClass[cls] = { time: summarize(c.times), hits: c.hits, total: c.total, recall: TIMING_ONLY.has(cls) || !c.total ? null : c.hits / c.total };
  }
  return { engine: run.engine, buildMs: run.buildMs, queriesRun: run.queriesRun, queriesTotal: run.queriesTotal, runs: run.runs, time: summarize(all), byClass, misses: run.misses };
}

const harness = (page: Page) => page.waitForFunction(() => Boolean((window as unknown as HarnessWindow).__skhodBench));

async function measureSize(n: number, ctx: { origin: string; port: number; key: string; scripts: Scripts }): Promise<SizeResult> {
  const t0 = performance.now();
  const loadBefore = loadavg()[0]!;
  const profile = await prepareProfile({ n, port: ctx.port, origin: ctx.origin, key: ctx.key, fresh: FRESH, scripts: ctx.scripts, log });
  if (profile.seededMs !== null) log(`  seeded in ${sec(profile.seededMs)}`);
  let context: BrowserContext | undefined;
  try {
    context = await launch(profile.dir, ctx.origin, ctx.scripts);
    let page = await firstPage(context);

    // 1. engines, peers and the desk's read + build, in the harness page
    await page.goto(`${ctx.origin}/__bench/index.html`);
    await harness(page);
    // first, while the page holds nothing else: the desk's read and index build, in two parts
    const reads: number[] = [];
    const cards: number[] = [];
    const builds: number[] = [];
    const totals: number[] = [];
    for (let i = 0; i < (n >= 100_000 ? 1 : 3); i++) {
      const r = await page.evaluate(() => (window as unknown as HarnessWindow).__skhodBench.indexFromDb());
      reads.push(r.readMs);
      cards.push(r.cardsMs);
      builds.push(r.buildMs);
      totals.push(r.readMs + r.cardsMs + r.buildMs);
    }
    const stored = await page.evaluate(() => (window as unknown as HarnessWindow).__skhodBench.load());
    if (stored.registrations !== n || stored.events !== 1) throw new Error(`expected one event with ${n} registrations, found ${stored.events} events, ${stored.registrations} registrations (try --fresh)`);
    const queries: BenchQuery[] = await page.evaluate((o) => (window as unknown as HarnessWindow).__skhodBench.queries(o), { seed: n, perClass: PER_CLASS });
    const engines: EngineSummary[] = [];
    for (const name of ['ours', 'minisearch', 'ufuzzy', 'fuse'] as const) {
      const started = performance.now();
      const budgetMs = name === 'ours' ? 600_000 : PEER_BUDGET_MS;
      const run = await page.evaluate(([e, o]) => (window as unknown as HarnessWindow).__skhodBench.runEngine(e, o), [name, { repeats: REPEATS, budgetMs }] as const);
      engines.push(summarizeEngine(run));
      log(`  ${name}: build ${run.buildMs == null ? '—' : fmt(run.buildMs)} ms, ${run.queriesRun}/${run.queriesTotal} queries, ${sec(performance.now() - started)}`);
    }
    {
      const started = performance.now();
      const run = await page.evaluate((o) => (window as unknown as HarnessWindow).__skhodBench.runDexie(o), { repeats: REPEATS, budgetMs: PEER_BUDGET_MS });
      engines.push(summarizeEngine(run));
      log(`  dexie: ${run.queriesRun}/${run.queriesTotal} queries, ${sec(performance.now() - started)}`);
    }

    // 2. cold starts: a new browser process each time, the app opening straight on the desk
    const cold: number[] = [];
    const coldField: number[] = [];
    const coldParts: Record<string, number[]> = {};
    let heapMB: SizeResult['heapMB'] = { atReady: null, afterGc: null };
    const coldStarts = coldStartsAt(n);
    for (let i = 0; i < coldStarts; i++) {
      await context.close();
      context = await launch(profile.dir, ctx.origin, ctx.scripts);
      page = await firstPage(context);
      await page.goto(`${ctx.origin}/`);
      const ready = await page.evaluate(() => (window as unknown as ProbeWindow).__skhodProbe.coldReady);
      if (!Number.isFinite(ready)) throw new Error('cold start: the desk did not become ready');
      cold.push(ready);
      coldField.push(await page.evaluate(() => (window as unknown as ProbeWindow).__skhodProbe.coldField));
      // the desk preload's own measures (renderer/db/desk-preload.ts): when it began, and each part
      const preload = await page.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('desk preload: ')).map((m) => [m.name.slice('desk preload: '.length), m.startTime, m.duration] as const));
      if (preload.length) (coldParts.began ??= []).push(preload[0]![1]);
      for (const [part, , ms] of preload) (coldParts[part] ??= []).push(ms);
      if (i === coldStarts - 1) {
        const atReady = await page.evaluate(() => (window as unknown as ProbeWindow).__skhodProbe.heap());
        await page.waitForTimeout(1000);
        const cdp = await context.newCDPSession(page);
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.detach();
        const afterGc = await page.evaluate(() => (window as unknown as ProbeWindow).__skhodProbe.heap());
        heapMB = { atReady: atReady == null ? null : atReady / 2 ** 20, afterGc: afterGc == null ? null : afterGc / 2 ** 20 };
      }
    }
    const idbOpen: number[] = [];
    for (let i = 0; i < coldStarts; i++) {
      await context.close();
      context = await launch(profile.dir, ctx.origin, ctx.scripts);
      page = await firstPage(context);
      await page.goto(`${ctx.origin}/__bench/open.html`);
      idbOpen.push(await page.evaluate(() => (window as unknown as { __idbOpen: Promise<number> }).__idbOpen));
    }
    log(`  cold start median ${fmt(summarize(cold).median)} ms; bare IndexedDB open ${fmt(summarize(idbOpen).median)} ms`);
    await page.goto(`${ctx.origin}/`);

    // 3. opening the desk in a running app: first without the desk's cached index (as after an
    //    import: every registration and person from IndexedDB), then as usual (the cache is there)
    const uncached: number[] = [];
    const opens: number[] = [];
    const nav = page.getByRole('navigation');
    let cacheRows = 0;
    for (let i = 0; i < UNCACHED_OPENS + DESK_OPENS; i++) {
      await nav.getByRole('button', { name: 'Настройки' }).click();
      await page.reload();
      await nav.getByRole('button', { name: 'Регистрация' }).waitFor();
      await page.evaluate(() => (window as unknown as ProbeWindow).__skhodProbe.disarm());
      if (i < UNCACHED_OPENS) cacheRows += await page.evaluate(() => (window as unknown as ProbeWindow).__skhodProbe.dropDeskCache());
      await page.waitForTimeout(1000);
      const ms = await page.evaluate(() => (window as unknown as ProbeWindow).__skhodProbe.openDesk());
      (i < UNCACHED_OPENS ? uncached : opens).push(ms);
      // the desk writes its cache after the first build; let it land before the next reload
      if (i < UNCACHED_OPENS) await page.waitForTimeout(2000);
    }
    log(`  desk open median ${fmt(summarize(opens).median)} ms; without its cache ${fmt(summarize(uncached).median)} ms (${cacheRows} cache files dropped)`);

    // 4. the query set typed into the desk field
    await page.waitForTimeout(1000);
    const typedStarted = performance.now();
    const typed = await page.evaluate((texts) => (window as unknown as ProbeWindow).__skhodProbe.typeQueries(texts), queries.map((q) => q.text));
    const deskByClass: Partial<Record<QueryClass, number[]>> = {};
    queries.forEach((q, i) => (deskByClass[q.cls] ??= []).push(...typed.painted[i]!));
    const keystrokes = typed.painted.reduce((a, b) => a + b.length, 0);
    log(`  typed ${keystrokes} keystrokes in ${sec(performance.now() - typedStarted)}`);

    // 5. check-ins (last: they change the database copy)
    const count = Math.min(checkinsAt(n), n);
    const codes = Array.from({ length: count }, (_, i) => badgeCodeFromSerial(1 + Math.floor((i * n) / count)));
    const checkStarted = performance.now();
    const checkins = await page.evaluate((c) => (window as unknown as ProbeWindow).__skhodProbe.checkIns(c), codes);
    log(`  ${checkins.ms.length} check-ins in ${sec(performance.now() - checkStarted)}; size done in ${sec(performance.now() - t0)}`);

    return {
      n,
      seededMs: profile.seededMs,
      stored: { people: stored.people, registrations: stored.registrations },
      crossOriginIsolated: stored.crossOriginIsolated,
      queries: { total: queries.length, perClass: PER_CLASS, keystrokes },
      desk: {
        painted: summarize(typed.painted.flat()),
        raf: summarize(typed.raf.flat()),
        byClass: Object.fromEntries(Object.entries(deskByClass).map(([c, v]) => [c, summarize(v)])),
        uncommitted: typed.uncommitted,
      },
      engines,
      indexFromDb: { read: summarize(reads), cards: summarize(cards), build: summarize(builds), total: summarize(totals) },
      openDesk: summarize(opens),
      openDeskUncached: { stats: summarize(uncached), cacheRowsDropped: cacheRows },
      coldStart: summarize(cold),
      coldField: summarize(coldField),
      coldPreload: Object.fromEntries(Object.entries(coldParts).map(([part, ms]) => [part, summarize(ms)])),
      idbOpen: summarize(idbOpen),
      heapMB,
      checkins: { stats: summarize(checkins.ms), requested: count, failed: checkins.failed.length, skipped: checkins.skipped },
      load: [loadBefore, loadavg()[0]!],
    };
  } finally {
    await context?.close();
    rmSync(profile.dir, { recursive: true, force: true });
  }
}

function measureNode(): NodeResult {
  log('node: import 10,000-row messy xlsx…');
  const imp = importFigures(3);
  log('node: section assignment 10k × 20…');
  const solver = solverFigures(3);
  log('node: results 500 × 15 × 10…');
  const results = resultsFigures(30);
  log('node: merge 20 exchange files × 10,000 changes (tests/bench/merge.bench.ts --quick)…');
  const merge = mergeFigures(ROOT);
  return {
    import: { rows: imp.rows, people: imp.people, bytes: imp.bytes, bare: summarize(imp.bare), pipeline: summarize(imp.pipeline), recognized: imp.recognized, inBrowser: false },
    solver: { people: solver.people, sections: solver.sections, time: summarize(solver.ms), placed: solver.placed, demand: solver.demand, byChoice: solver.byChoice },
    results: results.map((r) => ({ label: r.label, sheets: r.sheets, time: summarize(r.ms) })),
    merge,
  };
}

async function measureImportWizard(origin: string): Promise<Figure[]> {
  log(`import wizard: ${WIZARD_RUNS} × 10,000-row messy xlsx…`);
  const w = await wizardFigures(origin, WIZARD_RUNS, log);
  log(`import killed mid-commit: ${KILLS} loops…`);
  const k = KILLS > 0 ? await killFigures(origin, KILLS, log) : null;
  log(`IndexedDB alone: ${WIZARD_RUNS} × 20,000 rows…`);
  const floor = await floorFigures(origin, WIZARD_RUNS, log);
  return importWizardRows(w, k, floor);
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadAtStart = loadavg()[0]!;
  const chromium = chromiumVersion(CHROMIUM_PATH);
  log(`bench (${QUICK ? 'quick' : 'full'}): sizes ${SIZES.join(', ')}; Chromium ${chromium}; load average ${loadAtStart.toFixed(1)} on ${cpus().length} cores`);
  mkdirSync(WORK_ROOT, { recursive: true });
  removeLeftovers();
  const outDir = join(WORK_ROOT, `renderer-${process.pid}`);
  log('building the renderer…');
  await buildRenderer(outDir);
  const scripts: Scripts = { probe: await bundle('tests/bench/browser/probe.ts'), harness: await bundle('tests/bench/browser/harness.ts') };
  const port = await pickPort();
  const server = await serve(outDir, port);
  log(`serving on ${server.origin}`);
  const key = seedKey(chromium);
  const sizes: SizeResult[] = [];
  let wizard: Figure[] = [];
  try {
    if (ONLY_IMPORT) {
      wizard = await measureImportWizard(server.origin);
      process.stdout.write(`load average ${loadAtStart.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores\n\n${figuresTable(wizard)}\n`);
      return;
    }
    for (const n of SIZES) {
      log(`${n.toLocaleString('en')} participants:`);
      sizes.push(await measureSize(n, { origin: server.origin, port, key, scripts }));
    }
    wizard = await measureImportWizard(server.origin);
  } finally {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
  const node = measureNode();
  const results: BenchResults = {
    generatedAt: new Date().toISOString(),
    mode: QUICK || sizesArg ? 'quick' : 'full',
    durationMs: performance.now() - started,
    machine: machine(),
    maxLoad: Math.max(loadAtStart, loadavg()[0]!, ...sizes.flatMap((s) => s.load)),
    versions: versions(ROOT, chromium),
    commit: commit(ROOT),
    method: METHOD,
    engineSetup: ENGINE_SETUP as Record<EngineName, string>,
    sizes,
    node,
    figures: [...figures(sizes, node), ...wizard],
  };
  const markdown = renderMarkdown(results);
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(join(ROOT, 'bench', 'RESULTS.md'), markdown);
  process.stdout.write(markdown);
  if (README) {
    const path = join(ROOT, 'README.md');
    const updated = replaceReadmeBlock(readFileSync(path, 'utf8'), readmeBlock(results));
    if (updated === null) log('README.md has no bench markers in its "Performance" section: not updated');
    else writeFileSync(path, updated);
  }
  log(`done in ${sec(results.durationMs)}; wrote bench/results.json and bench/RESULTS.md`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
