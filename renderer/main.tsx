import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n } from './i18n';
import { useUiStore } from './stores/ui-store';
import './styles.css';

const i18n = initI18n(useUiStore.getState().language);
document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (lng) => (document.documentElement.lang = lng));

// Ask the browser not to evict our IndexedDB under storage pressure (a no-op where already granted).
void navigator.storage?.persist?.();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
