import { expect, test } from '@playwright/test';
import { DeskPage, typedInWrongLayout } from './pages/desk-page';

test('checks in a delegate found by a wrong-layout query, and the arrival survives a reload', async ({ page }) => {
  const desk = new DeskPage(page);
  await desk.openWithDemo();
  const [person] = await desk.someParticipants();
  const [surname, name] = person!.name.split(' ');

  await desk.search.pressSequentially(typedInWrongLayout(`${surname} ${name}`));
  await expect(desk.results.first()).toContainText(person!.name);
  await expect(desk.results.first()).toContainText('не отмечен');
  await page.keyboard.press('Enter');
  await expect(desk.banner).toContainText(`${person!.name} — прибытие отмечено`);
  await expect(desk.arrivedCounter).toHaveText('1');
  await expect(desk.search).toBeFocused();
  await page.screenshot({ path: 'test-results/screens/desk-checked-in.png' });

  await page.reload();
  await expect(desk.search).toBeFocused();
  await desk.search.fill(surname!);
  await expect(desk.result(person!.name)).toContainText('Прибыл(а)');
  await expect(desk.result(person!.name)).toContainText('Гульнара Р.');
  await expect(desk.arrivedCounter).toHaveText('1');
  await page.screenshot({ path: 'test-results/screens/desk-results.png' });
});

test('a second Enter does not create a second arrival, and undo needs a reason', async ({ page }) => {
  const desk = new DeskPage(page);
  await desk.openWithDemo();
  const [person] = await desk.someParticipants();
  await desk.search.fill(person!.name);
  await page.keyboard.press('Enter');
  await expect(desk.arrivedCounter).toHaveText('1');

  await desk.search.fill(person!.name);
  await page.keyboard.press('Enter');
  await expect(desk.banner).toContainText('уже отмечен(а)');
  await expect(desk.arrivedCounter).toHaveText('1');

  await desk.banner.getByRole('button', { name: 'Отменить отметку…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Отменить отметку о прибытии' });
  await dialog.getByRole('button', { name: 'Отменить отметку' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Укажите причину');
  await expect(desk.arrivedCounter).toHaveText('1');
  await dialog.getByLabel('Причина').fill('Отметили по ошибке');
  await dialog.getByRole('button', { name: 'Отменить отметку' }).click();
  await expect(desk.banner).toContainText('отметка о прибытии отменена');
  await expect(desk.arrivedCounter).toHaveText('0');
  await expect(desk.search).toBeFocused();
});

test('registers and checks in a walk-in by keyboard alone', async ({ page }) => {
  const desk = new DeskPage(page);
  await desk.openWithDemo();
  await page.keyboard.press('F2');
  const dialog = page.getByRole('dialog', { name: 'Новый участник' });
  await expect(dialog.getByLabel('ФИО')).toBeFocused();
  await page.keyboard.type('Кутлугильдина Гузель Ринатовна');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Бирский район');
  await page.keyboard.press('Tab');
  await page.keyboard.type('ТОС «Соседи»');
  await page.keyboard.press('Tab');
  await page.keyboard.type('председатель');
  await page.keyboard.press('Tab');
  await page.keyboard.type('8 (917) 345-67-89');
  await page.keyboard.press('Tab'); // category
  await page.keyboard.press('Tab'); // consent
  await page.keyboard.press('Space');
  await page.screenshot({ path: 'test-results/screens/desk-walk-in.png' });
  await page.keyboard.press('Enter');

  await expect(dialog).toBeHidden();
  await expect(desk.banner).toContainText('Кутлугильдина Гузель Ринатовна — прибытие отмечено');
  await expect(desk.arrivedCounter).toHaveText('1');
  await desk.search.fill('кутлугильд');
  await expect(desk.result('Кутлугильдина Гузель Ринатовна')).toContainText('Прибыл(а)');
  await expect(desk.result('Кутлугильдина Гузель Ринатовна')).toContainText('Бирский район');

  // the desk starts from its cached index and replays what changed since: the walk-in is there
  await page.reload();
  await desk.search.fill('кутлугильдина г');
  await expect(desk.result('Кутлугильдина Гузель Ринатовна')).toContainText('Прибыл(а)');
});

test('a badge code typed as a scanner burst checks the person in directly', async ({ page }) => {
  const desk = new DeskPage(page);
  await desk.openWithDemo();
  const people = await desk.someParticipants();
  const person = people[2]!;
  await page.keyboard.type(`${person.badge}\n`, { delay: 8 });
  await expect(desk.banner).toContainText(`${person.name} — прибытие отмечено`);
  await expect(desk.arrivedCounter).toHaveText('1');
  await expect(desk.search).toHaveValue('');
});

test('prints a batch of badges as an A4 PDF, 8 per page', async ({ page }) => {
  const desk = new DeskPage(page);
  await desk.openWithDemo();
  await page.getByRole('button', { name: 'Бейджи…' }).click();
  const dialog = page.getByRole('dialog', { name: /Бейджи: \d+/ });
  await expect(dialog.locator('.badge').first()).toBeVisible();
  const count = Number((await dialog.getByRole('heading').textContent())!.match(/\d+/)![0]);
  expect(count).toBe(120);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ path: 'test-results/screens/badges.pdf', preferCSSPageSize: true, printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBe(Math.ceil(count / 8));
});
