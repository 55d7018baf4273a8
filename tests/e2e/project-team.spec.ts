/**
 * Issue 25 end to end, «Must show»: the organizer closes a contest, marks two winners, writes the
 * school's plan and exports its sealed report package (the organizer's screens); a team device (a
 * second browser context, a fresh install) opens it with its access code, fills an interim report by
 * keyboard with a phone-sized photo that is shrunk before it is stored, keeps the draft over a reload
 * and saves the signed report file; the organizer loads it through «Загрузить отчёт команды…» and
 * accepts it; the next package brings the team round 2, where the final report goes back the same
 * way; the monitoring shows planned against reached, and the final report of the project prints on
 * A4 with the summary paragraph and the figures (pdftotext) while the project without a report is
 * named, not counted as zero.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { todayIn } from '../../shared/text/format';
import { ContestPage, type FileBytes, type PackageFile } from './pages/contest-page';
import { prepareContest } from './pages/contest-setup';
import { ProjectsPage } from './pages/projects-page';
import { signedScoreFile } from './pages/results-page';

const SCREENS = 'test-results/screens';
const SCHOOL = 'Школа сельского активиста';
const RIVER = 'Чистый берег Агидели';
// per juror: the four applications' scores, so that the school wins and the river is second
const SCORES: Record<string, number[]> = { [SCHOOL]: [9, 9, 8], [RIVER]: [8, 7, 8], 'Музей под открытым небом': [6, 5, 6], 'Двор моей мечты': [5, 6, 4] };

/** A photo as a phone gives it: 2400 × 1600 of noise, a PNG of several megabytes (drawn by the browser). */
async function bigPhoto(page: Page, seed: number): Promise<Buffer> {
  const dataUrl = await page.evaluate((seed) => {
    const c = document.createElement('canvas');
    c.width = 2400;
    c.height = 1600;
    const g = c.getContext('2d')!;
    const img = g.createImageData(c.width, c.height);
    let s = seed;
    for (let i = 0; i < img.data.length; i += 4) {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      img.data[i] = s & 255;
      img.data[i + 1] = (s >> 8) & 255;
      img.data[i + 2] = (i / 4 / c.width) % 256;
      img.data[i + 3] = 255;
    }
    g.putImageData(img, 0, 0);
    return c.toDataURL('image/png');
  }, seed);
  return Buffer.from(dataUrl.split(',')[1]!, 'base64');
}

/** The team opens a package: the file, a wrong code refused, then the code the organizer told them. */
async function openPackage(t: Page, button: ReturnType<Page['getByRole']>, pkg: PackageFile, wrongFirst: boolean) {
  const chooser = t.waitForEvent('filechooser');
  await button.click();
  await (await chooser).setFiles({ name: pkg.name, mimeType: 'application/octet-stream', buffer: pkg.buffer });
  const prompt = t.getByRole('dialog', { name: 'Введите код доступа' });
  await expect(prompt).toBeVisible();
  if (wrongFirst) {
    await prompt.getByLabel('Код доступа').fill('AAAA-BBBB-CCCC-DDDD');
    await t.keyboard.press('Enter');
    await expect(prompt.getByText(/Код не подходит/)).toBeVisible();
  }
  await prompt.getByLabel('Код доступа').fill(pkg.code);
  await t.keyboard.press('Enter');
  await expect(prompt).toBeHidden();
}

/** Adds a phone photo: it is stored shrunk, and the note says from what size to what. */
async function addPhoto(t: Page, name: string, seed: number) {
  const photo = await bigPhoto(t, seed);
  expect(photo.byteLength).toBeGreaterThan(3 * 1024 * 1024);
  const chooser = t.waitForEvent('filechooser');
  await t.getByRole('button', { name: 'Добавить фотографии…' }).click();
  await (await chooser).setFiles({ name: `${name}.png`, mimeType: 'image/png', buffer: photo });
  await expect(t.getByText(new RegExp(`«${name}\\.jpg» уменьшена с [\\d,\\s ]+МБ до [\\d,\\s ]+КБ`))).toBeVisible();
  await expect(t.getByRole('img', { name: `Фотография «${name}.jpg»` })).toBeVisible();
}

/** «Сохранить файл отчёта» by Ctrl+S: the signed file as the team sends it. */
async function saveReport(t: Page, expectedName: string): Promise<FileBytes> {
  const download = t.waitForEvent('download');
  await t.keyboard.press('Control+S');
  const file = await download;
  expect(file.suggestedFilename()).toBe(expectedName);
  await expect(t.getByRole('status').filter({ hasText: /Файл отчёта «.*» сохранён/ })).toBeVisible();
  return { name: file.suggestedFilename(), buffer: await readFile((await file.path())!) };
}

test('winners → report package → a team device returns an interim and a final report with photos → the organizer loads them → monitoring and the final report PDF show the figures', async ({ page, openDevice }) => {
  test.setTimeout(600_000);
  const org = new ContestPage(page);
  const projects = new ProjectsPage(page, org);

  // ── the organizer: a closed contest (every juror's signed scores loaded) ──
  const jurors = await prepareContest(org);
  await org.tab('Пакеты и оценки');
  for (const [i, name] of jurors.entries()) {
    const pkg = await org.downloadPackage(name);
    await org.chooseFile(page.getByRole('button', { name: 'Загрузить файл оценок…' }), await signedScoreFile(pkg, (title) => SCORES[title]?.[i] ?? null));
    await expect(page.getByRole('status').filter({ hasText: 'принят' })).toBeVisible();
  }
  await org.closeScoring();

  // ── two winners, the school's plan, its sealed report package ──
  await projects.open();
  await page.getByRole('button', { name: 'Отметить победителей…' }).click();
  const winners = page.getByRole('dialog', { name: 'Отметить победителей' });
  await winners.getByRole('checkbox', { name: `Победитель: ${SCHOOL}` }).check();
  await winners.getByRole('checkbox', { name: `Победитель: ${RIVER}` }).check();
  await winners.getByRole('button', { name: 'Отметить 2 победителей' }).click();
  await expect(winners).toBeHidden();
  await projects.row(SCHOOL).getByRole('button', { name: `План… ${SCHOOL}` }).click();
  const plan = page.getByRole('dialog', { name: `План проекта «${SCHOOL}»` });
  await plan.getByLabel('Вовлечено жителей').fill('120');
  await plan.getByLabel('Проведено мероприятий').fill('6');
  await plan.getByLabel('Добровольцев').fill('15');
  await plan.getByLabel('Привлечено средств, ₽').fill('30 000');
  await plan.getByRole('checkbox', { name: 'Создать сообщество' }).check();
  await plan.getByLabel('Название сообщества').fill('Клуб «Сельский актив»');
  await plan.getByRole('button', { name: 'Добавить этап' }).click();
  await plan.getByLabel('Этап 1: название').fill('Выездная школа актива');
  await plan.getByLabel('Этап 1: срок').fill(`${todayIn().slice(0, 7)}-25`);
  await plan.getByLabel('Найти участника мероприятия').fill('а');
  await plan.getByLabel('Найти участника мероприятия').press('Enter');
  await plan.getByRole('button', { name: 'Сохранить план' }).click();
  await expect(plan).toBeHidden();
  const pkg1 = await projects.downloadPackage(SCHOOL);
  await projects.closeCode();

  // ── the team's device: a fresh install, the first-run screen has the way in ──
  const team = await openDevice({ hideStorageWarning: true });
  const t = team.page;
  await t.goto('/');
  await openPackage(t, t.getByRole('button', { name: /Я из команды проекта: открыть пакет отчёта/ }), pkg1, true);
  await expect(t.getByRole('heading', { level: 1, name: SCHOOL })).toBeVisible();
  await expect(t.locator('.jury-who')).toContainText('Раунд 1');
  await expect(t.getByRole('radio', { name: 'Промежуточный отчёт' })).toBeChecked();
  await expect(t.getByText('по плану 120')).toBeVisible();

  // by keyboard: figures, a wrong one first; money left empty — «не указано» in an interim report
  await t.getByLabel('Вовлечено жителей').fill('70');
  await t.keyboard.press('Tab');
  await t.keyboard.type('3,5');
  await t.keyboard.press('Tab');
  await t.keyboard.type('9');
  const milestone = t.getByRole('listitem').filter({ hasText: 'Выездная школа актива' });
  await milestone.getByLabel('Состояние').selectOption('in-progress');
  await t.getByRole('button', { name: 'Сохранить файл отчёта' }).click();
  await expect(t.getByRole('alert').filter({ hasText: /Отчёт не сохранён: исправьте \d пол/ })).toBeVisible();
  await expect(t.getByLabel('Проведено мероприятий')).toHaveAttribute('aria-invalid', 'true');
  await expect(t.getByLabel('Проведено мероприятий')).toBeFocused();
  await expect(t.getByText('Введите число, например 120')).toBeVisible();
  await t.keyboard.press('Control+A');
  await t.keyboard.type('3');
  await t.getByLabel(/Что сделано/).fill('Провели две встречи актива и субботник у школы, записали в клуб двадцать человек.');
  await addPhoto(t, 'субботник', 25);
  await expect(t.getByRole('status', { name: 'Фотографии' })).toContainText(/Приложено 1 из 10 \(всего [\d,\s ]+КБ\)\. Можно добавить ещё 9/);
  await t.screenshot({ path: `${SCREENS}/project-team-form.png` });
  await t.screenshot({ path: `${SCREENS}/project-team-form-full.png`, fullPage: true });

  // a restart: the draft and the photo are still there
  await t.waitForTimeout(800); // the draft is kept a moment after the last change
  await t.reload();
  await expect(t.getByRole('heading', { level: 1, name: SCHOOL })).toBeVisible();
  await expect(t.getByLabel('Вовлечено жителей')).toHaveValue('70');
  await expect(t.getByLabel('Проведено мероприятий')).toHaveValue('3');
  await expect(t.getByLabel(/Что сделано/)).toHaveValue(/^Провели две встречи актива/);
  await expect(t.getByRole('img', { name: 'Фотография «субботник.jpg»' })).toBeVisible();
  const interim = await saveReport(t, `Отчёт — ${SCHOOL} — раунд 1.skhod-otchet`);

  // ── the organizer loads the team's file through its own button and accepts it ──
  await projects.importReport(interim);
  await expect(projects.status).toHaveText(new RegExp(`^Файл «Отчёт — ${SCHOOL} — раунд 1\\.skhod-otchet» загружен: промежуточный отчёт проекта «${SCHOOL}», раунд 1, ждёт проверки\\.`));
  let reports = await projects.openReports(SCHOOL);
  const card = reports.getByRole('region', { name: 'Раунд 1: промежуточный отчёт' });
  await expect(card.getByRole('img', { name: 'субботник.jpg' })).toBeVisible();
  await expect(card.getByRole('table')).toContainText('не указано'); // the money the team left out: not a zero
  await card.getByRole('button', { name: 'Принять' }).click();
  await expect(card).toContainText('принят');
  await reports.getByRole('button', { name: 'Закрыть' }).click();

  // ── round 2: the next package brings what was accepted; the team returns the final report ──
  const pkg2 = await projects.downloadPackage(SCHOOL);
  await projects.closeCode();
  await openPackage(t, t.getByRole('button', { name: 'Открыть новый пакет…' }), pkg2, false);
  await expect(t.locator('.jury-who')).toContainText('Раунд 2');
  await expect(t.getByRole('radio', { name: 'Итоговый отчёт' })).toBeChecked();
  await expect(t.getByText(/Принят отчёт 1-го раунда \(промежуточный\)/)).toBeVisible();
  await expect(t.getByLabel('Вовлечено жителей')).toHaveValue('70');
  await t.getByLabel('Вовлечено жителей').fill('135');
  await t.getByLabel('Проведено мероприятий').fill('7');
  await t.getByLabel('Добровольцев').fill('18');
  await t.getByLabel('Привлечено средств, ₽').fill('42 000');
  await t.getByLabel('Сообщество создано').check();
  await expect(t.getByLabel(/Название сообщества/)).toHaveValue('Клуб «Сельский актив»');
  await milestone.getByLabel('Состояние').selectOption('done');
  await milestone.getByLabel('Дата выполнения').fill(todayIn());
  await t.getByLabel(/Что сделано/).fill('Клуб «Сельский актив» работает, проведена выездная школа актива.');
  await addPhoto(t, 'выездная школа', 77);
  await t.screenshot({ path: `${SCREENS}/project-team-final.png` });
  const final = await saveReport(t, `Отчёт — ${SCHOOL} — раунд 2.skhod-otchet`);
  await team.close();

  await projects.importReport(final);
  await expect(projects.status).toContainText(`итоговый отчёт проекта «${SCHOOL}», раунд 2`);
  reports = await projects.openReports(SCHOOL);
  const finalCard = reports.getByRole('region', { name: 'Раунд 2: итоговый отчёт' });
  await expect(finalCard.getByRole('img', { name: 'выездная школа.jpg' })).toBeVisible();
  await finalCard.getByRole('button', { name: 'Принять' }).click();
  await expect(finalCard).toContainText('принят');
  await reports.getByRole('button', { name: 'Закрыть' }).click();
  await expect(projects.row(SCHOOL)).toContainText('отчитался');
  await expect(projects.row(RIVER)).toContainText('нет отчёта');

  // ── the dashboard: planned against reached, the river «нет отчёта», never 0 ──
  await projects.tab('Мониторинг');
  const byProject = page.getByRole('table', { name: 'Показатели по проектам' });
  await expect(byProject.getByRole('row').filter({ hasText: SCHOOL })).toContainText(/120\s*135/);
  await expect(byProject.getByRole('row').filter({ hasText: RIVER })).toContainText('нет отчёта');
  await page.screenshot({ path: `${SCREENS}/project-team-monitoring.png`, fullPage: true });

  // ── the final report of the project: A4 PDF with the summary and the figures ──
  await org.app.goTo('Отчёты');
  await page.getByRole('button', { name: 'Итоговый отчёт проекта…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Итоговый отчёт проекта' });
  await expect(dialog.getByRole('region', { name: 'Краткие итоги' })).toContainText('подведены итоги проекта');
  await expect(dialog.getByRole('table', { name: 'Показатели: план и достигнуто' })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/final-report-dialog.png` });
  const xlsx = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Скачать Excel' }).click();
  expect((await xlsx).suggestedFilename()).toMatch(/^Итоговый отчёт — .*\.xlsx$/);

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.print-root.protocol-print')).toBeVisible();
  const pdf = `${SCREENS}/final-report.pdf`;
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  expect(execFileSync('pdfinfo', [pdf]).toString()).toMatch(/Page size:.*\(A4\)/);
  const text = execFileSync('pdftotext', [pdf, '-']).toString().replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');
  await test.info().attach('final-report.txt', { body: text, contentType: 'text/plain' });
  expect(text).toMatch(/подведены итоги проекта «[^»]+»\. По итогам конкурса поддержано 2 проекта из 2 муниципалитетов; создано 1 сообщество в 1 муниципалитете\./);
  expect(text).toContain('В работу вовлечено 135 человек, проведено 7 мероприятий, привлечено 18 добровольцев');
  expect(text).toContain('1 проект ещё не отчитался');
  expect(text).toContain(`Без принятого отчёта: «${RIVER}».`);
  expect(text).toContain('Клуб «Сельский актив»');
  expect(text).toContain('42 000 ₽');
  expect(text).toContain('Фотографий в последних принятых отчётах проектов: 1.');
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, `${SCREENS}/final-report-page`]);
});
