import { expect, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import type { FileBytes, PackageFile } from './contest-page';

/** The figures of a team's report, by their labels (the same words as the organizer's plan). */
export type ReportFigure = 'Вовлечено жителей' | 'Проведено мероприятий' | 'Добровольцев' | 'Привлечено средств, ₽' | 'People involved' | 'Events held' | 'Volunteers' | 'Funds raised, ₽';

/** The words of the team's screens this page object finds things by, in each interface language. */
const WORDS = {
  ru: {
    entry: /Я из команды проекта: открыть пакет отчёта/,
    prompt: 'Введите код доступа',
    code: 'Код доступа',
    wrongCode: /Код не подходит/,
    save: 'Сохранить файл отчёта',
    notSaved: /Отчёт не сохранён: исправьте \d пол/,
  },
  en: {
    entry: /I am on a project team: open a report package/,
    prompt: 'Enter the access code',
    code: 'Access code',
    wrongCode: /^The code does not fit this package\./,
    save: 'Save the report file',
    notSaved: /^The report was not saved: correct \d+ fields? marked below\.$/,
  },
} as const;

/**
 * A project team's device: the report package opened with its access code, the report form (figures,
 * milestones, the community, what was done, photos shrunk before they are stored) and the signed report
 * file saved by Ctrl+S.
 */
export class ProjectTeamPage {
  private readonly words: (typeof WORDS)[keyof typeof WORDS];

  /** `language`: the device's interface language (the stored setting it was opened with). */
  constructor(
    readonly page: Page,
    language: keyof typeof WORDS = 'ru',
  ) {
    this.words = WORDS[language];
  }

  /** The first-run screen's way in for a team. */
  get firstRunEntry(): Locator {
    return this.page.getByRole('button', { name: this.words.entry });
  }

  /** «Открыть новый пакет…» once a package is open. */
  get openNewPackageButton(): Locator {
    return this.page.getByRole('button', { name: 'Открыть новый пакет…' });
  }

  get codePrompt(): Locator {
    return this.page.getByRole('dialog', { name: this.words.prompt });
  }

  /** The package through `button`: the file, then (if `wrongFirst`) a wrong code refused, then the right one. */
  async openPackage(button: Locator, pkg: PackageFile, wrongFirst: boolean) {
    const chooser = this.page.waitForEvent('filechooser');
    await button.click();
    await (await chooser).setFiles({ name: pkg.name, mimeType: 'application/octet-stream', buffer: pkg.buffer });
    await expect(this.codePrompt).toBeVisible();
    if (wrongFirst) {
      await this.codePrompt.getByLabel(this.words.code).fill('AAAA-BBBB-CCCC-DDDD');
      await this.page.keyboard.press('Enter');
      await expect(this.codePrompt.getByText(this.words.wrongCode)).toBeVisible();
    }
    await this.codePrompt.getByLabel(this.words.code).fill(pkg.code);
    await this.page.keyboard.press('Enter');
    await expect(this.codePrompt).toBeHidden();
  }

  /** The project's title as the form's heading. */
  heading(title: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: title });
  }

  /** The header line with the round («Раунд 1»). */
  get round(): Locator {
    return this.page.locator('.jury-who');
  }

  kind(name: 'Промежуточный отчёт' | 'Итоговый отчёт' | 'Interim report' | 'Final report'): Locator {
    return this.page.getByRole('radio', { name });
  }

  /** A line of the form's own text (a plan hint, an accepted round, an error beside a field). */
  message(text: string | RegExp): Locator {
    return this.page.getByText(text);
  }

  figure(label: ReportFigure): Locator {
    return this.page.getByLabel(label);
  }

  /** A milestone of the plan in the form, by its title. */
  milestone(title: string): Locator {
    return this.page.getByRole('listitem').filter({ hasText: title });
  }

  milestoneState(milestone: Locator): Locator {
    return milestone.getByLabel('Состояние');
  }

  milestoneDone(milestone: Locator): Locator {
    return milestone.getByLabel('Дата выполнения');
  }

  get communityFounded(): Locator {
    return this.page.getByLabel('Сообщество создано');
  }

  get communityName(): Locator {
    return this.page.getByLabel(/Название сообщества/);
  }

  get whatWasDone(): Locator {
    return this.page.getByLabel(/Что сделано/);
  }

  async clickSave() {
    await this.page.getByRole('button', { name: this.words.save }).click();
  }

  /** «Отчёт не сохранён: исправьте …». */
  get notSaved(): Locator {
    return this.page.getByRole('alert').filter({ hasText: this.words.notSaved });
  }

  photo(fileName: string): Locator {
    return this.page.getByRole('img', { name: `Фотография «${fileName}»` });
  }

  /** «Приложено n из 10 …». */
  get photosStatus(): Locator {
    return this.page.getByRole('status', { name: 'Фотографии' });
  }

  /** «Добавить фотографии…» with one picture; the form notes it shrunk and shows it. */
  async addPhoto(name: string, png: Buffer) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Добавить фотографии…' }).click();
    await (await chooser).setFiles({ name: `${name}.png`, mimeType: 'image/png', buffer: png });
  }

  /** The note that a photo was shrunk: ««name.jpg» уменьшена с … МБ до … КБ». */
  shrunkNote(name: string): Locator {
    return this.page.getByText(new RegExp(`«${name}\\.jpg» уменьшена с [\\d,\\s ]+МБ до [\\d,\\s ]+КБ`));
  }

  /** «Сохранить файл отчёта» by Ctrl+S: the file's suggested name and bytes. */
  async saveByKeyboard(): Promise<FileBytes> {
    const download = this.page.waitForEvent('download');
    await this.page.keyboard.press('Control+S');
    const file = await download;
    return { name: file.suggestedFilename(), buffer: await readFile((await file.path())!) };
  }

  /** «Файл отчёта «…» сохранён». */
  get savedNote(): Locator {
    return this.page.getByRole('status').filter({ hasText: /Файл отчёта «.*» сохранён/ });
  }
}
