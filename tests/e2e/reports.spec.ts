import { expect, test } from '@playwright/test';
import * as XLSX from 'xlsx';
import { readFile } from 'node:fs/promises';
import { DeskPage } from './pages/desk-page';

test('the dashboard shows arrivals after check-ins, a summary paragraph, xlsx and a printable page', async ({ page }) => {
  const desk = new DeskPage(page);
  await desk.openWithDemo();
  const people = await desk.someParticipants();
  for (const p of people.slice(0, 3)) {
    await desk.search.fill(p.name);
    await page.keyboard.press('Enter');
    await expect(desk.banner).toContainText(`${p.name} — прибытие отмечено`);
  }
  await desk.app.goTo('Отчёты');
  const kpi = (label: string) => page.locator('.kpi').filter({ has: page.getByText(label, { exact: true }) }).locator('.kpi-value');
  await expect(kpi('прибыло')).toHaveText('3');
  await expect(kpi('зарегистрировано')).toHaveText('120');
  await expect(page.getByTestId('event-summary')).toContainText('18 декабря 2019 г. в городе Уфа прошла межрегиональная конференция');
  await expect(page.getByTestId('event-summary')).toContainText(/Её участниками стали 3 человека из \d муниципальн/);
  await expect(page.getByRole('img', { name: /ожидалось и прибыло по муниципалитетам/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/reports.png', fullPage: true });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Скачать Excel' }).click();
  const wb = XLSX.read(await readFile(await (await download).path()), { type: 'buffer' });
  expect(wb.SheetNames).toEqual(['По муниципалитетам', 'По категориям', 'По ролям', 'Секции', 'Прибытие по времени', 'Итоги']);
  const rows = XLSX.utils.sheet_to_json<Array<string | number>>(wb.Sheets['По муниципалитетам']!, { header: 1 });
  expect(rows.at(-1)).toEqual(['Итого', '', '', expect.any(Number), 120, 3]);

  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: 'test-results/screens/reports.pdf', format: 'A4', printBackground: true });
});
