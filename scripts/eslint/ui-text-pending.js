/**
 * Files whose words are not yet in the locale files (see scripts/eslint/ui-text.js). Take a file off this list
 * when you move its text to renderer/i18n; never add one.
 */
export default [
  'renderer/db/authority.ts',
  'renderer/db/backup-seal.ts',
  'renderer/db/backup.ts',
  'renderer/db/repo/checkins.ts',
  'renderer/db/repo/desk-cards.ts',
  'renderer/db/repo/desk.ts',
  'renderer/db/repo/device.ts',
  'renderer/db/repo/events.ts',
  'renderer/db/repo/juror.ts',
  'renderer/db/repo/participants.ts',
  'renderer/db/repo/project-reports.ts',
  'renderer/db/repo/projects.ts',
  'renderer/db/repo/quarantine.ts',
  'renderer/db/repo/reference.ts',
  'renderer/db/repo/sections.ts',
  'renderer/db/repo/sync-conflicts.ts',
  'renderer/db/repo/trust.ts',
  'renderer/db/restore-checks.ts',
];
