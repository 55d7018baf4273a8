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
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { todayIn } from '../../shared/text/format';
import { ContestPage, type FileBytes } from './pages/contest-page';
import { closedContest, RIVER, SCHOOL } from './pages/contest-setup';
import { ProjectTeamPage } from './pages/project-team-page';
import { ProjectsPage, type PlanField } from './pages/projects-page';

const SCREENS = 'test-results/screens';

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

/** Adds a phone photo: it is stored shrunk, and the note says from what size to what. */
async function addPhoto(team: ProjectTeamPage, name: string, seed: number) {
  const photo = await bigPhoto(team.page, seed);
  expect(photo.byteLength).toBeGreaterThan(3 * 1024 * 1024);
  await team.addPhoto(name, photo);
  await expect(team.shrunkNote(name)).toBeVisible();
  await expect(team.photo(`${name}.jpg`)).toBeVisible();
}

/** «Сохранить файл отчёта» by Ctrl+S: the signed file as the team sends it. */
async function saveReport(team: ProjectTeamPage, expectedName: string): Promise<FileBytes> {
  const file = await team.saveByKeyboard();
  expect(file.name).toBe(expectedName);
  await expect(team.savedNote).toBeVisible();
  return file;
}

test('winners → report package → a team device returns an interim and a final report with photos → the organizer loads them → monitoring and the final report PDF show the figures', async ({ page, openDevice }) => {
  test.setTimeout(600_000);
  const org = new ContestPage(page);
  const projects = new ProjectsPage(page, org);

  // ── the organizer: a closed contest (every juror's signed scores loaded) ──
  await closedContest(org);

  // ── two winners, the school's plan, its sealed report package ──
  await projects.open();
  const winners = await projects.openWinners();
  await projects.winnerCheckbox(SCHOOL).check();
  await projects.winnerCheckbox(RIVER).check();
  await projects.markWinners(2);
  await expect(winners).toBeHidden();
  const plan = await projects.openPlan(SCHOOL);
  const field = (label: PlanField) => projects.planField(plan, label);
  await field('Вовлечено жителей').fill('120');
  await field('Проведено мероприятий').fill('6');
  await field('Добровольцев').fill('15');
  await field('Привлечено средств, ₽').fill('30 000');
  await projects.createCommunity(plan);
  await field('Название сообщества').fill('Клуб «Сельский актив»');
  await projects.addMilestone(plan, 1, 'Выездная школа актива', `${todayIn().slice(0, 7)}-25`);
  await field('Найти участника мероприятия').fill('а');
  await field('Найти участника мероприятия').press('Enter');
  await projects.savePlan(plan);
  await expect(plan).toBeHidden();
  const pkg1 = await projects.downloadPackage(SCHOOL);
  await projects.closeCode();

  // ── the team's device: a fresh install, the first-run screen has the way in ──
  const device = await openDevice({ hideStorageWarning: true });
  const t = device.page;
  const team = new ProjectTeamPage(t);
  await t.goto('/');
  await team.openPackage(team.firstRunEntry, pkg1, true);
  await expect(team.heading(SCHOOL)).toBeVisible();
  await expect(team.round).toContainText('Раунд 1');
  await expect(team.kind('Промежуточный отчёт')).toBeChecked();
  await expect(team.message('по плану 120')).toBeVisible();

  // by keyboard: figures, a wrong one first; money left empty — «не указано» in an interim report
  await team.figure('Вовлечено жителей').fill('70');
  await t.keyboard.press('Tab');
  await t.keyboard.type('3,5');
  await t.keyboard.press('Tab');
  await t.keyboard.type('9');
  const milestone = team.milestone('Выездная школа актива');
  await team.milestoneState(milestone).selectOption('in-progress');
  await team.clickSave();
  await expect(team.notSaved).toBeVisible();
  await expect(team.figure('Проведено мероприятий')).toHaveAttribute('aria-invalid', 'true');
  await expect(team.figure('Проведено мероприятий')).toBeFocused();
  await expect(team.message('Введите число, например 120')).toBeVisible();
  await t.keyboard.press('Control+A');
  await t.keyboard.type('3');
  await team.whatWasDone.fill('Провели две встречи актива и субботник у школы, записали в клуб двадцать человек.');
  await addPhoto(team, 'субботник', 25);
  await expect(team.photosStatus).toContainText(/Приложено 1 из 10 \(всего [\d,\s ]+КБ\)\. Можно добавить ещё 9/);
  await t.screenshot({ path: `${SCREENS}/project-team-form.png` });
  await t.screenshot({ path: `${SCREENS}/project-team-form-full.png`, fullPage: true });

  // a restart: the draft and the photo are still there
  await t.waitForTimeout(800); // the draft is kept a moment after the last change
  await t.reload();
  await expect(team.heading(SCHOOL)).toBeVisible();
  await expect(team.figure('Вовлечено жителей')).toHaveValue('70');
  await expect(team.figure('Проведено мероприятий')).toHaveValue('3');
  await expect(team.whatWasDone).toHaveValue(/^Провели две встречи актива/);
  await expect(team.photo('субботник.jpg')).toBeVisible();
  const interim = await saveReport(team, `Отчёт — ${SCHOOL} — раунд 1.skhod-otchet`);

  // ── the organizer loads the team's file through its own button and accepts it ──
  await projects.importReport(interim);
  await expect(projects.status).toHaveText(new RegExp(`^Файл «Отчёт — ${SCHOOL} — раунд 1\\.skhod-otchet» загружен: промежуточный отчёт проекта «${SCHOOL}», раунд 1, ждёт проверки\\.`));
  let reports = await projects.openReports(SCHOOL);
  const card = projects.reportCard(reports, 'Раунд 1: промежуточный отчёт');
  await expect(projects.cardPhoto(card, 'субботник.jpg')).toBeVisible();
  await expect(projects.cardFigures(card)).toContainText('не указано'); // the money the team left out: not a zero
  await projects.accept(card);
  await expect(card).toContainText('принят');
  await projects.closeDialog(reports);

  // ── round 2: the next package brings what was accepted; the team returns the final report ──
  const pkg2 = await projects.downloadPackage(SCHOOL);
  await projects.closeCode();
  await team.openPackage(team.openNewPackageButton, pkg2, false);
  await expect(team.round).toContainText('Раунд 2');
  await expect(team.kind('Итоговый отчёт')).toBeChecked();
  await expect(team.message(/Принят отчёт 1-го раунда \(промежуточный\)/)).toBeVisible();
  await expect(team.figure('Вовлечено жителей')).toHaveValue('70');
  await team.figure('Вовлечено жителей').fill('135');
  await team.figure('Проведено мероприятий').fill('7');
  await team.figure('Добровольцев').fill('18');
  await team.figure('Привлечено средств, ₽').fill('42 000');
  await team.communityFounded.check();
  await expect(team.communityName).toHaveValue('Клуб «Сельский актив»');
  await team.milestoneState(milestone).selectOption('done');
  await team.milestoneDone(milestone).fill(todayIn());
  await team.whatWasDone.fill('Клуб «Сельский актив» работает, проведена выездная школа актива.');
  await addPhoto(team, 'выездная школа', 77);
  await t.screenshot({ path: `${SCREENS}/project-team-final.png` });
  const final = await saveReport(team, `Отчёт — ${SCHOOL} — раунд 2.skhod-otchet`);
  await device.close();

  await projects.importReport(final);
  await expect(projects.status).toContainText(`итоговый отчёт проекта «${SCHOOL}», раунд 2`);
  reports = await projects.openReports(SCHOOL);
  const finalCard = projects.reportCard(reports, 'Раунд 2: итоговый отчёт');
  await expect(projects.cardPhoto(finalCard, 'выездная школа.jpg')).toBeVisible();
  await projects.accept(finalCard);
  await expect(finalCard).toContainText('принят');
  await projects.closeDialog(reports);
  await expect(projects.row(SCHOOL)).toContainText('отчитался');
  await expect(projects.row(RIVER)).toContainText('нет отчёта');

  // ── the dashboard: planned against reached, the river «нет отчёта», never 0 ──
  await projects.tab('Мониторинг');
  await expect(projects.figuresRow(SCHOOL)).toContainText(/120\s*135/);
  await expect(projects.figuresRow(RIVER)).toContainText('нет отчёта');
  await page.screenshot({ path: `${SCREENS}/project-team-monitoring.png`, fullPage: true });

  // ── the final report of the project: A4 PDF with the summary and the figures ──
  await org.app.goTo('Отчёты');
  await projects.openFinalReport();
  await expect(projects.finalSummary).toContainText('подведены итоги проекта');
  await expect(projects.finalFigures).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/final-report-dialog.png` });
  expect(await projects.downloadFinalReportXlsx()).toMatch(/^Итоговый отчёт — .*\.xlsx$/);

  await page.emulateMedia({ media: 'print' });
  await expect(projects.printed).toBeVisible();
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
