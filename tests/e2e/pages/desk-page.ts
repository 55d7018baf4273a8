import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page';

const ruToQwerty: Record<string, string> = Object.fromEntries(
  [...'йцукенгшщзхъфывапролджэячсмитьбю'].map((ch, i) => [ch, "qwertyuiop[]asdfghjkl;'zxcvbnm,."[i]!]),
);

/** What a person would type for `text` with the Latin layout left on by mistake. */
export function typedInWrongLayout(text: string): string {
  return [...text.toLowerCase().replace(/ё/g, 'е')].map((ch) => ruToQwerty[ch] ?? ch).join('');
}

/** Names of the desk's cache files in the origin private file system (renderer/db/desk-cache-file.ts). */
export const deskCacheFiles = (page: Page) =>
  page.evaluate(async () => {
    try {
      const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('skhod-desk-cache');
      const names: string[] = [];
      for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
      return names;
    } catch {
      return [];
    }
  });

/** The registration desk as the operator sees it. */
export class DeskPage {
  readonly app: AppPage;
  readonly search: Locator;
  readonly results: Locator;
  readonly banner: Locator;
  readonly arrivedCounter: Locator;

  constructor(readonly page: Page) {
    this.app = new AppPage(page);
    this.search = page.getByRole('combobox', { name: 'Поиск участника' });
    this.results = page.getByRole('listbox', { name: 'Найденные участники' }).getByRole('option');
    this.banner = page.locator('.banner');
    this.arrivedCounter = page.getByTestId('arrived-counter').locator('.counter-value');
  }

  /** Opens the demo event and the desk, introducing the operator. */
  async openWithDemo(operator = 'Гульнара Р.') {
    await this.app.open();
    await this.app.openDemoButton.click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Участники' })).toBeVisible();
    await this.openDesk(operator);
  }

  /** Goes to «Регистрация», introduces the operator and waits for the list to be ready. */
  async openDesk(operator: string) {
    await this.app.nav.getByRole('button', { name: 'Регистрация' }).click();
    await this.page.getByLabel('Кто работает за стойкой?').fill(operator);
    await this.page.keyboard.press('Enter');
    await expect(this.search).toBeFocused();
    await expect(this.search).toHaveAttribute('placeholder', /Фамилия/);
  }

  /** Names of people in the participants table (the first visible rows), in table order. */
  async someParticipants(): Promise<Array<{ name: string; badge: string }>> {
    await this.app.goTo('Участники');
    const rows = this.app.participantsTable().getByRole('row');
    await expect(rows.nth(5)).toBeVisible();
    const out: Array<{ name: string; badge: string }> = [];
    for (let i = 1; i <= 5; i++) {
      const cells = rows.nth(i).getByRole('cell');
      out.push({ name: (await cells.nth(0).textContent())!, badge: (await cells.nth(4).textContent())! });
    }
    await this.app.nav.getByRole('button', { name: 'Регистрация' }).click();
    await expect(this.search).toBeFocused();
    return out;
  }

  result(name: string): Locator {
    return this.results.filter({ hasText: name });
  }

  /** Types a name, waits for it to head the results, presses Enter and sees «… — прибытие отмечено». */
  async checkIn(name: string) {
    await this.search.fill(name);
    await expect(this.results.first()).toContainText(name);
    await this.page.keyboard.press('Enter');
    await expect(this.banner).toContainText(`${name} — прибытие отмечено`);
  }

  /** Back to «Регистрация» from another area (the operator is already introduced). */
  async backToDesk() {
    await this.app.nav.getByRole('button', { name: 'Регистрация' }).click();
  }

  /** F2 at the search: «Новый участник», filled and registered; waits for the arrival. */
  async walkIn(fullName: string, municipality: string, organization: string) {
    await this.search.focus();
    await this.page.keyboard.press('F2');
    const dialog = this.page.getByRole('dialog', { name: 'Новый участник' });
    await dialog.getByLabel('ФИО').fill(fullName);
    await dialog.getByLabel('Муниципалитет').fill(municipality);
    await dialog.getByLabel('Организация').fill(organization);
    await dialog.getByLabel(/согласи/i).check();
    await dialog.getByRole('button', { name: /Зарегистрировать/ }).click();
    await expect(this.banner).toContainText(`${fullName} — прибытие отмечено`);
  }

  /** «Отменить отметку…» with a reason, confirmed. */
  async undoArrival(reason: string) {
    await this.page.getByRole('button', { name: 'Отменить отметку…' }).click();
    await this.page.getByRole('dialog').getByLabel('Причина').fill(reason);
    await this.page.getByRole('dialog').getByRole('button', { name: 'Отменить отметку' }).click();
  }

  /** «Отменить отметку о прибытии», opened from the banner. */
  get undoDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Отменить отметку о прибытии' });
  }

  async startUndo() {
    await this.banner.getByRole('button', { name: 'Отменить отметку…' }).click();
  }

  get undoReason(): Locator {
    return this.undoDialog.getByLabel('Причина');
  }

  get undoError(): Locator {
    return this.undoDialog.getByRole('alert');
  }

  async confirmUndo() {
    await this.undoDialog.getByRole('button', { name: 'Отменить отметку' }).click();
  }

  /** «Новый участник» (F2). */
  get walkInDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Новый участник' });
  }

  get walkInName(): Locator {
    return this.walkInField('ФИО');
  }

  walkInField(label: 'ФИО' | 'Муниципалитет' | 'Организация' | 'Телефон'): Locator {
    return this.walkInDialog.getByLabel(label);
  }

  get walkInConsent(): Locator {
    return this.walkInDialog.getByRole('checkbox');
  }

  /** «Уже в списке»: people the walk-in may already be. */
  get alreadyListed(): Locator {
    return this.walkInDialog.getByRole('listbox', { name: 'Уже в списке' });
  }

  /** «Отметить: <name>» of someone already listed. */
  checkInListed(name: string): Locator {
    return this.walkInDialog.getByRole('button', { name: `Отметить: ${name}` });
  }

  async registerNamesake() {
    await this.walkInDialog.getByRole('button', { name: 'Это другой человек — зарегистрировать' }).click();
  }

  /** The full name on a result line. */
  async resultName(name: string): Promise<string> {
    return (await this.result(name).locator('.desk-name').textContent())!;
  }

  /** The first name shown in the results. */
  async firstResultName(): Promise<string> {
    return (await this.results.first().locator('.desk-name').textContent())!;
  }

  /** The municipality on a person's result line. */
  async resultMunicipality(name: string): Promise<string> {
    return (await this.result(name).locator('.desk-meta').first().textContent())!.split(' · ')[0]!;
  }

  /** Why Enter did nothing («Enter никого не отметил …»). */
  get enterRefused(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'Enter никого не отметил' });
  }

  /** «Несколько похожих — выберите стрелками». */
  get chooseHint(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'Несколько похожих — выберите стрелками' });
  }

  /** «Камера» of the desk (a toggle). */
  get cameraButton(): Locator {
    return this.page.getByRole('button', { name: 'Камера' });
  }

  get cameraScanner(): Locator {
    return this.page.getByRole('region', { name: 'Сканер камерой' });
  }

  /** Video elements on the page (the camera's preview). */
  get videos(): Locator {
    return this.page.locator('video');
  }

  // ── the desk lock ──

  async lock() {
    await this.page.getByRole('button', { name: 'Заблокировать' }).click();
  }

  get lockedHeading(): Locator {
    return this.page.getByRole('heading', { name: 'Стойка заблокирована' });
  }

  /** «Новый PIN» on the first lock, «PIN» (exactly) to open it. */
  lockPin(label: 'Новый PIN' | 'PIN'): Locator {
    return label === 'PIN' ? this.page.getByLabel('PIN', { exact: true }) : this.page.getByLabel(label);
  }

  get lockAlert(): Locator {
    return this.page.getByRole('alert');
  }

  /** The desk's note while its list is still loading. */
  get loadingNote(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'Список ещё загружается' });
  }

  /** «Печать бейджа» from the banner, then «Печать» in the badge's dialog. */
  async printBadge(name: string) {
    await this.banner.getByRole('button', { name: 'Печать бейджа' }).click();
    await this.page.getByRole('dialog', { name: `Бейдж: ${name}` }).getByRole('button', { name: 'Печать', exact: true }).click();
  }

  /** «Бейджи…»: the batch dialog. */
  async openBadges(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Бейджи…' }).click();
    return this.badgesDialog;
  }

  get badgesDialog(): Locator {
    return this.page.getByRole('dialog', { name: /Бейджи: \d+/ });
  }

  /** «Бейджи: n», the batch's heading. */
  get badgesHeading(): Locator {
    return this.badgesDialog.getByRole('heading');
  }

  /** «Что печатать» of the batch. */
  get badgesChoice(): Locator {
    return this.badgesDialog.getByLabel('Что печатать');
  }

  /** The badges in the batch (those with `text`, if given). */
  badges(text?: string): Locator {
    return this.badgesDialog.locator('.badge', text === undefined ? {} : { hasText: text });
  }

  /** One line of every badge in the batch: the place or the surname. */
  async badgeLines(part: 'place' | 'surname'): Promise<string[]> {
    return this.badgesDialog.locator(`.badge .badge-${part}`).allTextContents();
  }

  /** The section picker in the arrival banner. */
  get sectionPicker(): Locator {
    return this.banner.getByLabel('Секция участника');
  }

  get pickedSection(): Locator {
    return this.sectionPicker.locator('option:checked');
  }

  sectionOption(title: string): Locator {
    return this.sectionPicker.locator('option', { hasText: title });
  }

  /** A warning in the banner («Секция заполнена»). */
  get bannerAlert(): Locator {
    return this.banner.getByRole('alert');
  }

  /** A button in the arrival banner («Всё равно перевести», «Отметить вход в секцию», …). */
  bannerButton(name: 'Всё равно перевести' | 'Отметить вход в секцию' | 'Вход в секцию отмечен'): Locator {
    return this.banner.getByRole('button', { name });
  }
}

export type ListedPerson = { surname: string; name: string; patronymic: string; badgeCode: string; phone?: string };

/**
 * Puts people on the event's list as an import would have (rows in `people` and `registrations`,
 * with the delegation of an existing registration), then drops the desk's cache file so the desk
 * that opens next reads the list from the database. For tests that need particular names next to
 * each other (Абзалов Ильяс beside Абзалов Азамат Ильясович).
 */
export async function addListedPeople(page: Page, people: ListedPerson[]): Promise<void> {
  await page.evaluate(async (people) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('skhod');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const done = (req: IDBRequest) => new Promise((resolve, reject) => ((req.onsuccess = () => resolve(req.result)), (req.onerror = () => reject(req.error))));
    const tx = db.transaction(['people', 'registrations'], 'readwrite');
    const cursor = (await done(tx.objectStore('registrations').openCursor())) as IDBCursorWithValue;
    const model = cursor.value as { eventId: string; municipalityId?: string };
    for (const p of people) {
      const personId = crypto.randomUUID();
      tx.objectStore('people').put({ id: personId, surname: p.surname, name: p.name, patronymic: p.patronymic, phone: p.phone, municipalityId: model.municipalityId, consent: { given: true, at: new Date().toISOString(), how: 'list' } });
      tx.objectStore('registrations').put({
        id: crypto.randomUUID(), eventId: model.eventId, personId, role: 'participant', category: 'citizen', municipalityId: model.municipalityId,
        status: 'confirmed', badgeCode: p.badgeCode, sectionPrefs: [], source: 'manual', createdAt: new Date().toISOString(),
      });
    }
    await new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = () => reject(tx.error))));
    db.close();
    await (await navigator.storage.getDirectory()).removeEntry('skhod-desk-cache', { recursive: true }).catch(() => undefined);
  }, people);
}
