/** The device database's name: in a module of its own so the app's first chunk names it without Dexie. */
export const DB_NAME = 'skhod';
