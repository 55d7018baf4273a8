import { BrowserWindow } from 'electron';
import { said } from '../shared/text/said';
import { say } from './language';
import type { AllowedOrigins } from './origins';
import { hardenWebContents } from './security';

export type MainWindowOptions = {
  preloadPath: string;
  /** app://skhod/index.html, or the dev server's URL in development. */
  startUrl: string;
  allowedOrigins: AllowedOrigins;
  /** False in a packaged app: DevTools cannot be opened at all (menu, shortcut or code). */
  devTools: boolean;
};

/** The one application window. Hidden until the first paint, so the user never sees a white flash. */
export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: say(said('appMenu:appName')),
    width: 1280,
    height: 800,
    // The desk screens (search + card + queue) need this much; below it the layout breaks.
    minWidth: 1024,
    minHeight: 700,
    show: false,
    backgroundColor: '#ffffff',
    // Written out here, not built by a helper, so that static checkers (electronegativity) see it.
    webPreferences: {
      preload: opts.preloadPath,
      // SECURITY: the preload's world is separate from the page's; the page sees only `window.skhod`.
      contextIsolation: true,
      // SECURITY: OS-level sandbox for the renderer; the preload can require only 'electron'.
      sandbox: true,
      // SECURITY: no require()/process in pages or workers.
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      // SECURITY: keep the same-origin policy and never load http content into the app origin.
      webSecurity: true,
      allowRunningInsecureContent: false,
      // SECURITY: <webview> would be a way to embed arbitrary content with its own preferences.
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      // Offline app: Chromium's spellchecker would try to download dictionaries.
      spellcheck: false,
      // SECURITY: DevTools only in development; the packaged app has none.
      devTools: opts.devTools,
    },
  });
  // Also done for every webContents in main.ts; repeated here so this window never depends on it.
  hardenWebContents(win.webContents, opts.allowedOrigins);
  win.once('ready-to-show', () => win.show());
  win.webContents.on('render-process-gone', (_event, details) => {
    console.error(`[skhod] renderer gone: ${details.reason} (exit code ${details.exitCode})`);
  });
  void win.loadURL(opts.startUrl).catch((err: unknown) => {
    console.error(`[skhod] cannot load ${opts.startUrl}`, err);
  });
  return win;
}
