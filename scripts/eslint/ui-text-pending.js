/**
 * Files whose words are not yet in the locale files (see scripts/eslint/ui-text.js). Take a file off this list
 * when you move its text to renderer/i18n; never add one.
 */
export default [
];
