import { expect, test } from '@playwright/test';
import * as XLSX from 'xlsx';
import { readFile } from 'node:fs/promises';
import { DeskPage } from './pages/desk-page';

test('assigns the demo to sections, moves a person at the desk into a full section, and exports its list', async ({ page }) => {
  const desk = new DeskPage(page);
  await desk.openWithDemo();
  await desk.app.goTo('Секции');

  // make the fourth section small so that it fills up
  const columns = page.locator('.section-column');
  await expect(columns).toHaveCount(4);
  const small = columns.nth(3);
  await small.getByRole('button', { name: 'Изменить' }).click();
  const edit = page.getByRole('dialog', { name: 'Секция' });
  await edit.getByLabel('Вместимость').fill('5');
  await edit.getByRole('button', { name: 'Сохранить' }).click();
  await expect(small.getByTestId('section-fill')).toHaveText('0 / 5');

  await page.getByRole('button', { name: 'Распределить автоматически' }).click();
  const report = page.getByRole('status', { name: 'Итоги распределения' });
  await expect(report).toContainText('1-й выбор');
  const figures = await report.locator('.figure-value').allTextContents();
  expect(figures.map(Number).reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
  await expect(small.getByTestId('section-fill')).toHaveText('5 / 5');
  // someone placed in the first section
  const person = { name: (await columns.nth(0).locator('.chip-name').first().textContent())! };
  await page.screenshot({ path: 'test-results/screens/sections-board.png', fullPage: true });

  // at the desk: check the person in and move them into the full section
  await desk.app.nav.getByRole('button', { name: 'Регистрация' }).click();
  await desk.search.fill(person.name);
  await page.keyboard.press('Enter');
  await expect(desk.banner).toContainText('прибытие отмечено');
  const picker = desk.banner.getByLabel('Секция участника');
  const smallTitle = 'Молодёжные сообщества и инициативное бюджетирование';
  await expect(picker.locator('option:checked')).toContainText('Социальное партнёрство');
  const option = picker.locator('option', { hasText: smallTitle });
  await picker.selectOption({ label: (await option.textContent())! });
  await expect(desk.banner.getByRole('alert')).toContainText('Секция заполнена');
  await desk.banner.getByRole('button', { name: 'Всё равно перевести' }).click();
  await expect(picker.locator('option', { hasText: smallTitle })).toContainText('(6 / 5)');
  await desk.banner.getByRole('button', { name: 'Отметить вход в секцию' }).click();
  await expect(desk.banner.getByRole('button', { name: 'Вход в секцию отмечен' })).toBeDisabled();

  await desk.app.goTo('Секции');
  await expect(small.getByTestId('section-fill')).toHaveText('6 / 5');
  await expect(small.getByRole('list', { name: /Участники секции/ })).toContainText(person.name);

  await small.getByRole('button', { name: 'Список для печати и Excel' }).click();
  const dialog = page.getByRole('dialog', { name: /Список секции/ });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Скачать Excel' }).click();
  const file = await (await download).path();
  const wb = XLSX.read(await readFile(file), { type: 'buffer' });
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
  await page.getByRole('button', { name: 'Распределить автоматически' }).click();
  await expect(page.getByRole('status', { name: 'Итоги распределения' })).toBeVisible();
  const columns = page.locator('.section-column');
  const first = columns.nth(0);
  await expect(first.getByTestId('section-fill')).not.toHaveText(/^0 \//);
  const before = await first.getByTestId('section-fill').textContent();
  const chip = first.locator('.person-chip').first();
  const name = await chip.locator('.chip-name').textContent();
  await chip.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Перевести в секцию' });
  // the person's own section is skipped: focus starts on the second, ↓ goes to the third, ↑↓ wrap around
  await expect(dialog.getByRole('button', { name: /Комьюнити-менеджмент/ })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(dialog.getByRole('button', { name: /Молодёжные сообщества/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('button', { name: /Соседские сообщества/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(columns.nth(2).getByRole('list', { name: /Участники секции/ })).toContainText(name!);
  const n = Number(before!.split('/')[0]);
  await expect(first.getByTestId('section-fill')).toHaveText(`${n - 1} / 35`);
  // the focus follows the moved card into its new column, so the next move is one Enter away
  await expect(columns.nth(2).locator('.person-chip:focus')).toContainText(name!);
});

test('deleting a section asks in the app and needs the word typed', async ({ page }) => {
  const desk = new DeskPage(page);
  await desk.openWithDemo();
  await desk.app.goTo('Секции');
  const columns = page.locator('.section-column');
  await expect(columns).toHaveCount(4);
  await columns.nth(3).getByRole('button', { name: 'Изменить' }).click();
  await page.getByRole('dialog', { name: 'Секция' }).getByRole('button', { name: 'Удалить секцию' }).click();
  const ask = page.getByRole('alertdialog', { name: /Удалить секцию «Молодёжные сообщества/ });
  await expect(ask).toContainText('останутся без секции');
  const confirm = ask.getByRole('button', { name: 'Удалить секцию' });
  await expect(confirm).toBeDisabled();
  // Esc declines: nothing is deleted
  await page.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  await expect(columns).toHaveCount(4);

  await page.getByRole('dialog', { name: 'Секция' }).getByRole('button', { name: 'Удалить секцию' }).click();
  await ask.getByLabel(/Чтобы подтвердить/).fill('Удалить');
  await confirm.click();
  await expect(columns).toHaveCount(3);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('the assignment summary and the columns tell one account, and those who chose nothing get the free seats', async ({ page }) => {
  const desk = new DeskPage(page);
  await desk.openWithDemo();
  await desk.app.goTo('Секции');
  await page.getByRole('button', { name: 'Распределить автоматически' }).click();
  const report = page.getByRole('status', { name: 'Итоги распределения' });
  await expect(report).toBeVisible();
  const tile = (label: string) => report.locator('.figure', { has: page.locator('.figure-label', { hasText: label }) }).locator('.figure-value');
  const freeFromColumns = async () => {
    const fills = await page.getByTestId('section-fill').allTextContents();
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

  await report.getByRole('button', { name: 'Разместить их на свободные места' }).click();
  const placed = Math.min(without, free);
  await expect(tile('не выбрали секцию')).toHaveText(String(without - placed));
  await expect(tile('свободных мест')).toHaveText(String(free - placed));
  expect(await freeFromColumns()).toBe(free - placed);
});
