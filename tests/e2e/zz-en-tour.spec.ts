// THROWAWAY (not committed): English screenshots of projects, juror mode, team mode, first run.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ContestPage, type PackageFile } from './pages/contest-page';
import { prepareContest } from './pages/contest-setup';
import { ProjectsPage } from './pages/projects-page';
import { signedScoreFile } from './pages/results-page';

const S = 'test-results/en-tour';
const EN = () => localStorage.setItem('skhod.ui', JSON.stringify({ state: { language: 'en' }, version: 1 }));

async function enDevice(browser: Browser) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.addInitScript(EN);
  return { page, close: () => context.close() };
}

async function openWithCode(p: Page, button: ReturnType<Page['getByRole']>, pkg: PackageFile) {
  const chooser = p.waitForEvent('filechooser');
  await button.click();
  await (await chooser).setFiles({ name: pkg.name, mimeType: 'application/octet-stream', buffer: pkg.buffer });
  const dlg = p.getByRole('dialog');
  await expect(dlg).toBeVisible();
  await p.screenshot({ path: `${S}/code-prompt.png` });
  await dlg.locator('input').first().fill(pkg.code);
  await p.keyboard.press('Enter');
  await expect(dlg).toBeHidden();
}

test('english tour', async ({ page, browser }) => {
  test.setTimeout(900_000);
  const org = new ContestPage(page);
  const projects = new ProjectsPage(page, org);
  const jurors = await prepareContest(org);
  await org.tab('Пакеты и оценки');
  const jpkg = await org.downloadPackage(jurors[0]!);
  for (const [i, name] of jurors.entries()) {
    const pkg = i === 0 ? jpkg : await org.downloadPackage(name);
    await org.chooseFile(page.getByRole('button', { name: 'Загрузить файл оценок…' }), await signedScoreFile(pkg, (t) => 5 + ((t.length + i) % 5)));
    await expect(page.getByRole('status').filter({ hasText: 'принят' })).toBeVisible();
  }
  await org.closeScoring();
  await projects.open();
  await page.getByRole('button', { name: 'Отметить победителей…' }).click();
  const winners = page.getByRole('dialog', { name: 'Отметить победителей' });
  await winners.getByRole('checkbox').first().check();
  await winners.getByRole('button', { name: /^Отметить/ }).click();
  await expect(winners).toBeHidden();
  const title = (await projects.list.getByRole('rowheader').first().textContent())!.trim();
  const tpkg = await projects.downloadPackage(title);
  await projects.closeCode();

  // organizer in English
  await page.evaluate(EN);
  await page.reload();
  await page.getByRole('navigation').getByRole('button', { name: 'Projects', exact: true }).click();
  await page.waitForTimeout(800);
  const tabs = page.locator('main [role="tablist"]').first().getByRole('tab');
  for (let i = 0; i < (await tabs.count()); i += 1) {
    await tabs.nth(i).click();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${S}/org-projects-${i}.png` });
  }
  await page.getByRole('navigation').getByRole('button', { name: 'Contest', exact: true }).click();
  await page.waitForTimeout(500);
  const ctabs = page.locator('main [role="tablist"]').first().getByRole('tab');
  for (let i = 0; i < (await ctabs.count()); i += 1) {
    await ctabs.nth(i).click();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${S}/org-contest-${i}.png` });
  }

  // juror device in English
  const J = await enDevice(browser);
  await J.page.goto('/');
  await J.page.waitForTimeout(1500);
  await J.page.screenshot({ path: `${S}/first-run.png` });
  await openWithCode(J.page, J.page.getByRole('button', { name: /juror/i }).first(), jpkg);
  await J.page.waitForTimeout(800);
  await J.page.screenshot({ path: `${S}/juror.png` });
  await J.close();

  // team device in English
  const T = await enDevice(browser);
  await T.page.goto('/');
  await openWithCode(T.page, T.page.getByRole('button', { name: /team/i }).first(), tpkg);
  await T.page.waitForTimeout(800);
  await T.page.screenshot({ path: `${S}/team.png` });
  await T.page.screenshot({ path: `${S}/team-full.png`, fullPage: true });
  await T.close();
});
