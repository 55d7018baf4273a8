import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { preloadDesk } from './db/desk-preload';
import { DB_NAME } from './db/name';
import { useUiStore } from './stores/ui-store';
import './styles.css';

// This first chunk holds only what must start at once: the database warm-up and the desk's preload. The
// language layer (i18next and the Russian words) and the app come as chunks of their own, fetched and
// compiled while the preload reads and indexes the cached cards.
warmUpDatabase(DB_NAME);
// a desk that was open when the app closed reads its cached cards meanwhile (not from the database)
const { area, eventId, language } = useUiStore.getState();
if (area === 'desk' && eventId) preloadDesk(DB_NAME, eventId);

const app = import('./App');
const App = lazy(() => app.then((m) => ({ default: m.App })));
// the bridge to the main process (files, dialogs, the menu's language) is needed from the first minute
const bridged = import('./bridge/bridge');

void Promise.all([import('./i18n'), import('./components/Splash')]).then(([{ initI18n }, { Splash }]) => {
  const i18n = initI18n(language);
  document.documentElement.lang = i18n.language;
  i18n.on('languageChanged', (lng) => (document.documentElement.lang = lng));
  // the main process words its menu and dialogs in the interface language: told now and on every switch
  const tellMain = (lng: string) => void bridged.then(({ bridge }) => bridge.setLanguage({ language: lng === 'en' ? 'en' : 'ru' }));
  tellMain(language);
  i18n.on('languageChanged', tellMain);

  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Suspense fallback={<Splash />}>
        <App />
      </Suspense>
    </StrictMode>,
  );
}).catch(startFailed);
// the app's own chunks (and the database layer with them) and the bridge too: a rejected lazy App would
// leave the root empty, a missing bridge would fail only at the first file the operator opens
void app.catch(startFailed);
void bridged.catch(startFailed);

// Ask the browser not to evict our IndexedDB under storage pressure (a no-op where already granted).
void navigator.storage?.persist?.();

/** A chunk of the app is missing or damaged (a broken install): says so (index.html) instead of a blank window. */
function startFailed(err: unknown): void {
  console.error('[skhod] the app could not start', err);
  const failed = document.getElementById('start-failed');
  if (!failed) return;
  failed.querySelector('code')!.textContent = err instanceof Error ? err.message : String(err);
  document.getElementById('root')!.style.display = 'none'; // it fills the window: the message would sit below it
  failed.hidden = false;
}

/**
 * Opens the device database once, bare, as the very first thing. With 100,000 people stored, Chromium
 * takes about a second to open an origin's IndexedDB after a browser start; done here it overlaps the
 * loading of the app's code instead of following it, and Dexie's own open (DbProvider) then finds it
 * warm. This connection only reads the version: it never creates the database (a first run aborts the
 * upgrade and leaves creation to Dexie), gives way to any upgrade, and closes itself soon.
 */
function warmUpDatabase(name: string): void {
  if (typeof indexedDB === 'undefined') return;
  const request = indexedDB.open(name);
  request.onupgradeneeded = () => request.transaction?.abort(); // no database yet: Dexie creates it
  request.onerror = (e) => e.preventDefault(); // the aborted first-run open, or no storage: Dexie reports it
  request.onsuccess = () => {
    const db = request.result;
    db.onversionchange = () => db.close();
    setTimeout(() => db.close(), 10_000);
  };
}
