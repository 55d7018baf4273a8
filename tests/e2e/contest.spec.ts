import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import * as XLSX from 'xlsx';
import { ContestPage } from './pages/contest-page';

const SCREENS = 'test-results/screens';

async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

function applicationsXlsx(): Buffer {
  const rows = [
    ['Название проекта', 'Краткое описание', 'Муниципалитет', 'Организация-заявитель', 'Запрашиваемая сумма, руб.'],
    ['Школа сельского активиста', 'Обучение инициативных жителей сёл проектной работе', 'Учалинский район', 'АНО «Развитие села»', '150 000'],
    ['Чистый берег Агидели', 'Субботники и экотропа вдоль реки', 'Агидель', 'Экологический клуб «Исток»', '80000'],
    ['Музей под открытым небом', 'Экспозиция старинной техники в парке', 'Стерлитамак', 'МБУК «Краеведческий музей»', '320 000'],
    ['', 'Строка без названия', 'Нет такого района', '', 'много'],
  ];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Заявки');
  return Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

test('organizer sets up a contest, a juror scores offline on another device, the signed file comes back; a changed byte is refused', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const org = new ContestPage(page);
  await org.openOnDemo();

  // ── setup from the template, then lock ──
  await page.getByRole('button', { name: 'Создать конкурс по шаблону' }).click();
  await expect(page.getByRole('tab', { name: 'Настройка' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('Актуальность и социальная значимость проекта')).toBeVisible();
  await page.getByLabel('Способ подсчёта итогового балла').selectOption('median');
  await page.getByRole('button', { name: 'Сохранить настройки' }).click();
  await expect(page.getByText('Настройки конкурса сохранены.')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/contest-setup.png`, fullPage: true });

  // ── applications from a spreadsheet, with a bad row named ──
  await org.tab('Заявки');
  await page.getByRole('button', { name: 'Загрузить заявки из таблицы…' }).click();
  await org.chooseFile(page.getByRole('button', { name: 'Выбрать файл…' }), { name: 'заявки.xlsx', buffer: applicationsXlsx() });
  await expect(page.getByRole('list', { name: 'Ошибки в строках' })).toContainText('Строка 5: нет названия проекта.');
  await page.screenshot({ path: `${SCREENS}/contest-import.png` });
  await page.getByRole('button', { name: 'Загрузить заявки (3)' }).click();
  await expect(page.getByRole('table', { name: 'Заявки' }).getByRole('row')).toHaveCount(4);
  await page.getByRole('button', { name: 'Допустить все поданные (3)' }).click();
  await expect(page.getByRole('table', { name: 'Заявки' }).getByText('допущена')).toHaveCount(3);
  // one more through the form
  await page.getByRole('button', { name: 'Новая заявка' }).click();
  const dialog = page.getByRole('dialog', { name: 'Новая заявка' });
  await dialog.getByLabel('Название проекта').fill('Двор моей мечты');
  await dialog.getByLabel('Статус').selectOption('admitted');
  await dialog.getByRole('button', { name: 'Сохранить', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Заявки' }).getByRole('row')).toHaveCount(5);
  await page.screenshot({ path: `${SCREENS}/contest-applications.png`, fullPage: true });

  // ── jurors from the participants ──
  await org.tab('Эксперты и конфликты');
  const candidates = await org.jurorCandidates(3);
  for (const c of candidates) await org.addJuror(c);
  const jurorName = candidates[0]!.split(' — ')[0]!;
  await page.screenshot({ path: `${SCREENS}/contest-jurors.png`, fullPage: true });

  // ── assignment ──
  await org.tab('Распределение');
  await page.getByRole('button', { name: 'Распределить заявки' }).click();
  await expect(page.getByText(/Распределено: каждая допущенная заявка получила не меньше 2 экспертиз/)).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/contest-assignment.png`, fullPage: true });

  // a package before scoring opens is refused with what to do
  await org.tab('Пакеты и оценки');
  await org.returnsRow(jurorName).getByRole('button', { name: 'Скачать пакет эксперта' }).click();
  await expect(page.getByRole('alert')).toContainText('Сначала откройте приём оценок');
  await org.tab('Настройка');
  await page.getByRole('button', { name: 'Открыть приём оценок' }).click();
  await expect(page.getByText(/Приём оценок открыт/).first()).toBeVisible();
  await expect(page.getByLabel('Способ подсчёта итогового балла')).toBeDisabled();

  await org.tab('Пакеты и оценки');
  const pkg = await org.download(org.returnsRow(jurorName).getByRole('button', { name: 'Скачать пакет эксперта' }));
  expect(pkg.name).toMatch(/\.skhod-jury$/);
  await expect(org.returnsRow(jurorName)).not.toContainText('не отправлен');
  const assigned = JSON.parse(pkg.buffer.toString('utf8')).applications.length as number;

  // ── the juror's own device: separate storage ──
  const jurorContext = await browser.newContext({ baseURL: 'http://127.0.0.1:4173', locale: 'ru-RU', viewport: { width: 1366, height: 768 } });
  const jp = await jurorContext.newPage();
  const juror = new ContestPage(jp);
  await jp.goto('/#jury');
  await expect(jp.getByRole('heading', { name: 'Режим эксперта' })).toBeVisible();
  await juror.chooseFile(jp.getByRole('button', { name: 'Открыть пакет эксперта…' }), pkg, 'application/json');
  await expect(jp.getByRole('status', { name: 'Прогресс' })).toHaveText(`Завершено 0 из ${assigned}`);
  const sheetTitle = await jp.getByRole('heading', { level: 1 }).textContent();
  // keyboard only: the first score has the focus, Tab goes to the next criterion
  await expect(jp.locator('.score-input').first()).toBeFocused();
  for (const digit of ['7', '8', '6', '9', '5', '10', '7', '6', '8', '9']) {
    await jp.keyboard.type(digit);
    await jp.keyboard.press('Tab');
  }
  await jp.keyboard.type('Проект хорошо обоснован, бюджет реалистичен.');
  await expect(jp.getByText('Сохранено')).toBeVisible();
  await jp.screenshot({ path: `${SCREENS}/jury-sheet.png` });
  expect(await violations(jp), 'juror sheet').toEqual([]);

  await jp.reload();
  await expect(jp.getByRole('heading', { level: 1 })).toHaveText(sheetTitle!);
  await expect(jp.locator('.score-input').nth(5)).toHaveValue('10');
  await expect(jp.getByLabel(/Обоснование оценки/)).toHaveValue('Проект хорошо обоснован, бюджет реалистичен.');
  await jp.getByRole('button', { name: 'Завершить' }).click();
  await expect(jp.getByText('Лист завершён и заблокирован')).toBeVisible();
  await expect(jp.locator('.score-input').first()).toBeDisabled();
  await expect(jp.getByRole('status', { name: 'Прогресс' })).toHaveText(`Завершено 1 из ${assigned}`);
  // an incomplete sheet cannot be finalized and says what is missing
  await jp.getByRole('button', { name: 'Следующая заявка →' }).click();
  await jp.getByRole('button', { name: 'Завершить' }).click();
  await expect(jp.getByRole('alert')).toContainText('поставьте оценку');
  await jp.screenshot({ path: `${SCREENS}/jury-problems.png` });
  const scoreFile = await juror.download(jp.getByRole('button', { name: 'Сохранить файл оценок' }));
  expect(scoreFile.name).toMatch(/\.skhod-scores$/);

  // ── back on the organizer's device ──
  const importButton = page.getByRole('button', { name: 'Загрузить файл оценок…' });
  await org.chooseFile(importButton, scoreFile);
  await expect(page.getByRole('status').filter({ hasText: 'принят' })).toContainText('новых листов 1');
  await expect(org.returnsRow(jurorName)).toContainText(`1 из ${assigned}`);
  await org.chooseFile(importButton, scoreFile);
  await expect(page.getByText(/уже был загружен: новых оценок нет/)).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/contest-returns.png`, fullPage: true });
  expect(await violations(page), 'returns board').toEqual([]);

  const tampered = Buffer.from(scoreFile.buffer);
  const at = tampered.indexOf('"values"') + 12;
  tampered[at] = tampered[at]! ^ 0x01;
  await org.chooseFile(importButton, { name: 'оценки-изменённые.skhod-scores', buffer: tampered });
  await expect(page.getByRole('alert')).toContainText(/оценки-изменённые.*не принят/);
  await page.screenshot({ path: `${SCREENS}/contest-refused.png` });
  await expect(org.returnsRow(jurorName)).toContainText(`1 из ${assigned}`);

  // leaving juror mode keeps the sheets
  await jp.getByRole('button', { name: 'Выйти из режима эксперта' }).click();
  await expect(jp.getByRole('button', { name: /Открыть демонстрационное мероприятие/ })).toBeVisible();
  await jurorContext.close();
});
