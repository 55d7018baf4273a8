import { useEffect, useState } from 'react';

/**
 * Persistent storage: without it the browser may delete this site's IndexedDB — every check-in,
 * score and backup kept in the browser — when the disk runs low. Asked once at start; Electron grants
 * it (electron/security.ts), a plain browser decides by itself and may refuse.
 */
export type StorageState = 'granted' | 'refused' | 'unsupported';

let asked: Promise<StorageState> | undefined;

/** Asks once per page: the answer does not change while the page lives. */
export function requestPersistentStorage(): Promise<StorageState> {
  return (asked ??= askPersistentStorage(globalThis.navigator?.storage));
}

export async function askPersistentStorage(storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined): Promise<StorageState> {
  if (!storage?.persist) return 'unsupported';
  try {
    if (await storage.persisted?.()) return 'granted';
    return (await storage.persist()) ? 'granted' : 'refused';
  } catch {
    return 'refused';
  }
}

/** The answer to the request made at start; `undefined` while it is pending. */
export function usePersistentStorage(): StorageState | undefined {
  const [state, setState] = useState<StorageState>();
  useEffect(() => {
    let live = true;
    void requestPersistentStorage().then((s) => live && setState(s));
    return () => {
      live = false;
    };
  }, []);
  return state;
}
