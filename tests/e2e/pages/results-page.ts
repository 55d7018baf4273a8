import { expect, type Locator, type Page } from '@playwright/test';
import { scoreId, writeScoreFile, type Score } from '../../../shared/contest';
import { generateDeviceKey } from '../../../shared/crypto';
import { packageManifest, type FileBytes, type PackageFile } from './contest-page';

/** The «Итоги» tab of the contest and its protocol dialog, as the organizer uses them. */
export class ResultsPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('tab', { name: 'Итоги' }).click();
  }

  /** Picks the nomination the screen shows (only offered when the contest has several). */
  async nomination(title: string) {
    await this.page.getByRole('combobox', { name: 'Номинация' }).selectOption({ label: title });
  }

  /** The ranking table under a method, by its short name («Среднее», «Медиана», …). */
  ranking(method: string): Locator {
    return this.page.getByRole('table', { name: `Рейтинг: ${method}` });
  }

  async rankBy(method: string) {
    await this.page.getByRole('radio', { name: new RegExp(`^${method.replace(/[()]/g, '\\$&')}`) }).check();
    await expect(this.ranking(method)).toBeVisible();
  }

  /** Application titles in the order of the current ranking table. */
  async order(method: string): Promise<string[]> {
    const rows = this.ranking(method).locator('tbody tr');
    return rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[1]?.textContent ?? ''));
  }

  async view(name: 'Рейтинг' | 'Оценки экспертов' | 'Чувствительность к методу' | 'Надёжность жюри') {
    await this.page.getByRole('button', { name, exact: true }).click();
  }

  get placesByMethod(): Locator {
    return this.page.getByRole('table', { name: 'Места по методам' });
  }

  /** The sensitivity row of one application. */
  placeRow(title: string): Locator {
    return this.placesByMethod.getByRole('row').filter({ hasText: title });
  }

  get protocolDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Протокол заседания конкурсной комиссии' });
  }

  async openProtocol() {
    await this.page.getByRole('button', { name: 'Протокол (печать и Excel)…' }).click();
    await expect(this.protocolDialog).toBeVisible();
  }

  async closeProtocol() {
    await this.protocolDialog.getByRole('button', { name: 'Закрыть' }).click();
    await expect(this.protocolDialog).toBeHidden();
  }

  /** What the printer gets (the `.print-root` portal), visible only under print media. */
  get printed(): Locator {
    return this.page.locator('.print-root.protocol-print');
  }

  /** A ranking method's radio button, by its full name («Среднее (официальный)», «Медиана»). */
  method(name: string): Locator {
    return this.page.getByRole('radio', { name });
  }

  /** A line of the results' own text (what is counted, what is not). */
  message(text: string | RegExp): Locator {
    return this.page.getByText(text);
  }

  /** «Это не официальный рейтинг» under a method other than the declared one. */
  get notOfficialNote(): Locator {
    return this.page.getByRole('note');
  }

  /** The rows of a table, the header row first. */
  rows(table: Locator): Locator {
    return table.getByRole('row');
  }

  /** The cells of one row. */
  cells(row: Locator): Locator {
    return row.getByRole('cell');
  }

  /** The body rows of a table. */
  bodyRows(table: Locator): Locator {
    return table.locator('tbody tr');
  }

  /** The sensitivity verdict («Место зависит …», «Места не зависят …»). */
  sensitivityVerdict(hasText: string | RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText });
  }

  /** Sensitivity rows marked as depending on the method. */
  get dependingPlaces(): Locator {
    return this.placesByMethod.locator('tr.depends');
  }

  get jurorStats(): Locator {
    return this.page.getByRole('table', { name: 'Статистика экспертов' });
  }

  get agreementHeading(): Locator {
    return this.page.getByRole('heading', { name: 'Согласованность жюри' });
  }

  get kendall(): Locator {
    return this.page.getByTestId('kendall');
  }

  get icc(): Locator {
    return this.page.getByRole('table', { name: 'Внутриклассовая корреляция' });
  }

  /** The scores matrix, applications × jurors. */
  get matrix(): Locator {
    return this.page.getByRole('table', { name: 'Оценки экспертов' });
  }

  get matrixHeads(): Locator {
    return this.matrix.locator('thead th');
  }

  /** The first juror's cell of the first application: a button opening the values per criterion. */
  get firstMatrixCell(): Locator {
    return this.bodyRows(this.matrix).first().locator('td button').first();
  }

  get criterionScores(): Locator {
    return this.page.getByRole('list', { name: 'Оценки по критериям' }).getByRole('listitem');
  }

  get downloadMatrixButton(): Locator {
    return this.page.getByRole('button', { name: 'Скачать оценки (Excel)' });
  }

  get protocolExcelButton(): Locator {
    return this.protocolDialog.getByRole('button', { name: 'Скачать Excel' });
  }

  get chair(): Locator {
    return this.protocolDialog.getByLabel('Председатель комиссии');
  }

  get secretary(): Locator {
    return this.protocolDialog.getByLabel('Секретарь');
  }

  get meetingDate(): Locator {
    return this.protocolDialog.getByLabel('Дата заседания');
  }

  /** «Номинации в протоколе»: all, or one. */
  get protocolNominations(): Locator {
    return this.protocolDialog.getByRole('combobox', { name: 'Номинации в протоколе' });
  }

  /** The protocol's chart(s) whose name matches. */
  chart(name: RegExp): Locator {
    return this.protocolDialog.getByRole('img', { name });
  }

  /** A nomination's part of the protocol. */
  protocolNomination(title: string): Locator {
    return this.protocolDialog.getByRole('region', { name: `Номинация «${title}»` });
  }

  /** The places table of a nomination in the protocol. */
  protocolPlaces(title: string): Locator {
    return this.protocolNomination(title).getByRole('table', { name: `Места: ${title}` });
  }

  /** The protocol's list of the commission's members. */
  get protocolJury(): Locator {
    return this.protocolDialog.locator('.protocol-jury');
  }

  get appendix(): Locator {
    return this.protocolDialog.getByRole('region', { name: 'Приложение к протоколу' });
  }
}

/**
 * A juror's signed score file made in Node from their package, as their device would make it: the
 * package's invitation secret binds a fresh device key, every criterion of an application gets the
 * same value (so a juror's total is value × Σ coefficients), each sheet final. `valueOf` returns the
 * value for an application title, or null to leave the application unscored.
 *
 * The juror's own screen is covered by results.spec's first case and contest.spec; scoring many
 * sheets by keyboard there would only slow down cases that are about the organizer's results.
 */
export async function signedScoreFile(pkg: PackageFile, valueOf: (title: string) => number | null): Promise<FileBytes> {
  const p = await packageManifest(pkg);
  const criteria = new Map(p.nominations.map((n) => [n.id, n.criteria]));
  const now = new Date().toISOString();
  const scores: Score[] = p.applications.flatMap((a) => {
    const v = valueOf(a.title);
    if (v === null) return [];
    const values = Object.fromEntries((criteria.get(a.nominationId) ?? []).map((c) => [c.id, v]));
    return [
      { id: scoreId(p.juror.id, a.id), contestId: p.contest.id, jurorId: p.juror.id, applicationId: a.id, values, comment: 'Оценка по критериям положения.', status: 'final', version: 1, updatedAt: now },
    ];
  });
  const bytes = await writeScoreFile({ contestId: p.contest.id, jurorId: p.juror.id, invitationSecret: p.invitationSecret, keyPair: await generateDeviceKey(), scores, createdAt: now });
  return { name: `оценки — ${p.juror.name}.skhod-scores`, buffer: Buffer.from(bytes) };
}
