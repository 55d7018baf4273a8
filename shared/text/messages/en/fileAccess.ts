/** What the Electron main process says about files (dialogs, read and write failures, the backups folder), in English. */
import type { Locale } from '../shape';
import type ru from '../ru/fileAccess';

const en: Locale<typeof ru> = {
  dialogs: {
    open: 'Open file',
    save: 'Save file',
    allFiles: 'All files',
    fileOfType: '.{{ext}} file',
  },
  readFailed: 'Could not read the file «{{name}}»: {{reason}}.',
  writeFailed: 'Could not save the file «{{name}}»: {{reason}}.',
  reasons: {
    notFound: 'the file or folder was not found — perhaps the USB stick was removed or the file was moved',
    noAccess: 'access denied — check the permissions or choose another folder',
    busy: 'the file is in use by another program — close it (in Excel, for example) and try again',
    noSpace: 'the disk is full — free some space or choose another disk',
    readOnly: 'the disk is read-only — choose another folder',
    isFolder: 'a folder was chosen, not a file',
    nameTooLong: 'the name or path is too long — shorten the file name',
    other: 'an input/output error — try again or choose another place',
  },
  notRegular: '«{{name}}» is not a regular file. Choose a file with data.',
  tooLarge: 'The file «{{name}}» is too large: {{size, bytesUp}}, and at most {{limit, bytes}} can be opened. Choose a smaller file or split it into parts.',
  changing: 'The file «{{name}}» is being changed right now. Wait until it has been saved and open it again.',
  notSkhodFile: '«{{name}}» is not a Skhod file.',
  backups: {
    folder: 'the backups folder',
    badName: 'Invalid backup name. This is a bug in the program — please report it to the developers.',
    outsideFolder: 'Invalid backup name.',
    tooLarge: 'The backup is too large to write.',
    notRegular: '«{{name}}» is not a regular file; this backup cannot be restored.',
  },
};
export default en;
