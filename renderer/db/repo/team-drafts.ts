/**
 * The team's device in report mode (issue 25): which project's package is open, the draft of the
 * report as it is being filled in (shared/projects/team-draft.ts) and its photos, and the signed report
 * file saved from it. Everything stays on this device between sessions: the draft in `settings`
 * (`report.draft:<project>`), its photos in the device-local `reportPhotos` under the report id
 * `draft|<project>`, so a closed window or a restart loses nothing the team typed or chose.
 */
import { sha256Hex } from '../../../shared/crypto';
import type { Id } from '../../../shared/domain/types';
import type { Photo, ReportContent } from '../../../shared/projects/report-file';
import type { ReportPackage } from '../../../shared/projects/report-package';
import type { TeamDraft } from '../../../shared/projects/team-draft';
import type { DbContext } from '../context';
import type { ReportPhotoRow } from '../database';
import { openTeamPackage, writeTeamReport } from './project-reports';

/** The project whose package the team's device shows; absent: not in report mode. */
export const TEAM_PROJECT_SETTING = 'report.team.open';
const PACKAGE_PREFIX = 'report.package:';
const draftKey = (projectId: Id) => `report.draft:${projectId}`;
const draftReportId = (projectId: Id) => `draft|${projectId}`;

/** Every report package opened on this device, the latest of each project. */
export async function teamPackages(ctx: DbContext): Promise<ReportPackage[]> {
  return (await ctx.db.settings.where('key').startsWith(PACKAGE_PREFIX).toArray()).map((s) => s.value as ReportPackage);
}

/** The package of the project the device shows now, or null. */
export async function openedTeamPackage(ctx: DbContext): Promise<ReportPackage | null> {
  const { db } = ctx;
  const projectId = (await db.settings.get(TEAM_PROJECT_SETTING))?.value as Id | undefined;
  if (projectId === undefined) return null;
  return ((await db.settings.get(`${PACKAGE_PREFIX}${projectId}`))?.value as ReportPackage | undefined) ?? null;
}

/** Opens a report package (checked, its organizer key remembered) and shows its project. */
export async function openReportPackageHere(ctx: DbContext, bytes: Uint8Array, code: string) {
  const opened = await openTeamPackage(ctx, bytes, code);
  if (opened.ok) await ctx.db.settings.put({ key: TEAM_PROJECT_SETTING, value: opened.package.project.id });
  return opened;
}

/** Shows another project whose package is on this device. */
export async function showTeamProject(ctx: DbContext, projectId: Id): Promise<void> {
  await ctx.db.settings.put({ key: TEAM_PROJECT_SETTING, value: projectId });
}

/** Leaves report mode; packages, drafts and photos stay for the next time. */
export async function leaveTeamMode(ctx: DbContext): Promise<void> {
  await ctx.db.settings.delete(TEAM_PROJECT_SETTING);
}

export async function loadTeamDraft(ctx: DbContext, projectId: Id): Promise<TeamDraft | undefined> {
  return (await ctx.db.settings.get(draftKey(projectId)))?.value as TeamDraft | undefined;
}

/** Keeps the draft; photos no longer in it are deleted with it (one transaction). */
export async function saveTeamDraft(ctx: DbContext, draft: TeamDraft): Promise<void> {
  const { db } = ctx;
  await db.transaction('rw', [db.settings, db.reportPhotos], async () => {
    await db.settings.put({ key: draftKey(draft.projectId), value: draft });
    const keep = new Set(draft.photoIds);
    const stale = (await db.reportPhotos.where('reportId').equals(draftReportId(draft.projectId)).primaryKeys()).filter((id) => !keep.has(id));
    if (stale.length > 0) await db.reportPhotos.bulkDelete(stale);
  });
}

/** Adds a photo (already shrunk) to the draft and keeps both at once. */
export async function addDraftPhoto(ctx: DbContext, draft: TeamDraft, photo: Photo): Promise<TeamDraft> {
  const { db } = ctx;
  // WebCrypto outside the transaction: an await on it would commit a Dexie transaction early
  const sha256 = await sha256Hex(photo.bytes);
  const row: ReportPhotoRow = { id: photo.id, reportId: draftReportId(draft.projectId), projectId: draft.projectId, name: photo.name, mime: photo.mime, size: photo.bytes.byteLength, sha256, bytes: photo.bytes };
  const next: TeamDraft = { ...draft, photoIds: [...draft.photoIds, photo.id] };
  await db.transaction('rw', [db.settings, db.reportPhotos], async () => {
    await db.reportPhotos.put(row);
    await db.settings.put({ key: draftKey(draft.projectId), value: next });
  });
  return next;
}

/** The draft's photos in the order chosen. */
export async function draftPhotos(ctx: DbContext, draft: Pick<TeamDraft, 'projectId' | 'photoIds'>): Promise<ReportPhotoRow[]> {
  const rows = await ctx.db.reportPhotos.bulkGet(draft.photoIds);
  return rows.filter((r): r is ReportPhotoRow => r !== undefined && r.reportId === draftReportId(draft.projectId));
}

/**
 * The signed report file of the draft (its content already checked), with its photos. Refused with
 * the verifier's Russian message when the photos break the budget. Once the file is on disk, keep the
 * draft with `savedFileAt` so the screen says when it was saved.
 */
export async function buildTeamReportFile(ctx: DbContext, draft: TeamDraft, content: ReportContent, now = new Date().toISOString()) {
  const photos = (await draftPhotos(ctx, draft)).map(({ id, name, mime, bytes }) => ({ id, name, mime, bytes }));
  return writeTeamReport(ctx, draft.projectId, content, photos, now);
}
