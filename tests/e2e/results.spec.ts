import { execFileSync } from 'node:child_process';
import { expect, test, type Browser, type Page } from '@playwright/test';
import * as XLSX from 'xlsx';
import { ContestPage, type FileBytes } from './pages/contest-page';

const SCREENS = 'test-results/screens';

/** How good each application is (0–10 per criterion), so the official winner is known in advance. */
const QUALITY: Record<string, number> = {
  'Школа сельского активиста': 9,
  'Музей под открытым небом': 7,
  'Чистый берег Агидели': 6,
  'Двор моей мечты': 4,
};
/** A strict, a neutral and a lenient juror: the offsets the reliability view must show. */
const OFFSETS = [0, -1, 1];

function applicationsXlsx(): Buffer {
  const rows = [
    ['Название проекта', 'Краткое описание', 'Муниципалитет', 'Организация-заявитель', 'Запрашиваемая сумма, руб.'],
    ['Школа сельского активиста', 'Обучение инициативных жителей сёл', 'Учалинский район', 'АНО «Развитие села»', '150 000'],
    ['Чистый берег Агидели', 'Субботники и экотропа вдоль реки', 'Агидель', 'Экологический клуб «Исток»', '80000'],
    ['Музей под открытым небом', 'Экспозиция старинной техники', 'Стерлитамак', 'МБУК «Краеведческий музей»', '320 000'],
    ['Двор моей мечты', 'Благоустройство двора силами жителей', 'Сибай', 'ТОС «Наш двор»', '60 000'],
  ];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Заявки');
  return Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

/**
 * The organizer's side through the UI: a contest from the template (official method: mean), four
 * admitted applications, three jurors, the assignment, scoring opened. Returns the jurors' names.
 */
async function prepareContest(org: ContestPage): Promise<string[]> {
  const page = org.page;
  await org.openOnDemo();
  await page.getByRole('button', { name: 'Создать конкурс по шаблону' }).click();
  await org.tab('Заявки');
  await page.getByRole('button', { name: 'Загрузить заявки из таблицы…' }).click();
  await org.chooseFile(page.getByRole('button', { name: 'Выбрать файл…' }), { name: 'заявки.xlsx', buffer: applicationsXlsx() });
  await page.getByRole('button', { name: 'Загрузить заявки (4)' }).click();
  await page.getByRole('button', { name: 'Допустить все поданные (4)' }).click();
  await expect(page.getByRole('table', { name: 'Заявки' }).getByText('допущена')).toHaveCount(4);
  await org.tab('Эксперты и конфликты');
  const candidates = await org.jurorCandidates(3);
  for (const c of candidates) await org.addJuror(c);
  await org.tab('Распределение');
  await page.getByRole('button', { name: 'Распределить заявки' }).click();
  await expect(page.getByText(/Распределено: каждая допущенная заявка получила/)).toBeVisible();
  await org.tab('Настройка');
  await page.getByRole('button', { name: 'Открыть приём оценок' }).click();
  await expect(page.getByText(/Приём оценок открыт/).first()).toBeVisible();
  return candidates.map((c) => c.split(' — ')[0]!);
}

/**
 * One juror on their own device (a separate browser context): opens the package, scores every
 * application (quality + the juror's offset), finalizes all but, if `leaveDraft`, the last one,
 * and saves the signed score file.
 */
async function scoreAsJuror(browser: Browser, pkg: FileBytes, offset: number, leaveDraft: boolean): Promise<FileBytes> {
  const context = await browser.newContext({ baseURL: 'http://127.0.0.1:4173', locale: 'ru-RU', viewport: { width: 1366, height: 768 } });
  const jp = await context.newPage();
  const juror = new ContestPage(jp);
  await jp.goto('/#jury');
  await juror.chooseFile(jp.getByRole('button', { name: 'Открыть пакет эксперта…' }), pkg, 'application/json');
  const assigned = (JSON.parse(pkg.buffer.toString('utf8')) as { applications: unknown[] }).applications.length;
  await expect(jp.getByRole('status', { name: 'Прогресс' })).toHaveText(`Завершено 0 из ${assigned}`);
  for (let i = 0; i < assigned; i++) {
    const title = (await jp.getByRole('heading', { level: 1 }).textContent())!;
    await expect(jp.locator('.score-input').first()).toBeFocused();
    for (let c = 0; c < 10; c++) {
      const v = Math.min(10, Math.max(0, QUALITY[title]! + offset + ((c % 3) - 1)));
      await jp.keyboard.type(String(v));
      await jp.keyboard.press('Tab');
    }
    await expect(jp.locator('.score-input').last()).not.toHaveValue('');
    await jp.keyboard.type('Оценка по критериям положения.');
    await expect(jp.getByText('Сохранено')).toBeVisible();
    const last = i === assigned - 1;
    if (!(last && leaveDraft)) {
      await jp.getByRole('button', { name: 'Завершить' }).click();
      await expect(jp.getByText('Лист завершён и заблокирован')).toBeVisible();
    }
    if (!last) await jp.getByRole('button', { name: 'Следующая заявка →' }).click();
  }
  const file = await juror.download(jp.getByRole('button', { name: 'Сохранить файл оценок' }));
  await context.close();
  return file;
}

async function openResults(page: Page) {
  await page.getByRole('tab', { name: 'Итоги' }).click();
}

test('the jury scores give an official ranking, other methods and their sensitivity, reliability, and a protocol in xlsx and PDF', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const org = new ContestPage(page);
  const jurors = await prepareContest(org);

  // ── every juror scores on their own device; the last one leaves one sheet as a draft ──
  await org.tab('Пакеты и оценки');
  for (const [i, name] of jurors.entries()) {
    const pkg = await org.download(org.returnsRow(name).getByRole('button', { name: 'Скачать пакет эксперта' }));
    const scores = await scoreAsJuror(browser, pkg, OFFSETS[i]!, i === jurors.length - 1);
    await org.chooseFile(page.getByRole('button', { name: 'Загрузить файл оценок…' }), scores);
    await expect(page.getByRole('status').filter({ hasText: 'принят' })).toBeVisible();
  }

  // ── the official ranking: mean, as declared; the draft is reported, not counted ──
  await openResults(page);
  await expect(page.getByRole('radio', { name: 'Среднее (официальный)' })).toBeChecked();
  await expect(page.getByText(/Не учтены: 1 черновик\./)).toBeVisible();
  const official = page.getByRole('table', { name: 'Рейтинг: Среднее' });
  await expect(official.getByRole('row')).toHaveCount(5);
  await expect(official.getByRole('row').nth(1)).toContainText('Школа сельского активиста');
  await expect(official.getByRole('row').nth(1).getByRole('cell').first()).toHaveText('1');
  await expect(official.getByRole('row').nth(4)).toContainText('Двор моей мечты');
  await page.screenshot({ path: `${SCREENS}/results-ranking.png`, fullPage: true });

  // ── another method: the table follows and says it is not the official one ──
  await page.getByRole('radio', { name: 'Медиана' }).check();
  await expect(page.getByRole('table', { name: 'Рейтинг: Медиана' })).toBeVisible();
  await expect(page.getByRole('note')).toContainText('Это не официальный рейтинг');
  await page.getByRole('radio', { name: 'Борда' }).check();
  await expect(page.getByRole('table', { name: 'Рейтинг: Борда' }).getByRole('row')).toHaveCount(5);

  // ── sensitivity: a place per method for every application ──
  await page.getByRole('button', { name: 'Чувствительность к методу' }).click();
  const places = page.getByRole('table', { name: 'Места по методам' });
  await expect(places.getByRole('row')).toHaveCount(5);
  await expect(places.getByRole('row').nth(1)).toContainText('Школа сельского активиста');
  await expect(page.getByRole('status').filter({ hasText: /Мест|Место/ })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/results-sensitivity.png`, fullPage: true });

  // ── reliability: jurors with their offsets; the lenient juror sits above the strict one ──
  await page.getByRole('button', { name: 'Надёжность жюри' }).click();
  const stats = page.getByRole('table', { name: 'Статистика экспертов' });
  await expect(stats.getByRole('row')).toHaveCount(4);
  await expect(page.getByRole('heading', { name: 'Согласованность жюри' })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/results-reliability.png`, fullPage: true });

  // ── the protocol as a workbook ──
  const xlsx = await org.download(page.getByRole('button', { name: 'Скачать протокол (Excel)' }));
  expect(xlsx.name).toMatch(/^Протокол — .*\.xlsx$/);
  const wb = XLSX.read(xlsx.buffer, { type: 'buffer' });
  expect(wb.SheetNames[0]).toBe('Итоги');
  expect(wb.SheetNames.at(-1)).toBe('Статистика');
  expect(wb.SheetNames).toHaveLength(2 + jurors.length);
  // one sheet per juror, named «Фамилия И. О.»
  for (const name of jurors) expect(wb.SheetNames.some((s) => s.startsWith(`${name.split(' ')[0]!} ${name.split(' ')[1]![0]!}.`))).toBe(true);
  const summary = XLSX.utils.sheet_to_json<(string | number)[]>(wb.Sheets['Итоги']!, { header: 1 });
  const header = summary.findIndex((r) => r[0] === 'Место');
  expect(summary[header + 1]!.slice(0, 2)).toEqual([1, 'Школа сельского активиста']);
  const jurorSheet = XLSX.utils.sheet_to_json<(string | number)[]>(wb.Sheets[wb.SheetNames[1]!]!, { header: 1 });
  expect(jurorSheet[2]![0]).toBe('Заявка');
  expect(jurorSheet.length).toBeGreaterThan(3);

  // ── the printable protocol, as PDF ──
  await page.getByRole('button', { name: 'Протокол для печати…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Протокол заседания конкурсной комиссии' });
  await dialog.getByLabel('Председатель комиссии').fill(jurors[0]!);
  await dialog.getByLabel('Секретарь').fill('Хасанова Л. Р.');
  await expect(dialog.getByRole('img', { name: /Диаграмма: итоговый балл/ })).toBeVisible();
  await expect(dialog).toContainText('Председатель конкурсной комиссии');
  await page.screenshot({ path: `${SCREENS}/results-protocol-dialog.png` });
  await page.emulateMedia({ media: 'print' });
  const printed = page.locator('.print-root.protocol-print');
  await expect(printed).toBeVisible();
  await expect(printed).toContainText('Протокол заседания конкурсной комиссии');
  await expect(printed).toContainText('Хасанова Л. Р.');
  const pdf = `${SCREENS}/protocol.pdf`;
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  // the PDF is A4 and has the protocol's text
  const info = execFileSync('pdfinfo', [pdf]).toString();
  expect(info).toMatch(/Page size:.*\(A4\)/);
  const text = execFileSync('pdftotext', [pdf, '-']).toString();
  expect(text).toContain('Протокол заседания конкурсной комиссии');
  expect(text).toContain('Секретарь конкурсной комиссии');

  // ── the organizer's reports show the contest's progress ──
  await dialog.getByRole('button', { name: 'Закрыть' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('button', { name: 'Отчёты' }).click();
  const progress = page.getByRole('region', { name: /Конкурс:/ });
  await expect(progress.locator('.kpi').filter({ has: page.getByText('заявок', { exact: true }) }).locator('.kpi-value')).toHaveText('4');
  await expect(progress.locator('.kpi').filter({ has: page.getByText('листов завершено', { exact: true }) }).locator('.kpi-value')).not.toHaveText('0');
});
