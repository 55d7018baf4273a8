import type { Bridge, BridgeResult } from '../../shared/ipc/contract';

/**
 * The LAN hub needs the desktop app: a page in a browser cannot open a server, and Сход's pages may
 * not reach the network at all (CSP). Every hub channel answers with this message; the «Локальная
 * сеть» panel checks the shell first and says so without calling them.
 */
export const HUB_BROWSER_MESSAGE =
  'Локальная сеть (хаб) работает только в приложении Сход для компьютера. В браузере обменивайтесь файлами в разделе «Обмен».';

type HubKeys = Extract<keyof Bridge, `hub${string}`>;

const unavailable = async (): Promise<BridgeResult<never>> => ({ error: { type: 'forbidden', message: HUB_BROWSER_MESSAGE } });

export function createBrowserHub(): Pick<Bridge, HubKeys> {
  return {
    hubStatus: unavailable,
    hubStart: unavailable,
    hubStop: unavailable,
    hubNewPin: unavailable,
    hubUnpair: unavailable,
    hubDecide: unavailable,
    hubNextRequest: unavailable,
    hubAnswer: unavailable,
    hubPair: unavailable,
    hubPairConfirm: unavailable,
    hubSync: unavailable,
    hubForget: unavailable,
  };
}
