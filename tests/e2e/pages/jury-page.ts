import { expect, type Locator, type Page } from '@playwright/test';
import { ContestPage, type FileBytes, type PackageFile } from './contest-page';

/**
 * The juror's device in «Режим эксперта»: the package prompt, one application's score sheet at a time
 * (score fields, comment, total, «Завершить»), the list of applications, the signed score file. Built
 * on ContestPage for its file helpers and the access-code prompt.
 */
export class JuryPage extends ContestPage {
  constructor(page: Page) {
    super(page);
  }

  get modeHeading(): Locator {
    return this.page.getByRole('heading', { name: 'Режим эксперта' });
  }

  /** «Открыть пакет эксперта…» of the juror mode's start screen. */
  get openPackageButton(): Locator {
    return this.page.getByRole('button', { name: 'Открыть пакет эксперта…' });
  }

  /** The first-run screen's way in for a juror. */
  get firstRunEntry(): Locator {
    return this.page.getByRole('button', { name: /Я эксперт: открыть пакет эксперта/ });
  }

  /** «Открыть новый пакет…» once a package is open. */
  get openNewPackageButton(): Locator {
    return this.page.getByRole('button', { name: 'Открыть новый пакет…' });
  }

  /** «Завершено N из M». */
  get progress(): Locator {
    return this.page.getByRole('status', { name: 'Прогресс' });
  }

  /** The application on the sheet (its title is the page's heading). */
  get sheetTitle(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** Whose package is open: the juror's name in the header. */
  get who(): Locator {
    return this.page.locator('.jury-who');
  }

  /** The sheet's score fields, in criterion order. */
  get scoreInputs(): Locator {
    return this.page.locator('.score-input');
  }

  /** The criteria of the sheet, one list item each (with its band buttons). */
  get criteria(): Locator {
    return this.page.locator('.criteria-sheet > li');
  }

  /** A band button of the criterion at `index`: the lowest band or the highest. */
  band(index: number, which: 'first' | 'last'): Locator {
    return this.criteria.nth(index).locator('.band-hints button')[which]();
  }

  /** The lowest score of a band button («6–7» → «6»). */
  async bandValue(band: Locator): Promise<string> {
    return (await band.locator('strong').textContent())!.split('–')[0]!;
  }

  /** The error beside the criterion at `index`. */
  fieldError(index: number): Locator {
    return this.criteria.nth(index).getByRole('alert');
  }

  /** «Лист нельзя завершить» and its list of reasons. */
  get cannotFinish(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'Лист нельзя завершить' });
  }

  get cannotFinishReasons(): Locator {
    return this.cannotFinish.getByRole('listitem');
  }

  get comment(): Locator {
    return this.page.getByLabel(/Обоснование оценки/);
  }

  get total(): Locator {
    return this.page.getByTestId('sheet-total');
  }

  /** «Сохранено» after a keystroke. */
  get saved(): Locator {
    return this.page.getByText('Сохранено');
  }

  /** «Лист завершён и заблокирован». */
  get finished(): Locator {
    return this.page.getByText('Лист завершён и заблокирован');
  }

  get finishButton(): Locator {
    return this.page.getByRole('button', { name: 'Завершить' });
  }

  /** Why the sheet cannot be finished, or another problem the sheet reports. */
  get problem(): Locator {
    return this.page.getByRole('alert');
  }

  /** The note of a sheet the organizer returned for rework. */
  get returnedNote(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'Организатор вернул лист на доработку' });
  }

  /** The asking dialog when another juror's package is opened over this one. */
  get switchDialog(): Locator {
    return this.page.getByRole('alertdialog', { name: 'Открыть другой пакет?' });
  }

  /** «Открыть пакет <name>» in the switch dialog. */
  switchTo(jurorName: string): Locator {
    return this.switchDialog.getByRole('button', { name: `Открыть пакет ${jurorName}` });
  }

  /** Opens «Другие пакеты (n)» and picks the package of `jurorName`. */
  async reopenOther(count: number, jurorName: string) {
    await this.page.getByText(`Другие пакеты (${count})`).click();
    await this.page.getByRole('button', { name: new RegExp(`^${jurorName}`) }).click();
  }

  /** The application in the sheet list, by (part of) its title. */
  application(title: string | RegExp): Locator {
    return this.page.getByRole('navigation', { name: 'Заявки для оценки' }).getByRole('button', { name: title });
  }

  get attachments(): Locator {
    return this.page.getByRole('list', { name: 'Файлы заявки' });
  }

  attachmentImage(fileName: string): Locator {
    return this.page.getByRole('img', { name: `Файл заявки «${fileName}»` });
  }

  /** «Посмотреть «name»» of one attachment (a picture opens in the app). */
  viewAttachmentButton(fileName: string | RegExp): Locator {
    return this.attachments.getByRole('button', { name: typeof fileName === 'string' ? `Посмотреть «${fileName}»` : fileName });
  }

  /** «Сохранить на компьютер «name»» of one attachment. */
  saveAttachmentButton(fileName: string): Locator {
    return this.attachments.getByRole('button', { name: `Сохранить на компьютер «${fileName}»` });
  }

  async finish() {
    await this.finishButton.click();
  }

  async next() {
    await this.page.getByRole('button', { name: 'Следующая заявка →' }).click();
  }

  /** «Сохранить файл оценок»: the signed score file as saved. */
  async saveScoreFile(): Promise<FileBytes> {
    return this.download(this.page.getByRole('button', { name: 'Сохранить файл оценок' }));
  }

  /** «К мероприятиям» of a juror device: to its settings. */
  async toEvents() {
    await this.page.getByRole('button', { name: 'К мероприятиям' }).click();
  }

  async exit() {
    await this.page.getByRole('button', { name: 'Выйти из режима эксперта' }).click();
  }

  /** Goes to the juror mode (`#jury`) and opens the package with its code. */
  async openFromJuryMode(pkg: PackageFile) {
    await this.page.goto('/#jury');
    await this.openPackage(this.openPackageButton, pkg);
  }

  /** Types the values into the sheet's fields from the focused one on, Tab after each. */
  async typeScores(values: readonly string[]) {
    for (const v of values) {
      await this.page.keyboard.type(v);
      await this.page.keyboard.press('Tab');
    }
  }

  /** Finishes the sheet and waits for it to lock. */
  async finishSheet() {
    await this.finish();
    await expect(this.finished).toBeVisible();
  }
}
