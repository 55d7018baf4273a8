/**
 * Files whose words are not yet in the locale files (see scripts/eslint/ui-text.js). Take a file off this list
 * when you move its text to renderer/i18n; never add one.
 */
export default [
  'renderer/features/import/build.ts',
  'renderer/features/import/parse-core.ts',
  'renderer/features/import/parse.worker.ts',
  'renderer/features/import/plan.ts',
  'renderer/features/import/report.ts',
  'renderer/features/import/session.ts',
  'renderer/features/import/worker-client.ts',
  'renderer/features/participants/district-template.ts',
  'renderer/features/participants/exports.ts',
];
