import { type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

/**
 * «Секции»: the board of section columns (fill, people as chips, edit, print list), the automatic
 * assignment and its summary, the move dialog, and the section editor with its typed-word delete.
 */
export class SectionsPage {
  constructor(readonly page: Page) {}

  get columns(): Locator {
    return this.page.locator('.section-column');
  }

  column(index: number): Locator {
    return this.columns.nth(index);
  }

  /** «n / capacity» of a column. */
  fill(column: Locator): Locator {
    return column.getByTestId('section-fill');
  }

  /** «n / capacity» of every column. */
  get fills(): Locator {
    return this.page.getByTestId('section-fill');
  }

  members(column: Locator): Locator {
    return column.getByRole('list', { name: /Участники секции/ });
  }

  /** The name on the first person's card in a column. */
  async firstMemberName(column: Locator): Promise<string> {
    return (await column.locator('.chip-name').first().textContent())!;
  }

  firstChip(column: Locator): Locator {
    return column.locator('.person-chip').first();
  }

  chipName(chip: Locator): Locator {
    return chip.locator('.chip-name');
  }

  /** The card that has the focus in a column. */
  focusedChip(column: Locator): Locator {
    return column.locator('.person-chip:focus');
  }

  /** «Изменить» on a column: the section's editor. */
  async edit(column: Locator): Promise<Locator> {
    await column.getByRole('button', { name: 'Изменить' }).click();
    return this.editor;
  }

  get editor(): Locator {
    return this.page.getByRole('dialog', { name: 'Секция' });
  }

  get capacity(): Locator {
    return this.editor.getByLabel('Вместимость');
  }

  async saveEditor() {
    await this.editor.getByRole('button', { name: 'Сохранить' }).click();
  }

  /** «Удалить секцию» in the editor: the confirmation that needs the word typed. */
  async startDelete(): Promise<Locator> {
    await this.editor.getByRole('button', { name: 'Удалить секцию' }).click();
    return this.deleteConfirmation;
  }

  get deleteConfirmation(): Locator {
    return this.page.getByRole('alertdialog', { name: /Удалить секцию «/ });
  }

  get deleteButton(): Locator {
    return this.deleteConfirmation.getByRole('button', { name: 'Удалить секцию' });
  }

  get deleteWord(): Locator {
    return this.deleteConfirmation.getByLabel(/Чтобы подтвердить/);
  }

  /** Every dialog open on the page. */
  get dialogs(): Locator {
    return this.page.getByRole('dialog');
  }

  async assignAutomatically() {
    await this.page.getByRole('button', { name: 'Распределить автоматически' }).click();
  }

  /** «Итоги распределения». */
  get report(): Locator {
    return this.page.getByRole('status', { name: 'Итоги распределения' });
  }

  /** Every figure of the summary, as shown. */
  async figures(): Promise<string[]> {
    return this.report.locator('.figure-value').allTextContents();
  }

  /** The figure of the summary with this caption («свободных мест», «не выбрали секцию»). */
  figure(caption: string): Locator {
    return this.report.locator('.figure', { has: this.page.locator('.figure-label', { hasText: caption }) }).locator('.figure-value');
  }

  async placeWithoutChoice() {
    await this.report.getByRole('button', { name: 'Разместить их на свободные места' }).click();
  }

  /** «Перевести в секцию» (Enter on a card). */
  get moveDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Перевести в секцию' });
  }

  moveTarget(title: RegExp): Locator {
    return this.moveDialog.getByRole('button', { name: title });
  }

  /** «Список для печати и Excel» of a column, then «Скачать Excel»: the workbook's bytes. */
  async downloadList(column: Locator): Promise<Buffer> {
    await column.getByRole('button', { name: 'Список для печати и Excel' }).click();
    const dialog = this.page.getByRole('dialog', { name: /Список секции/ });
    const download = this.page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Скачать Excel' }).click();
    return readFile(await (await download).path());
  }
}
