import { useEffect, useState } from 'react';
import { countChanges, municipalityLabels, readChangesBefore } from '../../db/repo/audit';
import { watchChanges } from '../../db/watch';
import { useDb } from '../../hooks/db-context';
import { AuditLog } from './audit-model';
import { errorText } from '../../i18n';

/** Changes read per step while loading; the first step is a screenful, so the newest show at once. */
export const CHUNK = 5000;
const FIRST = 200;

export type AuditLoad = {
  log: AuditLog;
  /** Bumped whenever the log grows (a new chunk or a new change). */
  version: number;
  loaded: number;
  total: number | undefined;
  error?: string;
};

/**
 * The change log for the audit screen, newest first and then older chunks in the background, and
 * live: a check-in at this desk or an imported exchange file shows without reopening the screen.
 * A log of 100,000+ changes is read in CHUNK steps so the screen answers while it loads.
 */
export function useAuditLog(): AuditLoad {
  const ctx = useDb();
  const [state, setState] = useState<AuditLoad>(() => ({ log: new AuditLog(), version: 0, loaded: 0, total: undefined }));

  useEffect(() => {
    const log = new AuditLog();
    let stopped = false;
    let unwatch: (() => void) | undefined;
    const publish = (total?: number) =>
      setState((s) => ({ log, version: log.version, loaded: log.size, total: total ?? (s.log === log ? s.total : undefined) }));

    void (async () => {
      try {
        const total = await countChanges(ctx);
        // the built-in municipalities are seeded without change records: name them from the table
        log.setKnownLabels('municipalities', await municipalityLabels(ctx));
        const { changes: newest, next } = await readChangesBefore(ctx, '', FIRST);
        if (stopped) return;
        log.add(newest);
        const head = newest[0]?.hlc ?? '';
        // everything after the newest loaded change arrives through the watch, whoever writes it
        unwatch = watchChanges(ctx, head, (changes) => {
          log.add(changes);
          publish();
        });
        let oldest = next;
        if (oldest === null) log.markComplete();
        publish(total);
        while (oldest !== null && !stopped) {
          const older = await readChangesBefore(ctx, oldest, CHUNK);
          if (stopped) return;
          log.add(older.changes);
          oldest = older.next;
          if (oldest === null) log.markComplete();
          publish();
          // let the list repaint and the filter answer between chunks
          await new Promise((r) => setTimeout(r, 0));
        }
      } catch (e) {
        if (!stopped) setState((s) => ({ ...s, error: errorText(e) }));
      }
    })();
    return () => {
      stopped = true;
      unwatch?.();
    };
  }, [ctx]);

  return state;
}
