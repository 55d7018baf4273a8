/**
 * Which changes belong to one event. An exchange file carries one event (its header says which), so a
 * device with two events exports each on its own, and seen vectors are kept per event.
 *
 * A row belongs to an event by its `eventId` (registrations, check-ins, sections…), or through its
 * contest's `contestId` (nominations, applications, jurors, scores…); the `events` row is its own.
 * Rows with neither — people, organizations, municipalities — are shared by every event and travel
 * in each event's files (applying them twice is a no-op).
 *
 * The event of a row is fixed when it is created and never changes, and a row's first put names it,
 * so every device computes the same scope for a change: the prefix rule of seen.ts holds per event.
 * A change of a row whose first put this log does not hold (a delete of a row never seen here) is
 * included: a tombstone for an unknown row is harmless wherever it lands.
 */
import type { ChangeRecord } from './change';

const key = (c: ChangeRecord) => `${c.table}|${c.rowId}`;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * @param known  the event of rows whose first put is not in `log` (a tail of the log read alone), by
 *               `table|rowId`, as the caller found it on the stored rows
 */
export function eventScope(log: readonly ChangeRecord[], eventId: string, known?: ReadonlyMap<string, string>): ChangeRecord[] {
  const rowEvent = new Map<string, string>();
  const rowContest = new Map<string, string>();
  const contestEvent = new Map<string, string>();
  for (const c of log) {
    if (c.op !== 'put') continue;
    const ev = str(c.fields.eventId);
    if (ev !== undefined && !rowEvent.has(key(c))) rowEvent.set(key(c), ev);
    const contest = str(c.fields.contestId);
    if (contest !== undefined && !rowContest.has(key(c))) rowContest.set(key(c), contest);
    if (c.table === 'contests' && ev !== undefined && !contestEvent.has(c.rowId)) contestEvent.set(c.rowId, ev);
  }
  return log.filter((c) => {
    if (c.table === 'events') return c.rowId === eventId;
    const k = key(c);
    const ev = rowEvent.get(k);
    if (ev !== undefined) return ev === eventId;
    const contest = rowContest.get(k);
    if (contest !== undefined) {
      const owner = contestEvent.get(contest) ?? known?.get(`contests|${contest}`);
      return owner === undefined || owner === eventId;
    }
    const stored = known?.get(k);
    return stored === undefined || stored === eventId;
  });
}
