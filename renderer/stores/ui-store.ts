import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { DeviceRole } from '../../shared/domain/types';
import type { Language } from '../i18n';

export const areas = ['desk', 'participants', 'sections', 'contest', 'projects', 'reports', 'exchange', 'settings'] as const;
export type Area = (typeof areas)[number];

/**
 * The areas a device of each role shows in the navigation, in the navigation's order. The rest are
 * the organizer's: on other devices they open only after the organizer PIN (components/organizer-gate.tsx).
 * A juror works in juror mode (the score sheet); the shell behind it only needs Настройки.
 */
const ROLE_AREAS: Record<DeviceRole, readonly Area[]> = {
  organizer: areas,
  desk: ['desk', 'participants', 'exchange', 'settings'],
  district: ['participants', 'reports', 'exchange', 'settings'],
  juror: ['settings'],
};

export function areasForRole(role: DeviceRole): readonly Area[] {
  return ROLE_AREAS[role];
}

/** The navigation: the role's areas, or all of them while the organizer's are unlocked. */
export function visibleAreas(role: DeviceRole, organizerUnlocked: boolean): readonly Area[] {
  return organizerUnlocked ? areas : ROLE_AREAS[role];
}

/**
 * Where the app opens. A desk opens at Регистрация and a district office at Участники whatever was on
 * screen last time: the laptop's job decides. The organizer moves between everything all day, so it
 * comes back where it left off (Участники on the very first start).
 */
export function startArea(role: DeviceRole, last: Area | undefined): Area {
  switch (role) {
    case 'desk':
      return 'desk';
    case 'district':
      return 'participants';
    case 'juror':
      return 'settings';
    case 'organizer':
      return last && areas.includes(last) ? last : 'participants';
  }
}

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
  /**
   * Until when (ms since epoch) the organizer PIN typed on this non-organizer device holds. Session
   * state: never persisted, a restart asks again.
   */
  organizerUntil: number;
  setOrganizerUntil: (until: number) => void;
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
      organizerUntil: 0,
      setOrganizerUntil: (organizerUntil) => set({ organizerUntil }),
      setAutoBadge: (autoBadge) => set({ autoBadge }),
      setOperator: (operator) => set({ operator: operator.trim() }),
      setDeskLocked: (deskLocked) => set({ deskLocked }),
      setArea: (area) => set({ area }),
      setEventId: (eventId) => set({ eventId }),
      setLanguage: (language) => set({ language }),
    }),
    {
      name: 'skhod.ui',
      storage: createJSONStorage(() => localStorage),
      version: 1,
      // the organizer unlock must not survive a reload: a desk laptop restarted is locked again
      partialize: ({ organizerUntil: _unlocked, ...rest }) => rest,
    },
  ),
);
