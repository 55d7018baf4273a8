/** A backup file's suggested name, built outside React (tables are named by renderer/common/tables.ts). */
import { tr } from '../../i18n';

/** «Сход — копия 27.09.2019 08-30.skhod-backup»: a bare file name (no slashes, no colons for Windows). */
export function downloadName(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return tr('backup')('fileName', { day: p(now.getDate()), month: p(now.getMonth() + 1), year: now.getFullYear(), hours: p(now.getHours()), minutes: p(now.getMinutes()) });
}
