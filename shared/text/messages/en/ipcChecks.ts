/** Why the main process refuses a request from the window (shared/ipc/contract.ts), in English. */
import type { Locale } from '../shape';
import type ru from '../ru/ipcChecks';

const en: Locale<typeof ru> = {
  dataTooLarge: 'the data is too large',
  fileNameWithPath: 'a file name without a path',
  fileTooLarge: 'the file is too large',
  backupTooLarge: 'the backup is too large',
  forbidden: 'Request refused: it did not come from the application’s window. Restart the application; if this happens again, tell the developers.',
  internal: 'Internal application error. Repeat the action; if the error happens again, restart the application and tell the developers.',
  oneArgument: 'The application sent an invalid request ({{channel}}): one argument was expected. This is a bug in the program — please report it to the developers.',
  badFields: 'The application sent an invalid request ({{channel}}), fields: {{fields}}. This is a bug in the program — please report it to the developers.',
  theArgument: '(the argument)',
};
export default en;
