import { useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { JurorPackage, Score } from '../../shared/contest';
import { JUROR_PACKAGE_SETTING, JUROR_SHELF_SETTING } from '../db/repo/juror';
import { useDb } from './db-context';

/** The juror package opened on this device; `null` when none (organizer mode), `undefined` while loading. */
export function useJurorPackage(): JurorPackage | null | undefined {
  const { db } = useDb();
  return useLiveQuery(async () => ((await db.settings.get(JUROR_PACKAGE_SETTING))?.value as JurorPackage | undefined) ?? null, [db]);
}

/** Other packages kept on this device besides the open one (see openJurorPackage). */
export function useJurorShelf(): JurorPackage[] | undefined {
  const { db } = useDb();
  return useLiveQuery(async () => ((await db.settings.get(JUROR_SHELF_SETTING))?.value as JurorPackage[] | undefined) ?? [], [db]);
}

/** This juror's sheets on this device, by application id. */
export function useJurorScores(pkg: JurorPackage | null | undefined): Map<string, Score> | undefined {
  const { db } = useDb();
  return useLiveQuery(async () => {
    if (!pkg) return new Map<string, Score>();
    const rows = await db.scores.where('jurorId').equals(pkg.juror.id).toArray();
    return new Map(rows.filter((s) => s.contestId === pkg.contest.id).map((s) => [s.applicationId, s]));
  }, [db, pkg?.juror.id, pkg?.contest.id]);
}

const subscribeHash = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

/**
 * Juror mode: on when this device holds an opened juror package, or when the address ends in `#jury`
 * (a juror with the browser build opens the package from there). `undefined` while loading.
 */
export function useJurorMode(): boolean | undefined {
  const pkg = useJurorPackage();
  const hash = useSyncExternalStore(subscribeHash, () => window.location.hash);
  if (pkg === undefined) return undefined;
  return pkg !== null || hash === '#jury';
}
