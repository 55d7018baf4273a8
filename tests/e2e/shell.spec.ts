import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';

test('first run offers to create an event or open the demo, in Russian', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await expect(page.getByRole('heading', { name: 'Добро пожаловать в Сход' })).toBeVisible();
  await expect(app.createEventButton).toBeVisible();
  await expect(app.openDemoButton).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await page.screenshot({ path: 'test-results/screens/first-run.png' });
});

test('opens the demo conference, shows its sections and participants, and keeps them after reload', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.openDemoButton.click();

  await expect(page.getByRole('heading', { level: 1, name: 'Участники' })).toBeVisible();
  for (const area of ['Регистрация', 'Участники', 'Секции', 'Конкурс', 'Отчёты', 'Обмен', 'Настройки']) {
    await expect(app.nav.getByRole('button', { name: area })).toBeVisible();
  }
  await expect(app.eventSwitcher).toContainText('Сообщества — Уфа 2019');
  const count = await app.participantCount();
  expect(count).toBeGreaterThanOrEqual(100);
  await expect(app.participantsTable().getByRole('row').nth(1)).toBeVisible();
  await expect(app.participantsTable().getByRole('row').nth(1).getByRole('cell').nth(4)).toHaveText(/^[2-9A-Z]{6}$/);
  await page.screenshot({ path: 'test-results/screens/participants.png' });

  await app.goTo('Секции');
  const cards = page.locator('.section-column');
  await expect(cards).toHaveCount(4);
  await expect(cards.nth(2)).toContainText('Соседские сообщества. Добрососедство');
  await expect(page.getByText(/Пленарное заседание/)).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/sections.png', fullPage: true });

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Секции' })).toBeVisible();
  await expect(cards).toHaveCount(4);
  await app.goTo('Участники');
  expect(await app.participantCount()).toBe(count);
});

test('creates an empty event from the first-run screen and switches between events', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.createEventButton.click();
  const dialog = page.getByRole('dialog', { name: 'Создать мероприятие' });
  await dialog.getByRole('button', { name: 'Создать' }).click();
  await expect(dialog.getByText('Укажите название мероприятия')).toBeVisible();
  await dialog.getByLabel('Название').fill('Форум местных сообществ');
  await dialog.getByLabel('Дата начала').fill('2026-12-10');
  await dialog.getByLabel('Дата окончания').fill('2026-12-11');
  await dialog.getByRole('button', { name: 'Создать' }).click();

  await expect(page.getByText('В этом мероприятии пока нет участников.')).toBeVisible();
  await expect(app.eventSwitcher).toContainText('Форум местных сообществ');

  await app.eventSwitcher.selectOption({ label: 'Новое мероприятие…' });
  const second = page.getByRole('dialog', { name: 'Создать мероприятие' });
  await second.getByLabel('Название').fill('Конкурс проектов 2027');
  await second.getByRole('button', { name: 'Создать' }).click();
  await expect(app.eventSwitcher.locator('option')).toHaveCount(3); // two events + «Новое мероприятие…»
  const forum = await app.eventSwitcher.locator('option', { hasText: 'Форум местных сообществ' }).getAttribute('value');
  await app.eventSwitcher.selectOption(forum!);
  await expect(page.locator('.topbar-meta')).toHaveText('Уфа · 10 декабря 2026 г.');
});

test('switches the interface to English and back in settings', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.openDemoButton.click();
  await app.goTo('Настройки');
  await expect(page.getByText('Браузер')).toBeVisible(); // the browser bridge answered app info
  await page.getByLabel('Язык интерфейса').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.getByLabel('Language').selectOption('ru');
  await expect(page.getByRole('heading', { level: 1, name: 'Настройки' })).toBeVisible();
});

test('in English the desk, participants, sections and settings speak English', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.openDemoButton.click();
  await app.goTo('Настройки');
  await page.getByLabel('Язык интерфейса').selectOption('en');
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
  await expect(page.getByText('Встроены 63 муниципальных образования')).toBeVisible();
  await page.getByLabel('Муниципалитет', { exact: true }).fill('г. Глазов');
  await page.getByLabel('Регион').fill('Удмуртская Республика');
  await page.getByRole('button', { name: 'Добавить' }).click();
  await expect(page.getByText('г. Глазов — Удмуртская Республика, Приволжский федеральный округ')).toBeVisible();
});
