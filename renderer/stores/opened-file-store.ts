import { create } from 'zustand';

/**
 * An exchange file the OS opened (double-click), waiting for the Обмен page or the first-run screen to
 * show its preview; a team's report file, waiting for «Проекты» to load it. Session state only, never persisted: the bytes belong to this launch.
 */
type OpenedFile = { name: string; bytes: Uint8Array };

type OpenedFileState = {
  pending: OpenedFile | null;
  offer: (file: OpenedFile) => void;
  take: () => OpenedFile | null;
  /** A team's report file, waiting for «Проекты» to load it. */
  report: OpenedFile | null;
  offerReport: (file: OpenedFile) => void;
  takeReport: () => OpenedFile | null;
};

export const useOpenedFileStore = create<OpenedFileState>()((set, get) => ({
  pending: null,
  offer: (pending) => set({ pending }),
  take: () => {
    const file = get().pending;
    if (file) set({ pending: null });
    return file;
  },
  report: null,
  offerReport: (report) => set({ report }),
  takeReport: () => {
    const file = get().report;
    if (file) set({ report: null });
    return file;
  },
}));
