/**
 * Report packages and report files (issue 25), both sides:
 *  - the organizer exports a project's report package (shared/projects/report-package.ts: signed by this
 *    device's key, sealed under a fresh access code) and imports the team's report files
 *    (shared/projects/report-file.ts: tampered, stale, wrong project, wrong key, too large are refused
 *    with the verifier's message in the interface language and write nothing);
 *  - the team's device opens a package (remembering the organizer's key of the project) and writes its
 *    signed report file for the package's round.
 * The invitation secret of a project's packages lives in `settings` on the organizer's device
 * (`project.invite:<id>`), like a juror's; the access code beside the juror codes (`packageCode.*`,
 * device-local: never logged, never in a backup).
 */
import { newPackageCode } from '../../../shared/contest/code-seal';
import { randomSecret } from '../../../shared/crypto';
import type { Id } from '../../../shared/domain/types';
import { currentReport } from '../../../shared/projects/monitoring';
import { verifyReportFile, writeReportFile, type Photo, type ReportContent } from '../../../shared/projects/report-file';
import { openReportPackage, writeReportPackage, type ReportPackage } from '../../../shared/projects/report-package';
import type { DbContext } from '../context';
import type { ProjectReportRow, ReportPhotoRow } from '../database';
import { backupBeforeRisk, type BackupOutcome } from '../backup';
import { putTracked } from '../change-log';
import { ensureDeviceKey } from './device-key';
import { PACKAGE_CODE_PREFIX } from './package-codes';
import { dbText, fail } from './fail';
import { sayText } from '../../i18n';

export type ProjectInvite = { invitationSecret: string; sentAt?: string };
const inviteKey = (projectId: Id) => `project.invite:${projectId}`;
const codeKey = (projectId: Id) => `${PACKAGE_CODE_PREFIX}report:${projectId}`;
const teamPackageKey = (projectId: Id) => `report.package:${projectId}`;

/** The project's invitation on this device, created (with a fresh secret) when missing. */
async function ensureProjectInvite(ctx: DbContext, projectId: Id): Promise<ProjectInvite> {
  const secret = randomSecret();
  const { db } = ctx;
  return db.transaction('rw', db.settings, async () => {
    const invite = (await db.settings.get(inviteKey(projectId)))?.value as ProjectInvite | undefined;
    if (invite) return invite;
    const fresh: ProjectInvite = { invitationSecret: secret };
    await db.settings.put({ key: inviteKey(projectId), value: fresh });
    return fresh;
  });
}

/** The package the team gets now: its plan, its next round, the returned rounds' reasons, what was accepted. */
export async function buildReportPackage(ctx: DbContext, projectId: Id, now: string): Promise<Omit<ReportPackage, 'publicKey'>> {
  const { db } = ctx;
  const project = await db.projects.get(projectId);
  if (!project) fail('projects.notFound');
  const [event, municipality, reports, invite] = await Promise.all([
    db.events.get(project.eventId),
    project.municipalityId === undefined ? undefined : db.municipalities.get(project.municipalityId),
    db.projectReports.where('projectId').equals(projectId).toArray(),
    ensureProjectInvite(ctx, projectId),
  ]);
  const regs = await db.registrations.bulkGet(project.teamRegistrationIds);
  const people = await db.people.bulkGet(regs.map((r) => r?.personId ?? ''));
  const team = people.flatMap((p) => (p ? [[p.surname, p.name, p.patronymic].filter(Boolean).join(' ')] : []));
  const accepted = currentReport(reports);
  const { id, title, communityType, planned, plannedCommunity, milestones, finalReportDue } = project;
  const pkg: Omit<ReportPackage, 'publicKey'> = {
    format: 'skhod-report-package',
    version: 1,
    createdAt: now,
    eventId: project.eventId,
    project: { id, title, communityType, planned, plannedCommunity, milestones, finalReportDue },
    team,
    round: reports.reduce((m, r) => Math.max(m, r.round), 0) + 1,
    invitationSecret: invite.invitationSecret,
    returns: reports
      .filter((r) => r.review === 'returned')
      .sort((a, b) => a.round - b.round)
      .map((r) => ({ round: r.round, kind: r.kind, reason: r.returnReason ?? '' })),
  };
  if (event) pkg.eventTitle = event.title;
  if (municipality) pkg.project.municipalityName = municipality.name;
  if (project.grantAmount !== undefined) pkg.project.grantAmount = project.grantAmount;
  if (project.interimReportDue !== undefined) pkg.project.interimReportDue = project.interimReportDue;
  if (accepted) pkg.accepted = { round: accepted.round, kind: accepted.kind, reached: accepted.reached, community: accepted.community, milestones: accepted.milestones };
  return pkg;
}

/**
 * «Пакет отчёта…»: the project's package, signed by this device and sealed under a fresh code, which
 * replaces the project's previous code on this device. `iterations` only for tests.
 */
export async function exportReportPackage(ctx: DbContext, projectId: Id, now = new Date().toISOString(), iterations?: number): Promise<{ bytes: Uint8Array; code: string; package: Omit<ReportPackage, 'publicKey'> }> {
  const pkg = await buildReportPackage(ctx, projectId, now);
  const key = await ensureDeviceKey(ctx, new Date(now));
  const code = newPackageCode();
  const bytes = await writeReportPackage(pkg, key, code, iterations);
  await ctx.db.settings.bulkPut([
    { key: codeKey(projectId), value: { projectId, code, savedAt: now } },
    { key: inviteKey(projectId), value: { invitationSecret: pkg.invitationSecret, sentAt: now } satisfies ProjectInvite },
  ]);
  return { bytes, code, package: pkg };
}

export type ReportImportResult =
  | { ok: false; code: string; message: string }
  | { ok: true; report: ProjectReportRow; outcome: 'new' | 'replaces' | 'unchanged'; backup?: BackupOutcome };

/**
 * «Загрузить отчёт команды…»: verifies the file (shared/projects/report-file.ts) against this event's
 * projects and their stored rounds, then stores the report as `received` with its photos. A refused
 * file writes nothing; the same file again writes nothing either. `projectId`: importing from a
 * project's page, where a file of another project is refused.
 */
export async function importReportFile(ctx: DbContext, eventId: Id, bytes: Uint8Array, projectId?: Id): Promise<ReportImportResult> {
  const { db } = ctx;
  const projects = await db.projects.where('eventId').equals(eventId).toArray();
  const invites = await db.settings.bulkGet(projects.map((p) => inviteKey(p.id)));
  const known = new Map(
    projects.map((p, i) => {
      const invite = invites[i]?.value as ProjectInvite | undefined;
      return [p.id, { title: p.title, ...(invite ? { invitationSecret: invite.invitationSecret } : {}) }] as const;
    }),
  );
  const stored = await db.projectReports.where('eventId').equals(eventId).toArray();
  // WebCrypto runs outside the transaction (an await on it would commit a Dexie transaction early)
  const verdict = await verifyReportFile(bytes, { eventId, projects: known, ...(projectId ? { expectedProjectId: projectId } : {}), storedRounds: (id) => stored.filter((r) => r.projectId === id) });
  if (!verdict.ok) return { ok: false, code: verdict.code, message: sayText(verdict.said) };
  const row: ProjectReportRow = { ...verdict.report, eventId };
  if (verdict.outcome === 'unchanged') return { ok: true, report: (await db.projectReports.get(row.id)) ?? row, outcome: 'unchanged' };
  const backup = await backupBeforeRisk(ctx, dbText('reports.backupBefore', { title: known.get(row.projectId)!.title }));
  const photos: ReportPhotoRow[] = verdict.photos.map((p) => ({ id: p.id, reportId: row.id, projectId: row.projectId, name: p.name, mime: p.mime, size: p.bytes.byteLength, sha256: p.sha256, bytes: p.bytes }));
  return db.transaction('rw', [db.projectReports, db.reportPhotos, db.changes], async () => {
    const now = await db.projectReports.get(row.id);
    // reviewed while the file was being checked (another window): the verdict no longer holds
    if (now && now.review !== 'received') return { ok: false as const, code: 'stale', message: dbText('reports.stale') };
    await db.reportPhotos.where('reportId').equals(row.id).delete();
    await db.reportPhotos.bulkPut(photos);
    await putTracked(ctx, 'projectReports', [row]);
    return { ok: true as const, report: row, outcome: verdict.outcome, backup };
  });
}

/** A report's photos with their bytes, for the review screen (read only when the report is shown). */
export async function loadReportPhotos(ctx: DbContext, reportId: Id): Promise<ReportPhotoRow[]> {
  return ctx.db.reportPhotos.where('reportId').equals(reportId).toArray();
}

// ─── the team's device ──────────────────────────────────────────────────────────────────────────

/** Opens a team's package; a later package of the same project must be signed by the same organizer key. */
export async function openTeamPackage(ctx: DbContext, bytes: Uint8Array, code: string | undefined) {
  const stored = new Map((await ctx.db.settings.where('key').startsWith('report.package:').toArray()).map((s) => [(s.value as ReportPackage).project.id, (s.value as ReportPackage).publicKey]));
  const opened = await openReportPackage(bytes, code, (id) => stored.get(id));
  if (opened.ok) await ctx.db.settings.put({ key: teamPackageKey(opened.package.project.id), value: opened.package });
  return opened;
}

/** The team's report file for the round of the project's package on this device, signed by this device's key. */
export async function writeTeamReport(ctx: DbContext, projectId: Id, content: ReportContent, photos: readonly Photo[], now = new Date().toISOString()) {
  const pkg = (await ctx.db.settings.get(teamPackageKey(projectId)))?.value as ReportPackage | undefined;
  if (!pkg) fail('reports.packageNotOpen');
  const signer = await ensureDeviceKey(ctx, new Date(now));
  return writeReportFile({ pkg, signer, content, photos, createdAt: now });
}
