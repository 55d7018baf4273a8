// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BridgeResult, OpenedAppFile } from '../../../shared/ipc/contract';
import type { OpenedFiles as OpenedFilesType } from '../../../renderer/features/exchange/OpenedFiles';
import type { DbProvider as DbProviderType } from '../../../renderer/hooks/db-context';
import type { DbContext } from '../../../renderer/db/context';
import { openDatabase } from '../../../renderer/db/open';
import type { useOpenedFileStore as StoreType } from '../../../renderer/stores/opened-file-store';
import type { useUiStore as UiStoreType } from '../../../renderer/stores/ui-store';

/*
 * Files opened from the file manager, as the window receives them from the main process: a stand-in
 * for the preload's `window.skhod` hands out a queue of files, then waits like the real long-poll.
 */
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const queue: BridgeResult<OpenedAppFile>[] = [];
const fakeBridge = new Proxy({} as Record<string, unknown>, {
  get: (_t, key: string) => async () => {
    if (key === 'appInfo') return { data: { name: 'Сход', version: '1', shell: 'electron', platform: 'linux', versions: {} } };
    if (key === 'takeOpenedFile') return queue.shift() ?? new Promise((r) => setTimeout(() => r({ data: null }), 30));
    return { data: null };
  },
});

let OpenedFiles: typeof OpenedFilesType;
let DbProvider: typeof DbProviderType;
let useOpenedFileStore: typeof StoreType;
let useUiStore: typeof UiStoreType;
beforeAll(async () => {
  (await import('../../../renderer/i18n')).initI18n('ru');
  (window as unknown as { skhod: unknown }).skhod = fakeBridge;
  // the access-code prompt speaks through the language layer, as in the app
  (await import('../../../renderer/i18n')).initI18n('ru');
  ({ OpenedFiles } = await import('../../../renderer/features/exchange/OpenedFiles'));
  ({ DbProvider } = await import('../../../renderer/hooks/db-context'));
  ({ useOpenedFileStore } = await import('../../../renderer/stores/opened-file-store'));
  ({ useUiStore } = await import('../../../renderer/stores/ui-store'));
});

let root: Root | null = null;
let host: HTMLElement;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  queue.length = 0;
});

async function render(hash = '', prepare?: (ctx: DbContext) => Promise<void>) {
  window.location.hash = hash;
  const name = `opened-${Math.random()}`;
  if (prepare) {
    const ctx = await openDatabase(name);
    await prepare(ctx);
    ctx.db.close();
  }
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root!.render(<DbProvider name={name}>{<OpenedFiles />}</DbProvider>));
}

describe('files opened from the file manager', () => {
  it('an exchange file goes to the Обмен page, waiting there for its preview', async () => {
    useUiStore.getState().setArea('desk');
    queue.push({ data: { name: 'Стойка 2.skhod', kind: 'exchange', bytes: new Uint8Array([1, 2, 3]) } });
    await render();
    await vi.waitFor(() => expect(useUiStore.getState().area).toBe('exchange'));
    expect(useOpenedFileStore.getState().pending?.name).toBe('Стойка 2.skhod');
    expect(useOpenedFileStore.getState().take()?.bytes).toEqual(new Uint8Array([1, 2, 3]));
    expect(useOpenedFileStore.getState().pending).toBeNull();
  });

  it('on a fresh install a juror package opens at once; a broken one says why and the device stays as it was', async () => {
    queue.push({ data: { name: 'Ахметова.skhod-jury', kind: 'juror-package', bytes: new TextEncoder().encode('не пакет') } });
    await render();
    await vi.waitFor(() => expect(host.querySelector('[role="alert"]')?.textContent).toMatch(/^«Ахметова\.skhod-jury»: /));
    expect(host.textContent).not.toContain('Открыть его здесь?');
  });

  it('on a device that holds an event a juror package asks first', async () => {
    queue.push({ data: { name: 'Ахметова.skhod-jury', kind: 'juror-package', bytes: new TextEncoder().encode('не пакет') } });
    await render('', async (ctx) => {
      await ctx.db.events.put({ id: 'e1', title: 'Конференция', city: 'Уфа', startDate: '2019-12-18', endDate: '2019-12-18' } as never);
    });
    await vi.waitFor(() => expect(host.textContent).toContain('Открыт пакет эксперта «Ахметова.skhod-jury»'));
    const open = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Открыть пакет эксперта')!;
    await act(async () => open.click());
    await vi.waitFor(() => expect(host.querySelector('[role="alert"]')?.textContent).toMatch(/^«Ахметова\.skhod-jury»: /));
  });

  it('an exchange file opened on a device in juror mode is not taken, and the notice says where it belongs', async () => {
    useUiStore.getState().setArea('desk');
    await render('#jury');
    queue.push({ data: { name: 'Стойка 2.skhod', kind: 'exchange', bytes: new Uint8Array([1]) } });
    await vi.waitFor(() => expect(host.textContent).toContain('В режиме эксперта он не загружается'));
    expect(useOpenedFileStore.getState().pending).toBeNull();
    expect(useUiStore.getState().area).toBe('desk');
  });

  it('a file the main process could not read is explained', async () => {
    queue.push({ error: { type: 'too-large', message: 'Файл «огромный.skhod» слишком большой' } });
    await render();
    await vi.waitFor(() => expect(host.textContent).toContain('Файл «огромный.skhod» слишком большой'));
    const ok = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Понятно')!;
    await act(async () => ok.click());
    expect(host.textContent).toBe('');
  });
});

describe('a sealed juror package opened from the file manager', () => {
  /** Types into a React-controlled input the way a keyboard does (the value setter, then `input`). */
  const type = (input: HTMLInputElement, text: string) => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const submit = async () => {
    const button = [...document.querySelectorAll('dialog button')].find((b) => b.textContent === 'Открыть пакет') as HTMLButtonElement;
    await act(async () => button.click());
  };

  it('asks for the code, refuses a wrong one and keeps the file, opens with the right one', async () => {
    const org = await openDatabase(`org-${Math.random()}`);
    const { scoring } = await import('./db/contest-fixtures');
    const { sealForJuror } = await import('../../../renderer/db/repo/package-codes');
    const { bytes, pkg } = await (await scoring(org)).packageFor(0);
    const sealed = await sealForJuror(bytes, 1_000);
    const other = await sealForJuror(bytes, 1_000);
    queue.push({ data: { name: 'Ахметова.skhod-jury', kind: 'juror-package', bytes: sealed.bytes } });
    let device: DbContext | undefined;
    await render('', async (ctx) => {
      device = ctx;
    });
    const name = device!.db.name;
    await vi.waitFor(() => expect(document.querySelector('dialog[open]')?.textContent).toContain('Пакет «Ахметова.skhod-jury» зашифрован'));
    const input = document.querySelector('dialog[open] input') as HTMLInputElement;
    await act(async () => type(input, other.code));
    await submit();
    await vi.waitFor(() => expect(document.querySelector('dialog[open] [role="alert"]')?.textContent).toMatch(/^Код не подходит к этому пакету/));
    await act(async () => type(input, sealed.code.toLowerCase()));
    await submit();
    await vi.waitFor(() => expect(document.querySelector('dialog[open]')).toBeNull());
    const after = await openDatabase(name);
    await vi.waitFor(async () => expect(((await after.db.settings.get('juror.package'))?.value as { juror: { name: string } } | undefined)?.juror.name).toBe(pkg.juror.name));
    after.db.close();
    org.db.close();
  });
});
