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
  /** Who works at this desk now; asked when the desk opens, shown in every check-in. */
  operator: string;
  /** The desk screen is locked by PIN (the data is not: other areas still need the organizer). */
  deskLocked: boolean;
  /** Open the badge print dialog right after each check-in. */
  autoBadge: boolean;
  setAutoBadge: (on: boolean) => void;
  setOperator: (operator: string) => void;
  setDeskLocked: (locked: boolean) => void;
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
      operator: '',
      deskLocked: false,
      autoBadge: false,
      setAutoBadge: (autoBadge) => set({ autoBadge }),
      setOperator: (operator) => set({ operator: operator.trim() }),
      setDeskLocked: (deskLocked) => set({ deskLocked }),
      setArea: (area) => set({ area }),
      setEventId: (eventId) => set({ eventId }),
      setLanguage: (language) => set({ language }),
    }),
    { name: 'skhod.ui', storage: createJSONStorage(() => localStorage), version: 1 },
  ),
);
