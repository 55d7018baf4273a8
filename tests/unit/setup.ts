// Gives Dexie an IndexedDB in Node. Each db test opens its own uniquely named database.
import 'fake-indexeddb/auto';
