/** Words of the backup screens that are not in the locale files yet: the backup file's suggested name. */
/** "Сход — копия 27.09.2019 08-30.skhod-backup": a bare file name (no slashes, no colons for Windows). */
export function downloadName(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `Сход — копия ${p(now.getDate())}.${p(now.getMonth() + 1)}.${now.getFullYear()} ${p(now.getHours())}-${p(now.getMinutes())}.skhod-backup`;
}
