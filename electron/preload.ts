import { contextBridge, ipcRenderer } from 'electron';
import type { Bridge, ChannelKey, channels } from '../shared/ipc/contract';

/*
 * Sandboxed preload: bundled to dist/electron/preload.cjs, may require only 'electron'.
 *
 * The wire names are written out here instead of imported from the contract at runtime, because the
 * contract module builds zod schemas at load time and esbuild cannot drop them — importing `channels`
 * would put all of zod into every page load. The type below ties each name to the contract exactly
 * (a renamed, missing or extra channel is a compile error), and a unit test compares them at runtime.
 */
const wireNames = {
  appInfo: 'skhod:app-info',
  openFile: 'skhod:open-file',
  saveFile: 'skhod:save-file',
  backupList: 'skhod:backup-list',
  backupWrite: 'skhod:backup-write',
  backupRead: 'skhod:backup-read',
  backupDelete: 'skhod:backup-delete',
} as const satisfies { [K in ChannelKey]: (typeof channels)[K]['channel'] };

/*
 * SECURITY: exactly one function per channel, each forwarding exactly one argument.
 * ipcRenderer itself is NEVER exposed: with it a page could invoke any channel with any arguments
 * and listen to everything the main process sends.
 */
const api = {
  appInfo: (args) => ipcRenderer.invoke(wireNames.appInfo, args),
  openFile: (args) => ipcRenderer.invoke(wireNames.openFile, args),
  saveFile: (args) => ipcRenderer.invoke(wireNames.saveFile, args),
  backupList: (args) => ipcRenderer.invoke(wireNames.backupList, args),
  backupWrite: (args) => ipcRenderer.invoke(wireNames.backupWrite, args),
  backupRead: (args) => ipcRenderer.invoke(wireNames.backupRead, args),
  backupDelete: (args) => ipcRenderer.invoke(wireNames.backupDelete, args),
} satisfies Bridge;

contextBridge.exposeInMainWorld('skhod', api);
