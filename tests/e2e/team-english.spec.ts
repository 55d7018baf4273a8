/**
 * A winning team's device in English (issue 23): the organizer exports a report package from the demo's
 * year of projects; the team's device, set to English before the app starts, opens it — a wrong access
 * code is refused in English (the refusal is shared/'s, worded in the interface language), the report
 * form's headings, legends, labels and buttons read in English, and a refused save says what to fix in
 * English. Data (the project's title, places, names) stays as typed.
 */
import { expect, test } from './fixtures';
import { dismissStorageWarning } from './pages/app-page';
import { ContestPage } from './pages/contest-page';
import { ProjectsPage } from './pages/projects-page';
import { ProjectTeamPage } from './pages/project-team-page';
import { russianChrome } from './pages/russian-chrome';

test('the team’s report mode in English: the package, a wrong code refused, the form and its problems in English', async ({ page, openDevice }) => {
  test.setTimeout(180_000);
  const projects = new ProjectsPage(page, new ContestPage(page));
  await dismissStorageWarning(page);
  await page.goto('/');
  await projects.openDemoYear();
  await expect(projects.heading).toBeVisible();
  const { title } = await projects.firstProject();
  const pkg = await projects.downloadPackage(title);
  await projects.closeCode();

  const device = await openDevice({ language: 'en', hideStorageWarning: true });
  const team = new ProjectTeamPage(device.page, 'en');
  await device.page.goto('/');
  await team.openPackage(team.firstRunEntry, pkg, true);
  await expect(team.heading(title)).toBeVisible();
  expect(await russianChrome(device.page)).toEqual([]);
  await device.page.screenshot({ path: 'test-results/screens/en-team-report.png' });

  // a figure that is not a number: the save is refused and the field says why, in English
  await team.figure('People involved').fill('сто двадцать');
  await team.kind('Final report').check();
  await team.clickSave();
  await expect(team.notSaved).toBeVisible();
  await expect(team.message('Enter a number, e.g. 120 (funds may have kopecks: 15000.50).').first()).toBeVisible();
  expect(await russianChrome(device.page)).toEqual([]);
});
