/**
 * The organizer's side of the contest (issue 6): setup, applications, jurors, conflicts, assignments,
 * juror invitations and score-file imports. Every write is one `rw` transaction that does not catch and
 * records its changes through putTracked/deleteTracked; the rules themselves live in shared/contest.
 *
 * Device-local (settings, not change-logged): a juror's invitation secret and when their package was
 * sent, and what arrived from them. The secret must not travel to every device that syncs the contest —
 * whoever holds it can sign score files for that juror.
 */
import {
  checkContestEdit,
  grantContestTemplate,
  jurorSheetCounts,
  openScoringLogged,
  overrideConflict,
  randomSecret,
  withRemovedJuror,
  sha256Hex,
  type Application,
  type Assignment,
  type Conflict,
  type Contest,
  type Juror,
  type Nomination,
} from '../../../shared/contest';
import type { Organization } from '../../../shared/domain/types';
import type { DbContext } from '../context';
import type { AssignmentRow, ConflictRow } from '../database';
import { deleteTracked, putTracked } from '../change-log';

/** Largest attachment kept with an application. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** What the organizer's device remembers about one juror's invitation. */
export type JurorInvite = { invitationSecret: string; sentAt?: string };
/** What arrived from one juror: the newest score file (its own time) and when it was loaded here. */
export type JurorReturn = { fileCreatedAt: string; importedAt: string; publicKey: string };

export const inviteKey = (jurorId: string) => `contest.invite:${jurorId}`;
export const returnKey = (jurorId: string) => `contest.return:${jurorId}`;

const fail = (message: string): never => {
  throw new Error(message);
};

/** Who is named in logs written on this device. */
export const organizer = (ctx: DbContext) => `организатор (${ctx.device.name})`;

// ─── setup ────────────────────────────────────────────────────────────────────────────────────

/** «Создать конкурс по шаблону»: a grant contest in `setup` for the event. Refused when it already has one. */
export async function createContestFromTemplate(ctx: DbContext, eventId: string): Promise<Contest> {
  const { db } = ctx;
  return db.transaction('rw', db.contests, db.nominations, db.changes, async () => {
    if ((await db.contests.where('eventId').equals(eventId).count()) > 0) fail('У мероприятия уже есть конкурс — откройте его.');
    const contestId = crypto.randomUUID();
    const { contest, nominations } = grantContestTemplate({ contestId, eventId });
    await putTracked(ctx, 'contests', [contest]);
    await putTracked(ctx, 'nominations', nominations);
    return contest;
  });
}

/**
 * Saves contest settings and forms. Refused (nothing written) when the edit touches what the contest's
 * status freezes (`checkContestEdit`); nominations missing from `nominations` are deleted.
 */
export async function saveContestSetup(ctx: DbContext, contest: Contest, nominations: readonly Nomination[]): Promise<void> {
  const { db } = ctx;
  await db.transaction('rw', [db.contests, db.nominations, db.applications, db.changes], async () => {
    const before = await db.contests.get(contest.id);
    if (!before) fail('Конкурс не найден — обновите страницу.');
    const beforeNoms = await db.nominations.where('contestId').equals(contest.id).toArray();
    const order = new Map(beforeNoms.map((n, i) => [n.id, i]));
    beforeNoms.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    // status, lockedAt, the logs and the signatories move only through their own functions
    // (contest-scoring.ts, removeJuror, saveProtocolSignatories): a settings form opened earlier must not undo them
    const { lockedAt: _l, scoringLog: _s, removedJurors: _r, protocolChair: _c, protocolSecretary: _p, ...edited } = contest;
    const { status, lockedAt, scoringLog, removedJurors, protocolChair, protocolSecretary } = before!;
    const kept = { lockedAt, scoringLog, removedJurors, protocolChair, protocolSecretary };
    const next: Contest = { ...edited, status, ...Object.fromEntries(Object.entries(kept).filter(([, v]) => v !== undefined)) };
    const refused = checkContestEdit({ contest: before!, nominations: beforeNoms }, { contest: next, nominations });
    if (refused.length > 0) fail(refused.map((i) => i.message).join(' '));
    const keep = new Set(nominations.map((n) => n.id));
    const gone = beforeNoms.filter((n) => !keep.has(n.id));
    for (const n of gone) {
      if ((await db.applications.where('nominationId').equals(n.id).count()) > 0) {
        fail(`В номинации «${n.title}» есть заявки — перенесите их в другую номинацию, затем удалите её.`);
      }
    }
    await putTracked(ctx, 'contests', [next]);
    await putTracked(ctx, 'nominations', nominations);
    await deleteTracked(
      ctx,
      'nominations',
      gone.map((n) => n.id),
    );
  });
}

/** «Открыть приём оценок»: freezes method, tie-breaks and forms, logged. Throws with every blocking problem. */
export async function openScoring(ctx: DbContext, contestId: string, now = new Date().toISOString(), by = organizer(ctx)): Promise<Contest> {
  const { db } = ctx;
  return db.transaction('rw', db.contests, db.nominations, db.changes, async () => {
    const contest = await db.contests.get(contestId);
    if (!contest) return fail('Конкурс не найден — обновите страницу.');
    const nominations = await db.nominations.where('contestId').equals(contestId).toArray();
    const result = openScoringLogged(contest, nominations, now, by);
    if (!result.ok) return fail(result.issues.map((i) => i.message).join(' '));
    await putTracked(ctx, 'contests', [result.contest]);
    return result.contest;
  });
}

/**
 * Remembers who signs the results protocol (chair and secretary), so the next print is prefilled.
 * Allowed in every status: the protocol is signed after scoring closes. Blank names are removed from
 * the row rather than stored empty; an unchanged pair writes nothing (putTracked skips equal rows).
 */
export async function saveProtocolSignatories(ctx: DbContext, contestId: string, names: { chair: string; secretary: string }): Promise<void> {
  const { db } = ctx;
  await db.transaction('rw', db.contests, db.changes, async () => {
    const contest = await db.contests.get(contestId);
    if (!contest) return fail('Конкурс не найден — обновите страницу.');
    const { protocolChair: _chair, protocolSecretary: _secretary, ...rest } = contest;
    const chair = names.chair.trim().replace(/\s+/g, ' ');
    const secretary = names.secretary.trim().replace(/\s+/g, ' ');
    const next: Contest = { ...rest, ...(chair ? { protocolChair: chair } : {}), ...(secretary ? { protocolSecretary: secretary } : {}) };
    await putTracked(ctx, 'contests', [next]);
  });
}

// ─── applications ─────────────────────────────────────────────────────────────────────────────

export type ApplicationInput = Omit<Application, 'id' | 'contestId' | 'attachments' | 'organizationId'> & {
  id?: string;
  /** The applicant organization by name: found (case and ё/е ignored) or created. */
  organizationName?: string;
};

export function validateApplication(input: ApplicationInput): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!input.title.trim()) errors.title = 'Укажите название проекта.';
  if (!input.nominationId) errors.nominationId = 'Выберите номинацию.';
  if (input.requestedAmount !== undefined && (!Number.isFinite(input.requestedAmount) || input.requestedAmount < 0)) {
    errors.requestedAmount = 'Запрошенная сумма — число рублей, не меньше нуля.';
  }
  if (Number.isNaN(Date.parse(input.submittedAt))) errors.submittedAt = 'Укажите дату и время подачи.';
  if (input.status === 'rejected' && !input.rejectReason?.trim()) errors.rejectReason = 'Напишите причину отказа: заявитель её увидит.';
  return errors;
}

const foldName = (s: string) => s.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();

/** Finds organizations by name (folded) or prepares new ones; the caller writes the new ones. */
async function resolveOrganizations(ctx: DbContext, names: readonly string[], municipalityIds: readonly (string | undefined)[]) {
  const all = await ctx.db.organizations.toArray();
  const byName = new Map(all.map((o) => [foldName(o.name), o]));
  const created: Organization[] = [];
  const ids = names.map((raw, i) => {
    const name = raw.trim().replace(/\s+/g, ' ');
    if (!name) return undefined;
    const found = byName.get(foldName(name));
    if (found) return found.id;
    const municipalityId = municipalityIds[i];
    const org: Organization = { id: crypto.randomUUID(), name, kind: 'other', ...(municipalityId ? { municipalityId } : {}) };
    byName.set(foldName(name), org);
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
  if (first) fail(first);
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
    if (first) fail(`Строка ${i + 1}: ${first}`);
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
  if (!mime) fail(`Файл «${file.name}» не принят: прикладывайте PDF, изображения (PNG, JPEG) или документы (DOC, DOCX, ODT, RTF, XLSX).`);
  if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES) {
    fail(`Файл «${file.name}» больше 20 МБ. Сожмите его (например, сохраните PDF с меньшим разрешением) или разделите на части.`);
  }
  if (file.bytes.byteLength === 0) fail(`Файл «${file.name}» пустой — выберите другой.`);
  const sha256 = await sha256Hex(file.bytes); // before the transaction: WebCrypto would let it commit early
  const { db } = ctx;
  await db.transaction('rw', [db.applications, db.attachments, db.changes], async () => {
    const app = await db.applications.get(applicationId);
    if (!app) fail('Заявка не найдена — сохраните её, затем прикладывайте файлы.');
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

// ─── jurors and conflicts ─────────────────────────────────────────────────────────────────────

/** Adds a person as a juror of the given nominations (or updates them); a fresh invitation secret is kept on this device. */
export async function saveJuror(ctx: DbContext, contestId: string, personId: string, nominationIds: readonly string[], cap?: number): Promise<Juror> {
  if (nominationIds.length === 0) fail('Выберите хотя бы одну номинацию, которую эксперт будет оценивать.');
  if (cap !== undefined && (!Number.isInteger(cap) || cap < 1)) fail('Предельная нагрузка — целое число заявок, не меньше 1 (или пусто — без предела).');
  const secret = randomSecret();
  const { db } = ctx;
  return db.transaction('rw', [db.jurors, db.settings, db.changes], async () => {
    const existing = (await db.jurors.where('contestId').equals(contestId).toArray()).find((j) => j.personId === personId);
    const juror: Juror = { id: existing?.id ?? crypto.randomUUID(), contestId, personId, nominationIds: [...new Set(nominationIds)] };
    if (cap !== undefined) juror.cap = cap;
    await putTracked(ctx, 'jurors', [juror]);
    if (!(await db.settings.get(inviteKey(juror.id)))) await db.settings.put({ key: inviteKey(juror.id), value: { invitationSecret: secret } satisfies JurorInvite });
    return juror;
  });
}

/** What removing a juror would touch: their sheets (all and finalized) and assignments. */
export async function jurorRemovalImpact(ctx: DbContext, jurorId: string): Promise<{ sheets: number; finalSheets: number; assignments: number }> {
  const [scores, assignments] = await Promise.all([ctx.db.scores.where('jurorId').equals(jurorId).toArray(), ctx.db.assignments.where('jurorId').equals(jurorId).count()]);
  const counts = jurorSheetCounts({ id: jurorId }, scores);
  return { sheets: counts.all, finalSheets: counts.final, assignments };
}

/** The organizer's decision about a removed juror's sheets; required when sheets of theirs are stored. */
export type RemovalDecision = { sheets: 'excluded' | 'kept'; reason: string; name: string };

/**
 * Removes a juror with their assignments and conflict records. Their sheets stay stored (they are the
 * juror's); when there are any, the organizer must decide whether they count, and that decision, the
 * reason and the juror's name are recorded on the contest for the protocol. Refused once scoring closed.
 */
export async function removeJuror(ctx: DbContext, jurorId: string, decision?: RemovalDecision, now = new Date().toISOString()): Promise<void> {
  const { db } = ctx;
  await db.transaction('rw', [db.contests, db.jurors, db.assignments, db.conflicts, db.scores, db.changes], async () => {
    const juror = await db.jurors.get(jurorId);
    if (!juror) return;
    const contest = await db.contests.get(juror.contestId);
    if (contest?.status === 'closed') fail('Приём оценок закрыт, состав жюри изменить нельзя. Сначала откройте приём заново (с причиной).');
    const counts = jurorSheetCounts(juror, await db.scores.where('jurorId').equals(jurorId).toArray());
    if (counts.all > 0) {
      if (!decision) fail('У эксперта есть листы оценок: решите, учитывать их или исключить, и напишите причину.');
      const result = withRemovedJuror(contest!, { jurorId, name: decision!.name, at: now, by: organizer(ctx), reason: decision!.reason, sheets: decision!.sheets, finalSheets: counts.final });
      if (!result.ok) fail(result.message);
      else await putTracked(ctx, 'contests', [result.contest]);
    }
    await deleteTracked(ctx, 'assignments', await db.assignments.where('jurorId').equals(jurorId).primaryKeys());
    await deleteTracked(ctx, 'conflicts', await db.conflicts.where('jurorId').equals(jurorId).primaryKeys());
    await deleteTracked(ctx, 'jurors', [jurorId]);
  });
}

const conflictId = (c: Pick<Conflict, 'jurorId' | 'applicationId' | 'kind'>) => `${c.jurorId}|${c.applicationId}|${c.kind}`;

/** A declared (by the juror) or manual (by the organizer) conflict; the reason is required. */
export async function addReportedConflict(ctx: DbContext, contestId: string, c: { jurorId: string; applicationId: string; kind: 'declared' | 'manual'; reason: string }): Promise<void> {
  if (!c.reason.trim()) fail('Укажите причину конфликта интересов.');
  const { db } = ctx;
  await db.transaction('rw', db.conflicts, db.changes, async () => {
    const row: ConflictRow = { id: conflictId(c), contestId, jurorId: c.jurorId, applicationId: c.applicationId, kind: c.kind, reason: c.reason.trim() };
    await putTracked(ctx, 'conflicts', [row]);
  });
}

/** Deletes a declared/manual conflict, or the stored override of a detected one. */
export async function deleteConflictRow(ctx: DbContext, id: string): Promise<void> {
  const { db } = ctx;
  await db.transaction('rw', db.conflicts, db.changes, async () => {
    await deleteTracked(ctx, 'conflicts', [id]);
  });
}

/**
 * Lifts one conflict with a logged reason. Detected conflicts are recomputed from people, so what is
 * stored for them is only the override row (kind + reason + who/when); declared and manual rows get it in place.
 */
export async function overrideConflictRow(ctx: DbContext, contestId: string, conflict: Conflict, reason: string, by: string, now = new Date().toISOString()): Promise<void> {
  const result = overrideConflict(conflict, { reason, by, at: now });
  if (!result.ok) return fail(result.message);
  const { db } = ctx;
  await db.transaction('rw', db.conflicts, db.changes, async () => {
    const stored = await db.conflicts.get(conflictId(conflict));
    // a reported conflict keeps its own reason (without the «Отмечен организатором:» prefix detection adds)
    const row: ConflictRow = { ...(stored ?? { ...conflict, id: conflictId(conflict), contestId }), overridden: result.conflict.overridden };
    await putTracked(ctx, 'conflicts', [row]);
  });
}

// ─── assignments ──────────────────────────────────────────────────────────────────────────────

/** Replaces the contest's assignments with `next` (the solver's result: manual ones included). */
export async function storeAssignments(ctx: DbContext, contestId: string, next: readonly Assignment[]): Promise<number> {
  const { db } = ctx;
  return db.transaction('rw', db.assignments, db.changes, async () => {
    const current = await db.assignments.where('contestId').equals(contestId).toArray();
    // the solver knows nothing of «вернуть на доработку»: a pair that stays keeps its logged grants
    const grants = new Map(current.filter((r) => r.reopens && r.reopens.length > 0).map((r) => [r.id, r.reopens!]));
    const rows: AssignmentRow[] = next.map((a) => {
      const id = `${a.jurorId}|${a.applicationId}`;
      const reopens = grants.get(id);
      return { ...a, id, contestId, ...(reopens ? { reopens } : {}) };
    });
    const keep = new Set(rows.map((r) => r.id));
    await deleteTracked(
      ctx,
      'assignments',
      current.map((r) => r.id).filter((id) => !keep.has(id)),
    );
    return putTracked(ctx, 'assignments', rows);
  });
}

/** The organizer's own pair: kept by every later «Распределить заявки». */
export async function addManualAssignment(ctx: DbContext, contestId: string, jurorId: string, applicationId: string): Promise<void> {
  const { db } = ctx;
  await db.transaction('rw', db.assignments, db.changes, async () => {
    await putTracked(ctx, 'assignments', [{ id: `${jurorId}|${applicationId}`, contestId, jurorId, applicationId, manual: true }]);
  });
}

export async function removeAssignment(ctx: DbContext, id: string): Promise<void> {
  const { db } = ctx;
  await db.transaction('rw', db.assignments, db.changes, async () => {
    await deleteTracked(ctx, 'assignments', [id]);
  });
}
