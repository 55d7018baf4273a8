/**
 * Several devices in one test: each device is a browser context of its own (its own IndexedDB, as two
 * computers at the registration desk), opened with the project's options (base URL, locale, viewport)
 * and closed when the test ends, passed or failed. Specs that play more than one device import `test`
 * from here instead of opening contexts by hand.
 */
import { test as base, type BrowserContext } from '@playwright/test';
import { DeskPage } from './pages/desk-page';

type Devices = {
  /** Opens one more device (a fresh context and its first window). */
  newDevice: () => Promise<DeskPage>;
  /** Two devices, A and B, opened for the test. */
  twoDevices: readonly [DeskPage, DeskPage];
};

export const test = base.extend<Devices>({
  newDevice: async ({ browser }, provide) => {
    const opened: BrowserContext[] = [];
    await provide(async () => {
      const context = await browser.newContext();
      opened.push(context);
      return new DeskPage(await context.newPage());
    });
    for (const context of opened) await context.close();
  },
  twoDevices: async ({ newDevice }, provide) => {
    await provide([await newDevice(), await newDevice()]);
  },
});

export { expect } from '@playwright/test';
