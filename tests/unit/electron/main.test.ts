import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as AppProtocol from '../../../electron/app-protocol';
import { channels } from '../../../shared/ipc/contract';
import { debuggerSwitches } from '../../../electron/debug-guard';
import { resetFake, type FakeBrowserWindow, type FakeState } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

// Capture what main.ts hands to the protocol installer, without depending on a built renderer.
const installAppProtocol = vi.hoisted(() => vi.fn());
vi.mock('../../../electron/app-protocol', async (importOriginal) => {
  const actual = await importOriginal<typeof AppProtocol>();
  return { ...actual, installAppProtocol };
});

const electronDir = path.resolve(__dirname, '../../../electron');

/** Imports a fresh copy of electron/main.ts against fresh fakes and lets app.whenReady() settle. */
async function startMain(setup: (state: FakeState) => void = () => undefined): Promise<FakeState> {
  const state = resetFake();
  setup(state);
  vi.resetModules();
  installAppProtocol.mockClear();
  await import('../../../electron/main');
  await vi.waitFor(() => {
    if (state.app.lockResult && state.windows.length === 0) throw new Error('window not created yet');
  });
  return state;
}

function onlyWindow(state: FakeState): FakeBrowserWindow {
  expect(state.windows).toHaveLength(1);
  return state.windows[0]!;
}

function navEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

beforeEach(() => {
  delete process.env['SKHOD_DEV_SERVER_URL'];
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  delete process.env['SKHOD_DEV_SERVER_URL'];
  vi.restoreAllMocks();
});

describe('main process startup', () => {
  it('registers app:// as privileged before ready, enables the sandbox and takes the single-instance lock', async () => {
    const state = await startMain();
    expect(state.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(state.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      {
        scheme: 'app',
        privileges: {
          standard: true,
          secure: true,
          supportFetchAPI: true,
          corsEnabled: false,
          stream: true,
          bypassCSP: false,
          allowServiceWorkers: false,
          codeCache: true,
        },
      },
    ]);
    const registerOrder = state.protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]!;
    const readyOrder = state.app.whenReady.mock.invocationCallOrder[0]!;
    expect(registerOrder).toBeLessThan(readyOrder);
    expect(state.app.enableSandbox).toHaveBeenCalled();
    expect(state.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(state.app.quit).not.toHaveBeenCalled();
  });

  it('quits without opening a window when another instance holds the lock', async () => {
    const state = await startMain((s) => {
      s.app.lockResult = false;
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(state.app.quit).toHaveBeenCalled();
    expect(state.windows).toHaveLength(0);
    expect(state.ipcMain.handle).not.toHaveBeenCalled();
  });

  it('serves the renderer from ../renderer next to the compiled main and loads app://skhod/index.html', async () => {
    const state = await startMain();
    expect(installAppProtocol).toHaveBeenCalledWith(state.protocol, path.join(electronDir, '../renderer'));
    expect(onlyWindow(state).loadURL).toHaveBeenCalledWith('app://skhod/index.html');
  });

  it('creates the window with every security flag, the preload path, title and minimum size', async () => {
    const win = onlyWindow(await startMain());
    expect(win.options).toMatchObject({ title: 'Сход', minWidth: 1024, minHeight: 700, show: false });
    expect(win.options['webPreferences']).toEqual({
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: true,
      preload: path.join(electronDir, 'preload.cjs'),
    });
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledTimes(1);
  });

  it('denies navigation and redirects to foreign URLs and allows app://skhod', async () => {
    const contents = onlyWindow(await startMain()).webContents;
    for (const url of [
      'https://evil.example/',
      'http://127.0.0.1:5173/',
      'file:///etc/passwd',
      'app://evil/index.html',
      'app://skhod.evil.example/',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
    ]) {
      for (const name of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
        const event = navEvent(url);
        contents.emit(name, event, url);
        expect(event.preventDefault, `${name} ${url}`).toHaveBeenCalled();
      }
    }
    for (const url of ['app://skhod/index.html', 'app://skhod/desk#queue']) {
      const event = navEvent(url);
      contents.emit('will-navigate', event, url);
      expect(event.preventDefault, url).not.toHaveBeenCalled();
    }
  });

  it('denies window.open and never hands the URL to shell.openExternal', async () => {
    const state = await startMain();
    const handler = onlyWindow(state).webContents.windowOpenHandler!;
    for (const url of ['https://evil.example/', 'app://skhod/index.html', 'mailto:a@b.c']) {
      expect(handler({ url })).toEqual({ action: 'deny' });
    }
    expect(state.shell.openExternal).not.toHaveBeenCalled();
  });

  it('prevents <webview> attachment', async () => {
    const contents = onlyWindow(await startMain()).webContents;
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, { src: 'https://evil.example' });
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('hardens webContents it did not create itself (web-contents-created)', async () => {
    const state = await startMain();
    const { FakeWebContents } = await import('./fake-electron');
    const other = new FakeWebContents();
    state.app.emit('web-contents-created', {}, other);
    const event = navEvent('https://evil.example/');
    other.emit('will-navigate', event, event.url);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(other.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('installs deny-all permission handlers on the default session', async () => {
    const ses = (await startMain()).session.defaultSession;
    const request = ses.setPermissionRequestHandler.mock.calls[0]![0] as (...a: unknown[]) => void;
    const check = ses.setPermissionCheckHandler.mock.calls[0]![0] as (...a: unknown[]) => boolean;
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'hid']) {
      const callback = vi.fn();
      request({}, permission, callback, { requestingUrl: 'app://skhod/index.html' });
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(check({}, permission, 'app://skhod', {}), permission).toBe(false);
    }
    expect((ses.setDevicePermissionHandler.mock.calls[0]![0] as () => boolean)()).toBe(false);
  });

  it('registers one IPC handler per contract channel, accepting only app://skhod', async () => {
    const state = await startMain();
    expect([...state.ipcHandlers.keys()].sort()).toEqual(Object.values(channels).map((c) => c.channel).sort());
    const listener = state.ipcHandlers.get(channels.appInfo.channel)!;
    const frame = (url: string) => ({ parent: null, url });
    const ok = await listener({ sender: {}, senderFrame: frame('app://skhod/index.html') } as never, {} as never);
    expect(ok).toMatchObject({ data: { name: 'Сход', version: '1.2.3', shell: 'electron' } });
    const dev = await listener({ sender: {}, senderFrame: frame('http://127.0.0.1:5173/') } as never, {} as never);
    expect(dev).toMatchObject({ error: { type: 'forbidden' } });
  });

  it('installs the Russian menu', async () => {
    const state = await startMain();
    expect(state.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    type Item = { label?: string; submenu?: Item[]; click?: () => void };
    const template = state.Menu.buildFromTemplate.mock.calls[0]![0] as Item[];
    expect(template.map((m) => m.label)).toEqual(expect.arrayContaining(['Файл', 'Правка', 'Вид', 'Справка']));
    // This build is not packaged, so DevTools are on offer.
    expect(JSON.stringify(template)).toContain('toggleDevTools');
    const about = template.find((m) => m.label === 'Справка')!.submenu!.find((i) => i.label === 'О программе')!;
    about.click!();
    expect(state.dialog.showMessageBox).toHaveBeenCalledWith(
      onlyWindow(state),
      expect.objectContaining({ message: 'Сход, версия 1.2.3' }),
    );
  });
});

describe('dev mode (SKHOD_DEV_SERVER_URL)', () => {
  it('loads the dev server and allows exactly its origin for navigation and IPC when not packaged', async () => {
    process.env['SKHOD_DEV_SERVER_URL'] = 'http://127.0.0.1:5173/';
    const state = await startMain();
    const win = onlyWindow(state);
    expect(win.loadURL).toHaveBeenCalledWith('http://127.0.0.1:5173/');
    const allowed = navEvent('http://127.0.0.1:5173/desk');
    win.webContents.emit('will-navigate', allowed, allowed.url);
    expect(allowed.preventDefault).not.toHaveBeenCalled();
    const otherPort = navEvent('http://127.0.0.1:5174/');
    win.webContents.emit('will-navigate', otherPort, otherPort.url);
    expect(otherPort.preventDefault).toHaveBeenCalled();
    const listener = state.ipcHandlers.get(channels.appInfo.channel)!;
    const res = await listener({ sender: {}, senderFrame: { parent: null, url: 'http://127.0.0.1:5173/' } } as never, {} as never);
    expect(res).toHaveProperty('data');
  });

  it('ignores the variable in a packaged app', async () => {
    process.env['SKHOD_DEV_SERVER_URL'] = 'http://127.0.0.1:5173/';
    const state = await startMain((s) => {
      s.app.isPackaged = true;
    });
    expect(onlyWindow(state).loadURL).toHaveBeenCalledWith('app://skhod/index.html');
  });

  it('ignores a dev URL that is not on loopback', async () => {
    process.env['SKHOD_DEV_SERVER_URL'] = 'http://evil.example:5173/';
    const state = await startMain();
    expect(onlyWindow(state).loadURL).toHaveBeenCalledWith('app://skhod/index.html');
  });
});


describe('packaged app: no DevTools, no debugger switches (issue 17, item 7)', () => {
  const argv = process.argv;
  afterEach(() => {
    process.argv = argv;
    delete process.env['NODE_OPTIONS'];
  });

  /** Imports main.ts as a packaged app started with `extra` on its command line. */
  async function startPackaged(extra: string[], packaged = true): Promise<FakeState> {
    const state = resetFake();
    state.app.isPackaged = packaged;
    process.argv = [...argv.slice(0, 2), ...extra];
    vi.resetModules();
    await import('../../../electron/main');
    await new Promise((r) => setTimeout(r, 0));
    return state;
  }

  it.each([['--remote-debugging-port=9222'], ['--remote-debugging-pipe'], ['--inspect'], ['--inspect-brk=0.0.0.0:9229'], ['--inspect-port', '9229']])(
    'refuses %s: a Russian message, quit, no window, no IPC',
    async (...extra) => {
      const state = await startPackaged(extra);
      expect(state.dialog.showErrorBox).toHaveBeenCalledTimes(1);
      const [title, message] = state.dialog.showErrorBox.mock.calls[0] as [string, string];
      expect(title).toBe('Сход не запущен');
      expect(message).toContain(extra[0]!.split('=')[0]);
      expect(message).toMatch(/Запустите Сход обычным ярлыком/);
      expect(state.app.quit).toHaveBeenCalled();
      expect(state.app.whenReady).not.toHaveBeenCalled();
      expect(state.windows).toHaveLength(0);
      expect(state.ipcHandlers.size).toBe(0);
    },
  );

  it('names only debugger switches: other switches and file names are left alone', () => {
    expect(debuggerSwitches(['--no-sandbox', '--inspector', '--lang=ru', '/tmp/--inspect.skhod', 'inspect', '--remote-debugging-portal'])).toEqual([]);
    expect(debuggerSwitches(['--REMOTE-DEBUGGING-PORT=1', '-inspect', '--js-flags=--allow-natives-syntax'])).toHaveLength(3);
  });

  it('refuses an inspector smuggled in NODE_OPTIONS', async () => {
    process.env['NODE_OPTIONS'] = '--max-old-space-size=4096 --inspect=9229';
    const state = await startPackaged([]);
    expect(state.dialog.showErrorBox).toHaveBeenCalledWith('Сход не запущен', expect.stringContaining('--inspect'));
    expect(state.windows).toHaveLength(0);
  });

  it('a packaged window has DevTools switched off; an ordinary start with a file argument is not refused', async () => {
    const state = await startPackaged(['/home/org/обмен.skhod']);
    await vi.waitFor(() => expect(state.windows).toHaveLength(1));
    expect(state.dialog.showErrorBox).not.toHaveBeenCalled();
    expect((onlyWindow(state).options['webPreferences'] as { devTools: boolean }).devTools).toBe(false);
  });

  it('development runs keep DevTools and may be started under a debugger', async () => {
    const state = await startPackaged(['--inspect=9229', '--remote-debugging-port=9222'], false);
    await vi.waitFor(() => expect(state.windows).toHaveLength(1));
    expect(state.dialog.showErrorBox).not.toHaveBeenCalled();
    expect((onlyWindow(state).options['webPreferences'] as { devTools: boolean }).devTools).toBe(true);
  });
});
