import { create } from 'zustand';

/**
 * An exchange file the OS opened (double-click), waiting for the Обмен page or the first-run screen to
 * show its preview. Session state only, never persisted: the bytes belong to this launch.
 */
type OpenedFileState = {
  pending: { name: string; bytes: Uint8Array } | null;
  offer: (file: { name: string; bytes: Uint8Array }) => void;
  take: () => { name: string; bytes: Uint8Array } | null;
};

export const useOpenedFileStore = create<OpenedFileState>()((set, get) => ({
  pending: null,
  offer: (pending) => set({ pending }),
  take: () => {
    const file = get().pending;
    if (file) set({ pending: null });
    return file;
  },
}));
