import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { DeskPage } from './pages/desk-page';

async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

test('the first-run screen has no accessibility violations', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await expect(app.welcome).toBeVisible();
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
  const desk = new DeskPage(page);
  await desk.openDesk('Гульнара');
  await desk.search.fill('а');
  await expect(desk.results.first()).toBeVisible();
  expect(await violations(page), 'Регистрация').toEqual([]);
  // a one-letter prefix is never certain: Enter acts on the person picked with the arrows
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(desk.banner).toBeVisible();
  expect(await violations(page), 'Регистрация после отметки').toEqual([]);
});
