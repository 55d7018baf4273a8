import { beforeAll, describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import { channelKeys, channels, type ChannelKey } from '../../../shared/ipc/contract';
import { resetFake, type FakeState } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

let state: FakeState;
let api: Record<string, unknown>;

beforeAll(async () => {
  state = resetFake();
  vi.resetModules();
  await import('../../../electron/preload');
  expect(state.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [name, exposed] = state.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, Record<string, unknown>];
  expect(name).toBe('skhod');
  api = exposed;
});

describe('preload', () => {
  it('exposes exactly one function per contract channel and nothing else', () => {
    expect(Object.keys(api).sort()).toEqual([...channelKeys].sort());
    for (const key of channelKeys) expect(typeof api[key], key).toBe('function');
  });

  it('never exposes ipcRenderer or any of its methods', () => {
    for (const value of Object.values(api)) {
      expect(value).not.toBe(state.ipcRenderer);
      expect(value).not.toBe(state.ipcRenderer.invoke);
      expect(value).not.toBe(state.ipcRenderer.send);
      expect(value).not.toBe(state.ipcRenderer.on);
    }
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipc|invoke|send|on\b/i);
  });

  it.each(channelKeys)('%s invokes the prefixed wire name of the contract with exactly one argument', async (key: ChannelKey) => {
    state.ipcRenderer.invoke.mockClear();
    const args = { probe: key };
    const fn = api[key] as (...a: unknown[]) => Promise<unknown>;
    await expect(fn(args, 'smuggled', { more: 1 })).resolves.toEqual({ data: 'from-main' });
    expect(state.ipcRenderer.invoke).toHaveBeenCalledTimes(1);
    expect(state.ipcRenderer.invoke).toHaveBeenCalledWith(channels[key].channel, args);
    expect(channels[key].channel.startsWith('skhod:')).toBe(true);
  });
});
