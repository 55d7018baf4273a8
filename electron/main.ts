import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { APP_INDEX_URL, installAppProtocol, registerAppScheme } from './app-protocol';
import { refusedAtStart, refusedMessage, REFUSED_TITLE } from './debug-guard';
import { handlers } from './handlers';
import { registerHandlers } from './ipc';
import { said, wordRu } from '../shared/text/said';
import { installMenu } from './menu';
import { filesFromArgv, openedFiles } from './opened-files';
import { allowedOriginsFor, devServerUrl } from './origins';
import { hardenSession, hardenWebContents } from './security';
import { createMainWindow } from './window';

/*
 * Entry of the main process (bundled to dist/electron/main.cjs, so __dirname is dist/electron).
 *
 * STORAGE IDENTITY — the renderer's IndexedDB is found by (userData folder, origin). The origin is
 * app://skhod (see app-protocol.ts) and the userData folder comes from package.json's productName.
 * Changing EITHER after release makes every device open an empty database. Don't.
 */
const RENDERER_ROOT = path.join(__dirname, '../renderer');
const PRELOAD_PATH = path.join(__dirname, 'preload.cjs');

// SECURITY: sandbox every renderer, including any we did not create ourselves. Must precede 'ready'.
app.enableSandbox();
// Must precede 'ready': Electron fixes the list of privileged schemes at startup.
registerAppScheme(protocol);

const dev = devServerUrl(process.env, app.isPackaged);
const allowedOrigins = allowedOriginsFor(dev);
let mainWindow: BrowserWindow | null = null;

function openMainWindow(): void {
  mainWindow = createMainWindow({
    preloadPath: PRELOAD_PATH,
    startUrl: dev?.href ?? APP_INDEX_URL,
    allowedOrigins,
    // SECURITY: no DevTools in an installed app (the console would open the database to anyone)
    devTools: !app.isPackaged,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function start(): void {
  hardenSession(session.defaultSession, allowedOrigins);
  installAppProtocol(protocol, RENDERER_ROOT);
  registerHandlers(ipcMain, handlers, { allowedOrigins });
  installMenu(() => mainWindow);
  openMainWindow();
}

// SECURITY: a packaged app started with a debugger switch says why and quits (debug-guard.ts).
const refused = refusedAtStart(process.argv, process.env, app.isPackaged);

if (refused.length > 0) {
  dialog.showErrorBox(wordRu(REFUSED_TITLE), wordRu(refusedMessage(refused)));
  app.quit();
} else if (!app.requestSingleInstanceLock()) {
  // One instance per user: two copies would write the same IndexedDB and fight over it.
  app.quit();
} else {
  // a double-clicked exchange file or juror package (Windows, Linux: on the command line)
  openedFiles.add(filesFromArgv(process.argv));
  // macOS hands files over by event, possibly before 'ready'
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    openedFiles.add([filePath]);
  });
  app.on('second-instance', (_event, argv) => {
    openedFiles.add(filesFromArgv(argv));
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // SECURITY: every webContents (windows, DevTools, anything a future feature adds) gets the
  // navigation / window.open / <webview> lock.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, allowedOrigins));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      console.error('[skhod] startup failed', err);
      dialog.showErrorBox(wordRu(said('appMenu:start.failedTitle')), wordRu(said('appMenu:start.failed')));
      app.quit();
    });
}
