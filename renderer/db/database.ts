import Dexie, { type Table } from 'dexie';
import { DB_NAME } from './name';
import type {
  CheckinEntry,
  Delegation,
  Device,
  DeviceRole,
  EventRow,
  Municipality,
  Organization,
  Person,
  PrintLogEntry,
  ProgramItem,
  Registration,
  Section,
  Setting,
} from '../../shared/domain/types';
import type { ChangeRecord } from '../../shared/sync/change';
import type { AuthorBatch } from '../../shared/trust/batches';
import type { Enrolment, EventRoot } from '../../shared/trust/enrolment';
import type { Application, Assignment, Conflict, Contest, Juror, Nomination, Score } from '../../shared/contest/types';
import type { Project, ProjectReport } from '../../shared/projects/types';

/** Contest rows as stored: conflicts and assignments get an id (`${jurorId}|${applicationId}[|kind]`). */
export type ConflictRow = Conflict & { id: string; contestId: string };
export type AssignmentRow = Assignment & { id: string; contestId: string };
/** Attachment bytes of an application, kept apart from the application row so lists stay light. */
export type AttachmentBlob = { id: string; applicationId: string; name: string; mime: string; size: number; sha256: string; bytes: Uint8Array };
/** Keys this device holds (juror signing keys): CryptoKey objects stored as they are, non-extractable. */
/**
 * Derived data kept to start fast (the desk's search entries of an event), valid as of `stamp`, the
 * greatest change stamp it reflects; whatever changed after it is replayed from the change log.
 * Device-local and disposable: never synced, never change-logged.
 */
export type CacheRow = { key: string; stamp: string; value: unknown };
/**
 * An import being written in chunks (repo/import.ts): present from the first chunk until the last one
 * committed. One left behind by a crash or a failure means the import is rolled back from its undo rows.
 * Device-local: never synced, never change-logged.
 */
export type ImportJournalRow = { id: string; eventId: string; startedAt: string };
/** What one chunk of an import changed, to take it back: rows to delete, rows to put back, change records to drop. */
export type ImportUndoRow = { id: string; batch: string; remove: Array<[string, string]>; restore: Array<[string, unknown]>; changes: string[] };
/** A team's report as stored: with its project's event, so exchange files carry it with that event (shared/sync/scope.ts). */
export type ProjectReportRow = ProjectReport & { eventId: string };
/** Photo bytes of a report, kept apart like attachments: device-local, never change-logged. */
export type ReportPhotoRow = { id: string; reportId: string; projectId: string; name: string; mime: string; size: number; sha256: string; bytes: Uint8Array };
export type DeviceKey = { id: string; createdAt: string; publicKey: string; privateKey: CryptoKey };
/**
 * This device's place in an event (shared/trust/enrolment.ts): the event's root, the event key, and —
 * on every device but the root — the enrolment the root signed for it. Device-local: never synced,
 * never backed up, never restored (a restore keeps this device's trust).
 */
export type TrustRow = { eventId: string; root: EventRoot; eventKey: string; enrolment?: Enrolment; role: DeviceRole; since: string };
/**
 * Signed author batches this device holds, its own and relayed ones, forwarded byte for byte
 * (shared/trust/batches.ts). `last`: the batch's newest stamp; `count`: its changes per table.
 */
export type BatchRow = { id: string; eventId: string; author: string; last: string; counts: Record<string, number>; batch: AuthorBatch };

export { DB_NAME };

/**
 * The device's database: the source of truth on this device.
 *
 * Durability is 'strict' for every transaction: a check-in, a score or an import is reported done
 * only after it reached the disk. A desk laptop whose battery dies must not lose the last arrivals.
 */
export class SkhodDb extends Dexie {
  events!: Table<EventRow, string>;
  programItems!: Table<ProgramItem, string>;
  sections!: Table<Section, string>;
  municipalities!: Table<Municipality, string>;
  organizations!: Table<Organization, string>;
  people!: Table<Person, string>;
  registrations!: Table<Registration, string>;
  delegations!: Table<Delegation, string>;
  checkins!: Table<CheckinEntry, string>;
  prints!: Table<PrintLogEntry, string>;
  changes!: Table<ChangeRecord, string>;
  devices!: Table<Device, string>;
  contests!: Table<Contest, string>;
  nominations!: Table<Nomination, string>;
  applications!: Table<Application, string>;
  jurors!: Table<Juror, string>;
  conflicts!: Table<ConflictRow, string>;
  assignments!: Table<AssignmentRow, string>;
  scores!: Table<Score, string>;
  attachments!: Table<AttachmentBlob, string>;
  keys!: Table<DeviceKey, string>;
  caches!: Table<CacheRow, string>;
  trust!: Table<TrustRow, string>;
  batches!: Table<BatchRow, string>;
  settings!: Table<Setting, string>;
  importJournal!: Table<ImportJournalRow, string>;
  importUndo!: Table<ImportUndoRow, string>;
  projects!: Table<Project, string>;
  projectReports!: Table<ProjectReportRow, string>;
  reportPhotos!: Table<ReportPhotoRow, string>;

  constructor(name: string = DB_NAME) {
    super(name, { chromeTransactionDurability: 'strict' });

    // ────────────────────────────────────────────────────────────────────────────────────────────
    // SCHEMA VERSIONS ARE APPEND-ONLY. Never edit a version that has shipped: add version(n + 1)
    // with the new stores and an upgrade() that reshapes existing rows. Users' data lives in the
    // versions already on their disks.
    // ────────────────────────────────────────────────────────────────────────────────────────────
    this.version(1).stores({
      events: 'id, startDate',
      programItems: 'id, eventId',
      sections: 'id, eventId',
      municipalities: 'id, name',
      organizations: 'id, name, municipalityId',
      people: 'id, surname, phone, municipalityId, organizationId',
      registrations: 'id, eventId, personId, badgeCode, [eventId+municipalityId], [eventId+sectionId]',
      delegations: 'id, eventId',
      checkins: 'id, eventId, registrationId, hlc',
      prints: 'id, eventId, registrationId',
      changes: 'hlc, [table+rowId], device',
      devices: 'id',
      settings: 'key',
      contests: 'id, eventId',
      nominations: 'id, contestId',
      applications: 'id, contestId, nominationId',
      jurors: 'id, contestId, personId',
      conflicts: 'id, contestId, jurorId, applicationId',
      assignments: 'id, contestId, jurorId, applicationId',
      scores: 'id, contestId, jurorId, applicationId',
      attachments: 'id, applicationId',
      keys: 'id',
      caches: 'key',
    });
    // 2: people lose the phone and municipality indexes nothing queries (the desk searches in memory).
    // Each index is one more LevelDB entry per person in every write; after an import of 100,000
    // people, Chromium steps over all of them again each time it opens the database.
    this.version(2).stores({
      people: 'id, surname, organizationId',
    });
    // 3: authority across devices (issue 17): this device's trust per event, and the signed author
    // batches it holds and relays. Nothing to reshape: events received before have no root yet, and
    // the organizer's device takes the root of the events it holds on its next export.
    this.version(3).stores({
      trust: 'eventId',
      batches: 'id, [eventId+last]',
    });
    // 7: an import is written in chunked transactions with an undo journal (repo/import.ts), so that a
    // 100,000-row import leaves no giant LevelDB undo log and a crash midway is rolled back on next open.
    this.version(7).stores({
      importJournal: 'id',
      importUndo: 'id, batch',
    });
    // 8: after the contest (issue 25): the winners' projects and the teams' reports on them (tracked,
    // organizer-written: repo/projects.ts), and the reports' photo bytes (device-local, like attachments).
    // New stores only: nothing to reshape.
    this.version(8).stores({
      projects: 'id, eventId, contestId, applicationId',
      projectReports: 'id, projectId, eventId',
      reportPhotos: 'id, reportId, projectId',
    });
    // 9: an import's change records are stored a page per chunk and table (change-pages.ts); the
    // multi-entry `rows` index finds the pages holding a row's history. Entries before it are single
    // changes without `rows`: nothing to reshape.
    this.version(9).stores({
      changes: 'hlc, [table+rowId], device, *rows',
    });
  }
}

/** Tables whose rows are shared between devices; each write to them records a change. */
export type TrackedTable =
  | 'events'
  | 'programItems'
  | 'sections'
  | 'municipalities'
  | 'organizations'
  | 'people'
  | 'registrations'
  | 'delegations'
  | 'checkins'
  | 'prints'
  | 'contests'
  | 'nominations'
  | 'applications'
  | 'jurors'
  | 'conflicts'
  | 'assignments'
  | 'scores'
  | 'projects'
  | 'projectReports';
