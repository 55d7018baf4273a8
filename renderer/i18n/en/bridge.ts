/** The browser build's stand-ins for the desktop shell (backups folder, file limits, LAN hub): their messages. */
import type { Locale } from '../shape';
import type ru from '../ru/bridge';

const bridge: Locale<typeof ru> = {
  backups: {
    badName: 'Invalid backup name. This is a bug in the program — please report it to the developers.',
    tooLarge: 'The backup is too large to save.',
    notFound: 'Backup “{{name}}” was not found — it may have been deleted already.',
    quota: 'Could not {{action}}: the browser has run out of space. Delete old backups or download a full copy to disk.',
    failed: 'Could not {{action}} in the browser storage. Try again; if it still fails, download a full copy to disk.',
    list: 'read the list of backups',
    write: 'save the backup',
    read: 'read the backup',
    remove: 'delete the backup',
  },
  fileTooLarge: 'File “{{name}}” is larger than {{size}}. Split it into parts or remove the sheets you do not need.',
  hubBrowser: 'The local network (hub) works only in the Skhod desktop app. In a browser, exchange files in the “Exchange” area.',
};

export default bridge;
