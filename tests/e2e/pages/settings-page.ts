import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page';

/** Настройки: this device's name and role, the organizer PIN, and the change log tab. */
export class SettingsPage {
  readonly app: AppPage;
  readonly deviceName: Locator;
  readonly gate: Locator;
  readonly audit: Locator;

  constructor(readonly page: Page) {
    this.app = new AppPage(page);
    this.deviceName = page.getByLabel('Название', { exact: true });
    this.gate = page.getByRole('dialog', { name: 'PIN организатора' });
    this.audit = page.getByRole('table', { name: 'Журнал изменений' });
  }

  async open() {
    await this.app.goTo('Настройки');
  }

  async rename(name: string) {
    await this.deviceName.fill(name);
    await this.page.getByRole('button', { name: 'Переименовать' }).click();
    await expect(this.page.getByRole('button', { name: 'Переименовать' })).toBeDisabled();
  }

  role(label: 'Организатор' | 'Регистрация (стойка)' | 'Район' | 'Эксперт'): Locator {
    return this.page.getByRole('radio', { name: label, exact: true });
  }

  async setOrganizerPin(pin: string) {
    const form = this.page.locator('.pin-form');
    await form.getByLabel('PIN', { exact: true }).fill(pin);
    await form.getByLabel('Повторите PIN').fill(pin);
    await form.getByRole('button', { name: 'Задать PIN' }).click();
    await expect(this.page.getByText('PIN организатора сохранён')).toBeVisible();
  }

  /** Types a PIN into the organizer gate dialog and submits it. */
  async enterGatePin(pin: string) {
    await this.gate.getByLabel('PIN организатора').fill(pin);
    await this.gate.getByRole('button', { name: 'Продолжить' }).click();
  }

  /** Why the gate refused the PIN. */
  get gateError(): Locator {
    return this.gate.getByRole('alert');
  }

  async cancelGate() {
    await this.gate.getByRole('button', { name: 'Отмена' }).click();
  }

  async openAudit() {
    await this.page.getByRole('tab', { name: 'Журнал изменений' }).click();
    await expect(this.audit).toBeVisible();
    await expect(this.page.getByText(/^Изменений в журнале: /)).toBeVisible();
  }

  /** «Язык интерфейса» (named «Language» once the interface is English). */
  language(label: 'Язык интерфейса' | 'Language' = 'Язык интерфейса'): Locator {
    return this.page.getByLabel(label);
  }

  /** «Муниципалитет», «Регион» of a municipality added by hand, then «Добавить». */
  async addMunicipality(name: string, region: string) {
    await this.page.getByLabel('Муниципалитет', { exact: true }).fill(name);
    await this.page.getByLabel('Регион').fill(region);
    await this.page.getByRole('button', { name: 'Добавить' }).click();
  }

  /** The change log's filters. */
  auditFilter(label: 'Человек' | 'Устройство'): Locator {
    return this.page.getByLabel(label);
  }

  /** Picks a device in the change log's filter by (part of) its name. */
  async filterAuditByDevice(name: string) {
    const select = this.auditFilter('Устройство');
    await select.selectOption({ label: (await select.locator('option', { hasText: name }).textContent())! });
  }

  /** «Найдено изменений: n из m». */
  get auditFound(): Locator {
    return this.page.getByText(/^Найдено изменений: \d+ из \d+$/);
  }

  auditRows(): Locator {
    return this.audit.locator('.table-body').getByRole('row');
  }
}
