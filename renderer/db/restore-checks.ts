/**
 * What a restore checks in a backup's rows before anything is replaced (backup.ts restoreBackup):
 * every row of a shared table against its schema and limits (shared/sync/schemas.ts), the header's
 * `lastStamp` and the change log's stamps against the clock bound (hlc.ts). A backup whose stamps lie
 * further ahead of this device's clock than MAX_CLOCK_AHEAD_MS is refused: restored, they would run
 * the clock ahead for good — and, kept as the clock floor, survive even «Отменить восстановление».
 */
import { BackupError, type BackupContent } from '../../shared/backup/format';
import { MAX_CLOCK_AHEAD_MS } from '../../shared/sync/hlc';
import { SYNC_TABLES } from '../../shared/sync/roles';
import { checkRow, fieldsProblem, ValueError } from '../../shared/sync/schemas';
import type { DbContext } from './context';
import { formatNumber } from '../../shared/text/format';
import { dbText } from './repo/fail';
import { PAGE_TABLE } from './change-pages';

const STAMP = /^\d{15}-[0-9a-f]{5}-\S+$/;
const SHARED: ReadonlySet<string> = new Set(SYNC_TABLES);

/** Throws BackupError; returns the greatest stamp of the backup ('' for an empty log). */
type StoredEntry = { hlc?: unknown; table?: unknown; fields?: unknown; items?: unknown };

/** A backup's change log entries, a page's changes one by one (change-pages.ts); a page without them is corrupt. */
function unpageStored(entries: readonly StoredEntry[]): StoredEntry[] {
  return entries.flatMap((c) => {
    if (c.table !== PAGE_TABLE) return [c];
    if (!Array.isArray(c.items) || c.items.length === 0 || (c.items as StoredEntry[]).some((i) => i?.table === PAGE_TABLE)) throw new BackupError('corrupt', dbText('backup.logStamp'));
    return [c, ...(c.items as StoredEntry[])];
  });
}

export function checkRestoredValues(ctx: DbContext, content: BackupContent): string {
  const { header, tables } = content;
  if (header.lastStamp !== '' && !STAMP.test(header.lastStamp)) throw new BackupError('corrupt', dbText('backup.headerStamp'));
  let max = header.lastStamp;
  try {
    for (const [name, rows] of Object.entries(tables)) {
      if (SHARED.has(name)) for (const row of rows) checkRow(name, row);
    }
    for (const c of unpageStored((tables['changes'] ?? []) as StoredEntry[])) {
      if (typeof c.hlc !== 'string' || !STAMP.test(c.hlc)) throw new BackupError('corrupt', dbText('backup.logStamp'));
      if (typeof c.table === 'string' && c.fields && typeof c.fields === 'object') {
        const bad = fieldsProblem(c.table, c.fields as Record<string, unknown>);
        if (bad) throw bad;
      }
      if (c.hlc > max) max = c.hlc;
    }
  } catch (e) {
    if (e instanceof ValueError) throw new BackupError('bad-value', e.said);
    throw e;
  }
  // measured from where this clock already is: its own stamps from a time its wall clock was later are fine
  const lead = max ? Number(max.slice(0, 15)) - Math.max(ctx.clock.wallNow(), Number(ctx.clock.last().slice(0, 15))) : 0;
  if (lead > MAX_CLOCK_AHEAD_MS) throw new BackupError('future-stamps', dbText('backup.ahead', { minutes: formatNumber(Math.round(lead / 60_000)) }));
  return max;
}
