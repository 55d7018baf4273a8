import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { deflateSync } from 'node:zlib';
import { ContestPage, nameIn, packageManifest } from './pages/contest-page';
import { JuryPage } from './pages/jury-page';
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
  await org.createFromTemplate();
  await expect(org.tabOf('Настройка')).toHaveAttribute('aria-selected', 'true');
  await expect(org.message('Актуальность и социальная значимость проекта')).toBeVisible();
  await org.scoringMethod.selectOption('median');
  await org.saveSettings();
  await page.screenshot({ path: `${SCREENS}/contest-setup.png`, fullPage: true });

  // ── applications from a spreadsheet, with a bad row named ──
  await org.tab('Заявки');
  await org.chooseApplicationsFile({ name: 'заявки.xlsx', buffer: applications() });
  await expect(org.applicationRowErrors).toContainText('Строка 5: нет названия проекта.');
  await page.screenshot({ path: `${SCREENS}/contest-import.png` });
  await org.loadApplications(3);
  await expect(org.applicationRows).toHaveCount(4);
  await org.admitAll(3);
  await expect(org.admitted).toHaveCount(3);
  // one more through the form
  await org.newApplication('Двор моей мечты', 'admitted');
  // files stay with the application: a photo of the site and the budget
  await org.attach({ name: 'площадка.png', buffer: stripesPng() }, 'image/png');
  await expect(org.attachment('площадка.png')).toBeVisible();
  await org.attach({ name: 'смета.pdf', buffer: PDF }, 'application/pdf');
  await expect(org.attachment('смета.pdf')).toBeVisible();
  await org.saveApplication();
  await expect(org.applicationRows).toHaveCount(5);
  await page.screenshot({ path: `${SCREENS}/contest-applications.png`, fullPage: true });

  // ── jurors from the participants ──
  await org.tab('Эксперты и конфликты');
  const candidates = await org.jurorCandidates(3);
  await org.addJuror(candidates[0]!);

  // one juror cannot give two independent reviews: the organizer is told which application lacks how many
  await org.tab('Распределение');
  await org.assign();
  const report = org.assignmentReport('Не всем заявкам хватило экспертов');
  await expect(report).toBeVisible();
  await expect(org.reportLine(report, '«Двор моей мечты»: не хватает 1 эксперта')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/contest-assignment-infeasible.png`, fullPage: true });

  await org.tab('Эксперты и конфликты');
  for (const c of candidates.slice(1)) await org.addJuror(c);
  await page.screenshot({ path: `${SCREENS}/contest-jurors.png`, fullPage: true });

  // ── assignment ──
  await org.tab('Распределение');
  await org.assign();
  await expect(org.message(/Распределено: каждая допущенная заявка получила не меньше 2 экспертиз/)).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/contest-assignment.png`, fullPage: true });
  // the juror followed from here is one who reviews the application with files
  // (by the assigned items only: a juror's card also lists, in «Назначить вручную», applications NOT assigned to them)
  const jurorName = await org.jurorAssigned('Двор моей мечты');
  expect(candidates.map((c) => c.split(' — ')[0])).toContain(jurorName);

  // before scoring opens a package cannot be downloaded, and the board says why
  await org.tab('Пакеты и оценки');
  const early = org.packageButton(jurorName);
  await expect(early).toBeDisabled();
  await expect(early).toHaveAccessibleDescription(/после открытия приёма оценок/);
  await org.openScoring();
  await expect(org.scoringMethod).toBeDisabled();

  await org.tab('Пакеты и оценки');
  const pkg = await org.downloadPackage(jurorName);
  expect(pkg.name).toMatch(/\.skhod-jury$/);
  expect(pkg.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  await expect(org.returnsRow(jurorName)).not.toContainText('не отправлен');
  await expect(org.fileVerdict('Пакет эксперта')).toContainText('файлов заявок: 2');
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
  const juror = new JuryPage(jp);
  await jp.goto('/#jury');
  await expect(juror.modeHeading).toBeVisible();
  // a code misheard on the phone is refused and the file stays; the right one, typed as dictated, opens it
  await juror.chooseFile(juror.openPackageButton, pkg);
  const misheard = `${pkg.code.slice(0, -1)}${pkg.code.endsWith('Z') ? 'Y' : 'Z'}`;
  await juror.typeCode(misheard);
  await expect(juror.codePromptError).toContainText('Код не подходит к этому пакету');
  await jp.screenshot({ path: `${SCREENS}/jury-code-wrong.png` });
  expect(await violations(jp), 'code prompt').toEqual([]);
  await juror.typeCode(pkg.code.toLowerCase().replace(/-/g, ' '));
  await expect(juror.codePrompt).toBeHidden();
  await expect(juror.progress).toHaveText(`Завершено 0 из ${assigned}`);
  const sheetTitle = await juror.sheetTitle.textContent();
  // keyboard only: the first score has the focus, Tab goes to the next criterion
  await expect(juror.scoreInputs.first()).toBeFocused();
  await juror.typeScores(['7', '8', '6', '9', '5', '10', '7', '6', '8', '9']);
  await jp.keyboard.type('Проект хорошо обоснован, бюджет реалистичен.');
  await expect(juror.saved).toBeVisible();
  await jp.screenshot({ path: `${SCREENS}/jury-sheet.png` });
  expect(await violations(jp), 'juror sheet').toEqual([]);

  await jp.reload();
  await expect(juror.sheetTitle).toHaveText(sheetTitle!);
  await expect(juror.scoreInputs.nth(5)).toHaveValue('10');
  await expect(juror.comment).toHaveValue('Проект хорошо обоснован, бюджет реалистичен.');
  await juror.finishSheet();
  await expect(juror.scoreInputs.first()).toBeDisabled();
  await expect(juror.progress).toHaveText(`Завершено 1 из ${assigned}`);
  // an incomplete sheet cannot be finalized and says what is missing
  await juror.next();
  await juror.finish();
  await expect(juror.problem).toContainText('поставьте оценку');
  await jp.screenshot({ path: `${SCREENS}/jury-problems.png` });

  // the application's files came inside the package: the photo is shown in the app, the PDF is saved to disk
  await juror.application(/Двор моей мечты/).click();
  await expect(juror.attachments.getByRole('listitem')).toHaveCount(2);
  await juror.viewAttachmentButton('площадка.png').click();
  const photo = juror.attachmentImage('площадка.png');
  await expect(photo).toBeVisible();
  // decoded, i.e. the blob: URL was allowed by the CSP and the bytes are a real image
  expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(96);
  await jp.screenshot({ path: `${SCREENS}/jury-attachments.png`, fullPage: true });
  expect(await violations(jp), 'juror files').toEqual([]);
  const savedPdf = await juror.download(juror.saveAttachmentButton('смета.pdf'));
  expect(savedPdf.name).toBe('смета.pdf');
  expect(savedPdf.buffer.equals(PDF)).toBe(true);
  await expect(juror.viewAttachmentButton(/Посмотреть «смета\.pdf»/)).toHaveCount(0);

  const scoreFile = await juror.saveScoreFile();
  expect(scoreFile.name).toMatch(/\.skhod-scores$/);

  // ── back on the organizer's device ──
  await org.loadScoreFile(scoreFile);
  await expect(org.fileVerdict('принят')).toContainText('новых листов 1');
  await expect(org.returnsRow(jurorName)).toContainText(`1 из ${assigned}`);
  await org.loadScoreFile(scoreFile);
  await expect(org.message(/уже был загружен: новых оценок нет/)).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/contest-returns.png`, fullPage: true });
  expect(await violations(page), 'returns board').toEqual([]);

  const tampered = Buffer.from(scoreFile.buffer);
  const at = tampered.indexOf('"values"') + 12;
  tampered[at] = tampered[at]! ^ 0x01;
  await org.loadScoreFile({ name: 'оценки-изменённые.skhod-scores', buffer: tampered });
  await expect(org.alert).toContainText(/оценки-изменённые.*не принят/);
  await page.screenshot({ path: `${SCREENS}/contest-refused.png` });
  await expect(org.returnsRow(jurorName)).toContainText(`1 из ${assigned}`);

  // ── «вернуть на доработку»: the organizer returns the finalized sheet with a reason ──
  const sheets = await org.openSheets(jurorName);
  const sheetRow = org.sheetRow(sheets, sheetTitle!);
  await expect(sheetRow).toContainText('завершён');
  const reopenForm = await org.startReturningSheet(sheetRow);
  // the juror's name declined: «Вернуть эксперту Абзалову Ильясу Винеровичу лист…», not the nominative
  await expect(reopenForm).toContainText(`Вернуть эксперту ${nameIn(jurorName, 'dative')} лист по заявке`);
  await org.confirmReturnSheet();
  await expect(org.returnSheetError).toContainText('Напишите, почему');
  await page.screenshot({ path: `${SCREENS}/contest-reopen-dialog.png` });
  await org.returnReason.fill('Не обоснована оценка бюджета');
  await org.confirmReturnSheet();
  await expect(sheetRow).toContainText('возвращён на доработку — ждём новый файл');
  await expect(sheetRow).toContainText('«Не обоснована оценка бюджета» — эксперт ещё не получил');
  await expect(org.returnsRow(jurorName).first()).toContainText('на доработке 1');
  const pkg2 = await org.downloadPackage(jurorName);
  expect((await packageManifest(pkg2)).reopens?.map((r) => r.reason)).toEqual(['Не обоснована оценка бюджета']);
  // a re-export is a new code: the first one does not open the new file
  expect(pkg2.code).not.toBe(pkg.code);

  // the juror opens the new package: that sheet is open again and says why
  await juror.chooseFile(juror.openNewPackageButton, pkg2);
  await juror.typeCode(pkg.code);
  await expect(juror.codePromptError).toContainText('Код не подходит к этому пакету');
  await juror.typeCode(pkg2.code);
  await expect(juror.codePrompt).toBeHidden();
  await expect(juror.progress).toHaveText(new RegExp(`^Завершено 0 из ${assigned}`));
  await juror.application(new RegExp(sheetTitle!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).click();
  await expect(juror.returnedNote).toContainText('«Не обоснована оценка бюджета»');
  await jp.screenshot({ path: `${SCREENS}/jury-reopened.png` });
  const budget = juror.scoreInputs.nth(5);
  await budget.fill('8');
  await expect(juror.saved).toBeVisible();
  await juror.finishSheet();
  const scoreFile2 = await juror.saveScoreFile();
  expect(scoreFile2.buffer.toString('utf8')).toContain('Не обоснована оценка бюджета');

  await org.loadScoreFile(scoreFile2);
  await expect(org.fileVerdict('принят')).toContainText('обновлено 1');
  await expect(sheetRow).toContainText('завершён');
  await expect(sheetRow).toContainText('«Не обоснована оценка бюджета» — эксперт открыл лист заново');
  await page.screenshot({ path: `${SCREENS}/contest-returns-reopened.png`, fullPage: true });
  // the older file is still refused sheet by sheet: nothing goes back
  await org.loadScoreFile(scoreFile);
  await expect(org.fileVerdict('новых оценок нет')).toContainText('пропущена');
  await expect(sheetRow).toContainText('завершён');

  // leaving juror mode keeps the sheets
  await juror.exit();
  await expect(juror.app.openDemoButton).toBeVisible();
});
