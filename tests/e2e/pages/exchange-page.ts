import { expect, type Locator, type Page } from '@playwright/test';
import type { DeskPage } from './desk-page';

export type SavedFile = { name: string; buffer: Buffer };

async function download(page: Page, button: string): Promise<SavedFile> {
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const d = await pending;
  const { readFile } = await import('node:fs/promises');
  return { name: d.suggestedFilename(), buffer: await readFile(await d.path()) };
}

/** Saves an exchange file on `page` («Обмен» → «Сохранить файл обмена…») for `peer` (default: a full file). */
export async function saveExchangeFile(page: Page, peer: RegExp = /Полный файл/): Promise<SavedFile> {
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('button', { name: 'Обмен' }).click();
  const forWhom = page.getByRole('combobox', { name: 'Для кого' });
  await forWhom.selectOption((await forWhom.locator('option', { hasText: peer }).getAttribute('value')) ?? '');
  return download(page, 'Сохранить файл обмена…');
}

/** The organizer's «Обмен» → «Подключить устройство»: an enrolment file for one device of `role`. */
export async function saveEnrolmentFile(page: Page, role: 'Регистрация (стойка)' | 'Район' | 'Организатор', name: string): Promise<SavedFile> {
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('button', { name: 'Обмен' }).click();
  await page.getByRole('combobox', { name: 'Роль нового устройства' }).selectOption({ label: role });
  await page.getByLabel('Название устройства').fill(name);
  return download(page, 'Сохранить файл подключения…');
}

/** «Открыть файл обмена…» with `file`: the preview (or a refusal) follows. */
export async function chooseExchangeFile(page: Page, file: SavedFile) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Открыть файл обмена…' }).click();
  await (await chooser).setFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: file.buffer });
}

/** «Что в файле»: the preview of an opened exchange file. */
export function exchangePreview(page: Page): Locator {
  return page.getByLabel('Что в файле');
}

/** «Применить» of the preview. */
export function applyButton(page: Page): Locator {
  return exchangePreview(page).getByRole('button', { name: 'Применить' });
}

/** «Обмен» → «Открыть файл обмена…» with `file`: resolves to the preview «Что в файле». */
export async function openExchangeFile(page: Page, file: SavedFile): Promise<Locator> {
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('button', { name: 'Обмен' }).click();
  await chooseExchangeFile(page, file);
  return exchangePreview(page);
}

/** The note after «Применить» («Готово: …»). */
export function appliedNote(page: Page): Locator {
  return page.getByRole('status').filter({ hasText: 'Готово' });
}

/** Why «Обмен» refused a file. */
export function exchangeAlert(page: Page): Locator {
  return page.getByRole('alert');
}

/** An open conflict on «Обмен» whose text contains `hasText`. */
export function conflict(page: Page, hasText: string): Locator {
  return page.locator('.conflict').filter({ hasText });
}

/** «Выбрать другое» of a conflict. */
export async function chooseOther(conflictCard: Locator) {
  await conflictCard.getByRole('button', { name: /Выбрать другое/ }).click();
}

/** Form errors on the page (none after a resolved conflict). */
export function formErrors(page: Page): Locator {
  return page.locator('.form-error');
}

/** Opens an exchange file on `page`, checks the preview and applies it. */
export async function loadExchangeFile(page: Page, file: SavedFile, expectText: RegExp) {
  await chooseExchangeFile(page, file);
  const preview = exchangePreview(page);
  await expect(preview).toContainText(expectText);
  await applyButton(page).click();
  await expect(appliedNote(page)).toBeVisible();
}

/**
 * An empty device joins the event from its first-run screen with the organizer's enrolment file: it
 * sees the role the file was made for and what it will show, then connects and opens the event.
 */
export async function receiveEvent(desk: DeskPage, enrolment: SavedFile, role: RegExp = /Регистрация \(стойка\)/) {
  await desk.app.open();
  await desk.page.getByRole('button', { name: /Получить мероприятие из файла подключения/ }).click();
  await chooseExchangeFile(desk.page, enrolment);
  const offer = desk.page.getByLabel('Файл подключения');
  await expect(offer).toContainText(role);
  await expect(offer).toContainText(/Что будет видно/);
  await offer.getByRole('button', { name: 'Подключить это устройство' }).click();
  await expect(desk.page.getByRole('navigation', { name: 'Разделы' })).toBeVisible();
}
