import type { Bridge } from '../../shared/ipc/contract';

/** Inside Electron the preload has put exactly one function per channel on `window.skhod`. */
export function getElectronBridge(): Bridge | undefined {
  return (window as { skhod?: Bridge }).skhod;
}
