import { expect, type Locator, type Page } from '@playwright/test';

const MIME: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  csv: 'text/csv',
};

/** The import wizard dialog, step by step. */
export class ImportWizardPage {
  readonly dialog: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Импорт участников из таблицы' });
    this.alert = this.dialog.locator('.import-error');
  }

  /**
   * Counts the requests the page sends to its workers, by kind ('read', 'analyze'), from the next page
   * load on: what the wizard asks its parse worker, observed from outside the app.
   */
  async watchWorkerRequests() {
    await this.page.addInitScript(() => {
      const counts: Record<string, number> = {};
      (window as unknown as { __workerRequests: Record<string, number> }).__workerRequests = counts;
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: [StructuredSerializeOptions?]) {
        const kind = (message as { kind?: unknown } | null)?.kind;
        if (typeof kind === 'string') counts[kind] = (counts[kind] ?? 0) + 1;
        return post.call(this, message, ...(rest as [StructuredSerializeOptions]));
      } as Worker['postMessage'];
    });
  }

  workerRequests(kind: 'read' | 'analyze'): Promise<number> {
    return this.page.evaluate((k) => (window as unknown as { __workerRequests?: Record<string, number> }).__workerRequests?.[k] ?? 0, kind);
  }

  async open() {
    await this.page.getByRole('button', { name: 'Импорт из Excel…' }).click();
    await expect(this.dialog).toBeVisible();
    await expect(this.button('Выбрать файл…')).toBeFocused();
  }

  button(name: string): Locator {
    return this.dialog.getByRole('button', { name, exact: true });
  }

  /** Picks a file through the (browser bridge's) file dialog. */
  async chooseFile(name: string, bytes: Uint8Array) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.button('Выбрать файл…').click();
    await (await chooser).setFiles({ name, mimeType: MIME[name.split('.').pop()!] ?? 'application/octet-stream', buffer: Buffer.from(bytes) });
  }

  async expectStep(name: 'Выбор файла' | 'Лист и столбцы' | 'Проверка строк' | 'Дубликаты' | 'Импорт' | 'Отчёт об импорте') {
    await expect(this.dialog.locator(`section[aria-label="${name}"]`)).toBeVisible({ timeout: 30_000 });
  }

  column(field: string): Locator {
    return this.dialog.getByLabel(`Столбец для поля «${field}»`);
  }

  fixed(field: string): Locator {
    return this.dialog.getByLabel(`Одно значение поля «${field}» для всего листа`);
  }

  decision(row: number): Locator {
    return this.dialog.getByLabel(`Решение для строки ${row}`);
  }

  /** The preview's rows (virtualized: the ones on screen). */
  previewItems(): Locator {
    return this.dialog.getByRole('list', { name: 'Строки файла' }).getByRole('listitem');
  }

  summary(): Locator {
    return this.dialog.locator('.import-summary');
  }

  count(label: string): Locator {
    return this.dialog.locator('.import-counts .figure').filter({ has: this.page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd');
  }

  /** The figure as a number: the wizard groups digits the Russian way («10 000», a no-break space). */
  async countValue(label: string): Promise<number> {
    return Number((await this.count(label).textContent())?.replace(/\s/g, ''));
  }

  /** A step's section, e.g. to see whether «Дубликаты» came up. */
  step(name: 'Выбор файла' | 'Лист и столбцы' | 'Проверка строк' | 'Дубликаты' | 'Импорт' | 'Отчёт об импорте'): Locator {
    return this.dialog.locator(`section[aria-label="${name}"]`);
  }

  /** «Далее» (or `name`) again when the «Дубликаты» step came up: a list without duplicates skips it. */
  async passDuplicates(name: 'Далее' | 'Назад' = 'Далее') {
    if (await this.step('Дубликаты').isVisible()) await this.button(name).click();
  }

  /** The sample values shown under a field's column choice. */
  sample(field: string): Locator {
    return this.dialog.locator('.sample-field', { hasText: field });
  }

  /** A view of the preview («Все», «Изменения», «Ошибки»). */
  view(name: RegExp): Locator {
    return this.dialog.getByRole('radio', { name });
  }

  /** A line of the wizard's own text. */
  message(text: string | RegExp, options?: { exact?: boolean }): Locator {
    return this.dialog.getByText(text, options);
  }

  /** «Отменить регистрацию: <name>» of someone the district's list left out. */
  cancelRegistration(name: string): Locator {
    return this.dialog.getByRole('checkbox', { name: new RegExp(`Отменить регистрацию: ${name}`) });
  }

  /** «Муниципалитет для всего файла». */
  get wholeFileMunicipality(): Locator {
    return this.dialog.getByLabel('Муниципалитет для всего файла', { exact: true });
  }

  /** The category to use for a value the wizard does not know. */
  categoryFor(value: string): Locator {
    return this.dialog.getByLabel(`Категория для «${value}»`);
  }

  /** What stops the import on its last step. */
  get finishWarning(): Locator {
    return this.dialog.getByRole('alert');
  }

  get progress(): Locator {
    return this.dialog.locator('progress');
  }

  async closeWithoutImport() {
    await this.dialog.getByRole('button', { name: 'Закрыть без импорта' }).click();
  }

  async screenshot(name: string) {
    await this.page.screenshot({ path: `test-results/screens/${name}.png` });
  }
}
