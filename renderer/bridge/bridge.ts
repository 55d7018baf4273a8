import type { Bridge } from '../../shared/ipc/contract';
import { createBrowserBridge } from './bridge.browser';
import { getElectronBridge } from './bridge.electron';

/** The one bridge the renderer uses, whichever shell it runs in. */
export const bridge: Bridge = getElectronBridge() ?? createBrowserBridge(__APP_VERSION__);
