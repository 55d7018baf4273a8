import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { DeskPage } from './pages/desk-page';

/**
 * A 1366×768 office laptop with the app zoomed to 150 %: the page is 911×512 CSS pixels. Every main
 * screen must fit its width (no sideways scrolling of the whole page) and keep its main control in view.
 */
test.use({ viewport: { width: 911, height: 512 } });

test('every main screen is usable at 150 % zoom on a 1366×768 screen', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.openDemoButton.click();
  for (const area of ['Участники', 'Секции', 'Конкурс', 'Отчёты', 'Обмен', 'Настройки'] as const) {
    await app.goTo(area);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${area}: the page scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
    await expect(app.areaHeading(area)).toBeInViewport();
    await page.screenshot({ path: `test-results/screens/zoom150-${area}.png` });
  }
  const desk = new DeskPage(page);
  await desk.openDesk('Гульнара');
  const search = desk.search;
  await expect(search).toBeInViewport();
  await search.fill('а');
  await expect(desk.results.first()).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/screens/zoom150-desk.png' });
});
