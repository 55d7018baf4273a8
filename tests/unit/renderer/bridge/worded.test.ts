import i18next from 'i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Bridge, HubStatus } from '../../../../shared/ipc/contract';
import { worded, said } from '../../../../shared/text/said';
import { wordedBridge } from '../../../../renderer/bridge/worded';
import { initI18n } from '../../../../renderer/i18n';

// The Electron bridge as screens get it: what main says arrives with `said`, and `message` is reworded in the
// interface language before any screen reads it; data without words passes untouched.
initI18n('ru');
afterEach(async () => {
  await i18next.changeLanguage('ru');
});

const status: HubStatus = {
  host: { running: false, port: 47800, address: null, addresses: [], code: null, pin: null, approvals: [], event: null, serving: false, paired: [] },
  link: null,
  notice: worded(said('hubLink:desk.oldLink')),
};

function fakeMain() {
  const bytes = new Uint8Array([1, 2, 3]);
  const raw = {
    openFile: vi.fn(async () => ({ error: { type: 'io' as const, ...worded(said('fileAccess:readFailed', { name: 'список.xlsx', reason: said('fileAccess:reasons.busy') })) } })),
    hubPair: vi.fn(async () => ({ data: { ok: false as const, code: 'wrong-pin', offline: false, ...worded(said('hubLink:wrongPin')) } })),
    hubStatus: vi.fn(async () => ({ data: status })),
    hubSync: vi.fn(async () => ({ data: { ok: true as const, bytes } })),
    backupRead: vi.fn(async () => ({ data: { bytes } })),
  };
  // frozen, as contextBridge hands the preload's object to the page
  return { raw, bytes, bridge: wordedBridge(Object.freeze(raw) as unknown as Bridge) };
}

describe('wordedBridge', () => {
  it('rewords errors, hub failures and the hub notice in the interface language', async () => {
    const { raw, bridge } = fakeMain();
    const ruError = await bridge.openFile({ filters: [], maxBytes: 1 });
    expect(ruError).toMatchObject({ error: { type: 'io', message: 'Не удалось прочитать файл «список.xlsx»: файл занят другой программой — закройте его (например, в Excel) и повторите.' } });
    await i18next.changeLanguage('en');
    expect(await bridge.openFile({ filters: [], maxBytes: 1 })).toMatchObject({
      error: { type: 'io', message: 'Could not read the file «список.xlsx»: the file is in use by another program — close it (in Excel, for example) and try again.' },
    });
    expect(raw.openFile).toHaveBeenCalledWith({ filters: [], maxBytes: 1 });
    expect(await bridge.hubPair({ address: 'x', pin: '000000', device: { id: 'd', name: 'n', publicKey: 'k', role: 'desk' } })).toMatchObject({
      data: { ok: false, code: 'wrong-pin', message: 'Wrong PIN. Check the six digits on the hub’s screen and enter them again.' },
    });
    const s = await bridge.hubStatus({});
    expect('data' in s && s.data.notice?.message).toMatch(/^The connection to the hub is now encrypted/);
  });

  it('passes data through as it came', async () => {
    const { bridge, bytes } = fakeMain();
    await i18next.changeLanguage('en');
    const synced = await bridge.hubSync({ eventId: 'e', bytes: new Uint8Array() });
    expect('data' in synced && synced.data.ok && synced.data.bytes).toBe(bytes);
    expect(await bridge.backupRead({ name: 'x' })).toEqual({ data: { bytes } });
  });
});
