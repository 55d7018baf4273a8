import { defineConfig } from '@playwright/test';

// Playwright never downloads a browser here: it drives the system Chromium (apt-get install chromium).
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// E2E_PORT runs a second copy side by side (its own build folder and port), e.g. two people at work on one machine.
const port = Number(process.env.E2E_PORT ?? 4173);
const ownOut = `../dist/e2e-${port}`;
const webCommand =
  port === 4173 ? 'npm run web' : `npx vite build --outDir ${ownOut} && npx vite preview --outDir ${ownOut} --port ${port} --strictPort`;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: port === 4173 ? 'test-results/e2e' : `test-results/e2e-${port}`,
  fullyParallel: false,
  // a stray test.only must not let CI run one test and call the rest passed
  forbidOnly: !!process.env.CI,
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: port === 4173 ? 'test-results/playwright.json' : `test-results/playwright-${port}.json` }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'ru-RU',
    timezoneId: 'Asia/Yekaterinburg',
    viewport: { width: 1366, height: 768 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    // The same command the README gives for running Сход in a browser.
    command: webCommand,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
