import { expect, test } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { badgeCodeFromSerial } from '../../shared/people/badge-code';
import { writeQrVideo } from '../fixtures/qr-video';
import config from '../../playwright.config';
import { DeskPage } from './pages/desk-page';

// The demo's first registration (shared/demo/build-demo.ts numbers badges from 1).
const CODE = badgeCodeFromSerial(1);
// Chromium's fake camera plays this file: a QR code of the badge. Written before the browser starts.
const video = writeQrVideo(join(tmpdir(), `skhod-qr-${process.pid}.y4m`), CODE);

test.use({
  permissions: ['camera'],
  launchOptions: {
    ...config.use?.launchOptions,
    args: [
      ...(config.use?.launchOptions?.args ?? []),
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  },
});

test('the camera scanner, turned on by the operator, checks in the person whose badge it sees', async ({ page }) => {
  const desk = new DeskPage(page);
  await desk.openWithDemo();
  await desk.search.fill(CODE);
  const name = await desk.firstResultName();
  await desk.search.fill('');

  // nothing asks for the camera until the operator turns it on
  await expect(desk.videos).toHaveCount(0);
  await desk.cameraButton.click();
  await expect(desk.cameraScanner).toBeVisible();
  await expect(desk.banner).toContainText(`${name} — прибытие отмечено`, { timeout: 20_000 });
  await expect(desk.arrivedCounter).toHaveText('1');
  await page.screenshot({ path: 'test-results/screens/desk-camera.png' });

  await expect(desk.cameraButton).toHaveAttribute('aria-pressed', 'true');
  await desk.cameraButton.click();
  await expect(desk.videos).toHaveCount(0);
});
