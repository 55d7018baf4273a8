import type { Bridge, BridgeResult } from '../../shared/ipc/contract';
import { tr } from '../i18n';

/**
 * The LAN hub needs the desktop app: a page in a browser cannot open a server, and Сход's pages may
 * not reach the network at all (CSP). Every hub channel answers with this message; the «Локальная
 * сеть» panel checks the shell first and says so without calling them.
 */
export const hubBrowserMessage = (): string => tr('bridge')('hubBrowser');

type HubKeys = Extract<keyof Bridge, `hub${string}`>;

const unavailable = async (): Promise<BridgeResult<never>> => ({ error: { type: 'forbidden', message: hubBrowserMessage() } });

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
