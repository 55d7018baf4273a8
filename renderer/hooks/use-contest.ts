import { useLiveQuery } from 'dexie-react-hooks';
import { detectConflicts, type Application, type Conflict, type Contest, type Juror, type JurorProfile, type Nomination, type Score } from '../../shared/contest';
import type { Municipality, Organization, Person } from '../../shared/domain/types';
import type { AssignmentRow, ConflictRow } from '../db/database';
import { inviteKey, returnKey, type JurorInvite, type JurorReturn } from '../db/repo/contest';
import { useDb } from './db-context';
import { tr } from '../i18n';

export type ContestSetup = { contest: Contest; nominations: Nomination[] };

/** The event's contest with its nominations (in creation order); `null` when the event has none yet. */
export function useContest(eventId: string): ContestSetup | null | undefined {
  const { db } = useDb();
  return useLiveQuery(async () => {
    const contest = await db.contests.where('eventId').equals(eventId).first();
    if (!contest) return null;
    const nominations = await db.nominations.where('contestId').equals(contest.id).toArray();
    // ids of the template are `${contestId}:main`, later ones random: keep the template's first
    nominations.sort((a, b) => Number(b.id.endsWith(':main')) - Number(a.id.endsWith(':main')) || a.title.localeCompare(b.title, 'ru'));
    return { contest, nominations };
  }, [db, eventId]);
}

export type JurorView = Juror & { person?: Person; name: string; invite?: JurorInvite; returned?: JurorReturn };

export type ContestData = {
  applications: Application[];
  jurors: JurorView[];
  /** Stored rows: declared/manual conflicts and overrides of detected ones. */
  conflictRows: ConflictRow[];
  /** Every conflict, detected ones recomputed from people now, with overrides applied. */
  conflicts: Conflict[];
  assignments: AssignmentRow[];
  scores: Score[];
  organizations: Map<string, Organization>;
  municipalities: Map<string, Municipality>;
};

const shortName = (p: Person) => [p.surname, p.name, p.patronymic].filter(Boolean).join(' ');

/** Everything the contest screens show, live; conflicts recomputed on every change of people or rows. */
export function useContestData(contestId: string | undefined): ContestData | undefined {
  const { db } = useDb();
  return useLiveQuery(async () => {
    if (!contestId) return undefined;
    const [applications, jurors, conflictRows, assignments, scores, organizations, municipalities] = await Promise.all([
      db.applications.where('contestId').equals(contestId).toArray(),
      db.jurors.where('contestId').equals(contestId).toArray(),
      db.conflicts.where('contestId').equals(contestId).toArray(),
      db.assignments.where('contestId').equals(contestId).toArray(),
      db.scores.where('contestId').equals(contestId).toArray(),
      db.organizations.toArray(),
      db.municipalities.toArray(),
    ]);
    const people = await db.people.bulkGet(jurors.map((j) => j.personId));
    const settings = await db.settings.bulkGet(jurors.flatMap((j) => [inviteKey(j.id), returnKey(j.id)]));
    const orgs = new Map(organizations.map((o) => [o.id, o]));
    const munis = new Map(municipalities.map((m) => [m.id, m]));
    const views: JurorView[] = jurors.map((j, i) => {
      const person = people[i] ?? undefined;
      const invite = settings[2 * i]?.value as JurorInvite | undefined;
      const returned = settings[2 * i + 1]?.value as JurorReturn | undefined;
      return { ...j, person, name: person ? shortName(person) : tr('app')('unknownJuror'), invite, returned };
    });
    views.sort((a, b) => a.name.localeCompare(b.name, 'ru'));
    applications.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) || a.title.localeCompare(b.title, 'ru'));
    const profiles: JurorProfile[] = views.map((v) => ({
      id: v.id,
      contestId: v.contestId,
      personId: v.personId,
      nominationIds: v.nominationIds,
      ...(v.cap === undefined ? {} : { cap: v.cap }),
      ...(v.person?.organizationId ? { organizationId: v.person.organizationId } : {}),
      ...(v.person?.municipalityId ? { municipalityId: v.person.municipalityId } : {}),
      name: v.name,
    }));
    const reported = (kind: 'declared' | 'manual') => conflictRows.filter((r) => r.kind === kind).map((r) => ({ jurorId: r.jurorId, applicationId: r.applicationId, reason: r.reason }));
    const conflicts = detectConflicts({
      jurors: profiles,
      applications,
      declared: reported('declared'),
      manual: reported('manual'),
      overrides: conflictRows.flatMap((r) => (r.overridden ? [{ jurorId: r.jurorId, applicationId: r.applicationId, kind: r.kind, override: r.overridden }] : [])),
      organizationName: (id) => orgs.get(id)?.name,
      municipalityName: (id) => munis.get(id)?.name,
    });
    return { applications, jurors: views, conflictRows, conflicts, assignments, scores, organizations: orgs, municipalities: munis };
  }, [db, contestId]);
}

/** Organizations by name, for the applicant-organization field's suggestions. */
export function useOrganizations(): Organization[] | undefined {
  const { db } = useDb();
  return useLiveQuery(async () => (await db.organizations.toArray()).sort((a, b) => a.name.localeCompare(b.name, 'ru')), [db]);
}
