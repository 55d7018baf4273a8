import { useLiveQuery } from 'dexie-react-hooks';
import type { Municipality } from '../../shared/domain/types';
import { useDb } from './db-context';

const collator = new Intl.Collator('ru');

/** All municipalities (reference and user-added), by name. */
export function useMunicipalities(): Municipality[] | undefined {
  const { db } = useDb();
  return useLiveQuery(async () => (await db.municipalities.toArray()).sort((a, b) => collator.compare(a.name, b.name)), [db]);
}
