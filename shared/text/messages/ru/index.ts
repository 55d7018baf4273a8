/**
 * shared/'s message catalogs in Russian, by namespace. Listed by hand (shared/ runs in Node too, without
 * Vite's glob); the renderer's language layer loads them as i18next namespaces beside its own.
 */
import appMenu from './appMenu';
import contestRules from './contestRules';
import fileAccess from './fileAccess';
import fileBackup from './fileBackup';
import fileExchange from './fileExchange';
import fileExport from './fileExport';
import fileImport from './fileImport';
import fileReports from './fileReports';
import fileScores from './fileScores';
import hubLink from './hubLink';
import importRows from './importRows';
import ipcChecks from './ipcChecks';
import organizerPin from './organizerPin';

export const ruMessages = {
  appMenu,
  contestRules,
  fileAccess,
  fileBackup,
  fileExchange,
  fileExport,
  fileImport,
  fileReports,
  fileScores,
  hubLink,
  importRows,
  ipcChecks,
  organizerPin,
};
