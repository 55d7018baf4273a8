import type { Bridge } from '../../shared/ipc/contract';
import { createBrowserBridge } from './bridge.browser';
import { getElectronBridge } from './bridge.electron';
import { wordedBridge } from './worded';

const electron = getElectronBridge();

/** The one bridge the renderer uses, whichever shell it runs in; the main process's words in the interface language. */
export const bridge: Bridge = electron ? wordedBridge(electron) : createBrowserBridge(__APP_VERSION__);
