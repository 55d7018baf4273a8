/**
 * The write rules: which device role may write what. ONE law for local writes and received ones —
 * the merge (shared/sync/merge.ts) judges every received change against its AUTHOR's enrolled role
 * (shared/trust/enrolment.ts), and the repositories (renderer/db/authority.ts, called from putTracked
 * and deleteTracked) judge this device's own writes against its role, unless an organizer session
 * (the organizer PIN typed on this device) is open.
 *
 * Allow-lists, not deny-lists: a table added later is refused from everyone but the organizer until it
 * is listed here, which fails loudly in tests (tests/unit/shared/sync/roles.test.ts compares
 * SYNC_TABLES with the database's TrackedTable) instead of silently letting a desk write it.
 *
 *   organizer  everything
 *   desk       the people at the event: people, organizations, registrations, delegations, check-ins, prints
 *   district   the same (its delegation's list, its own check-ins if it runs a desk)
 *   juror      nothing through exchange files; its own score sheets locally (they travel in score
 *              files, whose signature is bound to the juror's invitation: shared/contest/score-file.ts)
 *
 * Organizer-only, whoever else may write the table: the organizer PIN on event rows. Organizer-only
 * tables: the event itself, its programme and sections, the municipalities reference list, and the
 * whole contest (a desk that could clear a juror's conflict could steer who scores whom), and the
 * winners' projects with their reports (a team's report reaches the organizer in a signed report file,
 * shared/projects/report-file.ts; only the organizer's device stores it, and district offices read it).
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
  'projects',
  'projectReports',
] as const;

export type SyncTable = (typeof SYNC_TABLES)[number];

/**
 * Contest data: only the organizer's device changes it. `criteria` has no table of its own today
 * (criteria live inside nominations); it is listed so that a future table of that name is contest data
 * from day one.
 */
export const CONTEST_TABLES: readonly string[] = ['contests', 'nominations', 'applications', 'jurors', 'conflicts', 'assignments', 'scores', 'criteria'];

/** What desks and district offices write: the people of the event and their arrivals. */
export const REGISTRATION_TABLES: readonly string[] = ['people', 'organizations', 'registrations', 'delegations', 'checkins', 'prints'];

const CONTEST = new Set(CONTEST_TABLES);
const KNOWN: ReadonlySet<string> = new Set<string>([...SYNC_TABLES, ...CONTEST_TABLES]);
const REGISTRATION: ReadonlySet<string> = new Set(REGISTRATION_TABLES);
const NOTHING: ReadonlySet<string> = new Set();

const BY_ROLE: Record<DeviceRole, ReadonlySet<string>> = {
  organizer: KNOWN,
  desk: REGISTRATION,
  district: REGISTRATION,
  juror: NOTHING,
};

/** What a device of each role may write in its OWN database without the organizer PIN. */
const LOCAL_EXTRA: Partial<Record<DeviceRole, ReadonlySet<string>>> = { juror: new Set(['scores']) };

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
 * open the organizer's areas everywhere. `devices.role` is local (device rows do not travel): a device
 * changes its own role only with the organizer PIN; its role on OTHER devices comes only from an
 * enrolment the organizer signed.
 */
const ORGANIZER_FIELDS: Readonly<Record<string, readonly string[]>> = { events: ['organizerPin'], devices: ['role'] };

/** True if a change by a device of `role` touches a field only the organizer may write. Runs for every merged change: no allocation. */
export function touchesOrganizerField(role: DeviceRole, table: string, fields: Readonly<Record<string, unknown>>): boolean {
  if (role === 'organizer' || !Object.hasOwn(ORGANIZER_FIELDS, table)) return false;
  for (const f of ORGANIZER_FIELDS[table]!) if (Object.hasOwn(fields, f)) return true;
  return false;
}

/**
 * Why a write is refused: `role` — the role may not write this table; `organizer-field` — it touches a
 * field only the organizer writes (the organizer PIN, a device's role); `unknown-table` — no such table.
 */
export type WriteRefusal = 'role' | 'organizer-field' | 'unknown-table';

/** The rule for a change written by a device of `role` and received by another device. */
export function syncWriteRefusal(role: DeviceRole, table: string, fields: Readonly<Record<string, unknown>>): WriteRefusal | null {
  if (!BY_ROLE[role].has(table)) return KNOWN.has(table) ? 'role' : 'unknown-table';
  return touchesOrganizerField(role, table, fields) ? 'organizer-field' : null;
}

/**
 * The rule for this device's own write (renderer/db/authority.ts). Same as the sync rule, plus what a
 * role keeps to itself (a juror's score sheets) and device-local rows (`devices`: a rename is anyone's,
 * a role change is the organizer's).
 */
export function localWriteRefusal(role: DeviceRole, table: string, fields: Readonly<Record<string, unknown>>): WriteRefusal | null {
  if (table === 'devices' || LOCAL_EXTRA[role]?.has(table)) return touchesOrganizerField(role, table, fields) ? 'organizer-field' : null;
  return syncWriteRefusal(role, table, fields);
}

