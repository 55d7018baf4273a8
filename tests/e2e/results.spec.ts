import { execFileSync } from 'node:child_process';
import { expect, test, type OpenDevice } from './fixtures';
import * as XLSX from 'xlsx';
import { ContestPage, packageManifest, type FileBytes, type PackageFile } from './pages/contest-page';
import { JuryPage } from './pages/jury-page';
import { ReportsPage } from './pages/reports-page';
import { addJurorsAndOpenScoring, prepareContest } from './pages/contest-setup';
import { dismissStorageWarning } from './pages/app-page';
import { ResultsPage, signedScoreFile } from './pages/results-page';
import { SettingsPage } from './pages/settings-page';

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

/**
 * One juror on their own device (a separate browser context): opens the package, scores every
 * application (quality + the juror's offset), finalizes all but, if `leaveDraft`, the last one,
 * and saves the signed score file.
 */
async function scoreAsJuror(openDevice: OpenDevice, pkg: PackageFile, offset: number, leaveDraft: boolean): Promise<FileBytes> {
  const { page: jp, close } = await openDevice({ hideStorageWarning: true });
  const juror = new JuryPage(jp);
  await juror.openFromJuryMode(pkg);
  const assigned = (await packageManifest(pkg)).applications.length;
  await expect(juror.progress).toHaveText(`Завершено 0 из ${assigned}`);
  for (let i = 0; i < assigned; i++) {
    const title = (await juror.sheetTitle.textContent())!;
    await expect(juror.scoreInputs.first()).toBeFocused();
    await juror.typeScores(Array.from({ length: 10 }, (_, c) => String(Math.min(10, Math.max(0, QUALITY[title]! + offset + ((c % 3) - 1))))));
    await expect(juror.scoreInputs.last()).not.toHaveValue('');
    await jp.keyboard.type('Оценка по критериям положения.');
    await expect(juror.saved).toBeVisible();
    const last = i === assigned - 1;
    if (!(last && leaveDraft)) await juror.finishSheet();
    if (!last) await juror.next();
  }
  const file = await juror.saveScoreFile();
  await close();
  return file;
}

test('the jury scores give an official ranking, other methods and their sensitivity, reliability, and a protocol in xlsx and PDF', async ({ page, openDevice }) => {
  test.setTimeout(180_000);
  const org = new ContestPage(page);
  const jurors = await prepareContest(org);

  // ── every juror scores on their own device; the last one leaves one sheet as a draft ──
  await org.tab('Пакеты и оценки');
  for (const [i, name] of jurors.entries()) {
    const pkg = await org.downloadPackage(name);
    const scores = await scoreAsJuror(openDevice, pkg, OFFSETS[i]!, i === jurors.length - 1);
    await org.loadScoreFile(scores);
    await expect(org.fileVerdict('принят')).toBeVisible();
  }

  // ── the official ranking: mean, as declared; the draft is reported, not counted ──
  const results = new ResultsPage(page);
  await results.open();
  await expect(results.method('Среднее (официальный)')).toBeChecked();
  await expect(results.message(/Не учтены: 1 черновик\./)).toBeVisible();
  const official = results.rows(results.ranking('Среднее'));
  await expect(official).toHaveCount(5);
  await expect(official.nth(1)).toContainText('Школа сельского активиста');
  await expect(results.cells(official.nth(1)).first()).toHaveText('1');
  await expect(official.nth(4)).toContainText('Двор моей мечты');
  await page.screenshot({ path: `${SCREENS}/results-ranking.png`, fullPage: true });

  // ── another method: the table follows and says it is not the official one ──
  await results.method('Медиана').check();
  await expect(results.ranking('Медиана')).toBeVisible();
  await expect(results.notOfficialNote).toContainText('Это не официальный рейтинг');
  await results.method('Борда').check();
  await expect(results.rows(results.ranking('Борда'))).toHaveCount(5);

  // ── sensitivity: a place per method for every application ──
  await results.view('Чувствительность к методу');
  const places = results.rows(results.placesByMethod);
  await expect(places).toHaveCount(5);
  await expect(places.nth(1)).toContainText('Школа сельского активиста');
  await expect(results.sensitivityVerdict(/Мест|Место/)).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/results-sensitivity.png`, fullPage: true });

  // ── reliability: jurors with their offsets; the lenient juror sits above the strict one ──
  await results.view('Надёжность жюри');
  await expect(results.rows(results.jurorStats)).toHaveCount(4);
  await expect(results.agreementHeading).toBeVisible();
  // every statistic with a verdict on a named scale, «ст. св.» for degrees of freedom, the fitting ICC marked
  await expect(results.kendall).toContainText(/W = [\d,]+ — согласованность (очень слабая|слабая|умеренная|значительная|почти полная); χ² = [\d,]+ \(ст\. св\. \d+\)/);
  await expect(results.rows(results.icc)).toHaveCount(7);
  await expect(results.rows(results.icc).filter({ hasText: 'подходит' })).toHaveCount(2);
  await expect(results.message(/Koo, Li \(2016\)/)).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/results-reliability.png`, fullPage: true });

  // ── the scores matrix: applications × jurors, a cell opens the values per criterion ──
  await results.view('Оценки экспертов');
  await expect(results.matrixHeads).toHaveCount(3 + jurors.length);
  await results.firstMatrixCell.click();
  await expect(results.criterionScores).toHaveCount(10);
  await page.screenshot({ path: `${SCREENS}/results-matrix.png`, fullPage: true });
  const matrixFile = await org.download(results.downloadMatrixButton);
  const mwb = XLSX.read(matrixFile.buffer, { type: 'buffer' });
  expect(mwb.SheetNames).toEqual(['Оценки экспертов', 'По критериям']);

  // ── the protocol as a workbook ──
  await results.openProtocol();
  const xlsx = await org.download(results.protocolExcelButton);
  await results.closeProtocol();
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
  const jurorHeader = jurorSheet.findIndex((r) => r[0] === 'Заявка');
  expect(jurorHeader).toBeGreaterThan(0);
  expect(jurorSheet.length).toBeGreaterThan(jurorHeader + 1);

  // ── the printable protocol, as PDF ──
  await results.openProtocol();
  const dialog = results.protocolDialog;
  await results.chair.fill(jurors[0]!);
  await results.secretary.fill('Хасанова Л. Р.');
  await expect(results.chart(/Диаграмма: итоговый балл/)).toBeVisible();
  await expect(dialog).toContainText('Председатель конкурсной комиссии');
  await page.screenshot({ path: `${SCREENS}/results-protocol-dialog.png` });
  await page.emulateMedia({ media: 'print' });
  const printed = results.printed;
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
  await results.closeProtocol();
  await org.app.goTo('Отчёты');
  const reports = new ReportsPage(page);
  await expect(reports.kpi(/^заяв(ка|ки|ок)$/, reports.contestProgress)).toHaveText('4');
  await expect(reports.kpi(/^(лист|листа|листов) завершен/, reports.contestProgress)).not.toHaveText('0');
});

// ─── a contest of two nominations where the methods disagree ───────────────────────────────────

const MAIN = 'Основная номинация';
const YOUTH = 'Молодёжные инициативы';

/**
 * Each juror's value (0–10, the same on every criterion; the form's coefficients add up to 8, so a
 * juror's total is 8 × value), by application and juror index. In «Основная номинация» the third
 * juror sinks «Школа сельского активиста»: its mean (58,67) falls below «Чистый берег Агидели» (64),
 * its median (80) does not — mean and median crown different winners. «Молодёжные инициативы» is
 * scored consistently: no place there depends on the method.
 */
const DISAGREEING: Record<string, { nomination: string; values: [number, number, number] }> = {
  'Школа сельского активиста': { nomination: MAIN, values: [10, 10, 2] },
  'Чистый берег Агидели': { nomination: MAIN, values: [8, 8, 8] },
  'Музей под открытым небом': { nomination: MAIN, values: [5, 5, 5] },
  'Молодёжный медиацентр': { nomination: YOUTH, values: [9, 8, 9] },
  'Волонтёры села': { nomination: YOUTH, values: [6, 6, 7] },
  'Кибердружина': { nomination: YOUTH, values: [3, 4, 3] },
};

/** `n` more youth projects, for a protocol long enough to run over a page; every juror gives each the same value, 1–5, below the top two. */
function extraYouth(n: number): Record<string, { nomination: string; values: [number, number, number] }> {
  return Object.fromEntries(
    Array.from({ length: n }, (_, k) => {
      const v = 1 + ((k * 7) % 5);
      return [`Молодёжный проект № ${k + 1}`, { nomination: YOUTH, values: [v, v, v] as [number, number, number] }];
    }),
  );
}

function twoNominationApplicationsXlsx(apps: typeof DISAGREEING): Buffer {
  const rows = [['Название проекта', 'Краткое описание', 'Номинация'], ...Object.entries(apps).map(([title, a]) => [title, `Проект «${title}»`, a.nomination])];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Заявки');
  return Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

/**
 * Through the organizer's UI: a contest from the template with a second nomination, three reviews per
 * application (so each of the three jurors scores everything), six admitted applications, scoring
 * open; then every juror's signed score file (made from their package, see signedScoreFile) loaded.
 * Returns the jurors' names.
 */
async function twoNominationContest(org: ContestPage, extra = 0): Promise<string[]> {
  const page = org.page;
  const apps = { ...DISAGREEING, ...extraYouth(extra) };
  const count = Object.keys(apps).length;
  await dismissStorageWarning(page);
  await org.openOnDemo();
  await org.createFromTemplate();
  await org.tab('Настройка');
  await org.minReviews.fill('3');
  await org.addNomination(YOUTH, 1);
  await org.saveSettings();

  await org.tab('Заявки');
  await org.importApplications({ name: 'заявки.xlsx', buffer: twoNominationApplicationsXlsx(apps) }, count);
  await expect(org.admitted).toHaveCount(count);

  const jurors = await addJurorsAndOpenScoring(org);
  await org.tab('Пакеты и оценки');
  for (const [i, name] of jurors.entries()) {
    const pkg = await org.downloadPackage(name);
    const scores = await signedScoreFile(pkg, (title) => apps[title]?.values[i] ?? null);
    await org.loadScoreFile(scores);
    await expect(org.fileVerdict('принят')).toBeVisible();
  }
  return jurors;
}

test('when mean and median disagree, switching the method moves the winner and the sensitivity view marks the places that depend on it', async ({ page }) => {
  test.setTimeout(150_000);
  const org = new ContestPage(page);
  const results = new ResultsPage(page);
  await twoNominationContest(org);
  await results.open();
  await expect(results.message('Учтено листов оценок: 9. Учтены все полученные листы.')).toBeVisible();

  // the official method (mean, declared in the template): the consistent project wins
  await expect(results.method('Среднее (официальный)')).toBeChecked();
  expect(await results.order('Среднее')).toEqual(['Чистый берег Агидели', 'Школа сельского активиста', 'Музей под открытым небом']);
  await expect(results.cells(results.bodyRows(results.ranking('Среднее')).first()).nth(4)).toHaveText('64');

  // the median ignores the one low score: the other project wins, and the screen says this is not official
  await results.rankBy('Медиана');
  expect(await results.order('Медиана')).toEqual(['Школа сельского активиста', 'Чистый берег Агидели', 'Музей под открытым небом']);
  await expect(results.notOfficialNote).toContainText('Это не официальный рейтинг');
  // z-normalized follows the mean here; Borda ties the two and the declared chain (higher median) decides
  await results.rankBy('Нормированное (z)');
  expect((await results.order('Нормированное (z)'))[0]).toBe('Чистый берег Агидели');
  await results.rankBy('Борда');
  const bordaWinner = results.bodyRows(results.ranking('Борда')).first();
  await expect(bordaWinner).toContainText('Школа сельского активиста');
  await expect(bordaWinner).toContainText('при равенстве: выше медиана оценок');
  await results.rankBy('Среднее');
  expect((await results.order('Среднее'))[0]).toBe('Чистый берег Агидели');

  // sensitivity: places 1 and 2 depend on the method, place 3 does not
  await results.view('Чувствительность к методу');
  await expect(results.sensitivityVerdict('Место зависит')).toHaveText('Место зависит от выбора метода у 2 заявок из 3. Спорные места: 1, 2.');
  for (const title of ['Школа сельского активиста', 'Чистый берег Агидели']) {
    await expect(results.placeRow(title)).toHaveClass(/depends/);
    await expect(results.placeRow(title)).toContainText('зависит от метода: 1–2');
  }
  await expect(results.placeRow('Музей под открытым небом')).not.toHaveClass(/depends/);
  await expect(results.placeRow('Музей под открытым небом')).toContainText('не зависит');
  // the official column is starred; the cells that differ from it are marked as moved
  const school = results.cells(results.placeRow('Школа сельского активиста'));
  await expect(school.nth(1)).toHaveText('2'); // mean ★
  await expect(school.nth(2)).toHaveText('1'); // median
  await expect(school.nth(2)).toHaveClass(/moved/);
  await page.screenshot({ path: `${SCREENS}/results-sensitivity-disagree.png`, fullPage: true });

  // the other nomination is scored consistently: nothing there depends on the method
  await results.nomination(YOUTH);
  await expect(results.sensitivityVerdict('Места не зависят')).toBeVisible();
  await expect(results.dependingPlaces).toHaveCount(0);
});

test('a two-nomination protocol gives each nomination its places and Kendall W, prints on A4, and remembers who signs it', async ({ page }) => {
  test.setTimeout(180_000);
  const org = new ContestPage(page);
  const results = new ResultsPage(page);
  // 3 + 34 youth projects: a table that runs over a page, a chart cut to its top 30
  const jurors = await twoNominationContest(org, 34);
  await results.open();

  // ── the workbook covers both nominations ──
  await results.openProtocol();
  const xlsx = await org.download(results.protocolExcelButton);
  await results.closeProtocol();
  expect(xlsx.name).toBe('Протокол — Конкурс социальных проектов.xlsx');
  const wb = XLSX.read(xlsx.buffer, { type: 'buffer' });
  expect(wb.SheetNames).toHaveLength(2 + jurors.length);
  const summary = XLSX.utils.sheet_to_json<(string | number)[]>(wb.Sheets['Итоги']!, { header: 1 });
  const mainAt = summary.findIndex((r) => r[0] === `Номинация: ${MAIN}`);
  const youthAt = summary.findIndex((r) => r[0] === `Номинация: ${YOUTH}`);
  expect(mainAt).toBeGreaterThan(0);
  expect(youthAt).toBeGreaterThan(mainAt);
  const firstAfter = (from: number) => summary[summary.findIndex((r, i) => i > from && r[0] === 'Место') + 1]!;
  expect(firstAfter(mainAt).slice(0, 2)).toEqual([1, 'Чистый берег Агидели']);
  expect(firstAfter(youthAt).slice(0, 2)).toEqual([1, 'Молодёжный медиацентр']);
  const wOf = (from: number) => summary.find((r, i) => i > from && r[0] === 'W Кендалла')![1] as number;
  // J1, J2 rank Школа > Берег > Музей, J3 Берег > Музей > Школа: W = 1/3; the youth jurors nearly agree
  // (they differ only by a point on two projects)
  expect(wOf(mainAt)).toBeCloseTo(1 / 3, 6);
  expect(wOf(youthAt)).toBeGreaterThan(0.9);
  expect(wOf(youthAt)).toBeLessThan(1);
  // a juror's sheet has a table per nomination
  const jurorSheet = XLSX.utils.sheet_to_json<(string | number)[]>(wb.Sheets[wb.SheetNames[1]!]!, { header: 1 });
  expect(jurorSheet.filter((r) => r[0] === 'Заявка')).toHaveLength(2);

  // ── the printable protocol: both nominations, each with its table, W and chart ──
  await results.openProtocol();
  await expect(results.protocolNominations).toHaveValue('all');
  await expect(results.chair).toHaveValue('');
  await results.chair.fill(jurors[0]!);
  await results.secretary.fill('Хасанова Л. Р.');
  await results.secretary.blur();
  const appendix = results.appendix;
  for (const [title, rows] of [
    [MAIN, 3],
    [YOUTH, 37],
  ] as const) {
    await expect(results.bodyRows(results.protocolPlaces(title))).toHaveCount(rows);
    await expect(results.chart(new RegExp(`Диаграмма: .*«${title}»`))).toBeVisible();
  }
  await expect(results.protocolNomination(MAIN)).toContainText('W = 0,333');
  await expect(appendix).toContainText(`Номинация «${YOUTH}». Итоговый балл заявок по официальному методу (первые 30 заявок из 37).`);

  // ── the signatories are remembered: closing and reopening, even reloading, keeps them ──
  await results.closeProtocol();
  await results.openProtocol();
  await expect(results.chair).toHaveValue(jurors[0]!);
  await expect(results.secretary).toHaveValue('Хасанова Л. Р.');
  await results.closeProtocol();
  await page.reload();
  await org.app.goTo('Конкурс');
  await results.open();
  await results.openProtocol();
  await expect(results.chair).toHaveValue(jurors[0]!);
  await expect(results.secretary).toHaveValue('Хасанова Л. Р.');
  await results.meetingDate.fill('2019-12-14');
  await page.screenshot({ path: `${SCREENS}/results-protocol-two-nominations.png` });

  // ── as PDF: A4, both nominations, the signatures ──
  await page.emulateMedia({ media: 'print' });
  await expect(results.printed).toBeVisible();
  const pdf = `${SCREENS}/protocol-two-nominations.pdf`;
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const info = execFileSync('pdfinfo', [pdf]).toString();
  expect(info).toMatch(/Page size:.*\(A4\)/);
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  expect(text).toContain('14 декабря 2019 г.');
  expect(text).toContain(`1. Номинация «${MAIN}»`);
  expect(text).toContain(`2. Номинация «${YOUTH}»`);
  expect(text).toContain('Хасанова Л. Р.');
  // a nomination's heading never ends a page: on each page, if the heading is there, its table starts there too
  const perPage = text.split('\f').slice(0, pages);
  for (const [i, p] of perPage.entries()) {
    for (const heading of [`1. Номинация «${MAIN}»`, `2. Номинация «${YOUTH}»`]) {
      if (p.includes(heading)) expect(p, `page ${i + 1}: «${heading}» without its table`).toMatch(/Место\s+Заявка/);
    }
  }
  // the signatures stay together, right after the last table (on a page that has table rows, not alone)
  const signed = perPage.findIndex((p) => p.includes('Председатель конкурсной комиссии'));
  expect(signed).toBeGreaterThanOrEqual(0);
  expect(perPage[signed]).toContain('Секретарь конкурсной комиссии');
  expect(perPage[signed]).toMatch(/Место\s+Заявка/);
  // the charts are the appendix, on pages of their own after the signatures
  const appendixPage = perPage.findIndex((p) => p.includes('Приложение к протоколу'));
  expect(appendixPage).toBe(signed + 1);
  // the charts' smallest labels are at least 8 pt on A4: word heights from the PDF, calibrated by the
  // protocol table's 10.5 pt text in the same file (a word's box is a little taller than its font size)
  const boxes = [...execFileSync('pdftotext', ['-bbox', pdf, '-']).toString().split('<page ').slice(1).entries()].flatMap(([page, html]) =>
    [...html.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ page, height: Number(m[2]) - Number(m[1]), word: m[3]! })),
  );
  const tableWord = boxes.find((b) => b.word === 'Экспертиз')!;
  const chartWords = boxes.filter((b) => b.page >= appendixPage);
  const smallest = Math.min(...chartWords.map((b) => b.height));
  expect((smallest / tableWord.height) * 10.5, 'the smallest chart label, in pt').toBeGreaterThanOrEqual(8);
  expect(perPage.slice(appendixPage).join('')).toContain('(первые 30 заявок из 37)');
  // pictures of the pages to look at (test-results/screens/protocol-two-nominations-N.png)
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, `${SCREENS}/protocol-two-nominations`]);

  // ── one nomination alone: its own protocol, its own file name ──
  await results.protocolNominations.selectOption({ label: YOUTH });
  await expect(results.protocolNomination(MAIN)).toHaveCount(0);
  const single = await org.download(results.protocolExcelButton);
  expect(single.name).toBe(`Протокол — ${YOUTH}.xlsx`);
  const one = XLSX.read(single.buffer, { type: 'buffer' });
  const oneSummary = XLSX.utils.sheet_to_json<(string | number)[]>(one.Sheets['Итоги']!, { header: 1 });
  expect(oneSummary.some((r) => r[0] === `Номинация: ${MAIN}`)).toBe(false);
  const secretaryRow = oneSummary.find((r) => r[0] === 'Секретарь конкурсной комиссии')!;
  expect(secretaryRow.some((c) => String(c).includes('Хасанова Л. Р.'))).toBe(true);
});

test('in English the contest, its results, the protocol and the juror’s sheet read in English (words of the screens, not the data)', async ({ page, openDevice }) => {
  test.setTimeout(240_000);
  const org = new ContestPage(page);
  const results = new ResultsPage(page);
  const jurors = await twoNominationContest(org);
  const pkg = await org.downloadPackage(jurors[0]!);

  await org.app.goTo('Настройки');
  await new SettingsPage(page).language().selectOption('en');
  await page.getByRole('button', { name: 'Contest', exact: true }).click();
  /** Headings, column heads, legends and field labels of the panel: the screen's own words, never Cyrillic in English
   *  (a nomination's legend, a juror's card heading and cells marked translate="no" are data: titles and names). */
  const CHROME = 'th:not([translate=no]), legend:not(fieldset.nomination > legend), h2, h3:not(.juror-load h3), .field > label, [role=tab]';
  const russianChrome = async () =>
    (await page.locator('#contest-panel').locator(CHROME).allInnerTexts()).filter((s) => /[\u0400-\u04ff]/.test(s));
  for (const [tab, shot] of [
    ['Setup', 'setup'],
    ['Applications', 'applications'],
    ['Jurors and conflicts', 'jurors'],
    ['Assignment', 'assignment'],
    ['Packages and scores', 'returns'],
  ] as const) {
    await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
    await expect(page.locator('#contest-panel')).not.toBeEmpty();
    expect(await russianChrome(), `«${tab}» in English`).toEqual([]);
    await page.screenshot({ path: `${SCREENS}/en-contest-${shot}.png` });
  }
  await page.getByRole('tab', { name: 'Results' }).click();
  await expect(page.getByText('Score sheets counted: 9. All received sheets are counted.')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Mean (official)' })).toBeChecked();
  for (const [view, shot] of [
    ['Ranking', 'ranking'],
    ['Jurors’ scores', 'matrix'],
    ['Sensitivity to the method', 'sensitivity'],
    ['Jury reliability', 'reliability'],
  ] as const) {
    await page.getByRole('group', { name: 'Results view' }).getByRole('button', { name: view }).click();
    expect(await russianChrome(), `«${view}» in English`).toEqual([]);
    await page.screenshot({ path: `${SCREENS}/en-results-${shot}.png`, fullPage: true });
  }
  await page.getByRole('button', { name: 'Protocol (print and Excel)…' }).click();
  const protocol = page.getByRole('dialog', { name: 'Minutes of the contest commission meeting' });
  await expect(protocol).toContainText('Members of the contest commission:');
  await expect(protocol.getByRole('img', { name: /Chart: the final score of each application/ })).toHaveCount(2);
  await page.screenshot({ path: `${SCREENS}/en-results-protocol.png` });
  await results.page.keyboard.press('Escape');

  // the juror's own device, set to English before the app starts
  const { page: jp } = await openDevice({ locale: 'en-US', language: 'en' });
  const juror = new ContestPage(jp);
  await jp.goto('/#jury');
  await expect(jp.getByRole('heading', { name: 'Juror mode' })).toBeVisible();
  await jp.screenshot({ path: `${SCREENS}/en-jury-start.png` });
  await juror.chooseFile(jp.getByRole('button', { name: 'Open a juror package…' }), pkg);
  const prompt = jp.getByRole('dialog', { name: 'Enter the access code' });
  await prompt.getByLabel('Access code').fill(pkg.code);
  await prompt.getByRole('button', { name: 'Open package' }).click();
  const assigned = (await packageManifest(pkg)).applications.length;
  await expect(jp.getByRole('status', { name: 'Progress' })).toHaveText(`Finished 0 of ${assigned}`);
  await jp.keyboard.type('8');
  await expect(jp.getByTestId('sheet-total')).toContainText(/^Total: [\d,]+ of [\d\s,]+ \(scored 1 of 10\)$/);
  await jp.screenshot({ path: `${SCREENS}/en-jury-sheet.png` });
  // a score outside the scale: the refusal of shared/contest/scores.ts in English, only the criterion's title in Russian
  await jp.keyboard.press('Tab');
  await jp.keyboard.type('15');
  await jp.keyboard.press('Tab');
  const refusal = new JuryPage(jp).fieldError(1);
  await expect(refusal).toContainText('«15» does not fit; the score is from 0 to 10, a whole number.');
  expect((await refusal.innerText()).replace(/«[^»]*»/g, '')).not.toMatch(/[А-Яа-яЁё]/);
  await jp.screenshot({ path: `${SCREENS}/en-jury-refusal.png` });
});
