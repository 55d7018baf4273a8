import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { generateDelegateList, sheetToXlsx, type MunicipalityInput } from '../../shared/generator';
import { AppPage } from './pages/app-page';
import { DeskPage } from './pages/desk-page';
import { ImportWizardPage } from './pages/import-page';

/**
 * The renderer is killed (CDP Page.crash: no unload, no flush) in the middle of work, over and over, in
 * one browser profile. Afterwards every check-in the operator saw confirmed is on disk, and every
 * import is there entirely or not at all. CRASH_LOOPS=100 runs the long version.
 */
const LOOPS = Number(process.env.CRASH_LOOPS ?? 0);
const CHECKIN_LOOPS = LOOPS || 12;
const IMPORT_LOOPS = LOOPS || 6;

type Stored = { people: number; registrations: number; checkins: { id: string; registrationId: string; kind: string }[]; changeRows: string[] };

/** Reads the device database directly (IndexedDB, no app code), as a check independent of the UI. */
function readStore(page: Page): Promise<Stored> {
  return page.evaluate(
    () =>
      new Promise<Stored>((resolve, reject) => {
        const req = indexedDB.open('skhod');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['people', 'registrations', 'checkins', 'changes'], 'readonly');
          const out: Partial<Stored> = {};
          const people = tx.objectStore('people').count();
          people.onsuccess = () => (out.people = people.result);
          const regs = tx.objectStore('registrations').count();
          regs.onsuccess = () => (out.registrations = regs.result);
          const checkins = tx.objectStore('checkins').getAll();
          checkins.onsuccess = () => (out.checkins = checkins.result as Stored['checkins']);
          const changes = tx.objectStore('changes').index('[table+rowId]').getAll(IDBKeyRange.bound(['checkins', ''], ['checkins', '\uffff']));
          changes.onsuccess = () => (out.changeRows = (changes.result as { rowId: string }[]).map((c) => c.rowId));
          tx.oncomplete = () => {
            db.close();
            resolve(out as Stored);
          };
        };
      }),
  );
}

/** Registration id and full name of everyone registered, straight from IndexedDB. */
function registrationNames(page: Page): Promise<{ regId: string; name: string }[]> {
  return page.evaluate(
    () =>
      new Promise<{ regId: string; name: string }[]>((resolve) => {
        const req = indexedDB.open('skhod');
        req.onsuccess = () => {
          const tx = req.result.transaction(['people', 'registrations'], 'readonly');
          const p = tx.objectStore('people').getAll();
          const r = tx.objectStore('registrations').getAll();
          tx.oncomplete = () => {
            const byId = new Map((p.result as { id: string; surname: string; name: string; patronymic?: string }[]).map((x) => [x.id, x]));
            resolve(
              (r.result as { id: string; personId: string }[]).map((reg) => {
                const x = byId.get(reg.personId)!;
                return { regId: reg.id, name: [x.surname, x.name, x.patronymic].filter(Boolean).join(' ') };
              }),
            );
            req.result.close();
          };
        };
      }),
  );
}

test('every check-in the operator saw confirmed survives the renderer being killed mid-burst', async ({ openDevice }) => {
  test.setTimeout(60_000 + CHECKIN_LOOPS * 6_000);
  // what the operator saw: each banner «… — прибытие отмечено», reported before the crash can hide it
  const confirmed = new Set<string>();
  const device = await openDevice({
    beforeFirstWindow: async (context) => {
      await context.exposeBinding('__confirmed', (_source, text: string) => {
        const m = /^(.+?) — прибытие отмечено/.exec(text);
        if (m) confirmed.add(m[1]!);
      });
      await context.addInitScript(() => {
        new MutationObserver(() => {
          const banner = document.querySelector('.banner');
          if (banner?.textContent) (window as unknown as { __confirmed: (t: string) => void }).__confirmed(banner.textContent);
        }).observe(document, { subtree: true, childList: true, characterData: true });
      });
    },
  });
  let desk = new DeskPage(device.page);
  await desk.page.goto('/#demo-participants=600');
  await desk.app.openDemoButton.click();
  await expect(desk.app.areaHeading('Участники')).toBeVisible();
  // people with a unique full name, so the desk's first result is the one typed
  const all = await registrationNames(desk.page);
  const names = all.map((p) => p.name).filter((n, _, list) => list.indexOf(n) === list.lastIndexOf(n));
  await desk.openDesk('Гульнара Р.');
  await expect(desk.search).toBeFocused();
  expect(names.length).toBeGreaterThan(10);

  let typed = 0;
  for (let loop = 0; loop < CHECKIN_LOOPS; loop++) {
    // a burst of arrivals typed as fast as a scanner would, then the crash at a random moment
    const burst = 3 + (loop % 4);
    for (let k = 0; k < burst; k++) {
      const name = names[typed++ % names.length]!;
      await desk.search.fill(name);
      await expect(desk.results.first()).toContainText(name);
      await desk.page.keyboard.press('Enter');
    }
    // 0–45 ms after the last Enter: often while its transaction is still on the way to disk
    await desk.page.waitForTimeout((loop * 7) % 46);
    desk = new DeskPage(await device.crashAndReopen(desk.page));
    await expect(desk.search).toBeFocused({ timeout: 15_000 });
  }

  const stored = await readStore(desk.page);
  const people = await registrationNames(desk.page);
  const arrived = new Set(stored.checkins.filter((c) => c.kind === 'arrive').map((c) => c.registrationId));
  const lost = [...confirmed].filter((name) => !people.some((p) => p.name === name && arrived.has(p.regId)));
  console.log(`crash loop: ${CHECKIN_LOOPS} crashes, ${typed} arrivals typed, ${confirmed.size} confirmed on screen, ${arrived.size} stored, ${lost.length} lost`);
  expect(confirmed.size).toBeGreaterThan(CHECKIN_LOOPS); // the loop did confirm arrivals, not only crash
  expect(arrived.size).toBeGreaterThanOrEqual(confirmed.size);
  expect(lost).toEqual([]);
  // a check-in row and its change record are written together or not at all
  expect(new Set(stored.changeRows)).toEqual(new Set(stored.checkins.map((c) => c.id)));
});

const places: MunicipalityInput[] = ['Бирский район', 'Иглинский район', 'г. Стерлитамак'].map((name) => ({
  name,
  kind: name.startsWith('г. ') ? 'city' : 'district',
  region: 'Республика Башкортостан',
  federalDistrict: 'Приволжский федеральный округ',
}));

test('an import killed mid-commit is there entirely or not at all', async ({ openDevice }) => {
  test.setTimeout(60_000 + IMPORT_LOOPS * 20_000);
  const device = await openDevice();
  let page = device.page;
  const participants = new DeskPage(page);
  await participants.app.open();
  await participants.app.openDemoButton.click();
  await expect(participants.app.areaHeading('Участники')).toBeVisible();

  let expected = await readStore(page);
  const outcomes: string[] = [];
  for (let loop = 0; loop < IMPORT_LOOPS; loop++) {
    const list = generateDelegateList({ seed: 500 + loop, count: 1500, municipalities: places, messy: false });
    const wizard = new ImportWizardPage(page);
    await wizard.open();
    await wizard.chooseFile(`список-${loop}.xlsx`, sheetToXlsx(list));
    await wizard.expectStep('Лист и столбцы');
    await wizard.button('Проверить строки').click();
    await wizard.expectStep('Проверка строк');
    await wizard.button('Далее').click();
    await wizard.passDuplicates();
    await wizard.expectStep('Импорт');
    const planned = await wizard.countValue('будет добавлено');
    expect(planned).toBeGreaterThan(1400);
    await wizard.button('Импортировать').click();
    // once the write transaction runs (the backup and the row building come before it), 0–1.5 s later:
    // sometimes mid-write, sometimes just after it committed
    await wizard.message(/Записываем в базу|Отчёт об импорте/).first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout((loop * 311) % 1500);
    page = await device.crashAndReopen(page);
    const app = new AppPage(page);
    await expect(app.nav).toBeVisible({ timeout: 15_000 });
    const now = await readStore(page);
    const added = now.people - expected.people;
    outcomes.push(added === 0 ? 'нет' : added === planned ? 'всё' : `частично ${added}/${planned}`);
    expect([0, planned], `import ${loop}: ${added} of ${planned} people`).toContain(added);
    expect(now.registrations - expected.registrations).toBe(added);
    expected = now;
    await app.areaButton('Участники').click();
  }
  console.log(`import crash loop: ${outcomes.join(', ')}`);
});
