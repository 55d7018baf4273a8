import { promises as fsp, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BridgeError } from '../../../electron/errors';
import { appInfo } from '../../../electron/handlers/app-info';
import { handlers } from '../../../electron/handlers';
import { openFile, readFileLimited } from '../../../electron/handlers/open-file';
import { saveFile, writeFileAtomically } from '../../../electron/handlers/save-file';
import { registerHandlers } from '../../../electron/ipc';
import { channels } from '../../../shared/ipc/contract';
import { FakeBrowserWindow, resetFake, type FakeState } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

const MiB = 1024 * 1024;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'skhod-handlers-'));
let state: FakeState;
let dir: string;
let n = 0;

beforeEach(() => {
  state = resetFake();
  dir = path.join(tmp, String(++n));
  mkdirSync(dir);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** An invoke event whose sender is the window's webContents, as Electron delivers it. */
function eventFromWindow() {
  const win = new FakeBrowserWindow({});
  return { win, event: { sender: win.webContents } as never };
}

async function rejection(promise: Promise<unknown>): Promise<BridgeError> {
  const err = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BridgeError);
  return err as BridgeError;
}

describe('appInfo', () => {
  it('reports name, version, shell and runtime versions', async () => {
    const info = await appInfo();
    expect(info).toMatchObject({ name: 'Сход', version: '1.2.3', shell: 'electron', platform: process.platform });
    expect(Object.keys(info.versions).sort()).toEqual(['chrome', 'electron', 'node']);
    expect(info.versions['node']).toBe(process.versions.node);
  });
});

describe('openFile', () => {
  const args = { title: 'Список делегатов', filters: [{ name: 'Excel', extensions: ['xlsx'] }], maxBytes: MiB };

  it('returns null when the user cancels', async () => {
    const { win, event } = eventFromWindow();
    state.dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    expect(await openFile(args, event)).toBeNull();
    expect(state.dialog.showOpenDialog).toHaveBeenCalledWith(
      win,
      expect.objectContaining({ title: 'Список делегатов', filters: args.filters, properties: expect.arrayContaining(['openFile']) }),
    );
  });

  it('returns the basename and the exact bytes of the picked file', async () => {
    const file = path.join(dir, 'делегаты.xlsx');
    const bytes = Buffer.from([0x50, 0x4b, 3, 4, 0, 255]);
    writeFileSync(file, bytes);
    state.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [file] });
    const result = await openFile(args, eventFromWindow().event);
    expect(result?.name).toBe('делегаты.xlsx');
    expect(result?.bytes).toBeInstanceOf(Uint8Array);
    expect([...result!.bytes]).toEqual([...bytes]);
  });

  it('accepts a file of exactly maxBytes', async () => {
    const file = path.join(dir, 'exact.bin');
    writeFileSync(file, Buffer.alloc(1000, 7));
    expect((await readFileLimited(file, 1000)).byteLength).toBe(1000);
  });

  it('refuses a file over maxBytes by its size, before reading it, naming the limit in MB', async () => {
    const file = path.join(dir, 'big.xlsx');
    writeFileSync(file, Buffer.alloc(MiB + 1));
    state.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [file] });
    const open = vi.spyOn(fsp, 'open');
    const readFile = vi.spyOn(fsp, 'readFile');
    const err = await rejection(openFile(args, eventFromWindow().event));
    expect(err.type).toBe('too-large');
    expect(err.message).toContain('«big.xlsx»');
    expect(err.message).toContain('не больше 1\u00a0МБ');
    expect(err.message).toContain('1,1\u00a0МБ'); // the file's own size, rounded up
    expect(open).not.toHaveBeenCalled();
    expect(readFile).not.toHaveBeenCalled();
  });

  it('goes through IPC as { error: { type: "too-large" } } with the Russian message', async () => {
    const file = path.join(dir, 'big.csv');
    writeFileSync(file, Buffer.alloc(3 * MiB));
    state.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [file] });
    const listeners = new Map<string, (...a: unknown[]) => Promise<unknown>>();
    registerHandlers({ handle: (c: string, l: never) => void listeners.set(c, l) }, handlers, { allowedOrigins: ['app://skhod'] });
    const { win } = eventFromWindow();
    win.webContents.mainFrame.url = 'app://skhod/index.html';
    const event = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    const res = await listeners.get(channels.openFile.channel)!(event, { filters: [], maxBytes: 2 * MiB });
    expect(res).toEqual({
      error: { type: 'too-large', message: expect.stringContaining('не больше 2\u00a0МБ'), said: { key: 'fileAccess:tooLarge', values: { name: 'big.csv', size: 3 * MiB, limit: 2 * MiB } } },
    });
  });

  it('refuses a folder as an io error', async () => {
    const err = await rejection(readFileLimited(dir, MiB));
    expect(err.type).toBe('io');
  });

  it('reports a vanished file as an io error in Russian', async () => {
    const err = await rejection(readFileLimited(path.join(dir, 'gone.xlsx'), MiB));
    expect(err.type).toBe('io');
    expect(err.message).toMatch(/Не удалось прочитать файл «gone\.xlsx»: файл или папка не найдены/);
  });
});

describe('saveFile', () => {
  const bytes = new Uint8Array([1, 2, 3, 250]);

  it('offers the Documents folder, writes the bytes and returns the full path', async () => {
    state.app.documentsDir = path.join(dir, 'Документы');
    const target = path.join(dir, 'отчёт.xlsx');
    const { win, event } = eventFromWindow();
    state.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    expect(await saveFile({ suggestedName: 'отчёт.xlsx', bytes }, event)).toEqual({ name: target });
    expect(state.dialog.showSaveDialog).toHaveBeenCalledWith(
      win,
      expect.objectContaining({ defaultPath: path.join(dir, 'Документы', 'отчёт.xlsx') }),
    );
    expect([...readFileSync(target)]).toEqual([...bytes]);
    expect(readdirSync(dir)).toEqual(['отчёт.xlsx']);
  });

  it('returns null and writes nothing when the user cancels', async () => {
    state.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    const writeSpy = vi.spyOn(fsp, 'open');
    expect(await saveFile({ suggestedName: 'a.xlsx', bytes }, eventFromWindow().event)).toBeNull();
    expect(writeSpy).not.toHaveBeenCalled();
  });

  it('writes a complete temp file in the same folder, then renames it over the target', async () => {
    const target = path.join(dir, 'итоги.xlsx');
    writeFileSync(target, 'OLD');
    const seen: { from: string; to: string; tempContent: string; targetContent: string }[] = [];
    const realRename = fsp.rename.bind(fsp);
    vi.spyOn(fsp, 'rename').mockImplementation(async (from, to) => {
      seen.push({
        from: String(from),
        to: String(to),
        tempContent: readFileSync(from).toString(),
        targetContent: readFileSync(to).toString(),
      });
      return realRename(from, to);
    });
    await writeFileAtomically(target, new TextEncoder().encode('NEW CONTENT'));
    expect(seen).toHaveLength(1);
    expect(path.dirname(seen[0]!.from)).toBe(dir);
    expect(seen[0]!.from).not.toBe(target);
    expect(seen[0]!.to).toBe(target);
    expect(seen[0]!.tempContent).toBe('NEW CONTENT');
    expect(seen[0]!.targetContent).toBe('OLD'); // untouched until the rename
    expect(readFileSync(target, 'utf8')).toBe('NEW CONTENT');
    expect(readdirSync(dir)).toEqual(['итоги.xlsx']);
  });

  it('keeps the old file and removes the temp file when the rename fails', async () => {
    const target = path.join(dir, 'занят.xlsx');
    writeFileSync(target, 'OLD');
    vi.spyOn(fsp, 'rename').mockRejectedValue(Object.assign(new Error('busy'), { code: 'EBUSY' }));
    const err = await rejection(writeFileAtomically(target, new Uint8Array([9])));
    expect(err.type).toBe('io');
    expect(err.message).toMatch(/Не удалось сохранить файл «занят\.xlsx»: файл занят другой программой/);
    expect(readFileSync(target, 'utf8')).toBe('OLD');
    expect(readdirSync(dir)).toEqual(['занят.xlsx']);
  });

  it('reports a missing folder as an io error', async () => {
    const err = await rejection(writeFileAtomically(path.join(dir, 'нет-папки', 'a.xlsx'), new Uint8Array([1])));
    expect(err.type).toBe('io');
  });
});

