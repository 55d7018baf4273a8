// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EventRow } from '../../../shared/domain/types';
import type { Bridge, HubStatus } from '../../../shared/ipc/contract';
// types only: the modules themselves are imported after window.skhod is in place (beforeAll)
import type { HubPanel as HubPanelType } from '../../../renderer/features/hub/HubPanel';
import type { DbProvider as DbProviderType } from '../../../renderer/hooks/db-context';

/*
 * The «Локальная сеть» panel rendered in happy-dom against a stand-in for the preload's
 * `window.skhod` (the real bridge module picks it up), over a fake-indexeddb database.
 */
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const idle: HubStatus = {
  host: { running: false, port: 47800, address: '192.168.1.10', addresses: ['192.168.1.10'], code: null, pin: null, approvals: [], event: null, serving: false, paired: [] },
  link: null,
  notice: null,
};
const HUB_CODE = 'A1B2-C3D4-E5F6-0718';
const DESK_CODE = '9F8E-7D6C-5B4A-3921';
const PAIRING_ID = '3b2f8c1e-0a4d-4f5e-9b6c-7d8e9f0a1b2c';
let status: HubStatus = idle;
const calls: { key: string; args: unknown }[] = [];
const syncReply: Awaited<ReturnType<Bridge['hubSync']>> = { data: { ok: false, code: 'unreachable', message: 'Нет связи с хабом 192.168.1.10:47800.', offline: true } };

const fakeBridge = new Proxy({} as Record<string, unknown>, {
  get: (_t, key: string) => async (args: unknown) => {
    calls.push({ key, args });
    if (key === 'appInfo') return { data: { name: 'Сход', version: '1', shell: 'electron', platform: 'linux', versions: {} } };
    if (key === 'hubSync') return syncReply;
    if (key === 'hubNextRequest') return new Promise((r) => setTimeout(() => r({ data: null }), 50));
    if (key === 'hubUnpair') {
      status = { ...status, host: { ...status.host, paired: [] } };
      return { data: status };
    }
    if (key === 'hubDecide') {
      status = { ...status, host: { ...status.host, approvals: [] } };
      return { data: status };
    }
    if (key === 'hubPair') return { data: { ok: true, pending: { pairingId: PAIRING_ID, hubName: 'Ноутбук организатора', hubCode: HUB_CODE, deskCode: DESK_CODE, event: { id: 'ev-1', title: 'x' } } } };
    if (key === 'hubPairConfirm') return { data: { ok: false, code: 'pairing-refused', message: 'Оператор хаба не разрешил подключение этого устройства.', offline: false } };
    return { data: status };
  },
});

let HubPanel: typeof HubPanelType;
let DbProvider: typeof DbProviderType;
let stopDeskSync: () => void;
let stopHubHost: () => void;

beforeAll(async () => {
  (window as unknown as { skhod: unknown }).skhod = fakeBridge;
  (await import('../../../renderer/i18n')).initI18n('ru');
  ({ HubPanel } = await import('../../../renderer/features/hub/HubPanel'));
  ({ DbProvider } = await import('../../../renderer/hooks/db-context'));
  ({ stopDeskSync, stopHubHost } = await import('../../../renderer/features/hub/hub-loops'));
});

const event: EventRow = { id: 'ev-1', title: 'Конференция в Уфе', startDate: '2019-09-27', endDate: '2019-09-27', city: 'Уфа', createdAt: '2019-01-01T00:00:00Z' } as EventRow;

let root: Root | null = null;
let host: HTMLElement;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  stopDeskSync();
  stopHubHost();
  status = idle;
  calls.length = 0;
});

/** A database with the demo event in it, closed again for the panel's DbProvider to open by name. */
async function demoDatabase(): Promise<{ name: string; event: EventRow; pending: number }> {
  const { openDatabase } = await import('../../../renderer/db/open');
  const { openDemoEvent } = await import('../../../renderer/features/onboarding/open-demo');
  const { pendingFor } = await import('../../../renderer/db/repo/exchange-book');
  const name = `hub-panel-demo-${Math.random()}`;
  const ctx = await openDatabase(name);
  const id = await openDemoEvent(ctx, 5);
  const row = (await ctx.db.events.get(id))!;
  const pending = await pendingFor(ctx, id, 'hub-1');
  ctx.db.close();
  return { name, event: row, pending };
}

async function render(dbName = `hub-panel-${Math.random()}`, ev: EventRow = event) {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root!.render(<DbProvider name={dbName}>{<HubPanel event={ev} />}</DbProvider>));
}

const text = () => host.textContent ?? '';

describe('HubPanel', () => {
  it('offers both roles when this device is neither hub nor desk', async () => {
    await render();
    await vi.waitFor(() => expect(text()).toContain('Этот компьютер — хаб'));
    expect(text()).toContain('Подключиться к хабу');
    const port = host.querySelector('input[inputmode="numeric"]') as HTMLInputElement;
    expect(port.value).toBe('47800');
  });

  it('on a hub: what is protected, the PIN in two groups, the address and code, the paired desk with role, code and «Отключить»', async () => {
    status = {
      host: {
        running: true,
        port: 47800,
        address: '192.168.1.10',
        addresses: ['192.168.1.10'],
        code: HUB_CODE,
        pin: '004215',
        approvals: [],
        event: { id: 'ev-1', title: 'Конференция в Уфе' },
        serving: true,
        paired: [{ deviceId: 'desk-1', name: 'Стойка 1', role: 'desk', code: DESK_CODE, pairedAt: '2019-09-27T06:00:00Z', lastSyncAt: '2019-09-27T06:03:15Z', lastAddress: '192.168.1.21' }],
      },
      link: null,
      notice: null,
    };
    await render();
    await vi.waitFor(() => expect(host.querySelector('[data-testid="hub-pin"]')?.textContent).toBe('004 215'));
    expect(host.querySelector('[data-testid="hub-protection"]')?.textContent).toMatch(/шифруется \(TLS\).*одноразовому PIN.*сверки кодов.*«Разрешить»/);
    expect(text()).toContain('192.168.1.10:47800');
    expect(host.querySelector('[data-testid="hub-code"]')?.textContent).toBe(HUB_CODE);
    const row = host.querySelector('.hub-paired tbody tr')!.textContent ?? '';
    expect(row).toContain('Стойка 1');
    expect(row).toContain('Регистрация (стойка)');
    expect(row).toContain(DESK_CODE);
    const off = host.querySelector('button[aria-label="Отключить Стойка 1"]') as HTMLButtonElement;
    await act(async () => off.click());
    expect(calls.find((c) => c.key === 'hubUnpair')?.args).toEqual({ deviceId: 'desk-1' });
    await vi.waitFor(() => expect(text()).toContain('Стойки ещё не подключены'));
  });

  it('a device waiting for approval: name, requested role and code; «Разрешить» grants the chosen role', async () => {
    status = {
      host: {
        ...idle.host,
        running: true,
        code: HUB_CODE,
        pin: '004215',
        event: { id: 'ev-1', title: 'Конференция в Уфе' },
        serving: true,
        approvals: [{ pairingId: PAIRING_ID, deviceId: 'desk-2', publicKey: 'desk-2-key', name: 'Стойка 2', requestedRole: 'organizer', code: DESK_CODE, address: '192.168.1.22', requestedAt: '2019-09-27T06:01:00Z' }],
      },
      link: null,
      notice: null,
    };
    await render();
    await vi.waitFor(() => expect(host.querySelector('[data-testid="hub-approval"]')).not.toBeNull());
    const card = host.querySelector('[data-testid="hub-approval"]')!.textContent ?? '';
    expect(card).toContain('«Стойка 2»');
    expect(card).toContain('просит роль «Организатор»');
    expect(card).toContain(DESK_CODE);
    // a hub never grants «Организатор»: the choice starts at «Регистрация»
    const select = host.querySelector('[data-testid="hub-approval"] select') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['desk', 'district']);
    await act(async () => {
      select.value = 'district';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const allow = [...host.querySelectorAll('[data-testid="hub-approval"] button')].find((b) => b.textContent === 'Разрешить') as HTMLButtonElement;
    await act(async () => allow.click());
    // (this device is not the root of 'ev-1', so no enrolment goes with the grant: the device needs a file)
    await vi.waitFor(() => expect(calls.find((c) => c.key === 'hubDecide')?.args).toEqual({ pairingId: PAIRING_ID, approve: true, role: 'district' }));
  });

  it('pairing a desk: both codes to compare; «Коды совпадают» waits for the hub and shows its refusal', async () => {
    await render();
    await vi.waitFor(() => expect(text()).toContain('Подключиться к хабу'));
    const form = [...host.querySelectorAll('form')].find((f) => f.textContent?.includes('Подключиться к хабу'))!;
    const [addressInput, pinInput] = [...form.querySelectorAll('input')] as HTMLInputElement[];
    const type = (input: HTMLInputElement, value: string) => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setter.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    };
    await act(async () => {
      type(addressInput!, '192.168.1.10:47800');
      type(pinInput!, '004 215');
    });
    await act(async () => form.requestSubmit());
    await vi.waitFor(() => expect(host.querySelector('[data-testid="pair-hub-code"]')?.textContent).toBe(HUB_CODE));
    expect(host.querySelector('[data-testid="pair-desk-code"]')?.textContent).toBe(DESK_CODE);
    expect(calls.find((c) => c.key === 'hubPair')?.args).toMatchObject({ address: '192.168.1.10:47800', pin: '004215' });
    const match = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Коды совпадают') as HTMLButtonElement;
    await act(async () => match.click());
    expect(calls.find((c) => c.key === 'hubPairConfirm')?.args).toEqual({ pairingId: PAIRING_ID });
    await vi.waitFor(() => expect(text()).toContain('не разрешил подключение'));
  });

  it('on a desk without the hub: «нет связи с хабом», the reason, and the pending count', async () => {
    const demo = await demoDatabase();
    status = {
      host: idle.host,
      link: { address: '192.168.1.10:47800', hub: { deviceId: 'hub-1', name: 'Ноутбук организатора', code: HUB_CODE }, role: 'desk', event: { id: demo.event.id, title: demo.event.title }, pairedAt: '2019-09-27T06:00:00Z' },
      notice: null,
    };
    await render(demo.name, demo.event);
    await vi.waitFor(() => expect(host.querySelector('[data-testid="hub-phase"]')?.textContent).toBe('нет связи с хабом'));
    expect(text()).toContain('Подключено к хабу «Ноутбук организатора»');
    expect(text()).toContain(HUB_CODE);
    expect(text()).toContain('Роль, разрешённая хабом: «Регистрация (стойка)»');
    expect(text()).toContain('Нет связи с хабом 192.168.1.10:47800.');
    expect(host.querySelector('[data-testid="hub-last-sync"]')?.textContent).toBe('ещё не было');
    // the hub never answered: every change of the event waits for it
    expect(demo.pending).toBeGreaterThan(50);
    expect(host.querySelector('[data-testid="hub-pending"]')?.textContent).toBe(demo.pending.toLocaleString('ru-RU'));
    expect(calls.filter((c) => c.key === 'hubSync').length).toBeGreaterThanOrEqual(1);
  });

  it('a desk of another event says which event the hub serves and does not sync', async () => {
    status = {
      host: idle.host,
      link: { address: '192.168.1.10:47800', hub: { deviceId: 'hub-1', name: 'Хаб', code: HUB_CODE }, role: 'desk', event: { id: 'ev-2', title: 'Форум в Стерлитамаке' }, pairedAt: '2019-09-27T06:00:00Z' },
      notice: null,
    };
    await render();
    await vi.waitFor(() => expect(text()).toContain('Хаб работает с мероприятием «Форум в Стерлитамаке»'));
    expect(calls.some((c) => c.key === 'hubSync')).toBe(false);
  });
});
