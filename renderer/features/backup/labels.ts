/** Names the backups screen builds outside React: a table's name for the restore preview, a backup file's name. */
import { tr } from '../../i18n';

/** The table's name in the restore preview («Отметки прибытия»); a table with no name yet shows its own key. */
export function tableLabel(table: string): string {
  return tr('backup')(`tables.${table}`, { defaultValue: table });
}

/** «Сход — копия 27.09.2019 08-30.skhod-backup»: a bare file name (no slashes, no colons for Windows). */
export function downloadName(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return tr('backup')('fileName', { day: p(now.getDate()), month: p(now.getMonth() + 1), year: now.getFullYear(), hours: p(now.getHours()), minutes: p(now.getMinutes()) });
}
