/**
 * «Проекты» as the organizer uses it, and the team's side done the way a team's device does it: the
 * package opened with its access code (shared/projects/report-package.ts) and a report file signed by a
 * fresh device key (shared/projects/report-file.ts) — the same functions the app runs.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { openReportPackage, type ReportPackage } from '../../../shared/projects/report-package';
import { writeReportFile, type Photo, type ReportContent } from '../../../shared/projects/report-file';
import { createSigner, generateDeviceKeys } from '../../../shared/sync/signing';
import type { ContestPage, FileBytes, PackageFile } from './contest-page';

export class ProjectsPage {
  constructor(
    readonly page: Page,
    readonly org: ContestPage,
  ) {}

  async open() {
    await this.page.getByRole('navigation', { name: 'Разделы' }).getByRole('button', { name: 'Проекты' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Проекты' })).toBeVisible();
  }

  async tab(name: 'Проекты' | 'Отчёты' | 'Мониторинг') {
    await this.page.getByRole('tab', { name }).click();
  }

  get list(): Locator {
    return this.page.getByRole('table', { name: 'Проекты' });
  }

  row(title: string): Locator {
    return this.list.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: title }) });
  }

  get status(): Locator {
    return this.page.locator('.page-projects > p[role="status"]');
  }

  get alert(): Locator {
    return this.page.locator('.page-projects > p[role="alert"]');
  }

  get codeDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Код доступа к пакету отчёта/ });
  }

  /** «Пакет отчёта…» of a project: the file saved and the code the dialog shows (then «Готово»). */
  async downloadPackage(title: string): Promise<PackageFile> {
    const file = await this.org.download(this.row(title).getByRole('button', { name: `Пакет отчёта… ${title}` }));
    await expect(this.codeDialog).toContainText(title);
    const code = (await this.codeDialog.getByRole('status', { name: 'Код доступа' }).textContent())!.trim();
    return { ...file, code };
  }

  async closeCode() {
    await this.codeDialog.getByRole('button', { name: 'Готово' }).click();
    await expect(this.codeDialog).toBeHidden();
  }

  async importReport(file: FileBytes) {
    await this.org.chooseFile(this.page.getByRole('button', { name: 'Загрузить отчёт команды…' }), file);
  }

  reportsDialog(title: string): Locator {
    return this.page.getByRole('dialog', { name: `Отчёты проекта «${title}»` });
  }

  async openReports(title: string): Promise<Locator> {
    await this.row(title).getByRole('button', { name: `Отчёты… ${title}` }).click();
    const dialog = this.reportsDialog(title);
    await expect(dialog).toBeVisible();
    return dialog;
  }
}

/** The package as the team's device reads it, with the code the organizer told them. */
export async function openedPackage(pkg: PackageFile): Promise<ReportPackage> {
  const opened = await openReportPackage(new Uint8Array(pkg.buffer), pkg.code);
  if (!opened.ok) throw new Error(opened.message);
  return opened.package;
}

/** The team's signed report file for the package's round; `pkg` may be altered to make a wrong file. */
export async function teamReportFile(pkg: ReportPackage, content: ReportContent, photos: Photo[], name: string): Promise<FileBytes> {
  const signer = await createSigner('team', await generateDeviceKeys());
  const written = await writeReportFile({ pkg, signer, content, photos, createdAt: new Date().toISOString() });
  if (!written.ok) throw new Error(written.message);
  return { name, buffer: Buffer.from(written.bytes) };
}

/** A small real PNG drawn by the browser's canvas: a «photo» of a yard with a tree. */
export async function drawnPhoto(page: Page, id: string): Promise<Photo> {
  const dataUrl = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 160;
    c.height = 120;
    const g = c.getContext('2d')!;
    g.fillStyle = '#8fc3ea';
    g.fillRect(0, 0, 160, 80);
    g.fillStyle = '#6aa84f';
    g.fillRect(0, 80, 160, 40);
    g.fillStyle = '#7a4a1f';
    g.fillRect(100, 45, 10, 45);
    g.fillStyle = '#2f7d32';
    g.beginPath();
    g.arc(105, 40, 22, 0, Math.PI * 2);
    g.fill();
    return c.toDataURL('image/png');
  });
  return { id, name: 'субботник.png', mime: 'image/png', bytes: new Uint8Array(Buffer.from(dataUrl.split(',')[1]!, 'base64')) };
}
