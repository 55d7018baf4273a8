/**
 * shared/'s message catalogs in English, by namespace. Listed by hand (shared/ runs in Node too, without
 * Vite's glob); the renderer's language layer loads them as i18next namespaces beside its own.
 */
import fileBackup from './fileBackup';
import fileImport from './fileImport';
import importRows from './importRows';

export const enMessages = { fileBackup, fileImport, importRows };
