/**
 * Which tables a device of each role may change through sync. The check runs on the receiving side
 * (merge.ts), because the sending device is not trusted to police itself: a desk laptop with a
 * modified build must still not be able to rewrite the contest.
 *
 * Allow-lists, not deny-lists: a table added later is refused from everyone until it is listed here,
 * which fails loudly in tests (tests/unit/shared/sync/roles.test.ts compares SYNC_TABLES with the
 * database's TrackedTable) instead of silently letting a desk write it.
 */
import type { DeviceRole } from '../domain/types';

/** Tables whose writes are change-logged and travel between devices (renderer/db `TrackedTable`). */
export const SYNC_TABLES = [
  'events',
  'programItems',
  'sections',
  'municipalities',
  'organizations',
  'people',
  'registrations',
  'delegations',
  'checkins',
  'prints',
  'contests',
  'nominations',
  'applications',
  'jurors',
  'conflicts',
  'assignments',
  'scores',
] as const;

export type SyncTable = (typeof SYNC_TABLES)[number];

/**
 * Contest data: only the organizer's device changes it. `conflicts` (jurors' conflicts of interest)
 * belongs here too — a desk that could clear a conflict could steer who scores whom. `criteria` has no
 * table of its own today (criteria live inside nominations); it is listed so that a future table of
 * that name is contest data from day one.
 */
export const CONTEST_TABLES: readonly string[] = ['contests', 'nominations', 'applications', 'jurors', 'conflicts', 'assignments', 'scores', 'criteria'];

const CONTEST = new Set(CONTEST_TABLES);
const ALL: ReadonlySet<string> = new Set<string>([...SYNC_TABLES, ...CONTEST_TABLES]);
const NON_CONTEST: ReadonlySet<string> = new Set(SYNC_TABLES.filter((t) => !CONTEST.has(t)));
/**
 * A juror device changes nothing through exchange files: its scores travel in score files
 * (shared/contest/score-file.ts), whose signature is bound to the juror's invitation. An exchange file
 * proves only which device wrote it, which is not enough to speak for a juror.
 */
const NOTHING: ReadonlySet<string> = new Set();

const BY_ROLE: Record<DeviceRole, ReadonlySet<string>> = {
  organizer: ALL,
  desk: NON_CONTEST,
  district: NON_CONTEST,
  juror: NOTHING,
};

/** The tables a device of `role` may change in other devices' databases. */
export function allowedTables(role: DeviceRole): ReadonlySet<string> {
  return BY_ROLE[role];
}

export function isTableAllowed(role: DeviceRole, table: string): boolean {
  return BY_ROLE[role].has(table);
}

export function isContestTable(table: string): boolean {
  return CONTEST.has(table);
}

/**
 * Fields only the organizer's device may write, even in a table other roles may change: the organizer
 * PIN's hash lives on the event rows (it must reach every desk), and a desk that could replace it could
 * open the organizer's areas everywhere.
 */
const ORGANIZER_FIELDS: Readonly<Record<string, readonly string[]>> = { events: ['organizerPin'] };

/** True if a change by a device of `role` touches a field only the organizer may write. */
export function touchesOrganizerField(role: DeviceRole, table: string, fields: Readonly<Record<string, unknown>>): boolean {
  if (role === 'organizer') return false;
  return (ORGANIZER_FIELDS[table] ?? []).some((f) => Object.hasOwn(fields, f));
}
