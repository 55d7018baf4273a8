import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Language } from '../i18n';

export const areas = ['desk', 'participants', 'sections', 'contest', 'reports', 'exchange', 'settings'] as const;
export type Area = (typeof areas)[number];

/**
 * UI and session state only (what is on screen, which event is open, the interface language).
 * Never a copy of database rows: those are read through the use-* hooks over useLiveQuery.
 */
type UiState = {
  area: Area;
  eventId: string | null;
  language: Language;
  setArea: (area: Area) => void;
  setEventId: (id: string | null) => void;
  setLanguage: (language: Language) => void;
};

export const useUiStore = create<UiState>()(
  persist(
    (set) => ({
      area: 'participants',
      eventId: null,
      language: 'ru',
      setArea: (area) => set({ area }),
      setEventId: (eventId) => set({ eventId }),
      setLanguage: (language) => set({ language }),
    }),
    { name: 'skhod.ui', storage: createJSONStorage(() => localStorage), version: 1 },
  ),
);
