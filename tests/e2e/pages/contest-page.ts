import { expect, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { parseJurorPackage, type JurorPackage } from '../../../shared/contest';
import { AppPage, dismissStorageWarning } from './app-page';
import { fullNameIn, type NameCase } from '../../../shared/text/names';

/** «Абзалов Ильяс Винерович» in a case, as the screens put it after «эксперта», «эксперту». */
export const nameIn = (full: string, nameCase: NameCase) => {
  const [surname = '', name = '', patronymic = ''] = full.split(' ');
  return fullNameIn({ surname, name, patronymic }, nameCase);
};

export type FileBytes = { name: string; buffer: Buffer };
/** A sealed juror package as saved, with the access code the organizer's screen showed for it. */
export type PackageFile = FileBytes & { code: string };

/** A juror package's manifest, read with its access code as the juror's device reads it. */
export async function packageManifest(pkg: PackageFile): Promise<JurorPackage> {
  const parsed = await parseJurorPackage(new Uint8Array(pkg.buffer), pkg.code);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.package;
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
    await dismissStorageWarning(this.page);
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

  /** The organizer's dialog with a package's access code (after a download, or «Код доступа»). */
  get codeDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Код доступа к пакету эксперта/ });
  }

  /** «Скачать пакет эксперта» in the juror's row: the file saved, and the code the screen shows beside the juror's name (then «Готово»). */
  async downloadPackage(jurorName: string): Promise<PackageFile> {
    const file = await this.download(this.returnsRow(jurorName).first().getByRole('button', { name: 'Скачать пакет эксперта' }));
    await expect(this.codeDialog).toContainText(jurorName);
    const code = (await this.codeDialog.getByRole('status', { name: 'Код доступа' }).textContent())!.trim();
    await this.codeDialog.getByRole('button', { name: 'Готово' }).click();
    await expect(this.codeDialog).toBeHidden();
    return { ...file, code };
  }

  /** «Код доступа» in the juror's row: the dialog with the code of the package exported last. */
  async showCode(jurorName: string): Promise<string> {
    await this.returnsRow(jurorName).first().getByRole('button', { name: `Код доступа к пакету эксперта ${nameIn(jurorName, 'genitive')}` }).click();
    await expect(this.codeDialog).toBeVisible();
    return (await this.codeDialog.getByRole('status', { name: 'Код доступа' }).textContent())!.trim();
  }

  /** The juror's «Введите код доступа», shown when a sealed package is opened. */
  get codePrompt(): Locator {
    return this.page.getByRole('dialog', { name: 'Введите код доступа' });
  }

  /** Why the prompt refused the code typed. */
  get codePromptError(): Locator {
    return this.codePrompt.getByRole('alert');
  }

  /** Types a code into the prompt and submits it (the prompt may stay, for a wrong code). */
  async typeCode(code: string) {
    await this.codePrompt.getByLabel('Код доступа').fill(code);
    await this.codePrompt.getByRole('button', { name: 'Открыть пакет' }).click();
  }

  /** On the juror's device: picks the package with a button that opens the file dialog and types its code. */
  async openPackage(button: Locator, pkg: PackageFile) {
    await this.chooseFile(button, pkg, 'application/octet-stream');
    await this.typeCode(pkg.code);
    await expect(this.codePrompt).toBeHidden();
  }

  /** «Загрузить файл оценок…» on «Пакеты и оценки». */
  get scoreFileButton(): Locator {
    return this.page.getByRole('button', { name: 'Загрузить файл оценок…' });
  }

  async loadScoreFile(file: FileBytes) {
    await this.chooseFile(this.scoreFileButton, file);
  }

  /** The organizer's verdict on a loaded file, a status with the text given («принят», «отклонён» …). */
  fileVerdict(hasText: string | RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText });
  }

  async createFromTemplate() {
    await this.page.getByRole('button', { name: 'Создать конкурс по шаблону' }).click();
  }

  get applicationsTable(): Locator {
    return this.page.getByRole('table', { name: 'Заявки' });
  }

  /** On «Заявки»: «Загрузить заявки из таблицы…», the file, «Загрузить заявки (n)», «Допустить все поданные (n)». */
  async importApplications(file: FileBytes, count: number) {
    await this.chooseApplicationsFile(file);
    await this.loadApplications(count);
    await this.admitAll(count);
  }

  /** «Загрузить заявки из таблицы…» and the file: the dialog then shows what it read. */
  async chooseApplicationsFile(file: FileBytes) {
    await this.page.getByRole('button', { name: 'Загрузить заявки из таблицы…' }).click();
    await this.chooseFile(this.page.getByRole('button', { name: 'Выбрать файл…' }), file);
  }

  /** The rows of the applications file that cannot be loaded, with the reasons. */
  get applicationRowErrors(): Locator {
    return this.page.getByRole('list', { name: 'Ошибки в строках' });
  }

  async loadApplications(count: number) {
    await this.page.getByRole('button', { name: `Загрузить заявки (${count})` }).click();
  }

  async admitAll(count: number) {
    await this.page.getByRole('button', { name: `Допустить все поданные (${count})` }).click();
  }

  get applicationRows(): Locator {
    return this.applicationsTable.getByRole('row');
  }

  /** «Новая заявка»: title and status, then «Сохранить и приложить файлы» — the saved application's dialog stays open. */
  async newApplication(title: string, status: string) {
    await this.page.getByRole('button', { name: 'Новая заявка' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Новая заявка' });
    await dialog.getByLabel('Название проекта').fill(title);
    await dialog.getByLabel('Статус').selectOption(status);
    await dialog.getByRole('button', { name: 'Сохранить и приложить файлы' }).click();
  }

  /** The dialog of a saved application. */
  get applicationDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Заявка', exact: true });
  }

  /** «Приложить файл…» in the application's dialog. */
  async attach(file: FileBytes, mimeType: string) {
    await this.chooseFile(this.applicationDialog.getByRole('button', { name: 'Приложить файл…' }), file, mimeType);
  }

  /** An attached file in the application's dialog. */
  attachment(fileName: string): Locator {
    return this.applicationDialog.getByRole('button', { name: fileName, exact: true });
  }

  async saveApplication() {
    await this.applicationDialog.getByRole('button', { name: 'Сохранить', exact: true }).click();
  }

  get scoringMethod(): Locator {
    return this.page.getByLabel('Способ подсчёта итогового балла');
  }

  tabOf(name: string): Locator {
    return this.page.getByRole('tab', { name });
  }

  /** «Распределить заявки» on «Распределение». */
  async assign() {
    await this.page.getByRole('button', { name: 'Распределить заявки' }).click();
  }

  /** What the assignment reports (a status with the text given). */
  assignmentReport(hasText: string | RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText });
  }

  /** The line of a report (an assignment shortfall) about one application. */
  reportLine(report: Locator, hasText: string): Locator {
    return report.getByRole('listitem').filter({ hasText });
  }

  /** The name of the first juror whose assigned applications include `title` («Нагрузка экспертов»). */
  async jurorAssigned(title: string): Promise<string> {
    const loads = this.page.getByRole('list', { name: 'Нагрузка экспертов' });
    const card = loads.locator('> [role="listitem"]').filter({ has: this.page.locator('ul > li', { hasText: title }) }).first();
    return (await card.getAttribute('aria-label'))!;
  }

  /** «Листы эксперта <genitive>» in the juror's row: opens the table of the juror's sheets. */
  async openSheets(jurorName: string): Promise<Locator> {
    const name = `Листы эксперта ${nameIn(jurorName, 'genitive')}`;
    await this.returnsRow(jurorName).getByRole('button', { name }).click();
    return this.page.getByRole('table', { name });
  }

  /** A sheet's row in the juror's sheets table, by the application's title. */
  sheetRow(sheets: Locator, title: string): Locator {
    return sheets.getByRole('row').filter({ hasText: title });
  }

  /** «Вернуть на доработку…» of a sheet: the dialog asking why. */
  async startReturningSheet(sheetRow: Locator): Promise<Locator> {
    await sheetRow.getByRole('button', { name: 'Вернуть на доработку…' }).click();
    return this.returnSheetDialog;
  }

  get returnSheetDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Возврат листа на доработку' });
  }

  get returnReason(): Locator {
    return this.returnSheetDialog.getByLabel('Причина возврата');
  }

  get returnSheetError(): Locator {
    return this.returnSheetDialog.getByRole('alert');
  }

  async confirmReturnSheet() {
    await this.returnSheetDialog.getByRole('button', { name: 'Вернуть на доработку' }).click();
  }

  /** Admitted applications in the table. */
  get admitted(): Locator {
    return this.applicationsTable.getByText('допущена');
  }

  get minReviews(): Locator {
    return this.page.getByLabel('Экспертиз на заявку (минимум)');
  }

  /** «Добавить номинацию» and its title (the nomination at `index` of the form). */
  async addNomination(title: string, index: number) {
    await this.page.getByRole('button', { name: 'Добавить номинацию' }).click();
    await this.page.getByLabel('Название номинации').nth(index).fill(title);
  }

  /** «Сохранить настройки», confirmed by «Настройки конкурса сохранены.». */
  async saveSettings() {
    await this.page.getByRole('button', { name: 'Сохранить настройки' }).click();
    await expect(this.page.getByText('Настройки конкурса сохранены.')).toBeVisible();
  }

  /** A line of the contest's own text (a notice, a state). */
  message(text: string | RegExp): Locator {
    return this.page.getByText(text);
  }

  /** What the screen refuses or warns about. */
  get alert(): Locator {
    return this.page.getByRole('alert');
  }

  get jurorsTable(): Locator {
    return this.page.getByRole('table', { name: 'Эксперты' });
  }

  /** «Убрать эксперта <name>»: opens the removal dialog. */
  async startRemovingJuror(jurorName: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Убрать эксперта ${jurorName}` }).click();
    return this.removeJurorDialog;
  }

  get removeJurorDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Убрать эксперта из жюри' });
  }

  get removalReason(): Locator {
    return this.removeJurorDialog.getByLabel('Причина (попадёт в протокол)');
  }

  /** «Оставить …»: the removed juror's sheets stay counted. */
  get keepSheetsOption(): Locator {
    return this.removeJurorDialog.getByRole('radio', { name: /Оставить/ });
  }

  /** The removal dialog's confirming button («Убрать и исключить оценки», «Убрать, оценки оставить»). */
  removeButton(name: 'Убрать и исключить оценки' | 'Убрать, оценки оставить'): Locator {
    return this.removeJurorDialog.getByRole('button', { name });
  }

  /** «Скачать пакет эксперта» in the juror's row of «Пакеты и оценки». */
  packageButton(jurorName: string): Locator {
    return this.returnsRow(jurorName).getByRole('button', { name: 'Скачать пакет эксперта' });
  }

  returnsRow(jurorName: string): Locator {
    return this.page.getByRole('table', { name: 'Возвраты оценок' }).getByRole('row').filter({ hasText: jurorName });
  }
}
