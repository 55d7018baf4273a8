/**
 * Report files (`.skhod-otchet`): what a team's device sends back to the organizer for one round of
 * its project (interim or final), modelled on score files (shared/contest/score-file.ts).
 *
 * Layout: the signed envelope (signed-envelope.ts) as one line of UTF-8 JSON, one "\n" (0x0A), then
 * every photo's bytes back to back in the order of the payload's `photos`, each ref's `size`
 * delimiting its bytes and its `sha256` (inside the signed payload) checked on import. The payload
 * names the event, project and round, carries the device's public key and a key binding =
 * HMAC-SHA-256(invitation secret of the project's package, raw public key).
 *
 * Why each check exists: the signature and the photo hashes prove the file is as the device wrote it
 * (`tampered`); the project must be one of this event's on this device (`wrong-project`); the binding
 * proves the device holds that project's package (`wrong-key` — re-signing with one's own key cannot
 * produce it); a round older than one already accepted, or one already returned, is `stale`; photos
 * past the budget are `too-large` on writing and on import.
 */
import { z } from 'zod';
import { equalBytes, fromBase64Url, hmacSha256, sha256Hex, toBase64Url } from '../crypto';
import type { Id, IsoDateTime } from '../domain/types';
import { milestoneReportSchema, reportSchemas, type ReportPackage } from './report-package';
import { openEnvelope, signEnvelope, type EnvelopeSigner } from './signed-envelope';
import type { CommunityFounded, Indicators, MilestoneReport, ProjectReport, ReportKind, ReportReview } from './types';
import { formatBytes } from '../text/format';
import { said, worded, type Said, type SaidValue } from '../text/said';

export const REPORT_FILE_FORMAT = 'skhod-report-file';
export const REPORT_FILE_VERSION = 1;
/** A photo from a phone, saved at a sensible size; a report is read on a laptop, not printed in a gallery. */
export const MAX_PHOTO_BYTES = 3 * 1024 * 1024;
export const MAX_PHOTOS = 10;
export const MAX_REPORT_TEXT = 8000;
const MAX_HEAD_BYTES = 1024 * 1024;
export const MAX_REPORT_FILE_BYTES = MAX_HEAD_BYTES + MAX_PHOTOS * MAX_PHOTO_BYTES;

export type PhotoRef = { id: Id; name: string; mime: string; size: number; sha256: string };
export type Photo = { id: Id; name: string; mime: string; bytes: Uint8Array };

/** What the team fills in for one round. */
export type ReportContent = { kind: ReportKind; reached: Partial<Indicators>; community: CommunityFounded; text: string; milestones: MilestoneReport[] };

const photoSchema = z.strictObject({ id: z.string().min(1).max(200), name: z.string().max(300), mime: z.string().max(100), size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
const payloadSchema = z.strictObject({
  format: z.literal(REPORT_FILE_FORMAT),
  version: z.literal(REPORT_FILE_VERSION),
  eventId: z.string().min(1),
  projectId: z.string().min(1),
  round: z.number().int().positive(),
  kind: reportSchemas.kind,
  publicKey: z.string(),
  keyBinding: z.string(),
  createdAt: z.string(),
  reached: reportSchemas.indicators,
  community: reportSchemas.community,
  text: z.string().max(MAX_REPORT_TEXT),
  milestones: z.array(milestoneReportSchema),
  photos: z.array(photoSchema),
});
type Payload = z.infer<typeof payloadSchema>;


/** Why photos do not fit the budget (`fileReports:photos`), or null. */
export function photoBudgetProblem(photos: readonly Pick<PhotoRef, 'name' | 'size'>[]): Said | null {
  if (photos.length > MAX_PHOTOS) return said('fileReports:photos.tooMany', { n: photos.length, max: MAX_PHOTOS });
  const big = photos.filter((p) => p.size > MAX_PHOTO_BYTES);
  // each photo's size is written in the units of the language the screen has set (shared/text/format)
  if (big.length > 0) return said('fileReports:photos.tooBig', { max: MAX_PHOTO_BYTES, list: big.map((p) => `«${p.name}» — ${formatBytes(p.size)}`).join(', ') });
  return null;
}

/** A refusal with its words. */
const refusal = <C extends string>(code: C, words: Said) => ({ ok: false as const, code, ...worded(words) });

export type WriteReportResult = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; code: 'too-large'; said: Said; message: string };

/** Builds and signs a team's report file for the package's round; refused (with its words) when photos break the budget. */
export async function writeReportFile(input: { pkg: ReportPackage; signer: EnvelopeSigner; content: ReportContent; photos: readonly Photo[]; createdAt: IsoDateTime }): Promise<WriteReportResult> {
  const { pkg, signer, content } = input;
  const refs: PhotoRef[] = [];
  for (const p of input.photos) refs.push({ id: p.id, name: p.name, mime: p.mime, size: p.bytes.byteLength, sha256: await sha256Hex(p.bytes) });
  const problem = photoBudgetProblem(refs);
  if (problem !== null) return refusal('too-large', problem);
  if (content.text.length > MAX_REPORT_TEXT) return refusal('too-large', said('fileReports:textTooLong', { max: MAX_REPORT_TEXT }));
  const secret = fromBase64Url(pkg.invitationSecret);
  if (secret === null) throw new Error('writeReportFile: the invitation secret is not base64url');
  const keyBinding = toBase64Url(await hmacSha256(secret, fromBase64Url(signer.publicKey)!));
  const payload: Payload = {
    format: REPORT_FILE_FORMAT,
    version: REPORT_FILE_VERSION,
    eventId: pkg.eventId,
    projectId: pkg.project.id,
    round: pkg.round,
    kind: content.kind,
    publicKey: signer.publicKey,
    keyBinding,
    createdAt: input.createdAt,
    reached: { ...content.reached },
    community: { ...content.community },
    text: content.text,
    milestones: content.milestones.map((m) => ({ ...m })),
    photos: refs,
  };
  const head = new TextEncoder().encode(await signEnvelope(REPORT_FILE_FORMAT, payload, signer));
  const out = new Uint8Array(head.byteLength + 1 + refs.reduce((n, r) => n + r.size, 0));
  out.set(head, 0);
  out[head.byteLength] = 0x0a;
  let at = head.byteLength + 1;
  for (const p of input.photos) {
    out.set(p.bytes, at);
    at += p.bytes.byteLength;
  }
  return { ok: true, bytes: out };
}

export type ReportFileRefusal = 'not-a-report-file' | 'tampered' | 'unsupported-version' | 'wrong-project' | 'wrong-key' | 'stale' | 'too-large';

/** A stored round of the project, as the verifier needs it. */
export type StoredRound = { round: number; review: ReportReview; submittedAt: IsoDateTime };

export type ReportVerifyOptions = {
  eventId: Id;
  /** This event's projects on this device, with the invitation secret of their packages (none: no package went out). */
  projects: ReadonlyMap<Id, { title: string; invitationSecret?: string }>;
  /** The project the organizer is importing for (from its page); a file of another project is refused. */
  expectedProjectId?: Id;
  /** The rounds stored for a project. */
  storedRounds: (projectId: Id) => readonly StoredRound[];
};

export type ReportFileVerdict =
  | { ok: false; code: ReportFileRefusal; said: Said; message: string }
  | {
      ok: true;
      /** `new` round, `replaces` a newer version of a round still waiting for review, `unchanged`: the same file again. */
      outcome: 'new' | 'replaces' | 'unchanged';
      report: ProjectReport;
      /** Checked against their signed hashes. */
      photos: Array<Photo & { sha256: string }>;
      publicKey: string;
    };

const refuse = (code: ReportFileRefusal, key: string, values?: Record<string, SaidValue>): ReportFileVerdict => refusal(code, said(`fileReports:file.${key}`, values));

/** The id of a project's report of one round. */
export const reportId = (projectId: Id, round: number) => `${projectId}|${round}`;

/** Checks a received report file; never throws on bad bytes. See the file comment for the order of checks. */
export async function verifyReportFile(bytes: Uint8Array, opts: ReportVerifyOptions): Promise<ReportFileVerdict> {
  if (bytes.byteLength > MAX_REPORT_FILE_BYTES) return refuse('too-large', 'tooLarge', { max: MAX_REPORT_FILE_BYTES });
  const nl = bytes.indexOf(0x0a);
  const head = nl < 0 ? bytes : bytes.subarray(0, nl);
  if (head.byteLength > MAX_HEAD_BYTES) return refuse('not-a-report-file', 'not-a-report-file');
  const opened = await openEnvelope(new TextDecoder('utf-8').decode(head), REPORT_FILE_FORMAT);
  if (!opened.ok) {
    if (opened.code === 'tampered') return refuse('tampered', 'tampered');
    return refuse('not-a-report-file', opened.format === 'skhod-score-file' ? 'isScoreFile' : 'not-a-report-file');
  }
  // authentic from here on, except the photos, which the signed hashes check below
  const version = opened.payload.version;
  if (typeof version === 'number' && version > REPORT_FILE_VERSION) return refuse('unsupported-version', 'unsupported-version');
  const parsed = payloadSchema.safeParse(opened.payload);
  if (!parsed.success) return refuse('not-a-report-file', 'unrecognised');
  const p = parsed.data;
  const budget = photoBudgetProblem(p.photos);
  if (budget !== null) return refusal('too-large', said('fileReports:photos.notAccepted', { problem: budget }));
  const body = nl < 0 ? new Uint8Array(0) : bytes.subarray(nl + 1);
  if (nl < 0 || body.byteLength !== p.photos.reduce((n, f) => n + f.size, 0)) return refuse('tampered', 'incomplete');
  const photos: Array<Photo & { sha256: string }> = [];
  let at = 0;
  for (const f of p.photos) {
    const data = body.slice(at, (at += f.size));
    if ((await sha256Hex(data)) !== f.sha256) return refuse('tampered', 'photoDamaged', { name: f.name });
    photos.push({ id: f.id, name: f.name, mime: f.mime, bytes: data, sha256: f.sha256 });
  }

  const project = p.eventId === opts.eventId ? opts.projects.get(p.projectId) : undefined;
  if (project === undefined) return refuse('wrong-project', 'notInEvent');
  if (opts.expectedProjectId !== undefined && opts.expectedProjectId !== p.projectId) {
    const expected = opts.projects.get(opts.expectedProjectId)?.title ?? opts.expectedProjectId;
    return refuse('wrong-project', 'otherProject', { project: project.title, expected });
  }
  const secret = project.invitationSecret === undefined ? null : fromBase64Url(project.invitationSecret);
  const binding = fromBase64Url(p.keyBinding);
  const raw = fromBase64Url(opened.publicKey);
  if (secret === null || binding === null || raw === null || !equalBytes(await hmacSha256(secret, raw), binding)) return refuse('wrong-key', 'wrong-key');

  const stored = opts.storedRounds(p.projectId);
  const same = stored.find((r) => r.round === p.round);
  const accepted = stored.filter((r) => r.review === 'accepted').reduce((m, r) => Math.max(m, r.round), 0);
  let outcome: 'new' | 'replaces' | 'unchanged' = 'new';
  // the very file seen before is a no-op, unless its round is returned or overtaken: then the team must hear it
  if (same !== undefined && same.submittedAt === p.createdAt && same.review !== 'returned' && p.round >= accepted) outcome = 'unchanged';
  else if (p.round <= accepted) return refuse('stale', 'overtaken', { round: p.round, accepted, project: project.title });
  else if (same?.review === 'returned') return refuse('stale', 'returned', { round: p.round });
  else if (same !== undefined && p.createdAt < same.submittedAt) return refuse('stale', 'newerThere', { round: p.round, project: project.title });
  else if (same !== undefined) outcome = 'replaces';

  const report: ProjectReport = {
    id: reportId(p.projectId, p.round),
    projectId: p.projectId,
    kind: p.kind,
    round: p.round,
    submittedAt: p.createdAt,
    reached: p.reached,
    community: p.community,
    text: p.text,
    milestones: p.milestones as MilestoneReport[],
    photoIds: p.photos.map((f) => f.id),
    review: 'received',
  };
  return { ok: true, outcome, report, photos, publicKey: opened.publicKey };
}
