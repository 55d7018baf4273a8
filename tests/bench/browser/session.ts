/**
 * Node side of the browser measurements: build and serve the renderer, bundle the page-side probe and
 * harness, launch Debian's Chromium through Playwright with one persistent profile per size, and fill
 * that profile's IndexedDB with the demo event scaled to N through the app's own «open the demo» path.
 *
 * Seeding 100,000 people through the app takes a minute and a half here, so a seeded profile is kept
 * (pristine) in the temp folder and every run works on a copy of it: each run starts from the same
 * database, and the check-ins a run makes never leak into the next. IndexedDB belongs to an origin,
 * port included, so the server prefers a fixed port and the cache is keyed by it.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { build as esbuild } from 'esbuild';
import { build as viteBuild, preview } from 'vite';
import type { ProbeWindow } from './probe';

export const ROOT = new URL('../../../', import.meta.url).pathname.replace(/\/$/, '');
export const WORK_ROOT = join(tmpdir(), 'skhod-bench');
export const OPERATOR = 'Бенч';

/** The e2e flags: no sandbox, GPU, network chatter. */
export const CHROMIUM_BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * The e2e flags plus: precise `performance.memory`, and frames as soon as there is something to draw
 * instead of on a 60 Hz clock. Without the last two, every input→paint figure would carry a random
 * wait of 0–16.7 ms for the next vsync that the app cannot influence (measured here: p95 15 ms with
 * no work at all); with them it is the app's own latency. Not for long operations with a spinner on
 * screen: an animation then draws frames without pause and takes a core from the work being timed
 * (the import wizard uses CHROMIUM_BASE_ARGS).
 */
export const CHROMIUM_ARGS = [...CHROMIUM_BASE_ARGS, '--enable-precise-memory-info', '--disable-frame-rate-limit', '--disable-gpu-vsync'];
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export type Server = { origin: string; close: () => Promise<void> };

/** Production build of the renderer into a folder of the bench's own (dist/ may be in use by e2e runs). */
export async function buildRenderer(outDir: string): Promise<void> {
  await viteBuild({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}

export async function serve(outDir: string, port: number): Promise<Server> {
  const server = await preview({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: true } });
  return { origin: `http://127.0.0.1:${port}`, close: () => server.close() };
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/** The first free of a few fixed loopback ports (a fixed port keeps the seeded databases reusable). */
export async function pickPort(): Promise<number> {
  for (let port = 47910; port < 47930; port++) if (await portFree(port)) return port;
  throw new Error('no free port in 47910–47929');
}

/** Bundles a page-side entry into one IIFE string (minified, like the app's own production build). */
export async function bundle(entry: string): Promise<string> {
  const out = await esbuild({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    write: false,
    define: { 'process.env.NODE_ENV': '"production"', 'import.meta.glob': 'noGlob' },
    inject: [join(ROOT, 'tests/bench/browser/no-glob.ts')],
    logLevel: 'warning',
  });
  return out.outputFiles[0]!.text;
}

export type Scripts = { probe: string; harness: string };

export async function launch(userDataDir: string, origin: string, scripts: Scripts): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    viewport: { width: 1366, height: 768 },
    locale: 'ru-RU',
    timezoneId: 'Asia/Yekaterinburg',
  });
  await context.addInitScript({ content: scripts.probe });
  // The engines' page: same origin as the app (so it sees the app's IndexedDB), but not the app, and
  // cross-origin isolated so performance.now() has 5 µs resolution for sub-millisecond queries.
  const isolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cache-Control': 'no-store' };
  await context.route(`${origin}/__bench/index.html`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: isolation, body: '<!doctype html><meta charset="utf-8"><title>bench</title><script src="harness.js"></script>' }),
  );
  // a bare open of the app's database, timed from the page's first script
  await context.route(`${origin}/__bench/open.html`, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><script>window.__idbOpen = new Promise((resolve, reject) => { const t0 = performance.now(); const r = indexedDB.open('skhod'); r.onsuccess = () => { r.result.close(); resolve(performance.now() - t0); }; r.onerror = () => reject(r.error); });</script>`,
    }),
  );
  await context.route(`${origin}/__bench/harness.js`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', headers: { ...isolation, 'Cross-Origin-Resource-Policy': 'same-origin' }, body: scripts.harness }),
  );
  return context;
}

export async function firstPage(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? (await context.newPage());
}

/** What a seeded database depends on: if any of it changes, the cached profiles are seeded again. */
const SEED_INPUTS = [
  'resources',
  'shared/demo',
  'shared/generator',
  'shared/people',
  'shared/domain',
  'shared/sync',
  'renderer/db/database.ts',
  'renderer/db/context.ts',
  'renderer/db/change-log.ts',
  'renderer/db/repo/events.ts',
  'renderer/db/repo/reference.ts',
  'renderer/features/onboarding/open-demo.ts',
  // the seeded profile holds the desk's cache as the desk wrote it: a new cache format seeds again
  'renderer/db/repo/desk.ts',
  'renderer/db/repo/desk-cards.ts',
  'renderer/db/repo/desk-cache.ts',
  'renderer/db/desk-cache-file.ts',
  'renderer/hooks/use-desk-index.ts',
  'package-lock.json',
];

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

export function seedKey(chromiumVersion: string): string {
  const hash = createHash('sha256').update(chromiumVersion);
  for (const f of SEED_INPUTS.flatMap((p) => filesUnder(join(ROOT, p)))) hash.update(relative(ROOT, f)).update(readFileSync(f));
  return hash.digest('hex').slice(0, 12);
}

export type Profile = { dir: string; seededMs: number | null };

/** Removes work folders (`run-`, `seeding-`, `renderer-` + pid) left by runs that were killed. */
export function removeLeftovers(): void {
  if (!existsSync(WORK_ROOT)) return;
  for (const name of readdirSync(WORK_ROOT)) {
    const pid = /^(?:run|seeding-n\d+|renderer)-(\d+)/.exec(name)?.[1];
    if (!pid || Number(pid) === process.pid || alive(Number(pid))) continue;
    rmSync(join(WORK_ROOT, name), { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch {
    return false;
  }
}

/**
 * A working copy of the pristine profile for `n` people on this port, seeding it first when there is
 * none for the current sources (or when `fresh`). Old pristine profiles of the same size and port are
 * removed once a new one is in place.
 */
export async function prepareProfile(opts: { n: number; port: number; origin: string; key: string; fresh: boolean; scripts: Scripts; log: (s: string) => void }): Promise<Profile> {
  const { n, port, key } = opts;
  mkdirSync(WORK_ROOT, { recursive: true });
  const stem = `profile-n${n}-p${port}-`;
  const pristine = join(WORK_ROOT, stem + key);
  let seededMs: number | null = null;
  if (opts.fresh || !existsSync(pristine)) {
    const seeding = join(WORK_ROOT, `seeding-n${n}-${process.pid}`);
    rmSync(seeding, { recursive: true, force: true });
    opts.log(`  seeding ${n.toLocaleString('en')} participants through the app's demo (once per source change)…`);
    const t0 = performance.now();
    try {
      await seed(seeding, n, opts.origin, opts.scripts);
    } catch (err) {
      rmSync(seeding, { recursive: true, force: true });
      throw err;
    }
    seededMs = performance.now() - t0;
    rmSync(pristine, { recursive: true, force: true });
    renameSync(seeding, pristine);
    for (const old of readdirSync(WORK_ROOT)) if (old.startsWith(stem) && old !== stem + key) rmSync(join(WORK_ROOT, old), { recursive: true, force: true });
  }
  const dir = join(WORK_ROOT, `run-${process.pid}-n${n}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(pristine, dir, { recursive: true });
  return { dir, seededMs };
}

/** The demo scaled to `n` through the first-run screen, then the desk opened once (operator set). */
async function seed(dir: string, n: number, origin: string, scripts: Scripts): Promise<void> {
  const context = await launch(dir, origin, scripts);
  try {
    const page = await firstPage(context);
    await page.goto(`${origin}/#demo-participants=${n}`);
    await page.getByRole('button', { name: /Открыть демонстрационное мероприятие/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Участники' }).waitFor({ timeout: 900_000 });
    await page.getByRole('navigation').getByRole('button', { name: 'Регистрация' }).click();
    await page.getByLabel('Кто работает за стойкой?').fill(OPERATOR);
    await page.keyboard.press('Enter');
    await page.locator('input.desk-search[placeholder^="Фамилия"]').waitFor({ timeout: 300_000 });
    // the first opening writes the desk's cache shortly after; the seeded state is the settled one
    await page.waitForFunction(() => (window as unknown as ProbeWindow).__skhodProbe.deskCacheRows().then((n) => n > 0), undefined, { timeout: 120_000, polling: 250 });
  } finally {
    await context.close();
  }
}
