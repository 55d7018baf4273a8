import { useLiveQuery } from 'dexie-react-hooks';
import { loadPackageCodes, type PackageCode } from '../db/repo/package-codes';
import { useDb } from './db-context';

/** The access codes of the contest's juror packages exported on this device, by juror id (device-local). */
export function usePackageCodes(contestId: string): Map<string, PackageCode> | undefined {
  const ctx = useDb();
  return useLiveQuery(() => loadPackageCodes(ctx, contestId), [ctx, contestId]);
}
