/**
 * Issue 21 end to end: the sheet a juror sees is the sheet they sign (a juror on a fresh install, a
 * second juror on their own device, the organizer — three browser contexts), and scoring's lifecycle
 * on the organizer's side: removing a juror who has final sheets, closing scoring, a late file refused.
 */
import type { Page } from '@playwright/test';
import { expect, test, type OpenDevice } from './fixtures';
import { ContestPage, packageManifest as manifest, type FileBytes } from './pages/contest-page';
import { prepareContest } from './pages/contest-setup';
import { JuryPage } from './pages/jury-page';
import { ResultsPage, signedScoreFile } from './pages/results-page';

const SCREENS = 'test-results/screens';
const ru = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 2, useGrouping: false });

/** A juror's own device: fresh storage, the storage warning clicked away. */
async function device(openDevice: OpenDevice): Promise<{ page: Page; juror: JuryPage; close: () => Promise<void> }> {
  const { page, close } = await openDevice({ hideStorageWarning: true });
  return { page, juror: new JuryPage(page), close };
}

/** The values of each sheet in a signed score file, by application id (read from the signed payload). */
function signedValues(file: FileBytes): Map<string, { values: Record<string, number | null>; status: string }> {
  const outer = JSON.parse(file.buffer.toString('utf8')) as { payload: string };
  const payload = JSON.parse(outer.payload) as { scores: Array<{ applicationId: string; values: Record<string, number | null>; status: string }> };
  return new Map(payload.scores.map((s) => [s.applicationId, { values: s.values, status: s.status }]));
}

/** What the sheet's fields show: a number where the field holds a valid score, null where empty or marked wrong. */
async function shownValues(juror: JuryPage, criteria: readonly { id: string }[]): Promise<Record<string, number | null>> {
  const out: Record<string, number | null> = {};
  for (const [i, c] of criteria.entries()) {
    const input = juror.scoreInputs.nth(i);
    const text = await input.inputValue();
    const invalid = (await input.getAttribute('aria-invalid')) === 'true';
    out[c.id] = text === '' || invalid ? null : Number(text.replace(',', '.'));
  }
  return out;
}

test('a juror opens the package from the first-run screen; 15, «7,5» and «-3» are errors beside their fields that block «Завершить»; the signed file holds exactly what the screen showed; switching packages asks and keeps both', async ({
  page,
  openDevice,
}) => {
  test.setTimeout(300_000);
  const org = new ContestPage(page);
  const jurors = await prepareContest(org);
  await org.tab('Пакеты и оценки');
  const pkgA = await org.downloadPackage(jurors[0]!);
  const pkgB = await org.downloadPackage(jurors[1]!);
  const a = await manifest(pkgA);
  const form = a.nominations[0]!.criteria;

  // ── juror A: a fresh install, no address bar — the first-run screen has the way in ──
  const A = await device(openDevice);
  await A.page.goto('/');
  const entry = A.juror.firstRunEntry;
  await expect(entry).toBeVisible();
  await A.page.screenshot({ path: `${SCREENS}/jury-first-run.png` });
  await A.juror.openPackage(entry, pkgA);
  await expect(A.juror.progress).toHaveText(`Завершено 0 из ${a.applications.length}`);
  const header = A.juror.who;
  await expect(header).toContainText(a.contest.title);
  // the header does not cut the contest's title
  expect(await header.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);

  // ── three wrong entries by keyboard, then the rest ──
  const inputs = A.juror.scoreInputs;
  await expect(inputs.first()).toBeFocused();
  const wrong = ['15', '7,5', '-3'];
  const right = ['8', '6', '9', '5', '10', '7', '6'];
  await A.juror.typeScores([...wrong, ...right]);
  await A.page.keyboard.type('Проект актуален, бюджет обоснован.');
  for (const [i, text] of wrong.entries()) {
    await expect(inputs.nth(i)).toHaveValue(text);
    await expect(inputs.nth(i)).toHaveAttribute('aria-invalid', 'true');
    await expect(A.juror.fieldError(i)).toContainText(`«${text}» — не подходит; оценка от 0 до 10, целое число.`);
  }
  // the total counts stored values only: the three wrong ones are not in it
  const stored = right.reduce((s, v, i) => s + Number(v) * form[i + 3]!.weight, 0);
  const max = form.reduce((s, c) => s + c.max * c.weight, 0);
  await expect(A.juror.total).toContainText(`Итог: ${ru.format(stored)} из ${ru.format(max)} (оценено 7 из 10)`);
  await A.juror.finish();
  const blocked = A.juror.cannotFinish;
  await expect(A.juror.cannotFinishReasons).toHaveCount(3);
  await expect(A.juror.finished).toHaveCount(0);
  // the errors stay while another field is typed in
  await inputs.nth(4).fill('7');
  await expect(A.juror.fieldError(0)).toBeVisible();
  await A.page.screenshot({ path: `${SCREENS}/jury-errors.png` });

  // the file signed now holds what the screen shows: nothing for the wrong fields, no stale first keystroke
  const appA = a.applications[0]!.id;
  const draft = signedValues(await A.juror.saveScoreFile());
  expect(draft.get(appA)).toEqual({ values: await shownValues(A.juror, form), status: 'draft' });
  expect(draft.get(appA)!.values[form[0]!.id]).toBeNull();

  // fixed by typing and by a band button; the list of problems empties as they are fixed
  await inputs.nth(0).fill('9');
  await inputs.nth(1).fill('7');
  const band = A.juror.band(2, 'first');
  const bandValue = await A.juror.bandValue(band);
  await band.click();
  await expect(inputs.nth(2)).toHaveValue(bandValue);
  await expect(blocked).toHaveCount(0);
  await A.juror.finishSheet();
  const signed = signedValues(await A.juror.saveScoreFile());
  expect(signed.get(appA)).toEqual({ values: await shownValues(A.juror, form), status: 'final' });
  expect(Object.values(signed.get(appA)!.values).every((v) => v !== null && Number.isInteger(v) && v >= 0 && v <= 10)).toBe(true);

  // ── the sheet in progress is where a reload resumes ──
  await A.juror.next();
  const second = a.applications[1]!.title;
  await expect(A.juror.sheetTitle).toHaveText(second);
  await A.page.keyboard.type('4');
  await expect(A.juror.saved).toBeVisible();
  await A.page.reload();
  await expect(A.juror.sheetTitle).toHaveText(second);
  await expect(inputs.first()).toHaveValue('4');

  // ── another juror's package on this laptop: asked first, both kept ──
  const b = await manifest(pkgB);
  await A.juror.openPackage(A.juror.openNewPackageButton, pkgB);
  await expect(A.juror.switchDialog).toContainText(`Сейчас открыт пакет эксперта ${a.juror.name}`);
  await A.page.screenshot({ path: `${SCREENS}/jury-switch.png` });
  await A.juror.switchTo(b.juror.name).click();
  await expect(A.juror.who).toContainText(b.juror.name);
  await A.juror.reopenOther(1, a.juror.name);
  await expect(A.juror.who).toContainText(a.juror.name);
  await expect(A.juror.progress).toContainText('Завершено 1 из');
  await A.close();

  // ── juror B on their own device, by the band buttons; the organizer takes both files ──
  const B = await device(openDevice);
  await B.juror.openFromJuryMode(pkgB);
  for (let i = 0; i < b.nominations[0]!.criteria.length; i++) await B.juror.band(i, 'last').click();
  await B.juror.comment.fill('Сильная заявка.');
  await B.juror.finishSheet();
  const bShown = await shownValues(B.juror, b.nominations[0]!.criteria);
  const fileB = await B.juror.saveScoreFile();
  expect(signedValues(fileB).get(b.applications[0]!.id)!.values).toEqual(bShown);
  await B.close();

  await org.loadScoreFile(fileB);
  await expect(org.fileVerdict('принят')).toContainText('новых листов 1');
});

test('removing a juror with final sheets asks what to do with them and the protocol follows; after «Закрыть приём оценок» a late file is refused and the protocol approves', async ({ page }) => {
  test.setTimeout(240_000);
  const org = new ContestPage(page);
  const jurors = await prepareContest(org);
  const results = new ResultsPage(page);
  await org.tab('Пакеты и оценки');
  const files: FileBytes[] = [];
  for (const [i, name] of jurors.entries()) {
    const pkg = await org.downloadPackage(name);
    files.push(await signedScoreFile(pkg, () => 7 - i));
  }
  for (const f of files.slice(0, 2)) {
    await org.loadScoreFile(f);
    await expect(org.fileVerdict('принят')).toBeVisible();
  }

  // ── juror 1: final sheets, excluded with a reason ──
  await org.tab('Эксперты и конфликты');
  const remove = await org.startRemovingJuror(jurors[0]!);
  await expect(remove).toContainText(/листа? оценок, из них завершённых — \d+|листов оценок, из них завершённых — \d+/);
  await org.removalReason.fill('Выяснился конфликт интересов');
  await page.screenshot({ path: `${SCREENS}/contest-remove-juror.png` });
  // the destructive button is readable (a feature's own `button.danger` once painted its text red on red)
  const [ink, fill] = await org.removeButton('Убрать и исключить оценки').evaluate((b) => [getComputedStyle(b).color, getComputedStyle(b).backgroundColor]);
  expect(ink).not.toBe(fill);
  await org.removeButton('Убрать и исключить оценки').click();
  await expect(remove).toBeHidden();
  // ── juror 2: kept ──
  await org.startRemovingJuror(jurors[1]!);
  await org.keepSheetsOption.check();
  await org.removalReason.fill('Выбыл по болезни после оценки');
  await org.removeButton('Убрать, оценки оставить').click();
  await expect(remove).toBeHidden();
  await expect(org.jurorsTable).not.toContainText(jurors[0]!);

  // ── «Итоги»: the excluded sheets are named as such; the protocol is preliminary and says whose and why ──
  await results.open();
  await expect(results.message(/листов? исключённых из жюри экспертов|листа исключённых из жюри экспертов/)).toBeVisible();
  await results.openProtocol();
  const doc = results.protocolDialog;
  await expect(doc).toContainText(`Оценки эксперта ${jurors[0]} исключены`);
  await expect(doc).toContainText('Выяснился конфликт интересов');
  await expect(doc).toContainText(`Эксперт ${jurors[1]} выведен из состава жюри`);
  await expect(doc).toContainText('Итоги предварительные');
  await expect(doc).not.toContainText('Комиссия решила');
  const commission = results.protocolJury;
  await expect(commission).toContainText(jurors[1]!);
  await expect(commission).not.toContainText(jurors[0]!);
  await expect(doc).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  await results.closeProtocol();

  // ── close scoring: packages off, a late file refused, results final ──
  await org.closeScoring();
  await page.screenshot({ path: `${SCREENS}/contest-closed.png` });
  await org.tab('Пакеты и оценки');
  await expect(org.packageButton(jurors[2]!)).toBeDisabled();
  await expect(org.message('Приём оценок закрыт: новые пакеты не нужны')).toBeVisible();
  await org.loadScoreFile(files[2]!);
  await expect(org.alert).toContainText('Приём оценок закрыт — файл не принят, итоги не изменились.');
  await page.screenshot({ path: `${SCREENS}/contest-late-file.png` });
  await results.open();
  await expect(results.message('Приём оценок закрыт — итоги окончательные.')).toBeVisible();
  await results.openProtocol();
  await expect(results.protocolDialog).toContainText('Комиссия решила утвердить следующие результаты конкурса');
  await page.screenshot({ path: `${SCREENS}/contest-protocol-final.png` });
});
