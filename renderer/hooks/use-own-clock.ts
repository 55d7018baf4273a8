import { useLiveQuery } from 'dexie-react-hooks';
import { ownClockStatus } from '../db/repo/incoming';
import { useDb } from './db-context';

/**
 * How far this device's clock seems off compared with its peers (ms, + ahead / − behind), or null.
 * Its own file: the banner is in the app's first chunk, which must not pull in the exchange code.
 */
export function useOwnClockOffset(): number | null | undefined {
  const ctx = useDb();
  return useLiveQuery(() => ownClockStatus(ctx), [ctx]);
}
