/**
 * The main process's words reach the screen in the interface language (issue 23): a file it cannot read, a
 * refusal the hub sends over the network, a request the IPC registrar refuses — each made by the real code,
 * carried as a `Said` beside its Russian `message`, and worded by the renderer's bridge (renderer/bridge/worded.ts)
 * through i18next: Russian as before, English after the switch, with their values. And the language IPC
 * itself: only 'ru' | 'en', only from the app's window.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import i18next from 'i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handlers } from '../../../electron/handlers';
import { readFileLimited } from '../../../electron/handlers/open-file';
import { pairWithHub, postSync } from '../../../electron/hub/client';
import { failure } from '../../../electron/hub/desk-link';
import { createInvokeListener } from '../../../electron/ipc';
import { mainLanguage, setMainLanguage } from '../../../electron/language';
import { installMenu } from '../../../electron/menu';
import { channels, type BridgeResult } from '../../../shared/ipc/contract';
import { wordResult } from '../../../renderer/bridge/worded';
import { wordedText } from '../../../renderer/i18n';
import { fake, resetFake } from './fake-electron';
import { clock, deskFile, EVENT, pairBody, pairDesk, rejection, serveRenderer, signer, startHub, tlsIdentity, useHubTestHooks, wrongPin } from './hub-helpers';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

const APP = { allowedOrigins: ['app://skhod'] };
const frame = { parent: null, url: 'app://skhod/index.html' };
const fromWindow = { sender: { mainFrame: frame }, senderFrame: frame };
const fromIframe = { sender: { mainFrame: frame }, senderFrame: { parent: frame, url: 'app://skhod/index.html' } };
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const english = () => i18next.changeLanguage('en');

/** What a screen shows for a bridge result: the error's words as the renderer's bridge hands them over. */
const shown = (r: unknown) => {
  const worded = wordResult(r as BridgeResult<unknown>);
  if ('error' in worded) return plain(worded.error.message);
  return plain((worded.data as { message: string }).message);
};

/** A channel's listener as main registers it (sender check, zod, BridgeError → result). */
const listen = <K extends keyof typeof channels>(key: K, handler: (args: unknown) => Promise<unknown>) =>
  createInvokeListener(channels[key].channel, channels[key].args, handler, APP) as (event: unknown, ...args: unknown[]) => Promise<unknown>;

useHubTestHooks();
afterEach(async () => {
  await i18next.changeLanguage('ru');
  setMainLanguage('ru');
});

describe('file errors', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'skhod-words-'));

  it('a missing file: Russian as before, English with the file name and the reason', async () => {
    const open = listen('openFile', () => readFileLimited(path.join(dir, 'делегаты-Белорецк.xlsx'), 1024));
    const r = await open(fromWindow, { filters: [], maxBytes: 1024 });
    expect(r).toMatchObject({ error: { type: 'io', said: { key: 'fileAccess:readFailed' } } });
    expect(shown(r)).toBe('Не удалось прочитать файл «делегаты-Белорецк.xlsx»: файл или папка не найдены — возможно, флешку извлекли или файл переместили.');
    await english();
    expect(shown(r)).toBe('Could not read the file «делегаты-Белорецк.xlsx»: the file or folder was not found — perhaps the USB stick was removed or the file was moved.');
  });

  it('a file over the limit names both sizes the reader’s way, the file’s rounded up', async () => {
    const file = path.join(dir, 'заявки.csv');
    writeFileSync(file, Buffer.alloc(1024 * 1024 + 1));
    const r = await listen('openFile', () => readFileLimited(file, 1024 * 1024))(fromWindow, { filters: [], maxBytes: 1024 });
    expect(shown(r)).toBe('Файл «заявки.csv» слишком большой: 1,1 МБ, а можно открыть не больше 1 МБ. Выберите файл поменьше или разделите его на части.');
    await english();
    expect(shown(r)).toBe('The file «заявки.csv» is too large: 1.1 MB, and at most 1 MB can be opened. Choose a smaller file or split it into parts.');
  });
});

describe('the hub’s refusals travel as data and are worded by the desk', () => {
  it('a wrong PIN, in the desk’s language', async () => {
    const hub = await startHub();
    const err = await rejection(pairWithHub(hub.addr, pairBody(wrongPin(hub.server.pin), await signer('desk-1')), await tlsIdentity(1)));
    const r = { data: failure(err) };
    expect(r.data).toMatchObject({ ok: false, code: 'wrong-pin', said: { key: 'hubLink:wrongPin' }, offline: false });
    expect(shown(r)).toBe('Неверный PIN. Проверьте шесть цифр на экране хаба и введите их снова.');
    await english();
    expect(shown(r)).toBe('Wrong PIN. Check the six digits on the hub’s screen and enter them again.');
  });

  it('a file of another event names the hub’s event in English', async () => {
    const hub = await startHub();
    const d = await pairDesk(hub, await signer('desk-2'), await tlsIdentity(2));
    const renderer = serveRenderer(hub.link, async () => deskFile(hub.hubSigner, 0));
    const err = await rejection(postSync(hub.addr, { token: d.token, deviceId: d.s.deviceId, counter: ++clock.now }, hub.pin, d.me, await deskFile(d.s, 1, 'ev-other')));
    renderer.stop();
    const r = { data: failure(err) };
    expect(r.data).toMatchObject({ code: 'wrong-event', said: { key: 'hubLink:wrongEvent', values: { title: EVENT.title } } });
    await english();
    expect(shown(r)).toBe(`The hub works with the event «${EVENT.title}», but another one is open on this device. Open «${EVENT.title}» (if it is not here, get it as an exchange file from the organizer).`);
  });

  it('the hub window’s own refusal of a file reaches the desk as its reason, worded in the desk’s language', async () => {
    const hub = await startHub();
    const d = await pairDesk(hub, await signer('desk-3'), await tlsIdentity(3));
    const said = { key: 'fileExchange:codes.tampered' };
    const renderer = serveRenderer(hub.link, async () => ({ error: 'Файл обмена изменён', said }));
    const err = await rejection(postSync(hub.addr, { token: d.token, deviceId: d.s.deviceId, counter: ++clock.now }, hub.pin, d.me, await deskFile(d.s, 1)));
    renderer.stop();
    expect(err).toMatchObject({ code: 'refused', said });
    await english();
    expect(shown({ data: failure(err) })).toMatch(/^The exchange file/);
  });

  it('an older hub’s text without a said, or a key this version lacks, is shown as sent', async () => {
    await english();
    expect(wordedText({ message: 'Хаб занят.' })).toBe('Хаб занят.');
    expect(wordedText({ message: 'Хаб занят.', said: { key: 'hubLink:somethingNewer' } })).toBe('Хаб занят.');
  });
});

describe('IPC refusals', () => {
  it('a request from an iframe is refused in the window’s language', async () => {
    const r = await listen('appInfo', async () => ({}))(fromIframe, {});
    expect(r).toMatchObject({ error: { type: 'forbidden', said: { key: 'ipcChecks:forbidden' } } });
    expect(shown(r)).toMatch(/^Запрос отклонён: он пришёл не из окна приложения/);
    await english();
    expect(shown(r)).toBe('Request refused: it did not come from the application’s window. Restart the application; if this happens again, tell the developers.');
  });

  it('a malformed request names its channel and fields in English', async () => {
    const r = await listen('saveFile', async () => null)(fromWindow, { suggestedName: 'a/b.xlsx', bytes: new Uint8Array(1) });
    await english();
    expect(shown(r)).toBe('The application sent an invalid request (skhod:save-file), fields: suggestedName. This is a bug in the program — please report it to the developers.');
  });
});

describe('the language IPC', () => {
  beforeEach(() => resetFake());

  it('takes only ru or en from the app’s window, then the menu and dialogs speak it', async () => {
    installMenu(() => null);
    const setLanguage = listen('setLanguage', (args) => handlers.setLanguage(args as { language: 'ru' | 'en' }));
    for (const bad of [{ language: 'de' }, { language: 'EN' }, { language: 'en', menu: 'x' }, 'en', {}]) {
      expect(await setLanguage(fromWindow, bad), JSON.stringify(bad)).toMatchObject({ error: { type: 'invalid-args' } });
    }
    expect(await setLanguage(fromWindow, { language: 'en' }, 'extra')).toMatchObject({ error: { type: 'invalid-args' } });
    expect(await setLanguage(fromIframe, { language: 'en' })).toMatchObject({ error: { type: 'forbidden' } });
    expect(await setLanguage({ sender: { mainFrame: frame }, senderFrame: { parent: null, url: 'https://evil.example/' } }, { language: 'en' })).toMatchObject({ error: { type: 'forbidden' } });
    expect(mainLanguage()).toBe('ru');
    expect(fake().Menu.setApplicationMenu).toHaveBeenCalledTimes(1);

    expect(await setLanguage(fromWindow, { language: 'en' })).toEqual({ data: null });
    expect(mainLanguage()).toBe('en');
    const calls = fake().Menu.buildFromTemplate.mock.calls;
    expect((calls[calls.length - 1]![0] as { label?: string }[]).map((m) => m.label)).toContain('File');
    expect(await handlers.appInfo()).toMatchObject({ name: 'Skhod' });
  });
});
