import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page';

/** The Участники area: the list with its filters, the participant card, the delegations tab. */
export class ParticipantsPage {
  readonly app: AppPage;
  readonly table: Locator;
  readonly rows: Locator;
  readonly search: Locator;
  readonly importButton: Locator;

  constructor(readonly page: Page) {
    this.app = new AppPage(page);
    this.table = page.getByRole('table', { name: 'Участники' });
    this.rows = this.table.getByRole('rowgroup').getByRole('row');
    this.search = page.getByRole('searchbox');
    this.importButton = page.getByRole('button', { name: 'Импорт из Excel…' });
  }

  async openDemo() {
    await this.app.open();
    await this.app.openDemoButton.click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Участники' })).toBeVisible();
    await expect(this.rows.first()).toBeVisible();
  }

  filter(name: 'Муниципалитет' | 'Категория' | 'Роль' | 'Статус' | 'Прибытие'): Locator {
    return this.page.getByRole('search').getByLabel(name, { exact: true });
  }

  tab(name: 'Список' | 'Делегации'): Locator {
    return this.page.getByRole('tab', { name });
  }

  async showTab(name: 'Список' | 'Делегации') {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true');
  }

  columnHeader(name: string): Locator {
    return this.table.getByRole('columnheader', { name });
  }

  /** Texts of column `col` in the first `n` visible rows. */
  async column(col: number, n = 5): Promise<string[]> {
    await expect(this.rows.first()).toBeVisible();
    const count = Math.min(n, await this.rows.count());
    const out: string[] = [];
    for (let i = 0; i < count; i++) out.push(((await this.rows.nth(i).getByRole('cell').nth(col).textContent()) ?? '').trim());
    return out;
  }

  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }

  async findByName(name: string) {
    await this.search.fill(name);
    await expect(this.row(name).first()).toBeVisible();
  }

  card(): Locator {
    return this.page.getByRole('dialog', { name: 'Карточка участника' });
  }

  delegations(): Locator {
    return this.page.getByRole('table', { name: 'Делегации' });
  }

  delegation(municipality: string): Locator {
    return this.delegations().getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: municipality, exact: true }) });
  }

  /** The registered count of a delegation. */
  async registeredIn(municipality: string): Promise<number> {
    return Number(await this.delegationCell(municipality, 1).textContent());
  }

  /** A cell of a delegation's row (1: registered, 3: when the list came). */
  delegationCell(municipality: string, index: number): Locator {
    return this.delegation(municipality).getByRole('cell').nth(index);
  }

  /** «Шаблон для района: <municipality>». */
  templateButton(municipality: string): Locator {
    return this.delegation(municipality).getByRole('button', { name: `Шаблон для района: ${municipality}` });
  }

  /** The municipality shown in a person's row. */
  municipalityOf(name: string): Locator {
    return this.row(name).getByRole('cell').nth(1);
  }

  /** «Ожидается: <municipality>» of the delegations table. */
  expected(municipality: string): Locator {
    return this.delegations().getByLabel(`Ожидается: ${municipality}`);
  }

  /** «Список xlsx: <municipality>» in the delegation's row. */
  delegationListButton(municipality: string): Locator {
    return this.delegation(municipality).getByRole('button', { name: `Список xlsx: ${municipality}` });
  }

  /** «По муниципалитетам (xlsx)». */
  get byMunicipalityButton(): Locator {
    return this.page.getByRole('button', { name: 'По муниципалитетам (xlsx)' });
  }

  /** «Экспорт списка (xlsx)». */
  get exportButton(): Locator {
    return this.page.getByRole('button', { name: 'Экспорт списка (xlsx)' });
  }

  /** Clicks a column's sort button. */
  async sortBy(column: string) {
    await this.columnHeader(column).getByRole('button').click();
  }

  /** A line of the list's own text («Показано: 5», «Никто не подходит …»). */
  message(text: string | RegExp): Locator {
    return this.page.getByText(text);
  }

  async resetFilters() {
    await this.page.getByRole('button', { name: 'Сбросить' }).click();
  }

  /** Clicks an empty spot of the page, so nothing has the focus. */
  async clickAside() {
    await this.page.locator('body').click({ position: { x: 5, y: 300 } });
  }

  /** Puts the focus on the list's rows (the keyboard's way in). */
  async focusRows() {
    await this.table.getByRole('rowgroup').focus();
  }

  /** A field of the participant card, by its label. */
  cardField(label: 'Фамилия *' | 'Телефон' | 'E-mail' | 'Организация' | 'Согласие получено' | 'Дата согласия *'): Locator {
    return this.card().getByLabel(label);
  }

  /** An error of the card's form. */
  cardError(text: string | RegExp): Locator {
    return this.card().getByText(text);
  }

  async saveCard() {
    await this.card().getByRole('button', { name: 'Сохранить' }).click();
  }

  async cancelCard() {
    await this.card().getByRole('button', { name: 'Отмена' }).click();
  }
}
