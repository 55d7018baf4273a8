import { expect, test, type Page } from '@playwright/test';
import { DeskPage, deskCacheFiles, typedInWrongLayout } from './pages/desk-page';

test('checks in a delegate found by a wrong-layout query, and the arrival survives a reload', async ({ page }) => {
  const desk = new DeskPage(page);
  await desk.openWithDemo();
  const [person] = await desk.someParticipants();
  const [surname, name] = person!.name.split(' ');

  await desk.search.pressSequentially(typedInWrongLayout(`${surname} ${name}`));
  await expect(desk.results.first()).toContainText(person!.name);
  await expect(desk.results.first()).toContainText('не отмечен');
  await page.keyboard.press('Enter');
  await expect(desk.banner).toContainText(`${person!.name} — прибытие отмечено`);
  await expect(desk.arrivedCounter).toHaveText('1');
  await expect(desk.search).toBeFocused();
  await page.screenshot({ path: 'test-results/screens/desk-checked-in.png' });

  await page.reload();
  await expect(desk.search).toBeFocused();
  await desk.search.fill(surname!);
  await expect(desk.result(person!.name)).toContainText(/Прибыла? /);
  await expect(desk.result(person!.name)).toContainText('Гульнара Р.');
  await expect(desk.arrivedCounter).toHaveText('1');
  await page.screenshot({ path: 'test-results/screens/desk-results.png' });
});

test('a second Enter does not create a second arrival, and undo needs a reason', async ({ page }) => {
  const desk = new DeskPage(page);
  await desk.openWithDemo();
  const [person] = await desk.someParticipants();
  await desk.search.fill(person!.name);
  await page.keyboard.press('Enter');
  await expect(desk.arrivedCounter).toHaveText('1');

  await desk.search.fill(person!.name);
  await page.keyboard.press('Enter');
  await expect(desk.banner).toContainText('уже отмечен');
  await expect(desk.arrivedCounter).toHaveText('1');

  await desk.startUndo();
  await desk.confirmUndo();
  await expect(desk.undoError).toContainText('Укажите причину');
  await expect(desk.arrivedCounter).toHaveText('1');
  await desk.undoReason.fill('Отметили по ошибке');
  await desk.confirmUndo();
  await expect(desk.banner).toContainText('отметка о прибытии отменена');
  await expect(desk.arrivedCounter).toHaveText('0');
  await expect(desk.search).toBeFocused();
});

test('registers and checks in a walk-in by keyboard alone', async ({ page }) => {
  const desk = new DeskPage(page);
  await desk.openWithDemo();
  await page.keyboard.press('F2');
  const dialog = desk.walkInDialog;
  await expect(desk.walkInName).toBeFocused();
  await page.keyboard.type('Кутлугильдина Гузель Ринатовна');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Бирский район');
  await page.keyboard.press('Tab');
  await page.keyboard.type('ТОС «Соседи»');
  await page.keyboard.press('Tab');
  await page.keyboard.type('8 (917) 345-67-89');
  await page.keyboard.press('Tab'); // consent
  await page.keyboard.press('Space');
  await page.screenshot({ path: 'test-results/screens/desk-walk-in.png' });
  await page.keyboard.press('Enter');

  await expect(dialog).toBeHidden();
  await expect(desk.banner).toContainText('Кутлугильдина Гузель Ринатовна — прибытие отмечено');
  await expect(desk.arrivedCounter).toHaveText('1');
  await desk.search.fill('кутлугильд');
  await expect(desk.result('Кутлугильдина Гузель Ринатовна')).toContainText('Прибыла ');
  await expect(desk.result('Кутлугильдина Гузель Ринатовна')).toContainText('Бирский район');

  // the desk starts from its cached index and replays what changed since: the walk-in is there
  await page.reload();
  await desk.search.fill('кутлугильдина г');
  await expect(desk.result('Кутлугильдина Гузель Ринатовна')).toContainText('Прибыла ');
});

test('a badge code typed as a scanner burst checks the person in directly', async ({ page }) => {
  const desk = new DeskPage(page);
  await desk.openWithDemo();
  const people = await desk.someParticipants();
  const person = people[2]!;
  await page.keyboard.type(`${person.badge}\n`, { delay: 8 });
  await expect(desk.banner).toContainText(`${person.name} — прибытие отмечено`);
  await expect(desk.arrivedCounter).toHaveText('1');
  await expect(desk.search).toHaveValue('');
});

test('prints a batch of badges as an A4 PDF, 8 per page', async ({ page }) => {
  const desk = new DeskPage(page);
  await desk.openWithDemo();
  await desk.openBadges();
  await expect(desk.badges().first()).toBeVisible();
  const count = Number((await desk.badgesHeading.textContent())!.match(/\d+/)![0]);
  expect(count).toBe(120);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ path: 'test-results/screens/badges.pdf', preferCSSPageSize: true, printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBe(Math.ceil(count / 8));
});

/**
 * Replaces bytes in the desk's cache files (OPFS, renderer/db/desk-cache-file.ts): `from` and `to` must
 * be the same length in UTF-8, so the file's layout stays whole. Returns how many places changed.
 */
function editDeskCacheFiles(page: Page, from: string, to: string): Promise<number> {
  return page.evaluate(
    async ([from, to]) => {
      const utf8 = new TextEncoder();
      const [a, b] = [utf8.encode(from), utf8.encode(to)];
      if (a.length !== b.length) throw new Error('same length in UTF-8 only');
      const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('skhod-desk-cache');
      let changed = 0;
      for await (const handle of (dir as unknown as { values(): AsyncIterable<FileSystemFileHandle> }).values()) {
        const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
        for (let i = 0; i + a.length <= bytes.length; i++) {
          if (a.every((x, j) => bytes[i + j] === x)) {
            bytes.set(b, i);
            changed++;
          }
        }
        const w = await handle.createWritable();
        await w.write(bytes);
        await w.close();
      }
      return changed;
    },
    [from, to] as const,
  );
}

test('the desk starts from its cached file, and not from a file the database has moved past', async ({ page }) => {
  const desk = new DeskPage(page);
  await desk.openWithDemo();
  const [person] = await desk.someParticipants();
  const [surname, ...rest] = person!.name.split(' ');
  await expect.poll(() => deskCacheFiles(page)).toHaveLength(1);

  // a surname changed in the file alone: the desk that opens after a restart shows the file's version
  const filed = `Ъ${surname!.slice(1)}`;
  expect(await editDeskCacheFiles(page, surname!, filed)).toBeGreaterThan(0);
  await page.reload();
  await expect(desk.search).toHaveAttribute('placeholder', /Фамилия/);
  await desk.search.fill(`${filed} ${rest[0]}`);
  await expect(desk.result([filed, ...rest].join(' '))).toBeVisible();

  // the same file under another desk epoch (foreign changes stored since): read from the database instead
  const [epoch] = (await page.evaluate(() => new Promise<string[]>((resolve, reject) => {
    const open = indexedDB.open('skhod');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction('caches').objectStore('caches').get('desk-epoch');
      get.onsuccess = () => resolve([String(get.result.stamp)]);
      get.onerror = () => reject(get.error);
    };
  })))!;
  expect(await editDeskCacheFiles(page, epoch!, `${epoch!.slice(0, -4)}zzzz`)).toBe(1);
  await page.reload();
  await expect(desk.search).toHaveAttribute('placeholder', /Фамилия/);
  await desk.search.fill(`${surname} ${rest[0]}`);
  await expect(desk.result(person!.name)).toBeVisible();
  // the filed spelling is one typo away: it finds the person, under their real name only
  await desk.search.fill(`${filed} ${rest[0]}`);
  await expect(desk.result(person!.name)).toBeVisible();
  await expect(desk.result([filed, ...rest].join(' '))).toHaveCount(0);
});

test('a badge scanned while the desk is still loading its list is checked in once the list is there', async ({ page, context }) => {
  const desk = new DeskPage(page);
  await desk.openWithDemo();
  const [person] = await desk.someParticipants();
  // no cache file, and another page of the app's origin holding the registrations until told to let
  // go: the desk that opens now has to wait for its list
  await page.evaluate(async () => (await navigator.storage.getDirectory()).removeEntry('skhod-desk-cache', { recursive: true }));
  const blocker = await context.newPage();
  const origin = new URL(page.url()).origin;
  await blocker.route(`${origin}/__hold.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<script>window.held = new Promise((resolve) => { const open = indexedDB.open('skhod'); open.onsuccess = () => {
        const store = open.result.transaction('registrations', 'readwrite').objectStore('registrations');
        const spin = () => { if (!window.release) store.count().onsuccess = spin; }; spin(); resolve(true); }; });</script>`,
    }),
  );
  await blocker.goto(`${origin}/__hold.html`);
  await blocker.evaluate(() => (window as unknown as { held: Promise<boolean> }).held);
  await page.reload();
  await expect(desk.search).toBeFocused();
  await expect(desk.search).toHaveAttribute('placeholder', 'Загрузка списка…');
  await page.keyboard.type(person!.badge);
  await page.keyboard.press('Enter');
  await expect(desk.loadingNote).toBeVisible();
  // the other page lets go of the registrations (held until now, however slow the machine)
  await blocker.evaluate(() => ((window as unknown as { release: boolean }).release = true));
  await expect(desk.search).toHaveAttribute('placeholder', /Фамилия/, { timeout: 10_000 });
  await expect(desk.banner).toContainText(`${person!.name} — прибытие отмечено`);
  await expect(desk.arrivedCounter).toHaveText('1');
});

test('badges: «ещё не печатались» by default, or one delegation, sorted by delegation then surname', async ({ page }) => {
  const desk = new DeskPage(page);
  await desk.openWithDemo();
  await page.evaluate(() => (window.print = () => undefined)); // the system dialog is not under test
  const [person] = await desk.someParticipants();
  await desk.search.fill(person!.name);
  await page.keyboard.press('Enter');
  await desk.printBadge(person!.name);

  await desk.openBadges();
  await expect(desk.badgesChoice).toHaveValue('unprinted');
  await expect(desk.badgesHeading).toHaveText('Бейджи: 119');
  await expect(desk.badges(person!.name.split(' ')[0]!)).toHaveCount(0);

  await desk.badgesChoice.selectOption({ label: 'Бирский район' });
  await expect(desk.badgesHeading).toHaveText(/Бейджи: [1-9]\d*$/);
  const places = await desk.badgeLines('place');
  expect(new Set(places)).toEqual(new Set(['Бирский район']));
  const surnames = await desk.badgeLines('surname');
  expect(surnames).toEqual([...surnames].sort(new Intl.Collator('ru').compare));

  await desk.badgesChoice.selectOption('all');
  const all = await desk.badgeLines('place');
  expect(all.slice(0, 8)).toEqual([...all.slice(0, 8)].sort(new Intl.Collator('ru').compare));
  await page.screenshot({ path: 'test-results/screens/desk-badges-batch.png' });
});
