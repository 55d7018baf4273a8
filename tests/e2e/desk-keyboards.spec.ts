import { expect, test } from '@playwright/test';
import { badgeCodeFromSerial } from '../../shared/people/badge-code';
import { latinLayoutToCyrillic } from '../../shared/search/keyboard';
import { addListedPeople, DeskPage, typedInWrongLayout } from './pages/desk-page';

test('the Абзалов case: wrong layout, Latin and a typo check in Ильяс or nobody, never Азамат Ильясович', async ({ page }) => {
  const desk = new DeskPage(page);
  await desk.openWithDemo();
  // the demo has the trap of issue 20: Абзалов Ильяс, and Абзалов Азамат Ильясович whose patronymic is his name
  await desk.search.fill('абзалов ильяс');
  await expect(desk.result('Абзалов Ильяс')).toHaveCount(1);
  const ilyas = await desk.resultName('Абзалов Ильяс');
  const azamat = 'Абзалов Азамат Ильясович';
  await expect(desk.result(azamat)).toHaveCount(1);
  await desk.search.fill('');

  // a typo: Ильяс is listed first, but Enter does not act on a guess — the list says why
  await desk.search.pressSequentially('абзолов ильяс');
  await expect(desk.results.first()).toContainText(ilyas);
  await expect(desk.result(azamat)).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/desk-abzalov-typo.png' });
  await page.keyboard.press('Enter');
  await expect(desk.enterRefused).toBeVisible();
  await expect(desk.arrivedCounter).toHaveText('0');

  // Latin: Ильяс first and certain
  await desk.search.fill('Abzalov Ilyas');
  await expect(desk.results.first()).toContainText(ilyas);
  await page.keyboard.press('Enter');
  await expect(desk.banner).toContainText(`${ilyas} — прибытие отмечено`);
  await expect(desk.arrivedCounter).toHaveText('1');

  // the wrong layout: Ильяс again (already arrived), never Азамат
  await desk.search.pressSequentially(typedInWrongLayout('абзалов ильяс'));
  await expect(desk.results.first()).toContainText(ilyas);
  await page.screenshot({ path: 'test-results/screens/desk-abzalov-layout.png' });
  await page.keyboard.press('Enter');
  await expect(desk.banner).toContainText(`${ilyas} — уже отмечен в`);
  await expect(desk.banner).not.toContainText(azamat);
  await expect(desk.arrivedCounter).toHaveText('1');
  await desk.search.fill('абзалов азамат');
  await expect(desk.result(azamat)).toContainText('не отмечен');
});

test('a badge code typed by a scanner on the Russian layout checks in its owner', async ({ page }) => {
  const desk = new DeskPage(page);
  await desk.openWithDemo();
  const person = (await desk.someParticipants())[3]!;
  const typed = latinLayoutToCyrillic(person.badge); // the scanner's keys with the Russian layout on
  expect(typed).not.toBe(person.badge);
  await page.keyboard.type(`${typed}\n`, { delay: 8 });
  await expect(desk.banner).toContainText(`${person.name} — прибытие отмечено`);
  await expect(desk.arrivedCounter).toHaveText('1');
  await expect(desk.search).toHaveValue('');
});

test('namesakes: Enter selects nobody, the arrows pick one', async ({ page }) => {
  const desk = new DeskPage(page);
  await desk.openWithDemo();
  await addListedPeople(page, [
    { surname: 'Сафина', name: 'Алсу', patronymic: 'Ринатовна', badgeCode: badgeCodeFromSerial(90_011), phone: '+79171112233' },
    { surname: 'Сафина', name: 'Алсу', patronymic: 'Ринатовна', badgeCode: badgeCodeFromSerial(90_012), phone: '+79174445566' },
  ]);
  await page.reload();
  await expect(desk.search).toHaveAttribute('placeholder', /Фамилия/);
  await desk.search.fill('Сафина Алсу Ринатовна');
  await expect(desk.result('Сафина Алсу Ринатовна')).toHaveCount(2);
  await expect(desk.chooseHint).toBeVisible();
  // what tells them apart is on each line; pick the one whose phone ends in 55-66
  const rows = await desk.result('Сафина Алсу Ринатовна').allTextContents();
  const wanted = rows.findIndex((text) => text.includes('тел. …55-66'));
  expect(wanted).toBeGreaterThanOrEqual(0);
  expect(rows[1 - wanted]).toContain('тел. …22-33');
  await page.screenshot({ path: 'test-results/screens/desk-namesakes.png' });
  await page.keyboard.press('Enter');
  await expect(desk.arrivedCounter).toHaveText('0');
  for (let i = 0; i <= wanted; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(desk.banner).toContainText('Сафина Алсу Ринатовна — прибытие отмечено');
  await desk.search.fill('+7 917 444-55-66');
  await expect(desk.results.first()).toContainText('Прибыла ');
});

/** A listed person of the demo and their municipality, as the desk list shows it; the search left empty. */
async function someoneListed(desk: DeskPage) {
  await desk.openWithDemo();
  const person = (await desk.someParticipants())[1]!;
  await desk.search.fill(person.name);
  const municipality = await desk.resultMunicipality(person.name);
  await desk.search.fill('');
  return { person, municipality };
}

test('a walk-in duplicate by keyboard alone ends with the existing person checked in and no new person', async ({ page }) => {
  const desk = new DeskPage(page);
  const { person, municipality } = await someoneListed(desk);

  await page.keyboard.press('F2');
  const dialog = desk.walkInDialog;
  await expect(desk.walkInField('ФИО')).toBeFocused();
  await page.keyboard.type(person.name);
  await page.keyboard.press('Tab');
  await expect(desk.walkInField('Муниципалитет')).toBeFocused();
  await page.keyboard.type(municipality);
  await page.keyboard.press('Tab');
  await expect(desk.walkInField('Организация')).toBeFocused();
  await page.keyboard.type('Администрация');
  await page.keyboard.press('Tab');
  await expect(desk.walkInField('Телефон')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space'); // consent
  await expect(desk.alreadyListed).toContainText(person.name);
  await expect(desk.checkInListed(person.name)).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/desk-walk-in-duplicate.png' });
  await page.keyboard.press('Enter');

  await expect(dialog).toBeHidden();
  await expect(desk.banner).toContainText(`${person.name} — прибытие отмечено`);
  await expect(desk.arrivedCounter).toHaveText('1');
  await desk.search.fill(person.name);
  await expect(desk.result(person.name)).toHaveCount(1);
});

test('«Это другой человек» registers a namesake on purpose', async ({ page }) => {
  const desk = new DeskPage(page);
  const { person, municipality } = await someoneListed(desk);
  await page.keyboard.press('F2');
  const dialog = desk.walkInDialog;
  await page.keyboard.type(person.name);
  await page.keyboard.press('Tab');
  await page.keyboard.type(municipality);
  await desk.walkInConsent.check();
  await desk.registerNamesake();
  await expect(dialog).toBeHidden();
  await expect(desk.arrivedCounter).toHaveText('1');
  await desk.search.fill(person.name);
  await expect(desk.result(person.name)).toHaveCount(2);
  await expect(desk.result(person.name).first()).toContainText('тёзка');
});
