/**
 * The team's report mode (issue 25): on while this device shows an opened report package, or at
 * `#team` with the «Открыть пакет отчёта…» screen (a team with the browser build starts there).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useSyncExternalStore } from 'react';
import type { ReportPackage } from '../../shared/projects/report-package';
import { openedTeamPackage, teamPackages } from '../db/repo/team-drafts';
import { useDb } from './db-context';

/** The package shown now; `null` when none, `undefined` while loading. */
export function useTeamPackage(): ReportPackage | null | undefined {
  const ctx = useDb();
  return useLiveQuery(() => openedTeamPackage(ctx), [ctx]);
}

/** Every project's package on this device (a team member may be in two projects). */
export function useTeamPackages(): ReportPackage[] | undefined {
  const ctx = useDb();
  return useLiveQuery(() => teamPackages(ctx), [ctx]);
}

const subscribeHash = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

/** `undefined` while loading. */
export function useTeamMode(): boolean | undefined {
  const pkg = useTeamPackage();
  const hash = useSyncExternalStore(subscribeHash, () => window.location.hash);
  if (pkg === undefined) return undefined;
  return pkg !== null || hash === '#team';
}
