import type { Handlers } from '../ipc';
import { appInfo } from './app-info';
import { setMainLanguage } from '../language';
import { createBackupHandlers } from './backups';
import { createHubHandlers } from './hub';
import { openFile } from './open-file';
import { openedFiles } from '../opened-files';
import { saveFile } from './save-file';

/** Every channel of the contract → its implementation. `satisfies` keeps it exhaustive. */
export const handlers = {
  appInfo: async () => appInfo(),
  // the renderer's interface language (validated 'ru' | 'en' by the contract): the menu and dialogs follow it
  setLanguage: async ({ language }) => {
    setMainLanguage(language);
    return null;
  },
  takeOpenedFile: (args) => openedFiles.take(args.waitMs),
  openFile,
  saveFile,
  ...createBackupHandlers(),
  ...createHubHandlers(),
} satisfies Handlers;
