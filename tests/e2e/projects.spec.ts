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
import { prepareContest } from './pages/contest-setup';
import { drawnPhoto, openedPackage, ProjectsPage, teamReportFile } from './pages/projects-page';
import { dismissStorageWarning } from './pages/app-page';
import { signedScoreFile } from './pages/results-page';

const SCREENS = 'test-results/screens';
const SCHOOL = 'Школа сельского активиста';
const RIVER = 'Чистый берег Агидели';
// per juror: the four applications' scores, so that the school wins and the river is second
const SCORES: Record<string, number[]> = { [SCHOOL]: [9, 9, 8], [RIVER]: [8, 7, 8], 'Музей под открытым небом': [6, 5, 6], 'Двор моей мечты': [5, 6, 4] };

async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

test('winners become projects; a plan, a sealed report package, team reports checked and reviewed, and the monitoring shows the figures', async ({ page }) => {
  test.setTimeout(420_000);
  const org = new ContestPage(page);
  const projects = new ProjectsPage(page, org);

  // ── a closed contest: every juror's signed scores loaded, scoring closed ──
  const jurors = await prepareContest(org);
  await org.tab('Пакеты и оценки');
  for (const [i, name] of jurors.entries()) {
    const pkg = await org.downloadPackage(name);
    await org.chooseFile(page.getByRole('button', { name: 'Загрузить файл оценок…' }), await signedScoreFile(pkg, (title) => SCORES[title]?.[i] ?? null));
    await expect(page.getByRole('status').filter({ hasText: 'принят' })).toBeVisible();
  }
  await org.closeScoring();

  // ── two winners from the ranking, with grant amounts ──
  await projects.open();
  await expect(page.getByText('Проектов пока нет')).toBeVisible();
  await page.getByRole('button', { name: 'Отметить победителей…' }).click();
  const winners = page.getByRole('dialog', { name: 'Отметить победителей' });
  const ranking = winners.getByRole('table', { name: /^Номинация/ });
  await expect(ranking.getByRole('row').nth(1)).toContainText(SCHOOL);
  await expect(ranking.getByRole('row').nth(2)).toContainText(RIVER);
  await winners.getByRole('checkbox', { name: `Победитель: ${SCHOOL}` }).check();
  await winners.getByRole('checkbox', { name: `Победитель: ${RIVER}` }).check();
  await winners.getByLabel(`Сумма гранта: ${RIVER}`).fill('восемьдесят');
  await winners.getByRole('button', { name: 'Отметить 2 победителей' }).click();
  await expect(winners.getByRole('alert').first()).toContainText('Сумма — целое число рублей');
  await winners.getByLabel(`Сумма гранта: ${RIVER}`).fill('80 000');
  await page.screenshot({ path: `${SCREENS}/projects-winners.png` });
  await winners.getByRole('button', { name: 'Отметить 2 победителей' }).click();
  await expect(winners).toBeHidden();
  await expect(projects.status).toHaveText('Отмечено 2 победителя — проекты появились в списке. Заполните их планы.');
  await expect(projects.list.getByRole('row')).toHaveCount(3);
  await expect(projects.row(SCHOOL)).toContainText('150 000 ₽');
  await expect(projects.row(RIVER)).toContainText('80 000 ₽');
  await expect(projects.row(RIVER)).toContainText('нет отчёта');

  // ── the school's plan: indicators, the community, a milestone this month, the team from the event's people ──
  const month = todayIn().slice(0, 7);
  await projects.row(SCHOOL).getByRole('button', { name: `План… ${SCHOOL}` }).click();
  const plan = page.getByRole('dialog', { name: `План проекта «${SCHOOL}»` });
  await plan.getByLabel('Вовлечено жителей').fill('120');
  await plan.getByLabel('Проведено мероприятий').fill('6');
  await plan.getByLabel('Добровольцев').fill('пятнадцать');
  await expect(plan.getByText('Введите целое неотрицательное число.')).toBeVisible();
  await plan.getByLabel('Добровольцев').fill('15');
  await expect(plan.getByText('Введите целое неотрицательное число.')).toHaveCount(0);
  await plan.getByLabel('Привлечено средств, ₽').fill('30 000');
  await plan.getByLabel('Вид сообщества').selectOption({ label: 'Молодёжное сообщество' });
  await plan.getByRole('checkbox', { name: 'Создать сообщество' }).check();
  await expect(plan.getByText('Напишите, как будет называться сообщество.')).toBeVisible();
  await plan.getByLabel('Название сообщества').fill('Клуб «Сельский актив»');
  await plan.getByRole('button', { name: 'Добавить этап' }).click();
  await plan.getByLabel('Этап 1: название').fill('Выездная школа актива');
  await plan.getByLabel('Этап 1: срок').fill(`${month}-25`);
  const search = plan.getByLabel('Найти участника мероприятия');
  await search.fill('а');
  const first = (await plan.getByRole('list', { name: 'Найденные участники' }).getByRole('listitem').first().locator('span').textContent())!;
  await search.press('Enter');
  const team = plan.getByRole('list', { name: 'Участники команды' });
  await expect(team.getByRole('listitem')).toHaveCount(1);
  await expect(team).toContainText(`${first} · руководитель`);
  await page.screenshot({ path: `${SCREENS}/projects-plan.png` });
  await plan.getByRole('button', { name: 'Сохранить план' }).click();
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
  const card = reports.getByRole('region', { name: 'Раунд 1: промежуточный отчёт' });
  await expect(card.getByRole('img', { name: 'субботник.png' })).toBeVisible();
  await expect(card.getByRole('table')).toContainText('не указано'); // money raised left out: not a zero
  await page.screenshot({ path: `${SCREENS}/projects-review.png` });
  await card.getByRole('button', { name: 'Принять' }).click();
  await expect(card).toContainText('принят');
  await reports.getByRole('button', { name: 'Закрыть' }).click();
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
  await page.getByRole('button', { name: `Открыть: ${RIVER}` }).click();
  const riverReports = projects.reportsDialog(RIVER);
  await riverReports.getByRole('button', { name: 'Вернуть на доработку…' }).click();
  const back = page.getByRole('dialog', { name: 'Вернуть отчёт на доработку' });
  await back.getByRole('button', { name: 'Вернуть на доработку' }).click();
  await expect(back.getByRole('alert')).toContainText('Напишите, что доработать');
  await back.getByLabel('Что доработать').fill('Добавьте фотографии с субботника и число добровольцев.');
  await back.getByRole('button', { name: 'Вернуть на доработку' }).click();
  await expect(back).toBeHidden();
  await expect(riverReports).toContainText('Причина: Добавьте фотографии с субботника и число добровольцев.');
  await riverReports.getByRole('button', { name: 'Закрыть' }).click();
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
  await finalReports.getByRole('region', { name: 'Раунд 2: итоговый отчёт' }).getByRole('button', { name: 'Принять' }).click();
  await finalReports.getByRole('button', { name: 'Закрыть' }).click();
  await expect(projects.row(SCHOOL)).toContainText('отчитался');

  // ── the monitoring: statuses, planned vs reached, «нет отчёта» for the river, this month's milestone ──
  await projects.tab('Мониторинг');
  const tiles = page.getByRole('list', { name: 'Проекты по состоянию' });
  await expect(tiles.getByRole('listitem').filter({ hasText: 'отчитался' })).toContainText('1');
  const byProject = page.getByRole('table', { name: 'Показатели по проектам' });
  await expect(byProject.getByRole('row').filter({ hasText: SCHOOL })).toContainText(/120\s*135/);
  await expect(byProject.getByRole('row').filter({ hasText: RIVER })).toContainText('нет отчёта');
  await expect(page.getByRole('img', { name: 'Вовлечено жителей: план и достигнуто по проектам' })).toBeVisible();
  const byMunicipality = page.getByRole('table', { name: 'Показатели по муниципалитетам' });
  await expect(byMunicipality.getByRole('row').filter({ hasText: 'Всего' })).toContainText('135 из 120');
  await expect(byMunicipality.getByRole('row').filter({ hasText: 'Всего' })).toContainText('нет отчёта у 1');
  await expect(byMunicipality.getByRole('row').filter({ hasText: 'Всего' })).toContainText('1 из 1');
  await expect(page.getByRole('region', { name: 'Этапы со сроком в этом месяце' })).toContainText(`Выездная школа актива («${SCHOOL}»)`);
  await expect(page.getByRole('region', { name: 'Просроченные отчёты' })).toContainText(`«${RIVER}»`);
  await page.screenshot({ path: `${SCREENS}/projects-monitoring.png`, fullPage: true });
  expect(await violations(page), 'monitoring').toEqual([]);
});

test('the demo year: a closed contest and six projects with a year of reports; the monitoring and a district report show them', async ({ page }) => {
  test.setTimeout(240_000);
  await dismissStorageWarning(page);
  await page.goto('/');
  await page.getByRole('button', { name: /Демонстрация: конкурс и год проектов/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Проекты' })).toBeVisible();
  const list = page.getByRole('table', { name: 'Проекты' });
  await expect(list.getByRole('row')).toHaveCount(7);
  await expect(list).toContainText('прекращён');
  await expect(list).toContainText('отчитался');
  await page.screenshot({ path: `${SCREENS}/projects-demo-list.png` });
  // the first project's municipality and title, for the district office's report below
  const municipality = (await list.getByRole('row').nth(1).getByRole('cell').first().textContent())!.trim();
  const title = (await list.getByRole('row').nth(1).getByRole('rowheader').textContent())!.trim();
  await page.getByRole('tab', { name: 'Мониторинг' }).click();
  const tiles = page.getByRole('list', { name: 'Проекты по состоянию' });
  await expect(tiles.getByRole('listitem').filter({ hasText: 'прекращён' })).toContainText('1');
  await expect(page.getByRole('table', { name: 'Показатели по муниципалитетам' }).getByRole('row').filter({ hasText: 'Всего' })).toContainText(/\d+ из \d+/);
  await page.screenshot({ path: `${SCREENS}/projects-demo-monitoring.png`, fullPage: true });

  // the final report of the project opens from «Проекты» too, with the demo year's figures
  await page.getByRole('button', { name: 'Итоговый отчёт проекта…' }).click();
  const final = page.getByRole('dialog', { name: 'Итоговый отчёт проекта' });
  await expect(final.getByRole('region', { name: 'Краткие итоги' })).toContainText('подведены итоги проекта');
  await expect(final.getByRole('table', { name: 'Показатели: план и достигнуто' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: `${SCREENS}/projects-demo-final-report.pdf`, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  await page.keyboard.press('Escape');
  await expect(final).toBeHidden();

  // a district office's report: the delegation and its municipality's projects, with their figures
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('button', { name: 'Отчёты' }).click();
  await page.getByRole('button', { name: 'Отчёт для района…' }).click();
  const district = page.getByRole('dialog', { name: 'Отчёт для района' });
  await district.getByLabel('Муниципалитет').selectOption({ label: municipality });
  const projects = district.getByRole('table', { name: 'Проекты победителей' }).first();
  await expect(projects).toContainText(title);
  // scores print as numbers people read (61,83), not as floating-point tails
  await expect(district.getByRole('table').filter({ hasText: 'Номинация' }).first()).not.toContainText(/\d[.,]\d{3,}/);
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: `${SCREENS}/projects-district-report.pdf`, format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
});
