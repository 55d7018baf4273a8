/**
 * Issue 25 end to end, the team's side and the final report: the organizer (demo event) has two
 * winners' projects and exports a report package of one (through the app's test hooks — the
 * organizer's projects screens are built separately); a team device opens it with its access code,
 * fills an interim report by keyboard with a large photo that is shrunk before it is stored, survives
 * a reload with its draft, and saves the signed report file; the organizer's import takes it with
 * the photo; the final report of the project prints on A4 with the summary paragraph and the figures.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { E2eHooks } from '../../renderer/e2e-hooks';
import { AppPage } from './pages/app-page';
import { dismissStorageWarning } from './pages/results-page';

const SCREENS = 'test-results/screens';

type Seeded = { eventId: string; projects: Array<{ id: string; title: string }>; pkg: number[]; code: string };

/** Two winners of a closed contest on the demo event, with plans; the first project's report package. */
async function seedProjects(page: Page): Promise<Seeded> {
  await page.waitForFunction(() => '__skhodE2E' in window);
  return page.evaluate(async () => {
    const { ctx, repo } = (window as unknown as { __skhodE2E: E2eHooks }).__skhodE2E;
    const event = (await ctx.db.events.toArray())[0]!;
    const contest = await repo.createContestFromTemplate(ctx, event.id);
    const nomination = (await ctx.db.nominations.where('contestId').equals(contest.id).toArray())[0]!;
    const regs = await ctx.db.registrations.where('eventId').equals(event.id).toArray();
    const withMunicipality = regs.filter((r) => r.role === 'participant' && r.municipalityId);
    const a = withMunicipality[0]!;
    const b = withMunicipality.find((r) => r.municipalityId !== a.municipalityId)!;
    const app = (title: string, r: typeof a, org: string) => ({
      title,
      summary: `${title}: жители сами благоустраивают свой двор`,
      nominationId: nomination.id,
      municipalityId: r.municipalityId!,
      applicantPersonIds: [r.personId],
      submittedAt: '2020-01-20T10:00:00.000Z',
      status: 'admitted' as const,
      organizationName: org,
    });
    await repo.importApplications(ctx, contest.id, [app('Двор нашей мечты', a, 'ТОС «Солнечный»'), app('Чистый берег Агидели', b, 'Экологический клуб «Исток»')]);
    await repo.openScoring(ctx, contest.id);
    await repo.closeScoring(ctx, contest.id);
    const apps = (await ctx.db.applications.where('contestId').equals(contest.id).toArray()).sort((x, y) => x.title.localeCompare(y.title, 'ru'));
    const projects = await repo.markWinners(ctx, contest.id, apps.map((x, i) => ({ applicationId: x.id, grantAmount: 150_000 + 50_000 * i, communityType: 'tos' as const })), { interimReportDue: '2026-06-30', finalReportDue: '2026-11-15' });
    for (const [i, p] of projects.entries()) {
      await repo.updatePlan(ctx, p.id, {
        planned: { peopleInvolved: 200 + 100 * i, eventsHeld: 8, volunteers: 25, moneyRaised: 40_000 },
        plannedCommunity: { founded: true, name: i === 0 ? 'ТОС «Солнечный»' : 'Клуб «Чистый берег»' },
        milestones: [
          { title: 'Учредительное собрание сообщества', due: '2026-03-15' },
          { title: 'Праздник двора', due: '2026-08-20' },
        ],
      });
    }
    const chosen = projects.find((p) => p.title === 'Двор нашей мечты')!;
    const exported = await repo.exportReportPackage(ctx, chosen.id);
    return { eventId: event.id, projects: projects.map((p) => ({ id: p.id, title: p.title })), pkg: [...exported.bytes], code: exported.code };
  });
}

async function teamDevice(browser: Browser) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'ru-RU', timezoneId: 'Asia/Yekaterinburg', viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const page = await context.newPage();
  await dismissStorageWarning(page);
  return { page, close: () => context.close() };
}

/** A photo as a phone gives it: 2400 × 1600 of noise, a PNG of several megabytes (drawn by the browser). */
async function bigPhoto(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 2400;
    c.height = 1600;
    const g = c.getContext('2d')!;
    const img = g.createImageData(c.width, c.height);
    let s = 25;
    for (let i = 0; i < img.data.length; i += 4) {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      img.data[i] = s & 255;
      img.data[i + 1] = (s >> 8) & 255;
      img.data[i + 2] = (i / 4 / c.width) % 256;
      img.data[i + 3] = 255;
    }
    g.putImageData(img, 0, 0);
    return c.toDataURL('image/png');
  });
  return Buffer.from(dataUrl.split(',')[1]!, 'base64');
}

test('a team opens its report package, fills an interim report with a shrunk photo, keeps the draft over a reload and saves the signed file; the organizer imports it and the final report prints the figures', async ({ page, browser }) => {
  test.setTimeout(300_000);
  await dismissStorageWarning(page);
  const app = new AppPage(page);
  await app.open();
  await app.openDemoButton.click();
  await expect(app.nav).toBeVisible();
  const seeded = await seedProjects(page);

  // ── the team's device: a fresh install, the first-run screen has the way in ──
  const team = await teamDevice(browser);
  const t = team.page;
  await t.goto('/');
  const entry = t.getByRole('button', { name: /Я из команды проекта: открыть пакет отчёта/ });
  await expect(entry).toBeVisible();
  const chooser = t.waitForEvent('filechooser');
  await entry.click();
  await (await chooser).setFiles({ name: 'Двор нашей мечты.skhod-report-package', mimeType: 'application/octet-stream', buffer: Buffer.from(seeded.pkg) });
  const prompt = t.getByRole('dialog', { name: 'Введите код доступа' });
  await expect(prompt).toBeVisible();
  await prompt.getByLabel('Код доступа').fill('AAAA-BBBB-CCCC-DDDD');
  await t.keyboard.press('Enter');
  await expect(prompt.getByText(/Код не подходит/)).toBeVisible();
  await prompt.getByLabel('Код доступа').fill(seeded.code);
  await t.keyboard.press('Enter');
  await expect(prompt).toBeHidden();

  await expect(t.getByRole('heading', { level: 1, name: 'Двор нашей мечты' })).toBeVisible();
  await expect(t.locator('.jury-who')).toContainText('Раунд 1');
  await expect(t.getByRole('radio', { name: 'Промежуточный отчёт' })).toBeChecked();
  await expect(t.getByText('по плану 200')).toBeVisible();

  // ── by keyboard: figures, a wrong one first ──
  await t.getByLabel('Вовлечено людей').fill('120');
  await t.keyboard.press('Tab');
  await t.keyboard.type('3,5');
  await t.keyboard.press('Tab');
  await t.keyboard.type('18');
  // money left empty: «не указано» in an interim report
  await t.getByLabel('Сообщество создано').check();
  await expect(t.getByLabel(/Название сообщества/)).toHaveValue('ТОС «Солнечный»');
  await t.getByRole('listitem').filter({ hasText: 'Учредительное собрание сообщества' }).getByLabel('Состояние').selectOption('done');
  await t.getByRole('listitem').filter({ hasText: 'Учредительное собрание сообщества' }).getByLabel('Дата выполнения').fill('2026-03-14');

  // «Сохранить файл отчёта» with problems: each beside its field, the first focused
  await t.getByRole('button', { name: 'Сохранить файл отчёта' }).click();
  await expect(t.getByRole('alert').filter({ hasText: 'Отчёт не сохранён: исправьте 2 поля' })).toBeVisible();
  await expect(t.getByLabel('Проведено мероприятий')).toHaveAttribute('aria-invalid', 'true');
  await expect(t.getByLabel('Проведено мероприятий')).toBeFocused();
  await expect(t.getByText('Введите число, например 120')).toBeVisible();
  await t.keyboard.press('Control+A');
  await t.keyboard.type('4');
  await t.getByLabel(/Что сделано/).fill('Провели учредительное собрание ТОС, выбрали совет из пяти человек, договорились с управляющей компанией о субботнике.');

  // ── a photo from a phone: shrunk before it is stored, the budget shown ──
  const photo = await bigPhoto(t);
  expect(photo.byteLength).toBeGreaterThan(3 * 1024 * 1024);
  const photoChooser = t.waitForEvent('filechooser');
  await t.getByRole('button', { name: 'Добавить фотографии…' }).click();
  await (await photoChooser).setFiles({ name: 'собрание.png', mimeType: 'image/png', buffer: photo });
  await expect(t.getByText(/«собрание\.jpg» уменьшена с [\d,\s ]+МБ до [\d,\s ]+КБ/)).toBeVisible();
  await expect(t.getByRole('status', { name: 'Фотографии' })).toContainText(/Приложено 1 из 10.*Можно добавить ещё 9/);
  await expect(t.getByRole('img', { name: 'Фотография «собрание.jpg»' })).toBeVisible();
  await t.screenshot({ path: `${SCREENS}/project-team-form.png` });
  await t.screenshot({ path: `${SCREENS}/project-team-form-full.png`, fullPage: true });

  // ── a restart: the draft and the photo are still there ──
  await t.waitForTimeout(800); // the draft is kept a moment after the last change
  await t.reload();
  await expect(t.getByRole('heading', { level: 1, name: 'Двор нашей мечты' })).toBeVisible();
  await expect(t.getByLabel('Вовлечено людей')).toHaveValue('120');
  await expect(t.getByLabel('Проведено мероприятий')).toHaveValue('4');
  await expect(t.getByLabel(/Что сделано/)).toHaveValue(/^Провели учредительное собрание ТОС/);
  await expect(t.getByRole('img', { name: 'Фотография «собрание.jpg»' })).toBeVisible();

  // ── the signed report file ──
  const download = t.waitForEvent('download');
  await t.keyboard.press('Control+S');
  const file = await download;
  expect(file.suggestedFilename()).toBe('Отчёт — Двор нашей мечты — раунд 1.skhod-report');
  const bytes = await readFile(await file.path());
  await expect(t.getByRole('status').filter({ hasText: /Файл отчёта «.*» сохранён/ })).toBeVisible();
  await team.close();

  // ── the organizer imports it (the repository's import, as the review board calls it) ──
  const imported = await page.evaluate(
    async ({ eventId, projectId, file }) => {
      const { ctx, repo } = (window as unknown as { __skhodE2E: E2eHooks }).__skhodE2E;
      const result = await repo.importReportFile(ctx, eventId, new Uint8Array(file), projectId);
      if (!result.ok) return { ok: false, message: result.message };
      await repo.acceptReport(ctx, result.report.id);
      const photos = await ctx.db.reportPhotos.where('reportId').equals(result.report.id).toArray();
      return { ok: true, outcome: result.outcome, report: result.report, photos: photos.map((p) => ({ name: p.name, mime: p.mime, size: p.size })) };
    },
    { eventId: seeded.eventId, projectId: seeded.projects.find((p) => p.title === 'Двор нашей мечты')!.id, file: [...bytes] },
  );
  expect(imported).toMatchObject({ ok: true, outcome: 'new', report: { round: 1, kind: 'interim', reached: { peopleInvolved: 120, eventsHeld: 4, volunteers: 18 }, community: { founded: true, name: 'ТОС «Солнечный»' } } });
  expect((imported as { report: { reached: Record<string, number> } }).report.reached.moneyRaised).toBeUndefined();
  const photos = (imported as { photos: Array<{ name: string; mime: string; size: number }> }).photos;
  expect(photos).toHaveLength(1);
  expect(photos[0]).toMatchObject({ name: 'собрание.jpg', mime: 'image/jpeg' });
  expect(photos[0]!.size).toBeLessThan(photo.byteLength / 3);

  // ── the final report of the project: A4 PDF with the summary and the figures ──
  await app.goTo('Отчёты');
  await page.getByRole('button', { name: 'Итоговый отчёт проекта…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Итоговый отчёт проекта' });
  await expect(dialog.getByRole('region', { name: 'Краткие итоги' })).toContainText('подведены итоги проекта');
  await expect(dialog.getByRole('table', { name: 'Показатели: план и достигнуто' })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/final-report-dialog.png` });
  const xlsx = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Скачать Excel' }).click();
  expect((await xlsx).suggestedFilename()).toMatch(/^Итоговый отчёт — .*\.xlsx$/);

  await page.emulateMedia({ media: 'print' });
  const printed = page.locator('.print-root.protocol-print');
  await expect(printed).toBeVisible();
  const pdf = `${SCREENS}/final-report.pdf`;
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  expect(execFileSync('pdfinfo', [pdf]).toString()).toMatch(/Page size:.*\(A4\)/);
  const text = execFileSync('pdftotext', [pdf, '-']).toString().replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');
  expect(text).toMatch(/подведены итоги проекта «[^»]+»\. По итогам конкурса поддержано 2 проекта из 2 муниципалитетов; создано 1 сообщество в 1 муниципалитете\./);
  expect(text).toContain('В работу вовлечено 120 человек, проведено 4 мероприятия, привлечено 18 добровольцев.');
  expect(text).toContain('1 проект ещё не отчитался');
  expect(text).toContain('Без принятого отчёта: «Чистый берег Агидели».');
  // the money no report gave: «не указано», and both projects named as lacking it
  expect(text).toMatch(/Привлечено средств, ₽ 80 000 ₽ не указано не указано Двор нашей мечты, Чистый берег Агидели/);
  expect(text).toContain('ТОС «Солнечный»');
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, `${SCREENS}/final-report-page`]);
});
