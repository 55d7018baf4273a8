import type { Locator, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

/** «Отчёты»: the organizer's dashboard (figures, summary, chart, contest progress) and its print dialogs. */
export class ReportsPage {
  constructor(readonly page: Page) {}

  /** The value of a dashboard figure by its caption («прибыло», «зарегистрировано»), exact or a pattern. */
  kpi(caption: string | RegExp, within: Locator | Page = this.page): Locator {
    const label = typeof caption === 'string' ? this.page.getByText(caption, { exact: true }) : this.page.getByText(caption);
    return within.locator('.kpi').filter({ has: label }).locator('.kpi-value');
  }

  /** The contest's progress block («Конкурс: …»). */
  get contestProgress(): Locator {
    return this.page.getByRole('region', { name: /Конкурс:/ });
  }

  get summary(): Locator {
    return this.page.getByTestId('event-summary');
  }

  get arrivalsChart(): Locator {
    return this.page.getByRole('img', { name: /ожидалось и прибыло по муниципалитетам/ });
  }

  /** «Скачать Excel» of the dashboard (or of a dialog, with `within`): the saved workbook's bytes. */
  async downloadExcel(within: Locator | Page = this.page): Promise<Buffer> {
    const download = this.page.waitForEvent('download');
    await within.getByRole('button', { name: 'Скачать Excel' }).click();
    return readFile(await (await download).path());
  }

  /** «Сертификаты участников…»: the dialog of certificates for those who arrived (its name counts them). */
  async openCertificates(count: number): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Сертификаты участников…' }).click();
    return this.page.getByRole('dialog', { name: `Сертификаты участников: ${count}` });
  }

  /** The certificates in their dialog, one article each. */
  certificates(dialog: Locator): Locator {
    return dialog.getByRole('article');
  }

  async closeDialog(dialog: Locator) {
    await dialog.getByRole('button', { name: 'Закрыть' }).click();
  }

  /** «Отчёт для района…». */
  async openDistrictReport(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Отчёт для района…' }).click();
    return this.districtDialog;
  }

  get districtDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Отчёт для района' });
  }

  get districtSelect(): Locator {
    return this.districtDialog.getByLabel('Муниципалитет');
  }

  /** The options of the district select, minus «Все — …». */
  async districtCount(): Promise<number> {
    return (await this.districtSelect.locator('option').count()) - 1;
  }

  /** The winners' projects of the chosen municipality in its report. */
  get districtProjects(): Locator {
    return this.districtDialog.getByRole('table', { name: 'Проекты победителей' }).first();
  }

  /** The contest's table (with its «Номинация» column) in the district report. */
  get districtScores(): Locator {
    return this.districtDialog.getByRole('table').filter({ hasText: 'Номинация' }).first();
  }

  get districtHeading(): Locator {
    return this.districtDialog.locator('.district-report h1');
  }
}
