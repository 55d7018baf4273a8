import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page';

/** Настройки → Резервные копии, as the organizer sees it. */
export class BackupsSection {
  constructor(readonly page: Page) {}

  async open() {
    await new AppPage(this.page).goTo('Настройки');
    await expect(this.section).toBeVisible();
  }

  get section(): Locator {
    return this.page.getByRole('region', { name: 'Резервные копии' });
  }

  async downloadFullCopy(): Promise<{ name: string; buffer: Buffer }> {
    const download = this.page.waitForEvent('download');
    await this.section.getByRole('button', { name: 'Скачать полную копию' }).click();
    const d = await download;
    return { name: d.suggestedFilename(), buffer: await readFile(await d.path()) };
  }

  /** The dialog of «Защитить резервные копии паролем…». */
  get passphraseDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Пароль для резервных копий' });
  }

  /** Types the passphrase and its repetition in the open dialog (the tick and the submit are the caller's). */
  async typePassphrase(first: string, second = first) {
    await this.passphraseDialog.getByLabel(/^Пароль\s*\*?$/).fill(first);
    await this.passphraseDialog.getByLabel(/^Пароль ещё раз/).fill(second);
  }

  /** «Защитить резервные копии паролем…»: opens the passphrase dialog. */
  async startProtecting() {
    await this.section.getByRole('button', { name: 'Защитить резервные копии паролем…' }).click();
  }

  /** «Пароль записан …» in the passphrase dialog. */
  get passphraseNoted(): Locator {
    return this.passphraseDialog.getByRole('checkbox', { name: /Пароль записан/ });
  }

  async submitPassphrase() {
    await this.passphraseDialog.getByRole('button', { name: 'Задать пароль' }).click();
  }

  get passphraseError(): Locator {
    return this.passphraseDialog.getByRole('alert');
  }

  /** The group «Пароль резервных копий» of the section. */
  get passphraseGroup(): Locator {
    return this.section.getByRole('group', { name: 'Пароль резервных копий' });
  }

  /** What the section reports («Копия создана», «Полная копия сохранена …»). */
  get status(): Locator {
    return this.section.getByRole('status');
  }

  /** What the section refuses («Это не резервная копия Схода» …). */
  get alert(): Locator {
    return this.section.getByRole('alert');
  }

  async createNow() {
    await this.section.getByRole('button', { name: 'Создать копию сейчас' }).click();
  }

  /** «Восстановить из файла…» of the section. */
  get restoreFromFileButton(): Locator {
    return this.section.getByRole('button', { name: 'Восстановить из файла…' });
  }

  /** A backup in the list, by its reason («Вручную», «Перед импортом …»). */
  row(reason: RegExp): Locator {
    return this.section.getByRole('row', { name: reason });
  }

  /** The size column of a backup's row. */
  size(row: Locator): Locator {
    return row.getByRole('cell').nth(2);
  }

  /** «Восстановить копию от …» of a row, or of the first backup in the list. */
  restoreButton(row?: Locator): Locator {
    return (row ?? this.section).getByRole('button', { name: /Восстановить копию от/ }).first();
  }

  get undoRestoreButton(): Locator {
    return this.section.getByRole('button', { name: 'Отменить восстановление' });
  }
}

/** «Восстановление из резервной копии»: the preview of a backup before it replaces the data. */
export class RestorePreview {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Восстановление из резервной копии' });
  }

  /** A table's counts: cell 0 is in the copy, cell 1 is now. */
  counts(table: RegExp): Locator {
    return this.dialog.getByRole('row', { name: table }).getByRole('cell');
  }

  button(name: 'Восстановить' | 'Отмена'): Locator {
    return this.dialog.getByRole('button', { name });
  }

  async restore() {
    await this.button('Восстановить').click();
  }

  /** Any dialog on the page (a refused file opens none). */
  get anyDialog(): Locator {
    return this.page.getByRole('dialog');
  }
}

/** The first-run screen's «Восстановить из резервной копии» (an empty profile). */
export function firstRunRestoreButton(page: Page): Locator {
  return page.getByRole('button', { name: /Восстановить из резервной копии/ });
}

/** The prompt's passphrase field and its «Открыть копию». */
export async function typeBackupPassphrase(prompt: Locator, passphrase: string) {
  await prompt.getByLabel('Пароль резервной копии').fill(passphrase);
  await prompt.getByRole('button', { name: 'Открыть копию' }).click();
}

/** The question a sealed backup asks before its preview. */
export function passphrasePrompt(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Копия защищена паролем' });
}

/** Picks `file` in the file dialog that `button` opens. */
export async function chooseFile(page: Page, button: Locator, file: { name: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser');
  await button.click();
  await (await chooser).setFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: file.buffer });
}

/** Why the passphrase prompt refused what was typed. */
export function passphrasePromptError(page: Page): Locator {
  return passphrasePrompt(page).getByRole('alert');
}
