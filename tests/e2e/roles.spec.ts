import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DeskPage } from './pages/desk-page';
import { SettingsPage } from './pages/settings-page';

async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

const navNames = async (page: Page) => (await page.getByRole('navigation', { name: 'Разделы' }).locator('ul').getByRole('button').allTextContents()).map((s) => s.replace(/^[^\p{L}]+/u, '').trim());

test('a device switched to «Регистрация» shows the desk areas, opens at the desk and asks the organizer PIN for the rest', async ({ page }) => {
  const settings = new SettingsPage(page);
  const { app } = settings;
  await app.open();
  await app.openDemoButton.click();
  await settings.open();
  expect(await navNames(page)).toEqual(['Регистрация', 'Участники', 'Секции', 'Конкурс', 'Проекты', 'Отчёты', 'Обмен', 'Настройки']);
  await settings.setOrganizerPin('246813');
  expect(await violations(page), 'Настройки с ролями').toEqual([]);

  await settings.role('Регистрация (стойка)').click();
  await expect(settings.role('Регистрация (стойка)')).toBeChecked();
  await expect(page.getByText('При следующем запуске откроется раздел «Регистрация».')).toBeVisible();
  await expect.poll(() => navNames(page)).toEqual(['Регистрация', 'Участники', 'Обмен', 'Настройки']);
  await page.screenshot({ path: 'test-results/screens/roles-desk-settings.png' });

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Регистрация' })).toBeVisible();
  await expect(app.nav.getByRole('button', { name: 'Конкурс' })).toHaveCount(0);

  // a destructive action in a desk's own area asks too: an import merges duplicate people
  await app.goTo('Участники');
  await page.getByRole('button', { name: 'Импорт из Excel…' }).click();
  await expect(settings.gate).toContainText('Чтобы загрузить список из Excel');
  await settings.gate.getByRole('button', { name: 'Отмена' }).click();
  await expect(settings.gate).toBeHidden();
  await expect(page.getByRole('dialog')).toHaveCount(0); // no import wizard

  // the organizer's areas are behind the PIN; a wrong one is refused
  await app.nav.getByRole('button', { name: 'Разделы организатора…' }).click();
  await expect(settings.gate).toBeVisible();
  await expect(settings.gate).toContainText('Чтобы открыть разделы организатора, введите PIN организатора');
  expect(await violations(page), 'PIN организатора').toEqual([]);
  await settings.enterGatePin('111111');
  await expect(settings.gate.getByRole('alert')).toContainText('Неверный PIN организатора');
  await expect(app.nav.getByRole('button', { name: 'Конкурс' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/roles-gate.png' });
  await settings.enterGatePin('246813');
  await expect(settings.gate).toBeHidden();
  await app.goTo('Конкурс');
  await app.nav.getByRole('button', { name: 'Закрыть разделы организатора' }).click();
  await expect(app.nav.getByRole('button', { name: 'Конкурс' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Регистрация' })).toBeVisible(); // back to the desk

  // changing the role back needs the PIN too: cancelled, the device stays a desk
  await settings.open();
  await settings.role('Организатор').click();
  await expect(settings.gate).toContainText('Чтобы сделать это устройство «Организатор»');
  await settings.gate.getByRole('button', { name: 'Отмена' }).click();
  await expect(settings.role('Регистрация (стойка)')).toBeChecked();
  await expect(settings.role('Организатор')).not.toBeChecked();
  await settings.role('Организатор').click();
  await settings.enterGatePin('246813');
  await expect(settings.role('Организатор')).toBeChecked();
  await expect.poll(() => navNames(page)).toHaveLength(8);
});

test('the change log shows a check-in made at the desk with its device and person, and filters by person', async ({ page }) => {
  const desk = new DeskPage(page);
  const settings = new SettingsPage(page);
  await desk.openWithDemo('Гульнара Р.');
  const [first, second] = await desk.someParticipants();
  await desk.search.fill(first!.name);
  await page.keyboard.press('Enter');
  await expect(desk.banner).toContainText(`${first!.name} — прибытие отмечено`);

  await settings.open();
  await settings.rename('Стойка 1');
  await settings.openAudit();
  const newest = settings.auditRows().first();
  await expect(newest).toContainText('Отметка · создано');
  await expect(newest).toContainText(first!.name);
  await expect(newest).toContainText('Стойка 1');
  await expect(newest).toContainText('Гульнара Р.');
  await expect(newest).toContainText('вид: прибыл');
  expect(await violations(page), 'Журнал изменений').toEqual([]);
  await page.screenshot({ path: 'test-results/screens/audit.png' });

  const person = page.getByLabel('Человек');
  await person.fill(first!.name.split(' ').slice(0, 2).join(' ').toLowerCase());
  await expect(page.getByText(/^Найдено изменений: \d+ из \d+$/)).toBeVisible();
  const rows = settings.auditRows();
  await expect(rows.first()).toContainText('Отметка');
  const texts = await rows.allTextContents();
  expect(texts.length).toBeGreaterThanOrEqual(3); // the person, the registration, the check-in
  for (const t of texts) expect(t).toContain(first!.name);
  await page.screenshot({ path: 'test-results/screens/audit-filtered.png' });

  await person.fill(second!.name);
  await expect(rows.first()).toContainText(second!.name);
  await expect(rows.filter({ hasText: 'Отметка' })).toHaveCount(0); // not checked in

  await person.fill('');
  const deviceSelect = page.getByLabel('Устройство');
  await deviceSelect.selectOption({ label: (await deviceSelect.locator('option', { hasText: 'Стойка 1' }).textContent())! });
  await expect(rows.first()).toContainText(first!.name);
});

test('a juror device opens in juror mode; behind it only the settings are shown', async ({ page }) => {
  const settings = new SettingsPage(page);
  const { app } = settings;
  await app.open();
  await app.openDemoButton.click();
  await settings.open();
  await settings.role('Эксперт').click(); // no organizer PIN yet: nothing to ask
  await expect(settings.role('Эксперт')).toBeChecked();
  await expect(page.getByText('При следующем запуске откроется режим эксперта.')).toBeVisible();
  await expect.poll(() => navNames(page)).toEqual(['Настройки']);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Режим эксперта' })).toBeVisible();
  // the browser's storage warning (shown when persistent storage is refused) lies over the juror screen
  const hideWarning = page.getByRole('button', { name: 'Понятно, скрыть' });
  if (await hideWarning.isVisible()) await hideWarning.click();
  await page.getByRole('button', { name: 'К мероприятиям' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Настройки' })).toBeVisible();
  expect(await navNames(page)).toEqual(['Настройки']);
  // without a PIN set the organizer's areas open freely, and Настройки says so
  await expect(page.getByText('Ещё не задан: разделы организатора и смена роли здесь открыты.')).toBeVisible();
  await app.nav.getByRole('button', { name: 'Разделы организатора…' }).click();
  await expect.poll(() => navNames(page)).toHaveLength(8);
});
