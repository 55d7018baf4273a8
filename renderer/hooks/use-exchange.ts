import { useLiveQuery } from 'dexie-react-hooks';
import type { Person } from '../../shared/domain/types';
import { fullName } from '../../shared/people/name';
import { loadSyncBook, peerStatus, type PeerStatus, type SyncBook } from '../db/repo/exchange-book';
import { listConflicts, type StoredConflict } from '../db/repo/sync-conflicts';
import { listQuarantine, type HeldItem } from '../db/repo/quarantine';
import { countChanges } from '../db/change-pages';
import { useDb } from './db-context';

/** Known devices with what each has not seen yet; follows every change of this device's log. */
export function usePeerStatus(eventId: string): PeerStatus[] | undefined {
  const ctx = useDb();
  const changes = useLiveQuery(() => countChanges(ctx.db), [ctx]);
  const devices = useLiveQuery(() => ctx.db.devices.toArray(), [ctx]);
  return useLiveQuery(() => peerStatus(ctx, eventId), [ctx, eventId, changes, devices]);
}

export function useSyncBook(eventId: string): SyncBook | undefined {
  const ctx = useDb();
  return useLiveQuery(() => loadSyncBook(ctx, eventId), [ctx, eventId]);
}

export function useSyncConflicts(eventId: string): StoredConflict[] | undefined {
  const ctx = useDb();
  return useLiveQuery(() => listConflicts(ctx, eventId), [ctx, eventId]);
}

/** Changes held for being stamped in the future (repo/quarantine.ts). */
export function useQuarantine(eventId: string): HeldItem[] | undefined {
  const ctx = useDb();
  return useLiveQuery(() => listQuarantine(ctx, eventId), [ctx, eventId]);
}

export function useDeviceNames(): Map<string, string> | undefined {
  const { db } = useDb();
  return useLiveQuery(async () => new Map((await db.devices.toArray()).map((d) => [d.id, d.name])), [db]);
}



/** "table|rowId" → what a person reads: a name for people and registrations, a title for the rest. */
export function useRowLabels(conflicts: readonly StoredConflict[]): Map<string, string> {
  const { db } = useDb();
  const keys = conflicts.map((c) => ('table' in c.conflict ? `${c.conflict.table}|${c.conflict.rowId}` : `registrations|${c.conflict.registrationId}`));
  return (
    useLiveQuery(async () => {
      const out = new Map<string, string>();
      for (const key of new Set(keys)) {
        const [table, id] = key.split('|') as [string, string];
        const row = (await db.table(table).get(id).catch(() => undefined)) as Record<string, unknown> | undefined;
        if (!row) continue;
        let label: string | undefined;
        if (table === 'people') label = fullName(row as Person);
        else if (table === 'registrations' && typeof row.personId === 'string') {
          const person = await db.people.get(row.personId);
          label = person && fullName(person);
        }
        else if (typeof row.title === 'string') label = row.title;
        else if (typeof row.name === 'string') label = row.name;
        if (label) out.set(key, label);
      }
      return out;
    }, [db, keys.join('\n')]) ?? new Map()
  );
}
