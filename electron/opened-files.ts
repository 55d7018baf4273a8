import path from 'node:path';
import type { OpenedAppFile } from '../shared/ipc/contract';
import { MAX_FILE_BYTES } from '../shared/ipc/limits';
import { openedKind } from '../shared/ipc/opened-files';
import { said } from '../shared/text/said';
import { BridgeError } from './errors';
import { readFileLimited } from './handlers/open-file';

/*
 * Files the OS asked Сход to open (a double-click on an exchange file or a juror package): from the
 * command line at start (Windows, Linux), from a second launch while running (`second-instance`), or
 * from macOS's `open-file` event. They wait here until the renderer takes them (`takeOpenedFile`,
 * long-polled), so nothing is lost while the window is still loading.
 *
 * SECURITY: only paths the OS handed over are read, only of Сход's own extensions, only regular
 * files, only up to the bridge's size limit. The renderer gets the name and bytes, never a path, and
 * cannot ask for any file of its choosing.
 */

/** Arguments that name one of Сход's files (flags and anything else are ignored). */
export function filesFromArgv(argv: readonly string[]): string[] {
  return argv.slice(1).filter((a) => !a.startsWith('-') && path.isAbsolute(a) && openedKind(a) !== null);
}

type Waiter = (file: string | null) => void;

export type OpenedFiles = {
  add(paths: readonly string[]): void;
  /** The next opened file, waiting up to `waitMs` for one; null when none came. */
  take(waitMs: number): Promise<OpenedAppFile>;
};

export function createOpenedFiles(read: (filePath: string, maxBytes: number) => Promise<Uint8Array> = readFileLimited, limit = 20): OpenedFiles {
  const queue: string[] = [];
  const waiters: Waiter[] = [];
  const load = async (filePath: string | null): Promise<OpenedAppFile> => {
    if (filePath === null) return null;
    const name = path.basename(filePath);
    const kind = openedKind(name);
    if (kind === null) throw new BridgeError('forbidden', said('fileAccess:notSkhodFile', { name }));
    return { name, kind, bytes: await read(filePath, MAX_FILE_BYTES) };
  };
  return {
    add(paths) {
      for (const p of paths) {
        if (openedKind(p) === null) continue;
        const waiter = waiters.shift();
        if (waiter) waiter(p);
        else if (queue.length < limit && !queue.includes(p)) queue.push(p);
      }
    },
    async take(waitMs) {
      const ready = queue.shift();
      if (ready !== undefined) return load(ready);
      if (waitMs === 0) return null;
      const next = await new Promise<string | null>((resolve) => {
        const waiter: Waiter = (file) => {
          clearTimeout(timer);
          resolve(file);
        };
        const timer = setTimeout(() => {
          const i = waiters.indexOf(waiter);
          if (i >= 0) waiters.splice(i, 1);
          resolve(null);
        }, waitMs);
        waiters.push(waiter);
      });
      return load(next);
    },
  };
}

/** The one queue of this process (main.ts feeds it, the takeOpenedFile handler drains it). */
export const openedFiles = createOpenedFiles();
