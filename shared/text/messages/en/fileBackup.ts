/** Why a backup file is refused or a restore failed (shared/backup), in English. */
import type { Locale } from '../shape';
import type ru from '../ru/fileBackup';

const en: Locale<typeof ru> = {
  withDetail: '{{message}} ({{detail}})',
  codes: {
    'not-a-backup':
      'This is not a Skhod backup. Choose a file ending in .skhod-backup — the «Settings → Backups» section makes one («Download a full copy»).',
    'unsupported-version': 'This backup was made by a newer version of Skhod. Update the program on this device and restore the backup again.',
    corrupt:
      'The backup file is damaged or incomplete (for example, copying to a USB stick did not finish). Take another backup or copy the file again. No data was changed.',
    'too-large': 'The backup file is too large to restore on this device. No data was changed.',
    'newer-schema': 'This backup was made by a newer version of Skhod (a different database structure). Update the program and restore the backup again. No data was changed.',
    'write-failed': 'The data from the backup could not be written. The database is as it was before the restore.',
    unavailable: 'Backup storage is not available on this device.',
    'future-stamps':
      'The backup holds changes stamped much later than this computer’s clock shows. Check the date and time in the system settings and restore again (if the clock is right, the backup was made on a device with a wrong clock). No data was changed.',
    'bad-value': 'The backup holds an invalid value — it is damaged or was edited by hand. Take another backup. No data was changed.',
    'passphrase-needed': 'This backup is protected by a password. Enter the password that was set when it was saved.',
    'wrong-passphrase': 'Wrong backup password. Check the keyboard layout and Caps Lock and enter the password again. No data was changed.',
  },
  details: {
    unknownValueType: 'unknown value type {{type}}',
    objectExpected: 'an object was expected',
    badBinary: 'damaged binary data',
    tooManyObjects: '{{n, number}} objects',
    tooDeep: 'nesting too deep',
    unreadable: 'the contents cannot be read',
    noHeader: 'no header',
    tablesMismatch: 'the list of tables does not match the header',
    table: 'table {{name}}',
    truncated: 'the file is cut short',
    unknownSealing: 'unknown protection parameters',
  },
};
export default en;
