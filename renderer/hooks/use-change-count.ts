import { countChanges } from '../db/change-pages';
import { useDb } from './db-context';
import { useSettledQuery } from './use-settled-query';

export function useChangeCount(): number | undefined {
  const { db } = useDb();
  return useSettledQuery(() => countChanges(db), [db]);
}
