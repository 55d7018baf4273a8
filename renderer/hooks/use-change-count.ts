import { useDb } from './db-context';
import { useSettledQuery } from './use-settled-query';

export function useChangeCount(): number | undefined {
  const { db } = useDb();
  return useSettledQuery(() => db.changes.count(), [db]);
}
