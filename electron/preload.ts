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
  setLanguage: 'skhod:set-language',
  takeOpenedFile: 'skhod:take-opened-file',
  openFile: 'skhod:open-file',
  saveFile: 'skhod:save-file',
  backupList: 'skhod:backup-list',
  backupWrite: 'skhod:backup-write',
  backupRead: 'skhod:backup-read',
  backupDelete: 'skhod:backup-delete',
  hubStatus: 'skhod:hub-status',
  hubStart: 'skhod:hub-start',
  hubStop: 'skhod:hub-stop',
  hubNewPin: 'skhod:hub-new-pin',
  hubUnpair: 'skhod:hub-unpair',
  hubDecide: 'skhod:hub-decide',
  hubNextRequest: 'skhod:hub-next-request',
  hubAnswer: 'skhod:hub-answer',
  hubPair: 'skhod:hub-pair',
  hubPairConfirm: 'skhod:hub-pair-confirm',
  hubSync: 'skhod:hub-sync',
  hubForget: 'skhod:hub-forget',
} as const satisfies { [K in ChannelKey]: (typeof channels)[K]['channel'] };

/*
 * SECURITY: exactly one function per channel, each forwarding exactly one argument.
 * ipcRenderer itself is NEVER exposed: with it a page could invoke any channel with any arguments
 * and listen to everything the main process sends.
 */
const api = {
  appInfo: (args) => ipcRenderer.invoke(wireNames.appInfo, args),
  setLanguage: (args) => ipcRenderer.invoke(wireNames.setLanguage, args),
  takeOpenedFile: (args) => ipcRenderer.invoke(wireNames.takeOpenedFile, args),
  openFile: (args) => ipcRenderer.invoke(wireNames.openFile, args),
  saveFile: (args) => ipcRenderer.invoke(wireNames.saveFile, args),
  backupList: (args) => ipcRenderer.invoke(wireNames.backupList, args),
  backupWrite: (args) => ipcRenderer.invoke(wireNames.backupWrite, args),
  backupRead: (args) => ipcRenderer.invoke(wireNames.backupRead, args),
  backupDelete: (args) => ipcRenderer.invoke(wireNames.backupDelete, args),
  hubStatus: (args) => ipcRenderer.invoke(wireNames.hubStatus, args),
  hubStart: (args) => ipcRenderer.invoke(wireNames.hubStart, args),
  hubStop: (args) => ipcRenderer.invoke(wireNames.hubStop, args),
  hubNewPin: (args) => ipcRenderer.invoke(wireNames.hubNewPin, args),
  hubUnpair: (args) => ipcRenderer.invoke(wireNames.hubUnpair, args),
  hubDecide: (args) => ipcRenderer.invoke(wireNames.hubDecide, args),
  hubNextRequest: (args) => ipcRenderer.invoke(wireNames.hubNextRequest, args),
  hubAnswer: (args) => ipcRenderer.invoke(wireNames.hubAnswer, args),
  hubPair: (args) => ipcRenderer.invoke(wireNames.hubPair, args),
  hubPairConfirm: (args) => ipcRenderer.invoke(wireNames.hubPairConfirm, args),
  hubSync: (args) => ipcRenderer.invoke(wireNames.hubSync, args),
  hubForget: (args) => ipcRenderer.invoke(wireNames.hubForget, args),
} satisfies Bridge;

contextBridge.exposeInMainWorld('skhod', api);
