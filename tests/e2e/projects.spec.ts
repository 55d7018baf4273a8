/**
 * Issue 25, the organizer's side end to end: a closed contest → two winners → a plan with its team →
 * the sealed report package (the file and its access code) → the teams' report files (made with the
 * app's own shared functions, as a team's device makes them) with every refusal in plain Russian →
 * accept one, return one «на доработку» (the reason travels back in the next package) → the monitoring
 * shows the figures, and a project without an accepted report is «нет отчёта», never 0.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { todayIn } from '../../shared/text/format';
import { ContestPage } from './pages/contest-page';
import { closedContest, RIVER, SCHOOL } from './pages/contest-setup';
import { drawnPhoto, openedPackage, ProjectsPage, teamReportFile, type PlanField } from './pages/projects-page';
import { ReportsPage } from './pages/reports-page';
import { dismissStorageWarning } from './pages/app-page';

const SCREENS = 'test-results/screens';

async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

test('winners become projects; a plan, a sealed report package, team reports checked and reviewed, and the monitoring shows the figures', async ({ page }) => {
  test.setTimeout(420_000);
  const org = new ContestPage(page);
  const projects = new ProjectsPage(page, org);

  // ── a closed contest: every juror's signed scores loaded, scoring closed ──
  await closedContest(org);

  // ── two winners from the ranking, with grant amounts ──
  await projects.open();
  await expect(projects.message('Проектов пока нет')).toBeVisible();
  const winners = await projects.openWinners();
  await expect(projects.winnersRanking.nth(1)).toContainText(SCHOOL);
  await expect(projects.winnersRanking.nth(2)).toContainText(RIVER);
  await projects.winnerCheckbox(SCHOOL).check();
  await projects.winnerCheckbox(RIVER).check();
  await projects.grantAmount(RIVER).fill('восемьдесят');
  await projects.markWinners(2);
  await expect(projects.winnersError).toContainText('Сумма — целое число рублей');
  await projects.grantAmount(RIVER).fill('80 000');
  await page.screenshot({ path: `${SCREENS}/projects-winners.png` });
  await projects.markWinners(2);
  await expect(winners).toBeHidden();
  await expect(projects.status).toHaveText('Отмечено 2 победителя — проекты появились в списке. Заполните их планы.');
  await expect(projects.listRows).toHaveCount(3);
  await expect(projects.row(SCHOOL)).toContainText('150 000 ₽');
  await expect(projects.row(RIVER)).toContainText('80 000 ₽');
  await expect(projects.row(RIVER)).toContainText('нет отчёта');

  // ── the school's plan: indicators, the community, a milestone this month, the team from the event's people ──
  const month = todayIn().slice(0, 7);
  const plan = await projects.openPlan(SCHOOL);
  const field = (label: PlanField) => projects.planField(plan, label);
  await field('Вовлечено жителей').fill('120');
  await field('Проведено мероприятий').fill('6');
  await field('Добровольцев').fill('пятнадцать');
  await expect(projects.planMessage(plan, 'Введите целое неотрицательное число.')).toBeVisible();
  await field('Добровольцев').fill('15');
  await expect(projects.planMessage(plan, 'Введите целое неотрицательное число.')).toHaveCount(0);
  await field('Привлечено средств, ₽').fill('30 000');
  await field('Вид сообщества').selectOption({ label: 'Молодёжное сообщество' });
  await projects.createCommunity(plan);
  await expect(projects.planMessage(plan, 'Напишите, как будет называться сообщество.')).toBeVisible();
  await field('Название сообщества').fill('Клуб «Сельский актив»');
  await projects.addMilestone(plan, 1, 'Выездная школа актива', `${month}-25`);
  const search = field('Найти участника мероприятия');
  await search.fill('а');
  const first = await projects.firstFoundPerson(plan);
  await search.press('Enter');
  await expect(projects.teamMembers(plan)).toHaveCount(1);
  await expect(projects.team(plan)).toContainText(`${first} · руководитель`);
  await page.screenshot({ path: `${SCREENS}/projects-plan.png` });
  await projects.savePlan(plan);
  await expect(plan).toBeHidden();
  await expect(projects.status).toHaveText(`План проекта «${SCHOOL}» сохранён.`);
  await expect(projects.row(SCHOOL)).toContainText('1 человек');
  await expect(projects.row(SCHOOL)).toContainText('Молодёжное сообщество');

  // ── the report package: a sealed file, its code, and inside exactly the plan ──
  const pkgFile = await projects.downloadPackage(SCHOOL);
  expect(pkgFile.name).toBe(`${SCHOOL}.skhod-report`);
  expect(pkgFile.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  await expect(projects.codeDialog).toContainText('Сообщите код команде отдельно от файла — лучше по телефону.');
  await page.screenshot({ path: `${SCREENS}/projects-package-code.png` });
  expect(await violations(page), 'package code').toEqual([]);
  await projects.closeCode();
  await expect(projects.status).toContainText(`Пакет отчёта проекта «${SCHOOL}» сохранён`);
  const pkg = await openedPackage(pkgFile);
  expect(pkg.project).toMatchObject({ title: SCHOOL, communityType: 'youth', grantAmount: 150_000, planned: { peopleInvolved: 120, eventsHeld: 6, volunteers: 15, moneyRaised: 30_000 } });
  expect(pkg.project.plannedCommunity).toEqual({ founded: true, name: 'Клуб «Сельский актив»' });
  expect(pkg.team).toHaveLength(1);
  expect(pkg.round).toBe(1);
  const milestone = pkg.project.milestones[0]!;

  // ── the team's interim report with a photo; wrong files refused in plain words, nothing written ──
  const photo = await drawnPhoto(page, 'photo-1');
  const interim = { kind: 'interim' as const, reached: { peopleInvolved: 70, eventsHeld: 3, volunteers: 9 }, community: { founded: false }, text: 'Провели две встречи актива и субботник у школы.', milestones: [{ milestoneId: milestone.id, state: 'in-progress' as const }] };
  const good = await teamReportFile(pkg, interim, [photo], 'отчёт — школа.skhod-otchet');
  const tampered = { name: 'испорченный.skhod-otchet', buffer: Buffer.from(good.buffer) };
  tampered.buffer.writeUInt8(tampered.buffer.readUInt8(tampered.buffer.length - 10) ^ 0xff, tampered.buffer.length - 10);
  await projects.importReport(tampered);
  await expect(projects.alert).toContainText('Файл «испорченный.skhod-otchet» не принят: Фотография «субботник.png» в файле отчёта повреждена');
  await projects.importReport(await teamReportFile({ ...pkg, eventId: 'другое-мероприятие' }, interim, [], 'чужой.skhod-otchet'));
  await expect(projects.alert).toContainText('Файл «чужой.skhod-otchet» не принят:');
  await expect(projects.alert).toContainText('среди проектов этого мероприятия его нет');
  await projects.importReport(await teamReportFile({ ...pkg, invitationSecret: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }, interim, [], 'чужой ключ.skhod-otchet'));
  await expect(projects.alert).toContainText('Файл «чужой ключ.skhod-otchet» не принят:');
  await expect(projects.row(SCHOOL)).toContainText('нет отчёта');
  await projects.importReport(good);
  await expect(projects.status).toHaveText(/^Файл «отчёт — школа\.skhod-otchet» загружен: промежуточный отчёт проекта «Школа сельского активиста», раунд 1, ждёт проверки\./);
  await expect(projects.row(SCHOOL)).toContainText('1 отчёт · 1 ждёт проверки');

  // ── review: accept the school's interim report (with its photo) ──
  const reports = await projects.openReports(SCHOOL);
  const card = projects.reportCard(reports, 'Раунд 1: промежуточный отчёт');
  await expect(projects.cardPhoto(card, 'субботник.png')).toBeVisible();
  await expect(projects.cardFigures(card)).toContainText('не указано'); // money raised left out: not a zero
  await page.screenshot({ path: `${SCREENS}/projects-review.png` });
  await projects.accept(card);
  await expect(card).toContainText('принят');
  await projects.closeDialog(reports);
  await expect(projects.status).toHaveText('Отчёт (раунд 1) принят: его показатели — текущее состояние проекта.');
  // a second copy of round 1 written later: the accepted round stands, the file is stale
  await projects.importReport(await teamReportFile(pkg, { ...interim, text: 'Исправленный текст' }, [], 'поздний.skhod-otchet'));
  await expect(projects.alert).toContainText('Отчёт устарел: в файле отчёт 1-го раунда, а у организатора уже принят отчёт 1-го раунда');

  // ── the river's report returned «на доработку»; the reason goes back in the next package ──
  const riverFile = await projects.downloadPackage(RIVER);
  await projects.closeCode();
  const river = await openedPackage(riverFile);
  await projects.importReport(await teamReportFile(river, { kind: 'interim', reached: { peopleInvolved: 40 }, community: { founded: false }, text: 'Начали уборку берега.', milestones: [] }, [], 'отчёт — берег.skhod-otchet'));
  await expect(projects.status).toContainText('загружен: промежуточный отчёт проекта «Чистый берег Агидели», раунд 1');
  await projects.tab('Отчёты');
  const riverReports = await projects.openFromReportsTab(RIVER);
  const back = await projects.startReturn(riverReports);
  await projects.confirmReturn();
  await expect(projects.returnError).toContainText('Напишите, что доработать');
  await projects.returnReason.fill('Добавьте фотографии с субботника и число добровольцев.');
  await projects.confirmReturn();
  await expect(back).toBeHidden();
  await expect(riverReports).toContainText('Причина: Добавьте фотографии с субботника и число добровольцев.');
  await projects.closeDialog(riverReports);
  await projects.tab('Проекты');
  const again = await openedPackage(await projects.downloadPackage(RIVER));
  await projects.closeCode();
  expect(again.round).toBe(2);
  expect(again.returns).toEqual([{ round: 1, kind: 'interim', reason: 'Добавьте фотографии с субботника и число добровольцев.' }]);

  // ── the school's final report: round 2, accepted ──
  const final = await openedPackage(await projects.downloadPackage(SCHOOL));
  await projects.closeCode();
  expect(final.accepted).toMatchObject({ round: 1, reached: { peopleInvolved: 70 } });
  await projects.importReport(
    await teamReportFile(final, { kind: 'final', reached: { peopleInvolved: 135, eventsHeld: 7, volunteers: 18, moneyRaised: 42_000 }, community: { founded: true, name: 'Клуб «Сельский актив»' }, text: 'Клуб работает, проведена выездная школа.', milestones: [] }, [photo], 'итог — школа.skhod-otchet'),
  );
  await expect(projects.status).toContainText('итоговый отчёт проекта «Школа сельского активиста», раунд 2');
  const finalReports = await projects.openReports(SCHOOL);
  await projects.accept(projects.reportCard(finalReports, 'Раунд 2: итоговый отчёт'));
  await projects.closeDialog(finalReports);
  await expect(projects.row(SCHOOL)).toContainText('отчитался');

  // ── the monitoring: statuses, planned vs reached, «нет отчёта» for the river, this month's milestone ──
  await projects.tab('Мониторинг');
  await expect(projects.statusTile('отчитался')).toContainText('1');
  await expect(projects.figuresRow(SCHOOL)).toContainText(/120\s*135/);
  await expect(projects.figuresRow(RIVER)).toContainText('нет отчёта');
  await expect(projects.peopleChart).toBeVisible();
  await expect(projects.municipalityTotal).toContainText('135 из 120');
  await expect(projects.municipalityTotal).toContainText('нет отчёта у 1');
  await expect(projects.municipalityTotal).toContainText('1 из 1');
  await expect(projects.dueThisMonth).toContainText(`Выездная школа актива («${SCHOOL}»)`);
  await expect(projects.overdue).toContainText(`«${RIVER}»`);
  await page.screenshot({ path: `${SCREENS}/projects-monitoring.png`, fullPage: true });
  expect(await violations(page), 'monitoring').toEqual([]);
});

test('the demo year: a closed contest and six projects with a year of reports; the monitoring and a district report show them', async ({ page }) => {
  test.setTimeout(240_000);
  await dismissStorageWarning(page);
  await page.goto('/');
  const year = new ProjectsPage(page, new ContestPage(page));
  await year.openDemoYear();
  await expect(year.heading).toBeVisible();
  const list = year.list;
  await expect(year.listRows).toHaveCount(7);
  await expect(list).toContainText('прекращён');
  await expect(list).toContainText('отчитался');
  await page.screenshot({ path: `${SCREENS}/projects-demo-list.png` });
  // the first project's municipality and title, for the district office's report below
  const { municipality, title } = await year.firstProject();
  await year.tab('Мониторинг');
  await expect(year.statusTile('прекращён')).toContainText('1');
  await expect(year.municipalityTotal).toContainText(/\d+ из \d+/);
  await page.screenshot({ path: `${SCREENS}/projects-demo-monitoring.png`, fullPage: true });

  // the final report of the project opens from «Проекты» too, with the demo year's figures
  const final = await year.openFinalReport();
  await expect(year.finalSummary).toContainText('подведены итоги проекта');
  await expect(year.finalFigures).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: `${SCREENS}/projects-demo-final-report.pdf`, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  await page.keyboard.press('Escape');
  await expect(final).toBeHidden();

  // a district office's report: the delegation and its municipality's projects, with their figures
  await year.org.app.goTo('Отчёты');
  const reports = new ReportsPage(page);
  await reports.openDistrictReport();
  await reports.districtSelect.selectOption({ label: municipality });
  await expect(reports.districtProjects).toContainText(title);
  // scores print as numbers people read (61,83), not as floating-point tails
  await expect(reports.districtScores).not.toContainText(/\d[.,]\d{3,}/);
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: `${SCREENS}/projects-district-report.pdf`, format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
});
