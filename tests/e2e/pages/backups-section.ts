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
