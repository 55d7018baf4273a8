import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from './db-context';

export function useChangeCount(): number | undefined {
  const { db } = useDb();
  return useLiveQuery(() => db.changes.count(), [db]);
}
