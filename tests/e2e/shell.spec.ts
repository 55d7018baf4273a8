import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { SectionsPage } from './pages/sections-page';
import { SettingsPage } from './pages/settings-page';

test('first run offers to create an event or open the demo, in Russian', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await expect(app.welcome).toBeVisible();
  await expect(app.createEventButton).toBeVisible();
  await expect(app.openDemoButton).toBeVisible();
  await expect(app.root).toHaveAttribute('lang', 'ru');
  await page.screenshot({ path: 'test-results/screens/first-run.png' });
});

test('the page names the chunks its start imports, so they are fetched beside the first one, not after it has run', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await expect(app.welcome).toBeVisible();
  const { named, fetched } = await app.startScripts();
  // main.tsx's own imports and what they need (the database layer comes with the app)
  expect(named).toEqual(expect.arrayContaining(['App', 'i18n', 'Splash', 'bridge', 'db-context']));
  for (const chunk of named) expect(fetched, chunk).toContainEqual({ chunk, beforeAnyScriptRan: true });
  // the areas load on first use (App.tsx): naming them would put them in the way of the start
  for (const area of ['ParticipantsPage', 'ContestPage', 'FirstRun']) expect(named).not.toContain(area);
});

test('a part of the app that cannot be loaded is named with what to do, not a blank window', async ({ page }) => {
  const app = new AppPage(page);
  await app.breakLanguageChunk();
  await app.open();
  await expect(app.startFailed).toBeVisible();
  await expect(app.startFailed).toBeInViewport({ ratio: 1 });
  await expect(app.startFailed).toContainText('Переустановите приложение');
  await expect(app.startFailedDetail).not.toBeEmpty();
  await expect(app.welcome).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/start-failed.png' });
});

test('a damaged chunk of the app itself is named too, not a blank window', async ({ page }) => {
  const app = new AppPage(page);
  await app.breakChunk('db-context');
  await app.open();
  await expect(app.startFailed).toBeVisible();
  await expect(app.startFailedDetail).toContainText('/assets/App-'); // the browser names the import that failed through it
  await expect(app.welcome).toHaveCount(0);
});

test('a damaged bridge to the main process is named at start, not at the first file the operator opens', async ({ page }) => {
  const app = new AppPage(page);
  await app.breakChunk('bridge');
  await app.open();
  await expect(app.startFailed).toBeVisible();
  await expect(app.startFailedDetail).toContainText('/assets/bridge-');
});

test('opens the demo conference, shows its sections and participants, and keeps them after reload', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.openDemoButton.click();

  await expect(app.areaHeading('Участники')).toBeVisible();
  for (const area of ['Регистрация', 'Участники', 'Секции', 'Конкурс', 'Отчёты', 'Обмен', 'Настройки']) {
    await expect(app.areaButton(area)).toBeVisible();
  }
  await expect(app.eventSwitcher).toContainText('Сообщества — Уфа 2019');
  const count = await app.participantCount();
  expect(count).toBeGreaterThanOrEqual(100);
  await expect(app.participantRow(1)).toBeVisible();
  await expect(app.participantCell(1, 4)).toHaveText(/^[2-9A-Z]{6}$/);
  await page.screenshot({ path: 'test-results/screens/participants.png' });

  await app.goTo('Секции');
  const cards = new SectionsPage(page).columns;
  await expect(cards).toHaveCount(4);
  await expect(cards.nth(2)).toContainText('Соседские сообщества. Добрососедство');
  await expect(app.message(/Пленарное заседание/)).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/sections.png', fullPage: true });

  await page.reload();
  await expect(app.areaHeading('Секции')).toBeVisible();
  await expect(cards).toHaveCount(4);
  await app.goTo('Участники');
  expect(await app.participantCount()).toBe(count);
});

test('creates an empty event from the first-run screen and switches between events', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.createEventButton.click();
  await app.submitNewEvent();
  await expect(app.message('Укажите название мероприятия')).toBeVisible();
  await app.newEventField('Название').fill('Форум местных сообществ');
  await app.newEventField('Дата начала').fill('2026-12-10');
  await app.newEventField('Дата окончания').fill('2026-12-11');
  await app.submitNewEvent();

  await expect(app.message('В этом мероприятии пока нет участников.')).toBeVisible();
  await expect(app.eventSwitcher).toContainText('Форум местных сообществ');

  await app.eventSwitcher.selectOption({ label: 'Новое мероприятие…' });
  await app.newEventField('Название').fill('Конкурс проектов 2027');
  await app.submitNewEvent();
  await expect(app.eventOptions).toHaveCount(3); // two events + «Новое мероприятие…»
  const forum = await app.eventOptions.filter({ hasText: 'Форум местных сообществ' }).getAttribute('value');
  await app.eventSwitcher.selectOption(forum!);
  await expect(app.eventMeta).toHaveText('Уфа · 10 декабря 2026 г.');
});

test('switches the interface to English and back in settings', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.openDemoButton.click();
  await app.goTo('Настройки');
  const settings = new SettingsPage(page);
  await expect(app.message('Браузер')).toBeVisible(); // the browser bridge answered app info
  await settings.language().selectOption('en');
  await expect(app.areaHeading('Settings')).toBeVisible();
  await expect(app.root).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(app.areaHeading('Settings')).toBeVisible();
  await settings.language('Language').selectOption('ru');
  await expect(app.areaHeading('Настройки')).toBeVisible();
});

test('in English the desk, participants, sections and settings speak English', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.openDemoButton.click();
  await app.goTo('Настройки');
  await new SettingsPage(page).language().selectOption('en');
  await expect(page.getByText('Organizer PIN', { exact: true })).toBeVisible();
  await expect(page.getByText(/^63 municipalities of the Republic of Bashkortostan are built in/)).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/en-settings.png' });
  const nav = page.getByRole('navigation', { name: 'Areas' });

  await nav.getByRole('button', { name: 'Registration' }).click();
  await page.getByLabel('Who is working at the desk?').fill('Gulnara R.');
  await page.getByRole('button', { name: 'Start registration' }).click();
  await expect(page.getByPlaceholder('Surname, name, phone or badge code…')).toBeVisible();
  await page.getByPlaceholder('Surname, name, phone or badge code…').fill('а');
  await expect(page.getByText('not checked in').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/en-desk.png' });

  await nav.getByRole('button', { name: 'Participants' }).click();
  await expect(page.getByRole('button', { name: 'Import from Excel…' })).toBeVisible();
  await expect(page.getByRole('search', { name: 'List filters' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/en-participants.png' });
  await page.getByRole('tab', { name: 'Delegations' }).click();
  await expect(page.getByRole('table', { name: 'Delegations' })).toContainText('Total');
  await page.screenshot({ path: 'test-results/screens/en-delegations.png' });

  await nav.getByRole('button', { name: 'Sections' }).click();
  await page.getByRole('button', { name: 'Assign automatically' }).click();
  await expect(page.getByRole('button', { name: 'Place them on the free seats' }).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/en-sections.png' });
});

test('adds a municipality of another region in settings', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.openDemoButton.click();
  await app.goTo('Настройки');
  await expect(app.message('Встроены 63 муниципальных образования')).toBeVisible();
  await new SettingsPage(page).addMunicipality('г. Глазов', 'Удмуртская Республика');
  await expect(app.message('г. Глазов — Удмуртская Республика, Приволжский федеральный округ')).toBeVisible();
});
