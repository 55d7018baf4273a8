import type { AppInfo, Bridge, BridgeResult, OpenedFile } from '../../shared/ipc/contract';
import { MAX_FILE_BYTES } from '../../shared/ipc/limits';
import { createBrowserBackups } from './backups.browser';
import { createBrowserHub } from './hub.browser';
import { formatBytes } from '../../shared/text/format';
import { tr } from '../i18n';

/**
 * The bridge for plain Chromium (npm run web, e2e tests, jurors without the installer): a file input
 * to open, a download to save. Same interface and the same limits as the Electron bridge.
 */
export function createBrowserBridge(version: string): Bridge {
  return {
    // a separate IndexedDB database stands in for Electron's backups folder
    ...createBrowserBackups(),
    // the LAN hub needs the desktop app (hub.browser.ts)
    ...createBrowserHub(),

    async appInfo() {
      const info: AppInfo = {
        name: tr('app')('app.name'),
        version,
        shell: 'browser',
        platform: navigator.platform,
        versions: { userAgent: navigator.userAgent },
      };
      return { data: info };
    },

    // no menu or native dialogs to word in a browser: the language stays the page's own
    async setLanguage() {
      return { data: null };
    },

    // the OS opens Сход's files only in the installed app; a browser page waits and gets nothing
    async takeOpenedFile({ waitMs }) {
      await new Promise((resolve) => setTimeout(resolve, waitMs));
      return { data: null };
    },

    async openFile({ filters, maxBytes }) {
      const file = await pickFile(filters.flatMap((f) => f.extensions.map((e) => `.${e}`)));
      if (!file) return { data: null };
      const limit = Math.min(maxBytes, MAX_FILE_BYTES);
      if (file.size > limit) return tooLarge(file.name, limit);
      const opened: OpenedFile = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
      return { data: opened };
    },

    async saveFile({ suggestedName, bytes }) {
      const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>]));
      try {
        const a = document.createElement('a');
        a.href = url;
        a.download = suggestedName;
        a.rel = 'noopener';
        document.body.append(a);
        a.click();
        a.remove();
      } finally {
        // give the download a moment to start before the URL goes away
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      }
      return { data: { name: suggestedName } };
    },
  };
}

function tooLarge(name: string, limit: number): BridgeResult<never> {
  return { error: { type: 'too-large', message: tr('bridge')('fileTooLarge', { name, size: formatBytes(limit) }) } };
}

/** Resolves with the chosen file, or null when the user closes the dialog without choosing. */
function pickFile(accept: string[]): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept.join(',');
    input.style.display = 'none';
    input.setAttribute('data-testid', 'bridge-file-input');
    const done = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => done(null), { once: true });
    document.body.append(input);
    input.click();
  });
}
