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

/** The fields of a project's plan, by their labels. */
export type PlanField = 'Вовлечено жителей' | 'Проведено мероприятий' | 'Добровольцев' | 'Привлечено средств, ₽' | 'Вид сообщества' | 'Название сообщества' | 'Найти участника мероприятия';

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

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Проекты' });
  }

  /** A line of the area's own text («Проектов пока нет» …). */
  message(text: string | RegExp): Locator {
    return this.page.getByText(text);
  }

  get listRows(): Locator {
    return this.list.getByRole('row');
  }

  /** The municipality and title of the first project in the list. */
  async firstProject(): Promise<{ municipality: string; title: string }> {
    const row = this.listRows.nth(1);
    const municipality = (await row.getByRole('cell').first().textContent())!.trim();
    const title = (await row.getByRole('rowheader').textContent())!.trim();
    return { municipality, title };
  }

  /** The first-run screen's «Демонстрация: конкурс и год проектов». */
  async openDemoYear() {
    await this.page.getByRole('button', { name: /Демонстрация: конкурс и год проектов/ }).click();
  }

  // ── winners ──

  async openWinners(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Отметить победителей…' }).click();
    return this.winnersDialog;
  }

  get winnersDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Отметить победителей' });
  }

  /** The ranking rows of the (first) nomination in the winners dialog, header first. */
  get winnersRanking(): Locator {
    return this.winnersDialog.getByRole('table', { name: /^Номинация/ }).getByRole('row');
  }

  winnerCheckbox(title: string): Locator {
    return this.winnersDialog.getByRole('checkbox', { name: `Победитель: ${title}` });
  }

  grantAmount(title: string): Locator {
    return this.winnersDialog.getByLabel(`Сумма гранта: ${title}`);
  }

  get winnersError(): Locator {
    return this.winnersDialog.getByRole('alert').first();
  }

  /** «Отметить n победителей». */
  async markWinners(count: number) {
    await this.winnersDialog.getByRole('button', { name: `Отметить ${count} победителей` }).click();
  }

  // ── the plan ──

  async openPlan(title: string): Promise<Locator> {
    await this.row(title).getByRole('button', { name: `План… ${title}` }).click();
    return this.planDialog(title);
  }

  planDialog(title: string): Locator {
    return this.page.getByRole('dialog', { name: `План проекта «${title}»` });
  }

  planField(plan: Locator, label: PlanField): Locator {
    return plan.getByLabel(label);
  }

  /** A message of the plan form (an error beside a field). */
  planMessage(plan: Locator, text: string): Locator {
    return plan.getByText(text);
  }

  async createCommunity(plan: Locator) {
    await plan.getByRole('checkbox', { name: 'Создать сообщество' }).check();
  }

  /** «Добавить этап», then the milestone's title and due date (yyyy-mm-dd). */
  async addMilestone(plan: Locator, index: number, title: string, due: string) {
    await plan.getByRole('button', { name: 'Добавить этап' }).click();
    await plan.getByLabel(`Этап ${index}: название`).fill(title);
    await plan.getByLabel(`Этап ${index}: срок`).fill(due);
  }

  /** The name of the first person the team search offers. */
  async firstFoundPerson(plan: Locator): Promise<string> {
    return (await plan.getByRole('list', { name: 'Найденные участники' }).getByRole('listitem').first().locator('span').textContent())!;
  }

  team(plan: Locator): Locator {
    return plan.getByRole('list', { name: 'Участники команды' });
  }

  teamMembers(plan: Locator): Locator {
    return this.team(plan).getByRole('listitem');
  }

  async savePlan(plan: Locator) {
    await plan.getByRole('button', { name: 'Сохранить план' }).click();
  }

  // ── reports ──

  /** A round's card in a project's reports dialog («Раунд 1: промежуточный отчёт»). */
  reportCard(dialog: Locator, name: string): Locator {
    return dialog.getByRole('region', { name });
  }

  cardPhoto(card: Locator, fileName: string): Locator {
    return card.getByRole('img', { name: fileName });
  }

  cardFigures(card: Locator): Locator {
    return card.getByRole('table');
  }

  async accept(card: Locator) {
    await card.getByRole('button', { name: 'Принять' }).click();
  }

  async closeDialog(dialog: Locator) {
    await dialog.getByRole('button', { name: 'Закрыть' }).click();
  }

  /** On «Отчёты»: «Открыть: <title>». */
  async openFromReportsTab(title: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Открыть: ${title}` }).click();
    return this.reportsDialog(title);
  }

  /** «Вернуть на доработку…» in a reports dialog: the dialog asking what to fix. */
  async startReturn(reports: Locator): Promise<Locator> {
    await reports.getByRole('button', { name: 'Вернуть на доработку…' }).click();
    return this.returnDialog;
  }

  get returnDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Вернуть отчёт на доработку' });
  }

  get returnReason(): Locator {
    return this.returnDialog.getByLabel('Что доработать');
  }

  get returnError(): Locator {
    return this.returnDialog.getByRole('alert');
  }

  async confirmReturn() {
    await this.returnDialog.getByRole('button', { name: 'Вернуть на доработку' }).click();
  }

  // ── monitoring ──

  /** The tile of projects in a state («отчитался», «прекращён»). */
  statusTile(state: string): Locator {
    return this.page.getByRole('list', { name: 'Проекты по состоянию' }).getByRole('listitem').filter({ hasText: state });
  }

  /** A project's row in «Показатели по проектам». */
  figuresRow(title: string): Locator {
    return this.page.getByRole('table', { name: 'Показатели по проектам' }).getByRole('row').filter({ hasText: title });
  }

  get peopleChart(): Locator {
    return this.page.getByRole('img', { name: 'Вовлечено жителей: план и достигнуто по проектам' });
  }

  /** «Всего» of «Показатели по муниципалитетам». */
  get municipalityTotal(): Locator {
    return this.page.getByRole('table', { name: 'Показатели по муниципалитетам' }).getByRole('row').filter({ hasText: 'Всего' });
  }

  get dueThisMonth(): Locator {
    return this.page.getByRole('region', { name: 'Этапы со сроком в этом месяце' });
  }

  get overdue(): Locator {
    return this.page.getByRole('region', { name: 'Просроченные отчёты' });
  }

  // ── the final report of a project ──

  async openFinalReport(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Итоговый отчёт проекта…' }).click();
    return this.finalReportDialog;
  }

  get finalReportDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Итоговый отчёт проекта' });
  }

  get finalSummary(): Locator {
    return this.finalReportDialog.getByRole('region', { name: 'Краткие итоги' });
  }

  get finalFigures(): Locator {
    return this.finalReportDialog.getByRole('table', { name: 'Показатели: план и достигнуто' });
  }

  /** «Скачать Excel» of the final report: the saved file's name. */
  async downloadFinalReportXlsx(): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.finalReportDialog.getByRole('button', { name: 'Скачать Excel' }).click();
    return (await download).suggestedFilename();
  }

  /** What the printer gets (the `.print-root` portal), visible only under print media. */
  get printed(): Locator {
    return this.page.locator('.print-root.protocol-print');
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
