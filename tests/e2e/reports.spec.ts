import { expect, test } from '@playwright/test';
import * as XLSX from 'xlsx';
import { DeskPage } from './pages/desk-page';
import { ReportsPage } from './pages/reports-page';

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
  const reports = new ReportsPage(page);
  await expect(reports.kpi('прибыло')).toHaveText('3');
  await expect(reports.kpi('зарегистрировано')).toHaveText('120');
  await expect(reports.summary).toContainText('18 декабря 2019 г. в городе Уфа прошла межрегиональная конференция');
  // a number keeps its noun on the line (a no-break space between them)
  await expect(reports.summary).toContainText(/Её участниками стали 3\sчеловека из \d\sмуниципальн/);
  await expect(reports.arrivalsChart).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/reports.png', fullPage: true });

  const wb = XLSX.read(await reports.downloadExcel(), { type: 'buffer' });
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
  const reports = new ReportsPage(page);

  const certificates = await reports.openCertificates(2);
  const first = reports.certificates(certificates).first();
  await expect(first).toContainText('Сертификат участника');
  await expect(first).toContainText(people[0]!.name);
  await expect(first).toContainText(/(принял|приняла) участие/);
  await page.emulateMedia({ media: 'print' });
  const certPdf = await page.pdf({ path: 'test-results/screens/certificates.pdf', preferCSSPageSize: true, printBackground: true });
  expect((certPdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(2);
  await page.emulateMedia({ media: 'screen' });
  await reports.closeDialog(certificates);

  const district = await reports.openDistrictReport();
  await reports.districtSelect.selectOption({ label: 'г. Уфа' });
  await expect(reports.districtHeading).toHaveText('Делегация: г. Уфа');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: 'test-results/screens/district-report.pdf', format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  const municipalities = await reports.districtCount();
  expect(municipalities).toBeGreaterThanOrEqual(25);
  await reports.districtSelect.selectOption({ label: 'Все — по отчёту на каждый муниципалитет' });
  const wb = XLSX.read(await reports.downloadExcel(district), { type: 'buffer' });
  expect(wb.SheetNames.length).toBe(municipalities);
  expect(wb.SheetNames).toContain('г. Уфа');
});
