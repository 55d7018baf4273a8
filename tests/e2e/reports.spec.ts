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
  // a number keeps its noun on the line (a no-break space between them)
  await expect(page.getByTestId('event-summary')).toContainText(/Её участниками стали 3\sчеловека из \d\sмуниципальн/);
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

test('produces a district report and a certificate batch for those who arrived, as PDF', async ({ page }) => {
  const desk = new DeskPage(page);
  await desk.openWithDemo();
  const people = await desk.someParticipants();
  for (const p of people.slice(0, 2)) {
    await desk.search.fill(p.name);
    await page.keyboard.press('Enter');
    await expect(desk.banner).toContainText('прибытие отмечено');
  }
  await desk.app.goTo('Отчёты');

  await page.getByRole('button', { name: 'Сертификаты участников…' }).click();
  const certificates = page.getByRole('dialog', { name: 'Сертификаты участников: 2' });
  await expect(certificates.getByRole('article').first()).toContainText('Сертификат участника');
  await expect(certificates.getByRole('article').first()).toContainText(people[0]!.name);
  await expect(certificates.getByRole('article').first()).toContainText(/(принял|приняла) участие/);
  await page.emulateMedia({ media: 'print' });
  const certPdf = await page.pdf({ path: 'test-results/screens/certificates.pdf', preferCSSPageSize: true, printBackground: true });
  expect((certPdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(2);
  await page.emulateMedia({ media: 'screen' });
  await certificates.getByRole('button', { name: 'Закрыть' }).click();

  await page.getByRole('button', { name: 'Отчёт для района…' }).click();
  const district = page.getByRole('dialog', { name: 'Отчёт для района' });
  await district.getByLabel('Муниципалитет').selectOption({ label: 'г. Уфа' });
  await expect(district.locator('.district-report h1')).toHaveText('Делегация: г. Уфа');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: 'test-results/screens/district-report.pdf', format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  const municipalities = (await district.getByLabel('Муниципалитет').locator('option').count()) - 1;
  expect(municipalities).toBeGreaterThanOrEqual(25);
  await district.getByLabel('Муниципалитет').selectOption({ label: 'Все — по отчёту на каждый муниципалитет' });
  const download = page.waitForEvent('download');
  await district.getByRole('button', { name: 'Скачать Excel' }).click();
  const wb = XLSX.read(await readFile(await (await download).path()), { type: 'buffer' });
  expect(wb.SheetNames.length).toBe(municipalities);
  expect(wb.SheetNames).toContain('г. Уфа');
});
