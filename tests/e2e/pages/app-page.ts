import { expect, type Locator, type Page } from '@playwright/test';

/** The app shell as a user sees it: first-run screen, navigation, event switcher. */
export class AppPage {
  readonly createEventButton: Locator;
  readonly openDemoButton: Locator;
  readonly nav: Locator;
  readonly eventSwitcher: Locator;

  constructor(readonly page: Page) {
    this.createEventButton = page.getByRole('button', { name: /Создать мероприятие/ });
    this.openDemoButton = page.getByRole('button', { name: /Открыть демонстрационное мероприятие/ });
    this.nav = page.getByRole('navigation', { name: 'Разделы' });
    this.eventSwitcher = page.getByRole('combobox', { name: 'Мероприятие' });
  }

  async open() {
    await this.page.goto('/');
  }

  async goTo(area: 'Регистрация' | 'Участники' | 'Секции' | 'Конкурс' | 'Отчёты' | 'Обмен' | 'Настройки') {
    await this.nav.getByRole('button', { name: area }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: area })).toBeVisible();
  }

  participantsTable() {
    return this.page.getByRole('table', { name: 'Участники' });
  }

  /** A cell of the participants table: row 1 is the first person. */
  participantCell(row: number, column: number): Locator {
    return this.participantsTable().getByRole('row').nth(row).getByRole('cell').nth(column);
  }

  participantRow(row: number): Locator {
    return this.participantsTable().getByRole('row').nth(row);
  }

  /** What index.html says when a part of the app cannot be loaded (a broken install). */
  get startFailed(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'не смог загрузить свои файлы' });
  }

  /** The browser's own words for what failed, under the message. */
  get startFailedDetail(): Locator {
    return this.startFailed.locator('code');
  }

  /**
   * The scripts the page names for early fetching (`<link rel="modulepreload">` in index.html), and every script
   * fetched so far with whether its request started while the page was still being parsed — before any
   * module script can have run, so only the page itself can have asked for it. File names without
   * their hash: `App`, `i18n`, …
   */
  async startScripts(): Promise<{ named: string[]; fetched: { chunk: string; beforeAnyScriptRan: boolean }[] }> {
    return this.page.evaluate(async () => {
      const chunk = (url: string) => new URL(url, location.href).pathname.split('/').pop()!.replace(/-[\w-]{8}\.js$/, '');
      // the page as served: the running app adds links of its own for what it imports later
      const served = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
      const named = [...served.querySelectorAll('link[rel="modulepreload"]')].map((l) => chunk(l.getAttribute('href')!));
      const parsed = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domInteractive;
      const fetched = performance
        .getEntriesByType('resource')
        .filter((e) => e.name.endsWith('.js'))
        .map((e) => ({ chunk: chunk(e.name), beforeAnyScriptRan: e.startTime < parsed }));
      return { named, fetched };
    });
  }

  /** Makes the language layer's chunk unloadable, as a damaged install would have it. */
  async breakLanguageChunk() {
    await this.breakChunk('i18n');
  }

  /** Makes one chunk of the built app unloadable (its name without the hash), as a damaged install would have it. */
  async breakChunk(name: string) {
    await this.page.route(new RegExp(`/assets/${name}-[\\w-]{8}\\.js$`), (route) => route.abort());
  }

  get welcome(): Locator {
    return this.page.getByRole('heading', { name: 'Добро пожаловать в Сход' });
  }

  /** The document's root: its `lang` follows the interface language. */
  get root(): Locator {
    return this.page.locator('html');
  }

  /** An area's button in the navigation. */
  areaButton(area: string): Locator {
    return this.nav.getByRole('button', { name: area });
  }

  /** The heading of the area on screen (level 1). */
  areaHeading(area: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: area });
  }

  /** The names of the areas in the navigation, as a user reads them (icons left out). */
  async areaNames(): Promise<string[]> {
    return (await this.nav.locator('ul').getByRole('button').allTextContents()).map((s) => s.replace(/^[^\p{L}]+/u, '').trim());
  }

  /** «Разделы организатора…» (a desk or juror device asks the PIN for them). */
  async openOrganizerAreas() {
    await this.areaButton('Разделы организатора…').click();
  }

  async closeOrganizerAreas() {
    await this.areaButton('Закрыть разделы организатора').click();
  }

  /** Any dialog on the page. */
  get dialogs(): Locator {
    return this.page.getByRole('dialog');
  }

  /** A line of text on the screen. */
  message(text: string | RegExp, options?: { exact?: boolean }): Locator {
    return this.page.getByText(text, options);
  }

  get createEventDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Создать мероприятие' });
  }

  /** A field of «Создать мероприятие». */
  newEventField(label: 'Название' | 'Дата начала' | 'Дата окончания'): Locator {
    return this.createEventDialog.getByLabel(label);
  }

  async submitNewEvent() {
    await this.createEventDialog.getByRole('button', { name: 'Создать' }).click();
  }

  get eventOptions(): Locator {
    return this.eventSwitcher.locator('option');
  }

  /** The place and date under the event's title. */
  get eventMeta(): Locator {
    return this.page.locator('.topbar-meta');
  }

  async participantCount(): Promise<number> {
    const text = await this.page.getByText(/^\d+ участник(а|ов)?$/).textContent();
    return Number(text?.match(/\d+/)?.[0]);
  }
}

/**
 * The browser may refuse persistent storage (headless Chromium does); the app then shows a warning in
 * a corner until dismissed. A user closes it when it covers what they want to click; so do the tests,
 * whenever it appears.
 */
export async function dismissStorageWarning(page: Page) {
  await page.addLocatorHandler(page.getByRole('complementary', { name: 'Предупреждение о хранении данных' }), async (warning) => {
    await warning.getByRole('button', { name: 'Понятно, скрыть' }).click();
  });
}
