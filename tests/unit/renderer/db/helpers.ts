import { openDatabase, type DbContext } from '../../../../renderer/db/context';

let n = 0;
/** A fresh, uniquely named database per test (fake-indexeddb keeps them apart). */
export async function freshDb(now?: () => number): Promise<DbContext> {
  n += 1;
  return openDatabase(`skhod-test-${process.pid}-${n}-${Math.random().toString(36).slice(2)}`, now);
}
