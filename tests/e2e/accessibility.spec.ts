import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/app-page';

async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

test('the first-run screen has no accessibility violations', async ({ page }) => {
  await new AppPage(page).open();
  await expect(page.getByRole('heading', { name: 'Добро пожаловать в Сход' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('every main screen of the demo has no accessibility violations', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.openDemoButton.click();
  for (const area of ['Участники', 'Секции', 'Конкурс', 'Отчёты', 'Обмен', 'Настройки'] as const) {
    await app.goTo(area);
    expect(await violations(page), area).toEqual([]);
  }
  await app.nav.getByRole('button', { name: 'Регистрация' }).click();
  await page.getByLabel('Кто работает за стойкой?').fill('Гульнара');
  await page.keyboard.press('Enter');
  const search = page.getByRole('combobox', { name: 'Поиск участника' });
  await search.fill('а');
  await expect(page.getByRole('listbox', { name: 'Найденные участники' }).getByRole('option').first()).toBeVisible();
  expect(await violations(page), 'Регистрация').toEqual([]);
  // a one-letter prefix is never certain: Enter acts on the person picked with the arrows
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.locator('.banner')).toBeVisible();
  expect(await violations(page), 'Регистрация после отметки').toEqual([]);
});
