/** Why the main process refuses a request from the window (shared/ipc/contract.ts), in English. */
import type { Locale } from '../shape';
import type ru from '../ru/ipcChecks';

const en: Locale<typeof ru> = {
  dataTooLarge: 'the data is too large',
  fileNameWithPath: 'a file name without a path',
  fileTooLarge: 'the file is too large',
  backupTooLarge: 'the backup is too large',
};
export default en;
