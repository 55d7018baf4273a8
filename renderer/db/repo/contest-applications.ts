/**
 * Contest applications (issue 6) on the organizer's device: one application saved or a validated list
 * imported (applicant organizations found by name or created), deleted with what hangs on it, and their
 * attachments — the bytes in `attachments` (device-local blobs), the reference in the application row.
 * Same rules as contest.ts: one `rw` transaction per write, changes through putTracked/deleteTracked.
 */
import type { Application } from '../../../shared/contest';
import { sha256Hex } from '../../../shared/crypto';
import type { Organization } from '../../../shared/domain/types';
import { fold, tidy } from '../../../shared/import/normalize';
import type { DbContext } from '../context';
import { deleteTracked, putTracked } from '../change-log';
import { dbText, fail, refuse } from './fail';

/** Largest attachment kept with an application. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export type ApplicationInput = Omit<Application, 'id' | 'contestId' | 'attachments' | 'organizationId'> & {
  id?: string;
  /** The applicant organization by name: found (case and ё/е ignored) or created. */
  organizationName?: string;
};

export function validateApplication(input: ApplicationInput): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!input.title.trim()) errors.title = dbText('applications.title');
  if (!input.nominationId) errors.nominationId = dbText('applications.nomination');
  if (input.requestedAmount !== undefined && (!Number.isFinite(input.requestedAmount) || input.requestedAmount < 0)) {
    errors.requestedAmount = dbText('applications.amount');
  }
  if (Number.isNaN(Date.parse(input.submittedAt))) errors.submittedAt = dbText('applications.submittedAt');
  if (input.status === 'rejected' && !input.rejectReason?.trim()) errors.rejectReason = dbText('applications.rejectReason');
  return errors;
}

/** Finds organizations by name (folded) or prepares new ones; the caller writes the new ones. */
async function resolveOrganizations(ctx: DbContext, names: readonly string[], municipalityIds: readonly (string | undefined)[]) {
  const all = await ctx.db.organizations.toArray();
  const byName = new Map(all.map((o) => [fold(o.name), o]));
  const created: Organization[] = [];
  const ids = names.map((raw, i) => {
    const name = tidy(raw);
    if (!name) return undefined;
    const found = byName.get(fold(name));
    if (found) return found.id;
    const municipalityId = municipalityIds[i];
    const org: Organization = { id: crypto.randomUUID(), name, kind: 'other', ...(municipalityId ? { municipalityId } : {}) };
    byName.set(fold(name), org);
    created.push(org);
    return org.id;
  });
  return { ids, created };
}

function applicationRow(contestId: string, input: ApplicationInput, organizationId: string | undefined, existing?: Application): Application {
  const row: Application = {
    id: existing?.id ?? input.id ?? crypto.randomUUID(),
    contestId,
    nominationId: input.nominationId,
    title: input.title.trim(),
    summary: input.summary.trim(),
    applicantPersonIds: [...new Set(input.applicantPersonIds)],
    submittedAt: input.submittedAt,
    status: input.status,
    attachments: existing?.attachments ?? [],
  };
  if (input.municipalityId) row.municipalityId = input.municipalityId;
  if (organizationId) row.organizationId = organizationId;
  if (input.requestedAmount !== undefined) row.requestedAmount = input.requestedAmount;
  if (input.status === 'rejected' && input.rejectReason?.trim()) row.rejectReason = input.rejectReason.trim();
  return row;
}

/** Creates or updates an application. */
export async function saveApplication(ctx: DbContext, contestId: string, input: ApplicationInput): Promise<Application> {
  const first = Object.values(validateApplication(input))[0];
  if (first) refuse(first);
  const { db } = ctx;
  return db.transaction('rw', [db.applications, db.organizations, db.changes], async () => {
    const existing = input.id ? await db.applications.get(input.id) : undefined;
    const { ids, created } = await resolveOrganizations(ctx, [input.organizationName ?? ''], [input.municipalityId]);
    await putTracked(ctx, 'organizations', created);
    const row = applicationRow(contestId, input, ids[0], existing);
    await putTracked(ctx, 'applications', [row]);
    return row;
  });
}

/** All or nothing: the rows a validated import produced. */
export async function importApplications(ctx: DbContext, contestId: string, inputs: readonly ApplicationInput[]): Promise<number> {
  for (const [i, input] of inputs.entries()) {
    const first = Object.values(validateApplication(input))[0];
    if (first) fail('applications.row', { row: i + 1, message: first });
  }
  const { db } = ctx;
  return db.transaction('rw', [db.applications, db.organizations, db.changes], async () => {
    const { ids, created } = await resolveOrganizations(
      ctx,
      inputs.map((a) => a.organizationName ?? ''),
      inputs.map((a) => a.municipalityId),
    );
    await putTracked(ctx, 'organizations', created);
    return putTracked(
      ctx,
      'applications',
      inputs.map((input, i) => applicationRow(contestId, input, ids[i])),
    );
  });
}

/** Deletes an application with its attachments, assignments and conflict records. Scores stay (they are the jurors'). */
export async function deleteApplication(ctx: DbContext, applicationId: string): Promise<void> {
  const { db } = ctx;
  await db.transaction('rw', [db.applications, db.attachments, db.assignments, db.conflicts, db.changes], async () => {
    await db.attachments.where('applicationId').equals(applicationId).delete();
    const assignments = await db.assignments.where('applicationId').equals(applicationId).primaryKeys();
    const conflicts = await db.conflicts.where('applicationId').equals(applicationId).primaryKeys();
    await deleteTracked(ctx, 'assignments', assignments);
    await deleteTracked(ctx, 'conflicts', conflicts);
    await deleteTracked(ctx, 'applications', [applicationId]);
  });
}

const ATTACHMENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  rtf: 'application/rtf',
  txt: 'text/plain',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
export const ATTACHMENT_EXTENSIONS = Object.keys(ATTACHMENT_TYPES);

/** Attaches a file; the bytes go to `attachments` (device-local blobs), the ref into the application row. */
export async function addAttachment(ctx: DbContext, applicationId: string, file: { name: string; bytes: Uint8Array }): Promise<void> {
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  const mime = ATTACHMENT_TYPES[ext];
  if (!mime) fail('applications.fileType', { name: file.name });
  if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES) {
    fail('applications.fileTooBig', { name: file.name, mb: MAX_ATTACHMENT_BYTES / 1024 / 1024 });
  }
  if (file.bytes.byteLength === 0) fail('applications.fileEmpty', { name: file.name });
  const sha256 = await sha256Hex(file.bytes); // before the transaction: WebCrypto would let it commit early
  const { db } = ctx;
  await db.transaction('rw', [db.applications, db.attachments, db.changes], async () => {
    const app = await db.applications.get(applicationId);
    if (!app) fail('applications.saveFirst');
    const id = crypto.randomUUID();
    await db.attachments.put({ id, applicationId, name: file.name, mime: mime!, size: file.bytes.byteLength, sha256, bytes: file.bytes });
    await putTracked(ctx, 'applications', [{ ...app!, attachments: [...app!.attachments, { id, name: file.name, mime: mime!, size: file.bytes.byteLength, sha256 }] }]);
  });
}

export async function removeAttachment(ctx: DbContext, applicationId: string, attachmentId: string): Promise<void> {
  const { db } = ctx;
  await db.transaction('rw', [db.applications, db.attachments, db.changes], async () => {
    const app = await db.applications.get(applicationId);
    if (!app) return;
    await db.attachments.delete(attachmentId);
    await putTracked(ctx, 'applications', [{ ...app, attachments: app.attachments.filter((a) => a.id !== attachmentId) }]);
  });
}

export async function loadAttachment(ctx: DbContext, attachmentId: string) {
  return ctx.db.attachments.get(attachmentId);
}
