/**
 * Devices in a test: each device is a browser context of its own (its own IndexedDB and files, as two
 * computers at the registration desk, or a juror's laptop at home), opened with the project's options
 * (base URL, locale, time zone, viewport) and closed when the test ends, passed or failed. Specs never
 * open contexts by hand (tests/unit/lint/e2e-structure.test.ts): they take `openDevice` (any device,
 * with its language, a storage-warning dismisser, hooks before the first window), `newDevice` (a desk)
 * or `twoDevices`; a device's `crashAndReopen` kills a window's renderer and opens the app again on
 * the same profile.
 */
import { test as base, type BrowserContext, type Page } from '@playwright/test';
import { DeskPage } from './pages/desk-page';
import { dismissStorageWarning } from './pages/app-page';

export type DeviceOptions = {
  /** The app's language before it starts (the stored UI setting); Russian if not given. */
  language?: 'en';
  /** The browser's locale, when a test needs another than the project's ru-RU. */
  locale?: string;
  /** Every window of the device clicks the storage warning away whenever it appears. */
  hideStorageWarning?: boolean;
  /** Runs on the fresh context before its first window opens (bindings, init scripts). */
  beforeFirstWindow?: (context: BrowserContext) => Promise<void>;
};

export type Device = {
  readonly context: BrowserContext;
  /** The device's first window (about:blank until the test navigates). */
  readonly page: Page;
  /** One more window of the same device (same profile and storage). */
  newWindow: () => Promise<Page>;
  /**
   * Kills the renderer of `page` (CDP Page.crash: no unload, no flush) and opens the app again in a new
   * window of the same device, as a desk computer restarted after a freeze; resolves to that window.
   */
  crashAndReopen: (page: Page) => Promise<Page>;
  /** Closes the device before the test ends (a juror done with their laptop); the fixture closes the rest. */
  close: () => Promise<void>;
};

/** Opens one more device: a fresh context and its first window. */
export type OpenDevice = (options?: DeviceOptions) => Promise<Device>;

type Devices = {
  openDevice: OpenDevice;
  /** Opens one more registration desk (a device with a DeskPage). */
  newDevice: () => Promise<DeskPage>;
  /** Two desks, A and B, opened for the test. */
  twoDevices: readonly [DeskPage, DeskPage];
};

export const test = base.extend<Devices>({
  openDevice: async ({ browser }, provide) => {
    const opened: BrowserContext[] = [];
    await provide(async (options = {}) => {
      const context = await browser.newContext(options.locale ? { locale: options.locale } : {});
      opened.push(context);
      if (options.language) {
        const language = options.language;
        await context.addInitScript((lang) => localStorage.setItem('skhod.ui', JSON.stringify({ state: { language: lang }, version: 1 })), language);
      }
      await options.beforeFirstWindow?.(context);
      const newWindow = async () => {
        const page = await context.newPage();
        if (options.hideStorageWarning) await dismissStorageWarning(page);
        return page;
      };
      const crashAndReopen = async (page: Page) => {
        const cdp = await context.newCDPSession(page);
        const crashed = page.waitForEvent('crash');
        void cdp.send('Page.crash').catch(() => undefined); // never answers: the renderer is gone
        await crashed;
        await page.close().catch(() => undefined);
        const reopened = await newWindow();
        await reopened.goto('/');
        return reopened;
      };
      return { context, page: await newWindow(), newWindow, crashAndReopen, close: () => context.close() };
    });
    for (const context of opened) await context.close();
  },
  newDevice: async ({ openDevice }, provide) => {
    await provide(async () => new DeskPage((await openDevice()).page));
  },
  twoDevices: async ({ newDevice }, provide) => {
    await provide([await newDevice(), await newDevice()]);
  },
});

export { expect } from '@playwright/test';
