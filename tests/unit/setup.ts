// Gives Dexie an IndexedDB in Node. Each db test opens its own uniquely named database.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { initI18n } from '../../renderer/i18n';

// Property tests explore new random inputs on every local run (a failure prints its seed to replay);
// CI replays one fixed seed so a landing never depends on the dice. A break found locally becomes a
// named example test beside its property.
if (process.env.CI) fc.configureGlobal({ seed: 20_261_207 });

// The app starts its language layer before anything renders or throws a message; so do the tests
// (Russian, as a first start has it). A test about English switches itself.
initI18n('ru');
