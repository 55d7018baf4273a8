import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { BridgeError } from '../../../electron/errors';
import {
  checkSender,
  createInvokeListener,
  isAllowedSenderUrl,
  registerHandlers,
  type Contract,
  type Handlers,
} from '../../../electron/ipc';
import { channels, MAX_FILE_BYTES, type ChannelKey } from '../../../shared/ipc/contract';
import { said } from '../../../shared/text/said';

const APP = ['app://skhod'];
const policy = { allowedOrigins: APP };

type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;

function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  return {
    listeners,
    handle: vi.fn((channel: string, listener: Listener) => {
      listeners.set(channel, listener);
    }),
  };
}

const mainFrame = { parent: null, url: 'app://skhod/index.html' };
const okEvent = () => ({ sender: { mainFrame }, senderFrame: mainFrame });
const eventFrom = (url: string) => {
  const frame = { parent: null, url };
  return { sender: { mainFrame: frame }, senderFrame: frame };
};
const subFrameEvent = () => ({ sender: { mainFrame }, senderFrame: { parent: mainFrame, url: 'app://skhod/index.html' } });

const BACKUP_NAME = 'skhod-20190927-083015042-k3x9q2.skhod-backup';

const hubDevice = { id: 'desk-1', name: 'Стойка 1', publicKey: 'BKrHbqKQn0Wb5CfKxyv0sYtD3gX9s0P4q0zQ8cZ1mJ8u' };
const hubStatusValue = {
  host: { running: false, port: 47800, address: null, addresses: [], code: null, pin: null, approvals: [], event: null, serving: false, paired: [] },
  link: null,
  notice: null,
};
const PAIRING_ID = '3b2f8c1e-0a4d-4f5e-9b6c-7d8e9f0a1b2c';
function hubStubHandlers() {
  return {
    hubStatus: vi.fn(async () => hubStatusValue),
    hubStart: vi.fn(async () => hubStatusValue),
    hubStop: vi.fn(async () => hubStatusValue),
    hubNewPin: vi.fn(async () => hubStatusValue),
    hubUnpair: vi.fn(async () => hubStatusValue),
    hubDecide: vi.fn(async () => hubStatusValue),
    hubPairConfirm: vi.fn(async () => ({ ok: false as const, code: 'pairing-refused', message: 'Не разрешено', offline: false })),
    hubNextRequest: vi.fn(async () => null),
    hubAnswer: vi.fn(async () => ({ accepted: false })),
    hubPair: vi.fn(async () => ({ ok: false as const, code: 'wrong-pin', message: 'Неверный PIN', offline: false })),
    hubSync: vi.fn(async () => ({ ok: false as const, code: 'unreachable', message: 'Нет связи', offline: true })),
    hubForget: vi.fn(async () => hubStatusValue),
  };
}
const hubValidArgs = {
  hubStatus: {},
  hubStart: { port: 47800, device: hubDevice, event: { id: 'ev-1', title: 'Уфа 2019' } },
  hubStop: {},
  hubNewPin: {},
  hubUnpair: { deviceId: 'desk-1' },
  hubDecide: { pairingId: PAIRING_ID, approve: false },
  hubPairConfirm: { pairingId: PAIRING_ID },
  hubNextRequest: { waitMs: 1000 },
  takeOpenedFile: { waitMs: 25_000 },
  hubAnswer: { id: '3b2f8c1e-0a4d-4f5e-9b6c-7d8e9f0a1b2c', bytes: new Uint8Array([1]) },
  hubPair: { address: '192.168.1.10:47800', pin: '004215', device: { ...hubDevice, role: 'desk' } },
  hubSync: { eventId: 'ev-1', bytes: new Uint8Array([1]) },
  hubForget: {},
};

function stubHandlers() {
  return {
    appInfo: vi.fn(async () => ({ name: 'Сход', version: '1', shell: 'electron' as const, platform: 'linux', versions: {} })),
    setLanguage: vi.fn(async () => null),
    openFile: vi.fn(async () => null),
    takeOpenedFile: vi.fn(async () => null),
    saveFile: vi.fn(async () => ({ name: '/tmp/x.xlsx' })),
    backupList: vi.fn(async () => []),
    backupWrite: vi.fn(async () => ({ name: BACKUP_NAME, size: 3 })),
    backupRead: vi.fn(async () => ({ bytes: new Uint8Array([1]) })),
    backupDelete: vi.fn(async () => null),
    ...hubStubHandlers(),
  } satisfies Handlers;
}

const validArgs: { [K in ChannelKey]: unknown } = {
  appInfo: {},
  setLanguage: { language: 'en' },
  openFile: { title: 'Открыть список', filters: [{ name: 'Excel', extensions: ['xlsx', 'xls'] }, { name: 'Сход', extensions: ['skhod-jury', 'skhod'] }], maxBytes: 1024 },
  saveFile: { suggestedName: 'отчёт.xlsx', bytes: new Uint8Array([1, 2, 3]) },
  backupList: {},
  backupWrite: { name: BACKUP_NAME, bytes: new Uint8Array([1, 2, 3]), info: '{}' },
  backupRead: { name: BACKUP_NAME },
  backupDelete: { name: BACKUP_NAME },
  ...hubValidArgs,
};

/** Names a compromised page might try in order to reach outside the backups folder. */
const badBackupNames = [
  undefined,
  '',
  '../skhod-20190927-083015042-k3x9q2.skhod-backup',
  'skhod-20190927-083015042-k3x9q2.skhod-backup/../../x',
  '/etc/passwd',
  '..',
  'skhod-20190927-083015042-K3X9Q2.skhod-backup',
  'skhod-20190927-083015042-k3x9q2.skhod-backup.info.json',
  'skhod-20190927-083015042-k3x9q2.skhod-backup ',
  'skhod-20190927-083015042-k3x9q2.skhod-backup\0',
  'dir\\skhod-20190927-083015042-k3x9q2.skhod-backup',
  42,
];

const hugeBytes = Object.defineProperty(new Uint8Array(1), 'byteLength', { get: () => MAX_FILE_BYTES + 1 });

const invalidArgs: { [K in ChannelKey]: unknown[] } = {
  appInfo: [undefined, null, 'x', 42, [], { extra: 1 }],
  setLanguage: [undefined, {}, 'en', { language: 'de' }, { language: 'EN' }, { language: 'en', extra: 1 }, { language: ['en'] }],
  openFile: [
    undefined,
    {},
    { filters: [] },
    { filters: [], maxBytes: 0 },
    { filters: [], maxBytes: -1 },
    { filters: [], maxBytes: 1.5 },
    { filters: [], maxBytes: MAX_FILE_BYTES + 1 },
    { filters: [], maxBytes: '10' },
    { filters: [{ name: 'x', extensions: ['../x'] }], maxBytes: 1 },
    { filters: [{ name: 'x', extensions: [] }], maxBytes: 1 },
    { filters: [{ name: 'x', extensions: ['*'] }], maxBytes: 1 },
    { filters: [{ name: 'x', extensions: ['-x'] }], maxBytes: 1 },
    { filters: [{ name: 'x', extensions: ['x.y'] }], maxBytes: 1 },
    { filters: [], maxBytes: 1, title: 'x'.repeat(201) },
    { filters: [], maxBytes: 1, defaultPath: '/etc' },
  ],
  saveFile: [
    undefined,
    {},
    { suggestedName: 'a.xlsx' },
    { suggestedName: '../a.xlsx', bytes: new Uint8Array() },
    { suggestedName: 'dir/a.xlsx', bytes: new Uint8Array() },
    { suggestedName: 'dir\\a.xlsx', bytes: new Uint8Array() },
    { suggestedName: '..', bytes: new Uint8Array() },
    { suggestedName: '', bytes: new Uint8Array() },
    { suggestedName: 'a.xlsx', bytes: [1, 2, 3] },
    { suggestedName: 'a.xlsx', bytes: 'AAEC' },
    { suggestedName: 'a.xlsx', bytes: hugeBytes },
    { suggestedName: 'a.xlsx', bytes: new Uint8Array(), path: '/etc/passwd' },
  ],
  backupList: [undefined, null, { dir: '/etc' }],
  backupWrite: [
    ...badBackupNames.map((name) => ({ name, bytes: new Uint8Array(), info: '{}' })),
    { name: BACKUP_NAME, bytes: hugeBytes, info: '{}' },
    { name: BACKUP_NAME, bytes: [1, 2], info: '{}' },
    { name: BACKUP_NAME, bytes: new Uint8Array() },
    { name: BACKUP_NAME, bytes: new Uint8Array(), info: 'x'.repeat(8 * 1024 + 1) },
    { name: BACKUP_NAME, bytes: new Uint8Array(), info: '{}', folder: '/tmp' },
  ],
  backupRead: [...badBackupNames.map((name) => ({ name })), { name: BACKUP_NAME, path: '/etc/passwd' }],
  backupDelete: [...badBackupNames.map((name) => ({ name })), {}],
  // the hub channels' own cases live in hub-ipc.test.ts; here one refusal each keeps this table whole
  hubStatus: [null, { x: 1 }],
  hubStart: [{ port: 80, device: hubDevice, event: { id: 'ev-1', title: 'x' } }],
  hubStop: [null],
  hubNewPin: [null],
  hubUnpair: [{ deviceId: '../x' }],
  hubDecide: [{ pairingId: PAIRING_ID, approve: true, role: 'root' }],
  hubPairConfirm: [{ pairingId: 'x' }],
  hubNextRequest: [{ waitMs: -1 }],
  takeOpenedFile: [undefined, {}, { waitMs: -1 }, { waitMs: 30_001 }, { waitMs: 1.5 }, { waitMs: 10, path: '/etc/passwd' }],
  hubAnswer: [{ id: 'not-a-uuid', error: 'x' }],
  hubPair: [{ address: '192.168.1.10', pin: '12345', device: { ...hubDevice, role: 'desk' } }],
  hubSync: [{ eventId: 'ev-1', bytes: hugeBytes }],
  hubForget: [null],
};

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('isAllowedSenderUrl', () => {
  it.each([
    ['app://skhod/index.html', true],
    ['app://skhod/', true],
    ['app://skhod/desk?x=1#y', true],
    ['https://evil.example/', false],
    ['http://skhod/', false],
    ['file:///work/dist/renderer/index.html', false],
    ['about:blank', false],
    ['data:text/html,hi', false],
    ['blob:app://skhod/6d2f', false],
    ['app://evil/index.html', false],
    ['app://skhod.evil.example/', false],
    ['app://skhod:8080/', false],
    ['app://user@skhod/', false],
    ['', false],
    ['not a url', false],
  ])('%j → %s', (url, expected) => {
    expect(isAllowedSenderUrl(url, APP)).toBe(expected);
  });

  it('allows the dev origin only when listed, exactly', () => {
    const dev = ['app://skhod', 'http://127.0.0.1:5173'];
    expect(isAllowedSenderUrl('http://127.0.0.1:5173/', dev)).toBe(true);
    expect(isAllowedSenderUrl('http://127.0.0.1:5173/', APP)).toBe(false);
    expect(isAllowedSenderUrl('http://127.0.0.1:5174/', dev)).toBe(false);
    expect(isAllowedSenderUrl('http://localhost:5173/', dev)).toBe(false);
  });
});

describe('checkSender', () => {
  it('accepts the main frame of our origin', () => {
    expect(checkSender(okEvent(), APP)).toEqual({ ok: true });
  });
  it('refuses a missing sender frame', () => {
    expect(checkSender({ sender: { mainFrame }, senderFrame: null }, APP).ok).toBe(false);
    expect(checkSender({ sender: { mainFrame } }, APP).ok).toBe(false);
  });
  it('refuses a sub-frame even of our own origin', () => {
    expect(checkSender(subFrameEvent(), APP)).toMatchObject({ ok: false, reason: 'sub-frame' });
  });
  it('refuses foreign origins', () => {
    for (const url of ['https://evil.example/', 'file:///', 'about:blank', 'app://evil/']) {
      expect(checkSender(eventFrom(url), APP).ok, url).toBe(false);
    }
  });
  it('does not throw when the sender webContents is already destroyed', () => {
    const sender = Object.defineProperty({}, 'mainFrame', {
      get() {
        throw new Error('Object has been destroyed');
      },
    });
    expect(checkSender({ sender, senderFrame: { parent: mainFrame, url: 'app://skhod/' } }, APP).ok).toBe(false);
    expect(checkSender({ sender, senderFrame: { parent: null, url: 'app://skhod/' } }, APP).ok).toBe(true);
  });
});

describe('registerHandlers', () => {
  it('registers exactly one listener per contract channel under its prefixed wire name', () => {
    const ipc = fakeIpcMain();
    registerHandlers(ipc, stubHandlers(), policy);
    expect([...ipc.listeners.keys()].sort()).toEqual(Object.values(channels).map((c) => c.channel).sort());
    for (const name of ipc.listeners.keys()) expect(name.startsWith('skhod:')).toBe(true);
  });

  it('throws on a duplicate registration', () => {
    const ipc = fakeIpcMain();
    registerHandlers(ipc, stubHandlers(), policy);
    expect(() => registerHandlers(ipc, stubHandlers(), policy)).toThrow(/already registered/);
    // A different ipcMain (another test, another window host) is independent.
    expect(() => registerHandlers(fakeIpcMain(), stubHandlers(), policy)).not.toThrow();
  });

  it('throws on a contract channel without the prefix', () => {
    const contract = { ...channels, appInfo: { channel: 'evil:app-info', args: z.object({}) } } as unknown as Contract;
    expect(() => registerHandlers(fakeIpcMain(), stubHandlers(), policy, contract)).toThrow(/prefix/);
  });

  it('throws on a missing handler', () => {
    const { saveFile: _omitted, ...partial } = stubHandlers();
    expect(() => registerHandlers(fakeIpcMain(), partial as unknown as Handlers, policy)).toThrow(/No handler/);
  });
});

describe('invocation', () => {
  function setup() {
    const ipc = fakeIpcMain();
    const handlers = stubHandlers();
    registerHandlers(ipc, handlers, policy);
    const call = (key: ChannelKey, event: unknown, ...args: unknown[]) => ipc.listeners.get(channels[key].channel)!(event, ...args);
    return { handlers, call };
  }

  it('returns { data } for a valid call and passes the parsed argument and the event', async () => {
    const { handlers, call } = setup();
    const event = okEvent();
    expect(await call('saveFile', event, validArgs.saveFile)).toEqual({ data: { name: '/tmp/x.xlsx' } });
    expect(handlers.saveFile).toHaveBeenCalledWith(validArgs.saveFile, event);
    expect(await call('openFile', event, validArgs.openFile)).toEqual({ data: null });
    expect(await call('appInfo', event, {})).toMatchObject({ data: { name: 'Сход' } });
  });

  it.each(Object.keys(channels) as ChannelKey[])('refuses invalid arguments on %s without calling the handler', async (key) => {
    const { handlers, call } = setup();
    expect(invalidArgs[key].length).toBeGreaterThan(0);
    for (const bad of invalidArgs[key]) {
      const res = await call(key, okEvent(), bad);
      expect(res, JSON.stringify(bad)).toMatchObject({ error: { type: 'invalid-args' } });
      expect((res as { error: { message: string } }).error.message).toMatch(/некорректный запрос/);
    }
    expect(handlers[key]).not.toHaveBeenCalled();
  });

  it.each(Object.keys(channels) as ChannelKey[])('refuses extra or missing arguments on %s', async (key) => {
    const { handlers, call } = setup();
    expect(await call(key, okEvent(), validArgs[key], 'extra')).toMatchObject({ error: { type: 'invalid-args' } });
    expect(await call(key, okEvent())).toMatchObject({ error: { type: 'invalid-args' } });
    expect(handlers[key]).not.toHaveBeenCalled();
  });

  it.each([
    ['a sub-frame', subFrameEvent()],
    ['a missing sender frame', { sender: { mainFrame }, senderFrame: null }],
    ['https://evil.example', eventFrom('https://evil.example/')],
    ['file:///', eventFrom('file:///C:/Users/x/evil.html')],
    ['app://evil', eventFrom('app://evil/index.html')],
  ])('refuses %s as forbidden on every channel', async (_label, event) => {
    const { handlers, call } = setup();
    for (const key of Object.keys(channels) as ChannelKey[]) {
      const res = await call(key, event, validArgs[key]);
      expect(res).toMatchObject({ error: { type: 'forbidden' } });
      expect((res as { error: { message: string } }).error.message).toMatch(/Запрос отклонён/);
      expect(handlers[key]).not.toHaveBeenCalled();
    }
  });

  it('turns a handler exception into an internal error without leaking its details', async () => {
    const ipc = fakeIpcMain();
    const handlers = stubHandlers();
    handlers.openFile.mockRejectedValueOnce(new Error('ENOENT /home/secret/path at Object.<anonymous>'));
    registerHandlers(ipc, handlers, policy);
    const res = (await ipc.listeners.get(channels.openFile.channel)!(okEvent(), validArgs.openFile)) as {
      error: { type: string; message: string };
    };
    expect(res.error.type).toBe('internal');
    expect(res.error.message).not.toMatch(/secret|ENOENT|at Object/);
    expect(res.error.message).toMatch(/Внутренняя ошибка/);
    expect(console.error).toHaveBeenCalled();
  });

  it('passes a BridgeError through with its type and message', async () => {
    const ipc = fakeIpcMain();
    const handlers = stubHandlers();
    const words = said('fileAccess:tooLarge', { name: 'список.xlsx', size: 3 * 1024 * 1024, limit: 1024 * 1024 });
    handlers.openFile.mockRejectedValueOnce(new BridgeError('too-large', words));
    registerHandlers(ipc, handlers, policy);
    expect(await ipc.listeners.get(channels.openFile.channel)!(okEvent(), validArgs.openFile)).toEqual({
      error: { type: 'too-large', message: 'Файл «список.xlsx» слишком большой: 3\u00a0МБ, а можно открыть не больше 1\u00a0МБ. Выберите файл поменьше или разделите его на части.', said: words },
    });
  });

  it('never rejects, even when the event itself is garbage', async () => {
    const { call } = setup();
    await expect(call('appInfo', null, {})).resolves.toMatchObject({ error: { type: 'forbidden' } });
    await expect(call('appInfo', undefined, {})).resolves.toMatchObject({ error: { type: 'forbidden' } });
    await expect(call('appInfo', { senderFrame: { parent: null, url: 42 } }, {})).resolves.toMatchObject({
      error: { type: 'forbidden' },
    });
  });

  it('refuses a listener built for a channel without the prefix', async () => {
    const handler = vi.fn(async () => 1);
    const listener = createInvokeListener('evil:thing', z.object({}), handler, policy);
    expect(await listener(okEvent() as never, {})).toMatchObject({ error: { type: 'forbidden' } });
    expect(handler).not.toHaveBeenCalled();
  });
});
