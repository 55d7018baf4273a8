import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import * as XLSX from 'xlsx';
import { ImportWizardPage } from './pages/import-page';
import { ParticipantsPage } from './pages/participants-page';

const collator = new Intl.Collator('ru', { sensitivity: 'base' });
const sorted = (xs: string[]) => [...xs].sort((a, b) => collator.compare(a, b));

async function download(page: Page, click: () => Promise<void>) {
  const pending = page.waitForEvent('download');
  await click();
  const d = await pending;
  const { readFile } = await import('node:fs/promises');
  return { name: d.suggestedFilename(), wb: XLSX.read(await readFile(await d.path()), { type: 'buffer' }) };
}

test('filters and sorts the participants with Russian collation, keyboard included', async ({ page }) => {
  const p = new ParticipantsPage(page);
  await p.openDemo();
  const total = await p.app.participantCount();

  await page.screenshot({ path: 'test-results/screens/participants-table.png' });
  const names = await p.column(0, 12);
  expect(names).toEqual(sorted(names));
  await expect(p.columnHeader('ФИО')).toHaveAttribute('aria-sort', 'ascending');
  await p.columnHeader('ФИО').getByRole('button').click();
  await expect(p.columnHeader('ФИО')).toHaveAttribute('aria-sort', 'descending');
  const desc = await p.column(0, 12);
  expect(desc).toEqual(sorted(desc).reverse());

  await p.columnHeader('Муниципалитет').getByRole('button').click();
  const munis = await p.column(1, 15);
  expect(munis).toEqual(sorted(munis));

  await p.filter('Роль').selectOption({ label: 'эксперт' });
  await expect(p.rows).toHaveCount(5);
  await expect(page.getByText('Показано: 5')).toBeVisible();
  await p.filter('Роль').selectOption('');

  await p.filter('Муниципалитет').selectOption({ label: 'г. Уфа' });
  for (const m of await p.column(1, 10)) expect(m).toBe('г. Уфа');
  await p.filter('Прибытие').selectOption({ label: 'Прибыли' });
  await expect(page.getByText('Никто не подходит под выбранные условия.')).toBeVisible();
  await page.getByRole('button', { name: 'Сбросить' }).click();
  expect(await p.app.participantCount()).toBe(total);

  // «/» jumps to the text filter; a surname prefix in any case finds the person
  const someone = (await p.column(0, 1))[0]!;
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('/');
  await expect(p.search).toBeFocused();
  await page.keyboard.type(someone.split(' ')[0]!.toUpperCase().slice(0, 6));
  await expect(p.row(someone)).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/participants-filtered.png' });

  // keyboard: into the rows, down, Enter opens the card
  const filtered = await p.rows.count();
  await p.search.fill('');
  // the whole list is back before the keyboard goes into it (a late re-render would drop the active row)
  await expect.poll(() => p.rows.count()).toBeGreaterThan(filtered);
  await p.table.getByRole('rowgroup').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(p.card()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(p.card()).toBeHidden();
});

test('edits a participant with validation: required names, phone to +7, e-mail, consent with date', async ({ page }) => {
  const p = new ParticipantsPage(page);
  await p.openDemo();
  const name = (await p.column(0, 3))[2]!;
  await p.row(name).click();
  const card = p.card();
  await expect(card).toBeVisible();
  await expect(card.getByLabel('Фамилия *')).toBeFocused();

  await card.getByLabel('Фамилия *').fill('');
  await card.getByLabel('Телефон').fill('8 917 000 11');
  await card.getByLabel('E-mail').fill('ivanov@');
  await card.getByRole('button', { name: 'Сохранить' }).click();
  await expect(card.getByText('Укажите фамилию')).toBeVisible();
  await expect(card.getByText(/Телефон не распознан/)).toBeVisible();
  await expect(card.getByText(/e-mail выглядит неверно/)).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/participant-card-errors.png' });

  await card.getByLabel('Фамилия *').fill('Проверкина');
  await card.getByLabel('Телефон').fill('8 917 000 11 22');
  await card.getByLabel('E-mail').focus(); // the phone is shown normalized when it loses focus
  await expect(card.getByLabel('Телефон')).toHaveValue('+7 917 000-11-22');
  await card.getByLabel('E-mail').fill('proverkina@mail.ru');
  await card.getByLabel('Организация').fill('=HYPERLINK("http://evil.example","нажми")');
  const consent = card.getByLabel('Согласие получено');
  if (!(await consent.isChecked())) await consent.check();
  await expect(card.getByLabel('Дата согласия *')).not.toHaveValue('');
  await page.keyboard.press('Enter');
  await expect(card).toBeHidden();

  const renamed = `Проверкина ${name.split(' ').slice(1).join(' ')}`.trim();
  await p.findByName(renamed);
  await p.row(renamed).click();
  await expect(p.card().getByLabel('Телефон')).toHaveValue('+7 917 000-11-22');
  await expect(p.card().getByLabel('E-mail')).toHaveValue('proverkina@mail.ru');
  await p.card().getByRole('button', { name: 'Отмена' }).click();

  // the exported list keeps a stranger's "formula" as text
  const { wb } = await download(page, () => page.getByRole('button', { name: 'Экспорт списка (xlsx)' }).click());
  const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['Участники']!, { header: 1 });
  const line = rows.find((r) => r[1] === renamed)!;
  expect(line[3]).toBe(`'=HYPERLINK("http://evil.example","нажми")`);
  expect(line[5]).toBe('8 917 000-11-22');
});

test('edits a delegation’s expected count and exports per-municipality lists', async ({ page }) => {
  const p = new ParticipantsPage(page);
  await p.openDemo();
  await p.showTab('Делегации');
  const ufa = p.delegation('г. Уфа');
  await expect(ufa).toBeVisible();
  const registered = Number(await ufa.getByRole('cell').nth(1).textContent());
  const expected = p.delegations().getByLabel('Ожидается: г. Уфа');
  await expected.fill('42');
  await page.keyboard.press('Enter');
  await page.screenshot({ path: 'test-results/screens/delegations-edit.png', fullPage: true });
  await page.reload();
  await p.showTab('Делегации');
  await expect(p.delegations().getByLabel('Ожидается: г. Уфа')).toHaveValue('42');

  const list = await download(page, () => ufa.getByRole('button', { name: 'Список xlsx: г. Уфа' }).click());
  expect(list.name).toBe('Участники — г. Уфа.xlsx');
  const rows = XLSX.utils.sheet_to_json<unknown[]>(list.wb.Sheets['Участники']!, { header: 1 });
  expect(rows.length - 3).toBe(registered);

  await p.showTab('Список');
  const all = await download(page, () => page.getByRole('button', { name: 'По муниципалитетам (xlsx)' }).click());
  expect(all.wb.SheetNames[0]).toBe('Сводка');
  expect(all.wb.SheetNames).toContain('г. Уфа');
  expect(all.wb.SheetNames).toContain('г. Сибай');
});

test('the participant card, the delegations view and the import wizard have no accessibility violations', async ({ page }) => {
  const violations = async () =>
    (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  const p = new ParticipantsPage(page);
  await p.openDemo();
  await p.rows.nth(1).click();
  await expect(p.card()).toBeVisible();
  expect(await violations(), 'карточка').toEqual([]);
  await p.card().getByRole('button', { name: 'Отмена' }).click();
  await p.showTab('Делегации');
  expect(await violations(), 'делегации').toEqual([]);
  await p.showTab('Список');
  const wizard = new ImportWizardPage(page);
  await wizard.open();
  expect(await violations(), 'импорт').toEqual([]);
});
