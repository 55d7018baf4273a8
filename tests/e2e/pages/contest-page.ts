import { expect, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { AppPage } from './app-page';

export type FileBytes = { name: string; buffer: Buffer };

type Manifest = { applications: Array<{ id: string; title: string; attachments: Array<{ name: string }> }>; reopens?: Array<{ applicationId: string; reason: string }> };

/** A juror package's manifest: its first line (the attachment bytes follow it). */
export function packageManifest(buffer: Buffer): Manifest {
  const nl = buffer.indexOf(0x0a);
  return JSON.parse(buffer.subarray(0, nl < 0 ? buffer.length : nl).toString('utf8')) as Manifest;
}

/** The Конкурс area as the organizer sees it. */
export class ContestPage {
  readonly app: AppPage;
  readonly panel: Locator;

  constructor(readonly page: Page) {
    this.app = new AppPage(page);
    this.panel = page.getByRole('tabpanel');
  }

  /**
   * A browser without persistent storage shows a dismissable warning fixed at the bottom right, over
   * the sheet's «Завершить» and the list's last buttons; a user reads it and hides it, so does this.
   */
  async hideStorageWarning() {
    await this.page.addLocatorHandler(this.page.getByRole('complementary', { name: 'Предупреждение о хранении данных' }), async (banner) => {
      await banner.getByRole('button', { name: 'Понятно, скрыть' }).click();
    });
  }

  async openOnDemo() {
    await this.app.open();
    await this.app.openDemoButton.click();
    await this.app.goTo('Конкурс');
  }

  async tab(name: 'Настройка' | 'Заявки' | 'Эксперты и конфликты' | 'Распределение' | 'Пакеты и оценки' | 'Итоги') {
    await this.page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  }

  /** Clicks a button that opens the file dialog and gives it the file. */
  async chooseFile(button: Locator, file: FileBytes, mimeType = 'application/octet-stream') {
    const chooser = this.page.waitForEvent('filechooser');
    await button.click();
    await (await chooser).setFiles({ name: file.name, mimeType, buffer: file.buffer });
  }

  /** Clicks a button that saves a file and returns what was saved. */
  async download(button: Locator): Promise<FileBytes> {
    const pending = this.page.waitForEvent('download');
    await button.click();
    const d = await pending;
    return { name: d.suggestedFilename(), buffer: await readFile(await d.path()) };
  }

  /** The participants the «Добавить эксперта» field suggests, as its options read. */
  async jurorCandidates(count: number): Promise<string[]> {
    const options = this.page.locator('#contest-juror-candidates option');
    await expect(options.first()).toBeAttached();
    const values: string[] = [];
    for (let i = 0; i < count; i++) values.push((await options.nth(i * 7).getAttribute('value')) ?? '');
    return values;
  }

  async addJuror(label: string) {
    await this.page.getByLabel('Участник', { exact: true }).fill(label);
    await this.page.keyboard.press('Enter');
    await expect(this.page.getByRole('table', { name: 'Эксперты' })).toContainText(label.split(' — ')[0]!);
  }

  /** «Открыть приём оценок…» on «Настройка», confirmed in its dialog (which lists what gets locked). */
  async openScoring() {
    await this.tab('Настройка');
    await this.page.getByRole('button', { name: 'Открыть приём оценок…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Открыть приём оценок' });
    await expect(dialog).toContainText('Способ подсчёта');
    await dialog.getByRole('button', { name: 'Открыть приём оценок' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.page.getByText(/Приём оценок открыт/).first()).toBeVisible();
  }

  /** «Закрыть приём оценок…» on «Настройка», confirmed. */
  async closeScoring() {
    await this.tab('Настройка');
    await this.page.getByRole('button', { name: 'Закрыть приём оценок…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Закрыть приём оценок' });
    await dialog.getByRole('button', { name: 'Закрыть приём оценок' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.page.getByText(/Приём оценок закрыт\. Итоги окончательные/)).toBeVisible();
  }

  returnsRow(jurorName: string): Locator {
    return this.page.getByRole('table', { name: 'Возвраты оценок' }).getByRole('row').filter({ hasText: jurorName });
  }
}
