import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { dismissStorageWarning } from './pages/app-page';
import { DeskPage } from './pages/desk-page';
import { JuryPage } from './pages/jury-page';
import { ParticipantsPage } from './pages/participants-page';
import { SettingsPage } from './pages/settings-page';

async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}


test('a device switched to «Регистрация» shows the desk areas, opens at the desk and asks the organizer PIN for the rest', async ({ page }) => {
  const settings = new SettingsPage(page);
  const { app } = settings;
  await app.open();
  await app.openDemoButton.click();
  await settings.open();
  const navNames = () => app.areaNames();
  expect(await navNames()).toEqual(['Регистрация', 'Участники', 'Секции', 'Конкурс', 'Проекты', 'Отчёты', 'Обмен', 'Настройки']);
  await settings.setOrganizerPin('246813');
  expect(await violations(page), 'Настройки с ролями').toEqual([]);

  await settings.role('Регистрация (стойка)').click();
  await expect(settings.role('Регистрация (стойка)')).toBeChecked();
  await expect(app.message('При следующем запуске откроется раздел «Регистрация».')).toBeVisible();
  await expect.poll(() => navNames()).toEqual(['Регистрация', 'Участники', 'Обмен', 'Настройки']);
  await page.screenshot({ path: 'test-results/screens/roles-desk-settings.png' });

  await page.reload();
  await expect(app.areaHeading('Регистрация')).toBeVisible();
  await expect(app.areaButton('Конкурс')).toHaveCount(0);

  // a destructive action in a desk's own area asks too: an import merges duplicate people
  await app.goTo('Участники');
  await new ParticipantsPage(page).importButton.click();
  await expect(settings.gate).toContainText('Чтобы загрузить список из Excel');
  await settings.cancelGate();
  await expect(settings.gate).toBeHidden();
  await expect(app.dialogs).toHaveCount(0); // no import wizard

  // the organizer's areas are behind the PIN; a wrong one is refused
  await app.openOrganizerAreas();
  await expect(settings.gate).toBeVisible();
  await expect(settings.gate).toContainText('Чтобы открыть разделы организатора, введите PIN организатора');
  expect(await violations(page), 'PIN организатора').toEqual([]);
  await settings.enterGatePin('111111');
  await expect(settings.gateError).toContainText('Неверный PIN организатора');
  await expect(app.areaButton('Конкурс')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/roles-gate.png' });
  await settings.enterGatePin('246813');
  await expect(settings.gate).toBeHidden();
  await app.goTo('Конкурс');
  await app.closeOrganizerAreas();
  await expect(app.areaButton('Конкурс')).toHaveCount(0);
  await expect(app.areaHeading('Регистрация')).toBeVisible(); // back to the desk

  // changing the role back needs the PIN too: cancelled, the device stays a desk
  await settings.open();
  await settings.role('Организатор').click();
  await expect(settings.gate).toContainText('Чтобы сделать это устройство «Организатор»');
  await settings.cancelGate();
  await expect(settings.role('Регистрация (стойка)')).toBeChecked();
  await expect(settings.role('Организатор')).not.toBeChecked();
  await settings.role('Организатор').click();
  await settings.enterGatePin('246813');
  await expect(settings.role('Организатор')).toBeChecked();
  await expect.poll(() => navNames()).toHaveLength(8);
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

  const person = settings.auditFilter('Человек');
  await person.fill(first!.name.split(' ').slice(0, 2).join(' ').toLowerCase());
  await expect(settings.auditFound).toBeVisible();
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
  await settings.filterAuditByDevice('Стойка 1');
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
  await expect(app.message('При следующем запуске откроется режим эксперта.')).toBeVisible();
  const navNames = () => app.areaNames();
  await expect.poll(() => navNames()).toEqual(['Настройки']);

  await page.reload();
  await expect(app.areaHeading('Режим эксперта')).toBeVisible();
  // the browser's storage warning (shown when persistent storage is refused) lies over the juror screen
  await dismissStorageWarning(page);
  await new JuryPage(page).toEvents();
  await expect(app.areaHeading('Настройки')).toBeVisible();
  expect(await navNames()).toEqual(['Настройки']);
  // without a PIN set the organizer's areas open freely, and Настройки says so
  await expect(app.message('Ещё не задан: разделы организатора и смена роли здесь открыты.')).toBeVisible();
  await app.openOrganizerAreas();
  await expect.poll(() => navNames()).toHaveLength(8);
});
