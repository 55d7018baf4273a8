/**
 * Access codes of the sealed juror packages this device exported (issue 17): a package is sealed under
 * a fresh code (shared/contest/juror-package.ts), which the organizer tells the juror apart from the
 * file. The codes are device-local settings (backup.ts isDeviceLocalSetting): never change-logged, never
 * in a backup or an exchange file — a code travelling with data could end up beside the package it opens.
 * One code per juror: a re-export seals the new file under a new code, and the old one does not open it.
 */
import { newPackageCode, sealJurorPackage } from '../../../shared/contest';
import type { DbContext } from '../context';

export const PACKAGE_CODE_PREFIX = 'packageCode.';
const codeKey = (jurorId: string) => `${PACKAGE_CODE_PREFIX}${jurorId}`;

export type PackageCode = { jurorId: string; jurorName: string; contestId: string; code: string; fileName: string; savedAt: string };

/** A package file sealed under a fresh code; `iterations` only for tests (the default is the format's). */
export async function sealForJuror(bytes: Uint8Array, iterations?: number): Promise<{ bytes: Uint8Array<ArrayBuffer>; code: string }> {
  const code = newPackageCode();
  return { bytes: await sealJurorPackage(bytes, code, iterations), code };
}

/** The package sealed under `code` was saved: its code replaces the juror's previous one. */
export async function rememberPackageCode(ctx: DbContext, record: PackageCode): Promise<void> {
  await ctx.db.settings.put({ key: codeKey(record.jurorId), value: record });
}

/** The codes of the contest's packages exported on this device, by juror id. */
export async function loadPackageCodes(ctx: DbContext, contestId: string): Promise<Map<string, PackageCode>> {
  const rows = await ctx.db.settings.where('key').startsWith(PACKAGE_CODE_PREFIX).toArray();
  const codes = rows.map((r) => r.value as PackageCode).filter((c) => c.contestId === contestId);
  return new Map(codes.map((c) => [c.jurorId, c]));
}
