/**
 * A fake of the parts of the `electron` module the main process and preload use.
 * Tests do `vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule())`
 * (a dynamic import: vi.mock is hoisted above static imports). There is one state object per worker,
 * reset in place by resetFake(), so a module re-imported after `vi.resetModules()` still talks to
 * the same fake the test inspects.
 *
 * Deliberately dumb: e.g. the fake ipcMain.handle does NOT refuse a duplicate channel (real Electron
 * does), so a test of our registrar's duplicate check cannot pass thanks to the fake.
 */
import { EventEmitter } from 'node:events';
import { vi, type Mock } from 'vitest';

type AnyFn = (...args: never[]) => unknown;


export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler;
  });
  mainFrame = { parent: null, url: '' };
}

export class FakeBrowserWindow extends EventEmitter {
  readonly options: Record<string, unknown>;
  readonly webContents = new FakeWebContents();
  loadURL = vi.fn(async (_url: string) => undefined);
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  isMinimized = vi.fn(() => false);

  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    const state = fake();
    state.windows.push(this);
    // Real Electron emits this synchronously while constructing the window's webContents.
    state.app.emit('web-contents-created', {}, this.webContents);
  }

  static getAllWindows(): FakeBrowserWindow[] {
    return fake().windows;
  }

  static fromWebContents(contents: unknown): FakeBrowserWindow | null {
    return fake().windows.find((w) => w.webContents === contents) ?? null;
  }
}

function createState() {
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    lockResult: true,
    documentsDir: '/nonexistent-documents',
    getVersion: vi.fn(() => '1.2.3'),
    getName: vi.fn(() => 'Сход'),
    getPath: vi.fn((name: string) => (name === 'documents' ? app.documentsDir : `/nonexistent-${name}`)),
    requestSingleInstanceLock: vi.fn(() => app.lockResult),
    quit: vi.fn(),
    enableSandbox: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
  });
  const ipcHandlers = new Map<string, AnyFn>();
  return {
    app,
    windows: [] as FakeBrowserWindow[],
    ipcHandlers,
    ipcMain: {
      handle: vi.fn((channel: string, listener: AnyFn) => {
        ipcHandlers.set(channel, listener);
      }),
      removeHandler: vi.fn((channel: string) => ipcHandlers.delete(channel)),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: vi.fn(),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
        webRequest: { onBeforeRequest: vi.fn() },
      },
    },
    dialog: {
      showOpenDialog: vi.fn() as Mock,
      showSaveDialog: vi.fn() as Mock,
      showMessageBox: vi.fn(async () => ({ response: 0 })),
      showErrorBox: vi.fn(),
    },
    Menu: {
      buildFromTemplate: vi.fn((template: unknown) => ({ template })),
      setApplicationMenu: vi.fn(),
    },
    shell: { openExternal: vi.fn(), openPath: vi.fn() },
    net: { fetch: vi.fn() },
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: { invoke: vi.fn(async () => ({ data: 'from-main' })), send: vi.fn(), on: vi.fn() },
  };
}

export type FakeState = ReturnType<typeof createState>;

const KEY = '__skhodFakeElectron';
type Holder = { [KEY]?: FakeState };

/** The fake state: one object per test worker, reset in place between tests. */
export function fake(): FakeState {
  const holder = globalThis as Holder;
  holder[KEY] ??= createState();
  return holder[KEY];
}

function isMock(value: unknown): value is Mock {
  return typeof value === 'function' && vi.isMockFunction(value);
}

/**
 * Resets the fakes IN PLACE. Vitest snapshots a mocked module's exports once, so the objects
 * main.ts imported must stay the same; only their recorded calls and listeners are cleared.
 * Dialog mocks lose their implementations too (each test says what the user "clicks").
 */
export function resetFake(): FakeState {
  const state = fake();
  const visit = (obj: object, depth: number): void => {
    for (const value of Object.values(obj)) {
      if (isMock(value)) value.mockClear();
      else if (value && typeof value === 'object' && depth < 3 && !(value instanceof EventEmitter)) visit(value, depth + 1);
    }
  };
  visit(state, 0);
  for (const fn of Object.values(state.app)) if (isMock(fn)) fn.mockClear();
  for (const fn of Object.values(state.dialog)) fn.mockReset();
  state.dialog.showMessageBox.mockImplementation(async () => ({ response: 0 }));
  state.ipcRenderer.invoke.mockImplementation(async () => ({ data: 'from-main' }));
  state.app.removeAllListeners();
  state.app.isPackaged = false;
  state.app.lockResult = true;
  state.app.documentsDir = '/nonexistent-documents';
  state.windows.length = 0;
  state.ipcHandlers.clear();
  return state;
}

/** The module `vi.mock('electron', () => fakeElectronModule())` returns. */
export function fakeElectronModule(): Record<string, unknown> {
  const state = fake();
  const mod = {
    app: state.app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: state.ipcMain,
    protocol: state.protocol,
    session: state.session,
    dialog: state.dialog,
    Menu: state.Menu,
    shell: state.shell,
    net: state.net,
    contextBridge: state.contextBridge,
    ipcRenderer: state.ipcRenderer,
  };
  return { ...mod, default: mod };
}
