import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { deflateSync } from 'node:zlib';
import { ContestPage, nameIn, packageManifest } from './pages/contest-page';
import { APPLICATION_HEADER, applicationsXlsx } from './pages/contest-setup';

const SCREENS = 'test-results/screens';

async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

const applications = () =>
  applicationsXlsx([
    APPLICATION_HEADER,
    ['Школа сельского активиста', 'Обучение инициативных жителей сёл проектной работе', 'Учалинский район', 'АНО «Развитие села»', '150 000'],
    ['Чистый берег Агидели', 'Субботники и экотропа вдоль реки', 'Агидель', 'Экологический клуб «Исток»', '80000'],
    ['Музей под открытым небом', 'Экспозиция старинной техники в парке', 'Стерлитамак', 'МБУК «Краеведческий музей»', '320 000'],
    ['', 'Строка без названия', 'Нет такого района', '', 'много'],
  ]);

/** A real PNG (coloured stripes), so the juror's preview must decode it to show it. */
function stripesPng(width = 96, height = 48): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const colours = [
    [0x1d, 0x6f, 0xb8],
    [0xf2, 0xc1, 0x2e],
    [0x2e, 0x9e, 0x5b],
  ];
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const [r, g, b] = colours[Math.floor((y * colours.length) / height)]!;
    for (let x = 0; x < width; x++) raw.set([r!, g!, b!], y * (width * 3 + 1) + 1 + x * 3);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const PDF = Buffer.from('%PDF-1.4\n% смета проекта «Двор моей мечты»\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'utf8');

test('organizer sets up a contest, a juror scores offline on another device with the application files, the signed file comes back; a changed byte is refused; a returned sheet comes back with its reason', async ({ page, openDevice }) => {
  test.setTimeout(240_000);
  const org = new ContestPage(page);
  await org.hideStorageWarning();
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
  await org.chooseFile(page.getByRole('button', { name: 'Выбрать файл…' }), { name: 'заявки.xlsx', buffer: applications() });
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
  await dialog.getByRole('button', { name: 'Сохранить и приложить файлы' }).click();
  // files stay with the application: a photo of the site and the budget
  const saved = page.getByRole('dialog', { name: 'Заявка', exact: true });
  await org.chooseFile(saved.getByRole('button', { name: 'Приложить файл…' }), { name: 'площадка.png', buffer: stripesPng() }, 'image/png');
  await expect(saved.getByRole('button', { name: 'площадка.png', exact: true })).toBeVisible();
  await org.chooseFile(saved.getByRole('button', { name: 'Приложить файл…' }), { name: 'смета.pdf', buffer: PDF }, 'application/pdf');
  await expect(saved.getByRole('button', { name: 'смета.pdf', exact: true })).toBeVisible();
  await saved.getByRole('button', { name: 'Сохранить', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Заявки' }).getByRole('row')).toHaveCount(5);
  await page.screenshot({ path: `${SCREENS}/contest-applications.png`, fullPage: true });

  // ── jurors from the participants ──
  await org.tab('Эксперты и конфликты');
  const candidates = await org.jurorCandidates(3);
  await org.addJuror(candidates[0]!);

  // one juror cannot give two independent reviews: the organizer is told which application lacks how many
  await org.tab('Распределение');
  await page.getByRole('button', { name: 'Распределить заявки' }).click();
  const report = page.getByRole('status').filter({ hasText: 'Не всем заявкам хватило экспертов' });
  await expect(report).toBeVisible();
  await expect(report.getByRole('listitem').filter({ hasText: '«Двор моей мечты»: не хватает 1 эксперта' })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/contest-assignment-infeasible.png`, fullPage: true });

  await org.tab('Эксперты и конфликты');
  for (const c of candidates.slice(1)) await org.addJuror(c);
  await page.screenshot({ path: `${SCREENS}/contest-jurors.png`, fullPage: true });

  // ── assignment ──
  await org.tab('Распределение');
  await page.getByRole('button', { name: 'Распределить заявки' }).click();
  await expect(page.getByText(/Распределено: каждая допущенная заявка получила не меньше 2 экспертиз/)).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/contest-assignment.png`, fullPage: true });
  // the juror followed from here is one who reviews the application with files
  // (by the assigned items only: a juror's card also lists, in «Назначить вручную», applications NOT assigned to them)
  const loads = page.getByRole('list', { name: 'Нагрузка экспертов' });
  const withFiles = loads.locator('> [role="listitem"]').filter({ has: page.locator('ul > li', { hasText: 'Двор моей мечты' }) }).first();
  const jurorName = (await withFiles.getAttribute('aria-label'))!;
  expect(candidates.map((c) => c.split(' — ')[0])).toContain(jurorName);

  // before scoring opens a package cannot be downloaded, and the board says why
  await org.tab('Пакеты и оценки');
  const early = org.returnsRow(jurorName).getByRole('button', { name: 'Скачать пакет эксперта' });
  await expect(early).toBeDisabled();
  await expect(early).toHaveAccessibleDescription(/после открытия приёма оценок/);
  await org.openScoring();
  await expect(page.getByLabel('Способ подсчёта итогового балла')).toBeDisabled();

  await org.tab('Пакеты и оценки');
  const pkg = await org.downloadPackage(jurorName);
  expect(pkg.name).toMatch(/\.skhod-jury$/);
  expect(pkg.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  await expect(org.returnsRow(jurorName)).not.toContainText('не отправлен');
  await expect(page.getByRole('status').filter({ hasText: 'Пакет эксперта' })).toContainText('файлов заявок: 2');
  // the code can be shown again (the juror lost the note), the same one, with the rule to tell it apart from the file
  expect(await org.showCode(jurorName)).toBe(pkg.code);
  await expect(org.codeDialog).toContainText('Сообщите код эксперту отдельно от файла — лучше по телефону.');
  await page.screenshot({ path: `${SCREENS}/contest-package-code.png` });
  expect(await violations(page), 'package code').toEqual([]);
  await org.codeDialog.getByRole('button', { name: 'Готово' }).click();
  const manifest = await packageManifest(pkg);
  const assigned = manifest.applications.length;
  // the package carries the files of exactly the juror's applications: here, only «Двор моей мечты» has any
  expect(manifest.applications.flatMap((a) => a.attachments.map((f) => f.name)).sort()).toEqual(['площадка.png', 'смета.pdf']);
  // sealed: neither the files nor the juror's name can be read from the file without the code
  expect(pkg.buffer.includes(PDF)).toBe(false);
  expect(pkg.buffer.includes(Buffer.from(jurorName))).toBe(false);

  // ── the juror's own device: separate storage ──
  const { page: jp } = await openDevice({ hideStorageWarning: true });
  const juror = new ContestPage(jp);
  await jp.goto('/#jury');
  await expect(jp.getByRole('heading', { name: 'Режим эксперта' })).toBeVisible();
  // a code misheard on the phone is refused and the file stays; the right one, typed as dictated, opens it
  await juror.chooseFile(jp.getByRole('button', { name: 'Открыть пакет эксперта…' }), pkg);
  const misheard = `${pkg.code.slice(0, -1)}${pkg.code.endsWith('Z') ? 'Y' : 'Z'}`;
  await juror.typeCode(misheard);
  await expect(juror.codePromptError).toContainText('Код не подходит к этому пакету');
  await jp.screenshot({ path: `${SCREENS}/jury-code-wrong.png` });
  expect(await violations(jp), 'code prompt').toEqual([]);
  await juror.typeCode(pkg.code.toLowerCase().replace(/-/g, ' '));
  await expect(juror.codePrompt).toBeHidden();
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

  // the application's files came inside the package: the photo is shown in the app, the PDF is saved to disk
  await jp.getByRole('navigation', { name: 'Заявки для оценки' }).getByRole('button', { name: /Двор моей мечты/ }).click();
  const files = jp.getByRole('list', { name: 'Файлы заявки' });
  await expect(files.getByRole('listitem')).toHaveCount(2);
  await files.getByRole('button', { name: 'Посмотреть «площадка.png»' }).click();
  const photo = jp.getByRole('img', { name: 'Файл заявки «площадка.png»' });
  await expect(photo).toBeVisible();
  // decoded, i.e. the blob: URL was allowed by the CSP and the bytes are a real image
  expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(96);
  await jp.screenshot({ path: `${SCREENS}/jury-attachments.png`, fullPage: true });
  expect(await violations(jp), 'juror files').toEqual([]);
  const savedPdf = await juror.download(files.getByRole('button', { name: 'Сохранить на компьютер «смета.pdf»' }));
  expect(savedPdf.name).toBe('смета.pdf');
  expect(savedPdf.buffer.equals(PDF)).toBe(true);
  await expect(files.getByRole('button', { name: /Посмотреть «смета\.pdf»/ })).toHaveCount(0);

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

  // ── «вернуть на доработку»: the organizer returns the finalized sheet with a reason ──
  await org.returnsRow(jurorName).getByRole('button', { name: `Листы эксперта ${nameIn(jurorName, 'genitive')}` }).click();
  const sheets = page.getByRole('table', { name: `Листы эксперта ${nameIn(jurorName, 'genitive')}` });
  const sheetRow = sheets.getByRole('row').filter({ hasText: sheetTitle! });
  await expect(sheetRow).toContainText('завершён');
  await sheetRow.getByRole('button', { name: 'Вернуть на доработку…' }).click();
  const reopenForm = page.getByRole('dialog', { name: 'Возврат листа на доработку' });
  // the juror's name declined: «Вернуть эксперту Абзалову Ильясу Винеровичу лист…», not the nominative
  await expect(reopenForm).toContainText(`Вернуть эксперту ${nameIn(jurorName, 'dative')} лист по заявке`);
  await reopenForm.getByRole('button', { name: 'Вернуть на доработку' }).click();
  await expect(reopenForm.getByRole('alert')).toContainText('Напишите, почему');
  await page.screenshot({ path: `${SCREENS}/contest-reopen-dialog.png` });
  await reopenForm.getByLabel('Причина возврата').fill('Не обоснована оценка бюджета');
  await reopenForm.getByRole('button', { name: 'Вернуть на доработку' }).click();
  await expect(sheetRow).toContainText('возвращён на доработку — ждём новый файл');
  await expect(sheetRow).toContainText('«Не обоснована оценка бюджета» — эксперт ещё не получил');
  await expect(org.returnsRow(jurorName).first()).toContainText('на доработке 1');
  const pkg2 = await org.downloadPackage(jurorName);
  expect((await packageManifest(pkg2)).reopens?.map((r) => r.reason)).toEqual(['Не обоснована оценка бюджета']);
  // a re-export is a new code: the first one does not open the new file
  expect(pkg2.code).not.toBe(pkg.code);

  // the juror opens the new package: that sheet is open again and says why
  await juror.chooseFile(jp.getByRole('button', { name: 'Открыть новый пакет…' }), pkg2);
  await juror.typeCode(pkg.code);
  await expect(juror.codePromptError).toContainText('Код не подходит к этому пакету');
  await juror.typeCode(pkg2.code);
  await expect(juror.codePrompt).toBeHidden();
  await expect(jp.getByRole('status', { name: 'Прогресс' })).toHaveText(new RegExp(`^Завершено 0 из ${assigned}`));
  await jp.getByRole('navigation', { name: 'Заявки для оценки' }).getByRole('button', { name: new RegExp(sheetTitle!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
  await expect(jp.getByRole('status').filter({ hasText: 'Организатор вернул лист на доработку' })).toContainText('«Не обоснована оценка бюджета»');
  await jp.screenshot({ path: `${SCREENS}/jury-reopened.png` });
  const budget = jp.locator('.score-input').nth(5);
  await budget.fill('8');
  await expect(jp.getByText('Сохранено')).toBeVisible();
  await jp.getByRole('button', { name: 'Завершить' }).click();
  await expect(jp.getByText('Лист завершён и заблокирован')).toBeVisible();
  const scoreFile2 = await juror.download(jp.getByRole('button', { name: 'Сохранить файл оценок' }));
  expect(scoreFile2.buffer.toString('utf8')).toContain('Не обоснована оценка бюджета');

  await org.chooseFile(importButton, scoreFile2);
  await expect(page.getByRole('status').filter({ hasText: 'принят' })).toContainText('обновлено 1');
  await expect(sheetRow).toContainText('завершён');
  await expect(sheetRow).toContainText('«Не обоснована оценка бюджета» — эксперт открыл лист заново');
  await page.screenshot({ path: `${SCREENS}/contest-returns-reopened.png`, fullPage: true });
  // the older file is still refused sheet by sheet: nothing goes back
  await org.chooseFile(importButton, scoreFile);
  await expect(page.getByRole('status').filter({ hasText: 'новых оценок нет' })).toContainText('пропущена');
  await expect(sheetRow).toContainText('завершён');

  // leaving juror mode keeps the sheets
  await jp.getByRole('button', { name: 'Выйти из режима эксперта' }).click();
  await expect(jp.getByRole('button', { name: /Открыть демонстрационное мероприятие/ })).toBeVisible();
});
