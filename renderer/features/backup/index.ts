// What other features may use of backups: the settings section and the restore button of the first run.
export { BackupSection } from './BackupSection';
export { RestoreFromFileButton } from './RestoreFromFileButton';
