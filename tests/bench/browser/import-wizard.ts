/**
 * The import rows of the benchmark, in Chromium through the real wizard (issue 22): a 10,000-row messy
 * district list as xlsx, file chosen → «Лист и столбцы» (read in the worker), «Проверить строки» →
 * «Проверка строк» (check in the worker, then the preview), «Импортировать» → «Отчёт об импорте» (the
 * backup, the rows built, the chunked commit); and the page killed mid-commit (CDP Page.crash: no
 * unload, no flush) again and again, counting imports that were visible only in part afterwards.
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { generateDelegateList, sheetToXlsx, type MunicipalityInput } from '../../../shared/generator';
import type { Figure } from '../lib/results';
import { single, summarize } from '../lib/stats';
import { CHROMIUM_BASE_ARGS, CHROMIUM_PATH } from './session';
import { floorRows, type FloorRun } from './idb-floor';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type WizardRun = { readMs: number; checkMs: number; commitMs: number; totalMs: number; added: number; parts: Record<string, number> };

/** The wizard's own measures of its steps' parts (renderer/common/laps.ts: «import commit: backup», …), in the order taken. */
const wizardParts = (page: Page) =>
  page.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('import ')).map((m) => [m.name, m.duration] as [string, number]));
export type KillFigures = { loops: number; whole: number; nothing: number; partial: number; midCommit: number; outcomes: string[] };

export function places(): MunicipalityInput[] {
  return ['Бирский район', 'Белорецкий район', 'Иглинский район', 'г. Стерлитамак', 'г. Сибай'].map((name) => ({
    name,
    kind: name.startsWith('г. ') ? 'city' : 'district',
    region: 'Республика Башкортостан',
    federalDistrict: 'Приволжский федеральный округ',
  }));
}

export async function launchBrowser(): Promise<Browser> {
  // 60 Hz frames, as users have them: the wizard's spinner must not draw frames without pause on a 2-core machine
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_BASE_ARGS });
}

export async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU', timezoneId: 'Asia/Yekaterinburg' });
  // tsx names functions through a helper the page lacks: give the page a no-op one
  await context.addInitScript({ content: `var __name = (f) => f; (${installWizardClock.toString()})();` });
  return context;
}

type WizardClock = { fileRead: number; clicks: Record<string, number>; shown: Record<string, number>; reset: () => void };

/**
 * Page side, installed before the app loads: the wizard's phases timed by the page's own clock, so that
 * what Playwright costs the page (its file upload, its polling of the accessibility tree) is not counted
 * as the app's time. Starts: the app reading the chosen file (`File.arrayBuffer`), a button's click;
 * end: a wizard step's section in the document and the frame after it painted.
 */
function installWizardClock(): void {
  const clock: WizardClock = { fileRead: NaN, clicks: {}, shown: {}, reset: () => ((clock.shown = {}), (clock.clicks = {}), (clock.fileRead = NaN)) };
  (window as unknown as { __wizardClock: WizardClock }).__wizardClock = clock;
  const read = Blob.prototype.arrayBuffer;
  Blob.prototype.arrayBuffer = function (this: Blob) {
    if (this instanceof File) clock.fileRead = performance.now();
    return read.call(this);
  };
  addEventListener('click', (e) => {
    const b = e.target instanceof Element ? e.target.closest('button') : null;
    if (b) clock.clicks[(b.textContent ?? '').trim()] = performance.now();
  }, true);
  const waiting = new Set<string>();
  const look = () => {
    for (const s of document.querySelectorAll('dialog section[aria-label]')) {
      const name = s.getAttribute('aria-label') ?? '';
      if (name in clock.shown || waiting.has(name)) continue;
      waiting.add(name);
      // painted: the frame that shows it, then the task after that frame
      requestAnimationFrame(() => setTimeout(() => {
        waiting.delete(name);
        clock.shown[name] ??= performance.now();
      }));
    }
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true });
}

/** Resets the page's clock (before a phase starts). */
const resetClock = (page: Page) => page.evaluate(() => (window as unknown as { __wizardClock: WizardClock }).__wizardClock.reset());

/** Waits (without touching the page's layout) until `section` has been painted; the page's time of it. */
async function shownAt(page: Page, section: string): Promise<number> {
  try {
    await page.waitForFunction((n) => n in (window as unknown as { __wizardClock: WizardClock }).__wizardClock.shown, section, { polling: 100, timeout: 120_000 });
  } catch (e) {
    const shown = await dialog(page).innerText().catch(() => '');
    throw new Error(`the wizard did not reach «${section}»; it shows: ${shown.slice(0, 600)}`, { cause: e });
  }
  return page.evaluate((n) => (window as unknown as { __wizardClock: WizardClock }).__wizardClock.shown[n]!, section);
}

/** The page's time of the last click on a button named `name`. */
const clickedAt = (page: Page, name: string) => page.evaluate((n) => (window as unknown as { __wizardClock: WizardClock }).__wizardClock.clicks[n] ?? NaN, name);

export const dialog = (page: Page) => page.getByRole('dialog', { name: 'Импорт участников из таблицы' });
export async function step(page: Page, name: string): Promise<void> {
  try {
    await dialog(page).locator(`section[aria-label="${name}"]`).waitFor({ timeout: 120_000 });
  } catch (e) {
    const shown = await dialog(page).innerText().catch(() => '');
    throw new Error(`the wizard did not reach «${name}»; it shows: ${shown.slice(0, 600)}`, { cause: e });
  }
}
export const button = (page: Page, name: string) => dialog(page).getByRole('button', { name, exact: true });

export async function openDemo(page: Page, origin: string): Promise<void> {
  await page.goto(origin + '/');
  await page.getByRole('button', { name: 'Открыть демонстрационное мероприятие' }).click();
  await page.getByRole('heading', { level: 1, name: 'Участники' }).waitFor({ timeout: 60_000 });
}

/** The wizard up to «Импорт»: timings of read and check, and how many rows it will add. */
export async function throughWizard(page: Page, fileName: string, bytes: Uint8Array, mark?: (name: string) => Promise<unknown>): Promise<{ readMs: number; checkMs: number; planned: number }> {
  await page.getByRole('button', { name: 'Импорт из Excel…' }).click();
  const chooser = page.waitForEvent('filechooser');
  await button(page, 'Выбрать файл…').click();
  await resetClock(page);
  await (await chooser).setFiles({ name: fileName, mimeType: XLSX_MIME, buffer: Buffer.from(bytes) });
  const t1 = await shownAt(page, 'Лист и столбцы');
  const t0 = await page.evaluate(() => (window as unknown as { __wizardClock: WizardClock }).__wizardClock.fileRead);
  await mark?.('check');
  await resetClock(page);
  await button(page, 'Проверить строки').click();
  const t2 = await shownAt(page, 'Проверка строк');
  const checkStart = await clickedAt(page, 'Проверить строки');
  await mark?.('checked');
  for (const ask of await dialog(page).locator('.import-ask select').all()) await ask.selectOption('other');
  await button(page, 'Далее').click();
  if (await dialog(page).locator('section[aria-label="Дубликаты"]').isVisible()) await button(page, 'Далее').click();
  await step(page, 'Импорт');
  const withoutMunicipality = dialog(page).getByRole('checkbox', { name: 'Всё равно импортировать без муниципалитета' });
  if (await withoutMunicipality.isVisible()) await withoutMunicipality.check();
  // «10 000»: the figure is written the reader's way, with a no-break space between thousands
  const figure = await dialog(page).locator('.import-counts .figure').filter({ has: page.locator('dt', { hasText: /^будет добавлено$/ }) }).locator('dd').textContent();
  const planned = Number((figure ?? '').replace(/\D/g, ''));
  return { readMs: t1 - t0, checkMs: t2 - checkStart, planned };
}

/** `runs` imports of the same 10,000-row messy list, each into a fresh demo event in a fresh profile. */
export async function wizardFigures(origin: string, runs: number, log: (s: string) => void): Promise<{ rows: number; bytes: number; runs: WizardRun[] }> {
  const list = generateDelegateList({ seed: 2019, count: 10_000, municipalities: places(), messy: true });
  const bytes = sheetToXlsx(list);
  const browser = await launchBrowser();
  const out: WizardRun[] = [];
  try {
    for (let r = 0; r < runs; r++) {
      const context = await newContext(browser);
      const page = await context.newPage();
      await openDemo(page, origin);
      const { readMs, checkMs, planned } = await throughWizard(page, 'делегаты-10000.xlsx', bytes);
      await resetClock(page);
      await button(page, 'Импортировать').click();
      const commitMs = (await shownAt(page, 'Отчёт об импорте')) - (await clickedAt(page, 'Импортировать'));
      const parts = Object.fromEntries(await wizardParts(page));
      out.push({ readMs, checkMs, commitMs, totalMs: readMs + checkMs + commitMs, added: planned, parts });
      const said = Object.entries(parts).map(([name, ms]) => `${name.replace(/^import /, '')} ${Math.round(ms)}`).join(', ');
      log(`  wizard run ${r + 1}: read ${Math.round(readMs)} ms, check ${Math.round(checkMs)} ms, commit ${Math.round(commitMs)} ms (${planned} added); ${said}`);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { rows: list.truth.people.length + list.truth.errorRows.length, bytes: bytes.length, runs: out };
}

/** People and registrations straight from IndexedDB (no app code). */
function stored(page: Page): Promise<{ people: number; registrations: number }> {
  return page.evaluate(
    () =>
      new Promise<{ people: number; registrations: number }>((resolve, reject) => {
        const req = indexedDB.open('skhod');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction(['people', 'registrations'], 'readonly');
          const p = tx.objectStore('people').count();
          const g = tx.objectStore('registrations').count();
          tx.oncomplete = () => {
            req.result.close();
            resolve({ people: p.result, registrations: g.result });
          };
        };
      }),
  );
}

async function crash(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const crashed = page.waitForEvent('crash');
  void cdp.send('Page.crash').catch(() => undefined); // never answers: the renderer is gone
  await crashed;
  await page.close().catch(() => undefined);
}

/**
 * `loops` imports of 4,000-row lists (a new list each time), the page killed 0–0.6 s after the first
 * chunk is on disk (the progress label shows rows written); after reopening the app, the people added
 * are counted: 0 or all, never a part.
 */
export async function killFigures(origin: string, loops: number, log: (s: string) => void): Promise<KillFigures> {
  const browser = await launchBrowser();
  const context = await newContext(browser);
  const out: KillFigures = { loops, whole: 0, nothing: 0, partial: 0, midCommit: 0, outcomes: [] };
  try {
    let page = await context.newPage();
    await openDemo(page, origin);
    let before = await stored(page);
    for (let loop = 0; loop < loops; loop++) {
      const list = generateDelegateList({ seed: 700 + loop, count: 4_000, municipalities: places(), messy: false });
      const { planned } = await throughWizard(page, `список-${loop}.xlsx`, sheetToXlsx(list));
      await button(page, 'Импортировать').click();
      // killed only once at least one chunk is on disk (half a file stored), at a different moment each loop
      // «Записываем в базу… 2 000 из 4 000»: numbers grouped with a no-break space (\s matches it)
      const progress = dialog(page).getByText(/Записываем в базу… [1-9][\d\s]* из/);
      const report = dialog(page).locator('section[aria-label="Отчёт об импорте"]');
      await progress.or(report).first().waitFor({ timeout: 120_000 });
      await page.waitForTimeout((loop * 137) % 600);
      const at = (await progress.textContent({ timeout: 1_000 }).catch(() => null))?.replace(/\s+/g, ' ').trim() ?? 'отчёт уже показан';
      // a kill after the report is no test of all-or-nothing: counted apart, so the figure says how many were
      if (at !== 'отчёт уже показан') out.midCommit++;
      await crash(context, page);
      page = await context.newPage();
      await page.goto(origin + '/');
      await page.getByRole('navigation', { name: 'Разделы' }).waitFor({ timeout: 60_000 });
      const now = await stored(page);
      const added = now.people - before.people;
      const whole = added === planned && now.registrations - before.registrations === planned;
      const nothing = added === 0 && now.registrations === before.registrations;
      if (whole) out.whole++;
      else if (nothing) out.nothing++;
      else out.partial++;
      out.outcomes.push(`${whole ? 'всё' : nothing ? 'нет' : `частично ${added}/${planned}`} (убита при «${at}»)`);
      log(`  kill ${loop + 1}/${loops}: ${out.outcomes.at(-1)}`);
      before = now;
      await page.getByRole('navigation', { name: 'Разделы' }).getByRole('button', { name: 'Участники' }).click();
      await page.getByRole('heading', { level: 1, name: 'Участники' }).waitFor();
    }
  } finally {
    await context.close();
    await browser.close();
  }
  return out;
}

/** The import rows of the figures table: read, check, commit and their sum through the wizard; the kill loop. */
export function importWizardRows(w: { rows: number; runs: WizardRun[] }, k: KillFigures | null, floor: FloorRun[] = []): Figure[] {
  const n = `${w.rows.toLocaleString('en')} rows`;
  const stats = (key: 'readMs' | 'checkMs' | 'commitMs' | 'totalMs') => summarize(w.runs.map((r) => r[key]));
  const total = stats('totalMs');
  // each step's parts as the wizard measured them, under the step they belong to
  const parts = (step: string): Figure[] =>
    [...new Set(w.runs.flatMap((r) => Object.keys(r.parts)))]
      .filter((name) => name.startsWith(`import ${step}: `))
      .map((name) => ({ figure: `    ${name.slice(`import ${step}: `.length)}`, n, unit: 'ms' as const, stats: summarize(w.runs.map((r) => r.parts[name] ?? NaN).filter(Number.isFinite)), target: '—', pass: null }));
  const out: Figure[] = [
    { figure: 'import wizard in Chromium: read (file chosen → «Лист и столбцы»)', n, unit: 'ms', stats: stats('readMs'), target: '—', pass: null },
    ...parts('read'),
    { figure: '  check (→ «Проверка строк»)', n, unit: 'ms', stats: stats('checkMs'), target: '—', pass: null },
    ...parts('check'),
    { figure: '  commit (→ «Отчёт об импорте»: backup, build, chunked commit)', n, unit: 'ms', stats: stats('commitMs'), target: '—', pass: null },
    ...parts('commit'),
    { figure: '  read + check + commit, end to end', n, unit: 'ms', stats: total, target: '≤ 2000', pass: total.median <= 2000 },
    ...(floor.length > 0 ? floorRows(floor) : []),
  ];
  if (k) {
    out.push({
      figure: 'import: page killed mid-commit, then reopened → half imports',
      n: `${k.loops} kills`,
      unit: '',
      stats: single(k.partial),
      target: '0',
      pass: k.partial === 0 && k.midCommit > 0,
      note: `${k.midCommit} of ${k.loops} killed mid-commit; ${k.whole} whole, ${k.nothing} nothing`,
    });
  }
  return out;
}
