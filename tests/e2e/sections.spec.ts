import { expect, test } from '@playwright/test';
import * as XLSX from 'xlsx';
import { DeskPage } from './pages/desk-page';
import { SectionsPage } from './pages/sections-page';

test('assigns the demo to sections, moves a person at the desk into a full section, and exports its list', async ({ page }) => {
  const desk = new DeskPage(page);
  await desk.openWithDemo();
  await desk.app.goTo('Секции');
  const sections = new SectionsPage(page);

  // make the fourth section small so that it fills up
  await expect(sections.columns).toHaveCount(4);
  const small = sections.column(3);
  await sections.edit(small);
  await sections.capacity.fill('5');
  await sections.saveEditor();
  await expect(sections.fill(small)).toHaveText('0 / 5');

  await sections.assignAutomatically();
  await expect(sections.report).toContainText('1-й выбор');
  const figures = await sections.figures();
  expect(figures.map(Number).reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
  await expect(sections.fill(small)).toHaveText('5 / 5');
  // someone placed in the first section
  const person = { name: await sections.firstMemberName(sections.column(0)) };
  await page.screenshot({ path: 'test-results/screens/sections-board.png', fullPage: true });

  // at the desk: check the person in and move them into the full section
  await desk.backToDesk();
  await desk.search.fill(person.name);
  await page.keyboard.press('Enter');
  await expect(desk.banner).toContainText('прибытие отмечено');
  const smallTitle = 'Молодёжные сообщества и инициативное бюджетирование';
  await expect(desk.pickedSection).toContainText('Социальное партнёрство');
  await desk.sectionPicker.selectOption({ label: (await desk.sectionOption(smallTitle).textContent())! });
  await expect(desk.bannerAlert).toContainText('Секция заполнена');
  await desk.bannerButton('Всё равно перевести').click();
  await expect(desk.sectionOption(smallTitle)).toContainText('(6 / 5)');
  await desk.bannerButton('Отметить вход в секцию').click();
  await expect(desk.bannerButton('Вход в секцию отмечен')).toBeDisabled();

  await desk.app.goTo('Секции');
  await expect(sections.fill(small)).toHaveText('6 / 5');
  await expect(sections.members(small)).toContainText(person.name);

  const wb = XLSX.read(await sections.downloadList(small), { type: 'buffer' });
  const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1 });
  expect(rows[3]).toEqual(['№', 'ФИО', 'Муниципалитет', 'Организация', 'Подпись']);
  expect(rows.slice(4).map((r) => r[1])).toContain(person.name);
  expect(rows.length - 4).toBe(6);

  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: 'test-results/screens/section-list.pdf', preferCSSPageSize: true });
});

test('moves a person between sections on the board by keyboard', async ({ page }) => {
  const desk = new DeskPage(page);
  await desk.openWithDemo();
  await desk.app.goTo('Секции');
  const sections = new SectionsPage(page);
  await sections.assignAutomatically();
  await expect(sections.report).toBeVisible();
  const first = sections.column(0);
  await expect(sections.fill(first)).not.toHaveText(/^0 \//);
  const before = await sections.fill(first).textContent();
  const chip = sections.firstChip(first);
  const name = await sections.chipName(chip).textContent();
  await chip.focus();
  await page.keyboard.press('Enter');
  const dialog = sections.moveDialog;
  // the person's own section is skipped: focus starts on the second, ↓ goes to the third, ↑↓ wrap around
  await expect(sections.moveTarget(/Комьюнити-менеджмент/)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(sections.moveTarget(/Молодёжные сообщества/)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(sections.moveTarget(/Соседские сообщества/)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(sections.members(sections.column(2))).toContainText(name!);
  const n = Number(before!.split('/')[0]);
  await expect(sections.fill(first)).toHaveText(`${n - 1} / 35`);
  // the focus follows the moved card into its new column, so the next move is one Enter away
  await expect(sections.focusedChip(sections.column(2))).toContainText(name!);
});

test('deleting a section asks in the app and needs the word typed', async ({ page }) => {
  const desk = new DeskPage(page);
  await desk.openWithDemo();
  await desk.app.goTo('Секции');
  const sections = new SectionsPage(page);
  const columns = sections.columns;
  await expect(columns).toHaveCount(4);
  await sections.edit(sections.column(3));
  const ask = await sections.startDelete();
  await expect(ask).toHaveAccessibleName(/Удалить секцию «Молодёжные сообщества/);
  await expect(ask).toContainText('останутся без секции');
  const confirm = sections.deleteButton;
  await expect(confirm).toBeDisabled();
  // Esc declines: nothing is deleted
  await page.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  await expect(columns).toHaveCount(4);

  await sections.startDelete();
  await sections.deleteWord.fill('Удалить');
  await confirm.click();
  await expect(columns).toHaveCount(3);
  await expect(sections.dialogs).toHaveCount(0);
});

test('the assignment summary and the columns tell one account, and those who chose nothing get the free seats', async ({ page }) => {
  const desk = new DeskPage(page);
  await desk.openWithDemo();
  await desk.app.goTo('Секции');
  const sections = new SectionsPage(page);
  await sections.assignAutomatically();
  const report = sections.report;
  await expect(report).toBeVisible();
  const tile = (caption: string) => sections.figure(caption);
  const freeFromColumns = async () => {
    const fills = await sections.fills.allTextContents();
    return fills.map((f) => f.split('/').map((x) => Number(x.trim()))).reduce((sum, [n, cap]) => sum + Math.max(0, cap! - n!), 0);
  };
  // the tile of free seats is the columns' own arithmetic
  // (both read on every poll: the columns may still be catching up with the assignment just applied)
  await expect.poll(async () => Number(await tile('свободных мест').textContent()) - (await freeFromColumns())).toBe(0);
  const without = Number(await tile('не выбрали секцию').textContent());
  const free = Number(await tile('свободных мест').textContent());
  expect(without).toBeGreaterThan(0);
  expect(free).toBeGreaterThan(0);
  await expect(report).toContainText(/не (выбрал|выбрали) ни одной секции/);
  await expect(report).not.toContainText('(а)');

  await sections.placeWithoutChoice();
  const placed = Math.min(without, free);
  await expect(tile('не выбрали секцию')).toHaveText(String(without - placed));
  await expect(tile('свободных мест')).toHaveText(String(free - placed));
  expect(await freeFromColumns()).toBe(free - placed);
});
