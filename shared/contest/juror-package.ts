/**
 * The juror package: the one file an organizer sends a juror. It holds exactly what scoring needs —
 * the contest's name, the forms of the juror's nominations, the juror's own assigned applications with
 * their attachments, who the juror is, the invitation secret their device binds its key to, and the
 * organizer's «вернуть на доработку» decisions for this juror's sheets — and nothing else. Not other
 * applications, not anyone's scores, not the jury list, not the counting method, not conflicts: a
 * package may be forwarded or left on a shared computer, and a juror must not be able to see (or be
 * influenced by) what others think. Applicants are named by organization and municipality only;
 * applicants' personal data stays with the organizer (152-ФЗ).
 *
 * The selection is defensive: an assignment to an application that is not admitted, outside the juror's
 * nominations, or in an unlifted conflict is left out and reported to the organizer in `omitted`; the
 * attachment bytes packed are exactly those the chosen applications refer to.
 *
 * File layout:
 *   version 1 — the manifest (UTF-8 JSON, one line) and nothing else; attachments were refs only.
 *   version 2 — the manifest, one "\n" (0x0A), then every attachment's bytes back to back, in the order
 *               of `packageAttachments(manifest)`; each ref's `size` delimits its bytes and its `sha256`
 *               is checked on opening. JSON.stringify never writes a raw newline, and UTF-8 never has
 *               0x0A inside a character, so the first 0x0A ends the manifest.
 *   version 3 — the layout of version 2; some criterion allows halves (`step: 0.5`). Written only then,
 *               so a package with whole-point criteria stays readable by a version-2 Сход, and an older
 *               Сход given halves says «обновите программу» instead of misreading the form.
 * Readers accept every version up to theirs; a newer version is refused with «обновите программу». A package is at most
 * MAX_JUROR_PACKAGE_BYTES: the organizer is told so (with the largest files) before a file is written.
 *
 * Sealed packages (issue 19): "SKHODJS" + 0x01, a 16-byte salt, the PBKDF2 iteration count (4 bytes),
 * then AES-256-GCM (shared/trust/event-key.ts) of either layout above, under a key derived from an
 * access code of 16 characters (80 random bits) that the organizer tells the juror apart from the
 * file (code-seal.ts). A juror's device is not enrolled in the event and must not hold its key (it
 * would open every exchange file), so a package carries its own code-derived key: a forwarded package
 * shows no name.
 */
import { z } from 'zod';
import { blockedPairs, pairKey } from './conflicts';
import { isSealedWith, PACKAGE_CODE_ITERATIONS, sealHeadBytes, sealWithCode, unsealWithCode } from './code-seal';
import { sha256Hex } from '../crypto';
import type { Application, AttachmentRef, Assignment, Conflict, Contest, CriterionDef, Juror, Nomination, ReopenGrant } from './types';
import { formatBytes } from '../text/format';
import { said, worded, type Said, type SaidValue } from '../text/said';

export { newPackageCode, PACKAGE_CODE_ITERATIONS } from './code-seal';

export const JUROR_PACKAGE_FORMAT = 'skhod-juror-package';
/** The newest version this build writes (only when a form allows halves; 2 otherwise); it reads every version up to it. */
export const JUROR_PACKAGE_VERSION = 3;
const PACKAGE_VERSION_WHOLE_POINTS = 2;
/**
 * Largest package written or opened: under the 100 MiB the file bridge moves in one piece, and a size
 * an ordinary laptop's browser holds in memory twice (file + stored copy) without trouble.
 */
export const MAX_JUROR_PACKAGE_BYTES = 95 * 1024 * 1024;

export type PackageApplication = {
  id: string;
  nominationId: string;
  title: string;
  summary: string;
  organizationName?: string;
  municipalityName?: string;
  requestedAmount?: number;
  submittedAt: string;
  attachments: AttachmentRef[];
};

export type PackageNomination = { id: string; title: string; criteria: CriterionDef[]; commentRequired: boolean };

/** An organizer's «вернуть на доработку» for one of this juror's sheets. */
export type PackageReopen = ReopenGrant & { applicationId: string };

/** The whole package manifest, as written to the file (attachment bytes follow it, see the file comment). */
export type JurorPackage = {
  format: typeof JUROR_PACKAGE_FORMAT;
  /** 1 for packages of the first release (no attachment bytes, no reopens), 2 since, 3 when a criterion allows halves. */
  version: 1 | typeof PACKAGE_VERSION_WHOLE_POINTS | typeof JUROR_PACKAGE_VERSION;
  createdAt: string;
  contest: { id: string; title: string; eventTitle?: string };
  juror: { id: string; name: string };
  /** Base64url; the juror's device binds its signing key to it (score-file.ts). Keep the package private. */
  invitationSecret: string;
  nominations: PackageNomination[];
  applications: PackageApplication[];
  /** Sheets the organizer returned for rework, with the reason; absent when none. */
  reopens?: PackageReopen[];
};

export type OmittedReason = 'unknown-application' | 'not-admitted' | 'other-nomination' | 'conflict';

export type BuildPackageInput = {
  contest: Contest;
  eventTitle?: string;
  nominations: readonly Nomination[];
  applications: readonly Application[];
  assignments: readonly Assignment[];
  conflicts: readonly Conflict[];
  juror: Juror;
  jurorName: string;
  invitationSecret: string;
  createdAt: string;
  organizationName?: (id: string) => string | undefined;
  municipalityName?: (id: string) => string | undefined;
};

/** Builds one juror's package; applications in nomination order, then by id. */
export function buildJurorPackage(input: BuildPackageInput): { package: JurorPackage; omitted: Array<{ applicationId: string; reason: OmittedReason }> } {
  const { juror } = input;
  const appById = new Map(input.applications.filter((a) => a.contestId === input.contest.id).map((a) => [a.id, a]));
  const blocked = blockedPairs(input.conflicts);
  const jurorNoms = new Set(juror.nominationIds);
  const chosen = new Map<string, Application>();
  const omitted: Array<{ applicationId: string; reason: OmittedReason }> = [];
  for (const as of input.assignments) {
    if (as.jurorId !== juror.id || chosen.has(as.applicationId)) continue;
    const app = appById.get(as.applicationId);
    const reason: OmittedReason | null =
      app === undefined
        ? 'unknown-application'
        : app.status !== 'admitted'
          ? 'not-admitted'
          : !jurorNoms.has(app.nominationId)
            ? 'other-nomination'
            : blocked.has(pairKey(juror.id, app.id))
              ? 'conflict'
              : null;
    if (reason !== null) omitted.push({ applicationId: as.applicationId, reason });
    else chosen.set(app!.id, app!);
  }
  const nominationOrder = new Map(input.nominations.map((n, i) => [n.id, i]));
  const apps = [...chosen.values()].sort(
    (a, b) => (nominationOrder.get(a.nominationId) ?? 1e9) - (nominationOrder.get(b.nominationId) ?? 1e9) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const usedNoms = new Set(apps.map((a) => a.nominationId));
  const reopens: PackageReopen[] = [];
  for (const as of input.assignments) {
    if (as.jurorId !== juror.id || !chosen.has(as.applicationId)) continue;
    for (const g of as.reopens ?? []) reopens.push({ applicationId: as.applicationId, id: g.id, reason: g.reason, by: g.by, at: g.at });
  }
  const pkg: JurorPackage = {
    format: JUROR_PACKAGE_FORMAT,
    version: PACKAGE_VERSION_WHOLE_POINTS,
    createdAt: input.createdAt,
    contest: { id: input.contest.id, title: input.contest.title, ...(input.eventTitle === undefined ? {} : { eventTitle: input.eventTitle }) },
    juror: { id: juror.id, name: input.jurorName },
    invitationSecret: input.invitationSecret,
    // copied field by field: a future field on Nomination/Application must be added here on purpose
    nominations: input.nominations
      .filter((n) => usedNoms.has(n.id))
      .map((n) => ({ id: n.id, title: n.title, criteria: n.criteria.map(copyCriterion), commentRequired: n.commentRequired })),
    applications: apps.map((a) => packageApplication(a, input)),
  };
  if (reopens.length > 0) pkg.reopens = reopens;
  if (pkg.nominations.some((n) => n.criteria.some((c) => c.step === 0.5))) pkg.version = JUROR_PACKAGE_VERSION;
  return { package: pkg, omitted };
}

function copyCriterion(c: CriterionDef): CriterionDef {
  const copy: CriterionDef = { id: c.id, title: c.title, description: c.description, min: c.min, max: c.max, weight: c.weight, bands: c.bands.map((b) => ({ from: b.from, to: b.to, text: b.text })) };
  // halves only when allowed: a package with whole-point criteria stays readable by the first release
  if (c.step === 0.5) copy.step = 0.5;
  return copy;
}

function packageApplication(a: Application, input: BuildPackageInput): PackageApplication {
  const out: PackageApplication = {
    id: a.id,
    nominationId: a.nominationId,
    title: a.title,
    summary: a.summary,
    submittedAt: a.submittedAt,
    attachments: a.attachments.map((f) => ({ id: f.id, name: f.name, mime: f.mime, size: f.size, sha256: f.sha256 })),
  };
  const org = a.organizationId === undefined ? undefined : input.organizationName?.(a.organizationId);
  const muni = a.municipalityId === undefined ? undefined : input.municipalityName?.(a.municipalityId);
  if (org !== undefined) out.organizationName = org;
  if (muni !== undefined) out.municipalityName = muni;
  if (a.requestedAmount !== undefined) out.requestedAmount = a.requestedAmount;
  return out;
}

export type PackResult = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; code: 'missing-file' | 'too-large'; said: Said; message: string };

/** A refusal with its words (`fileScores`). */
const refusal = <C extends string>(code: C, key: string, values?: Record<string, SaidValue>) => ({ ok: false as const, code, ...worded(said(`fileScores:${key}`, values)) });


/**
 * The package file: the manifest and the bytes of every attachment it refers to (`files`: ref id →
 * bytes). Refused, with its words, when a file's bytes are not on this device or the package
 * would pass MAX_JUROR_PACKAGE_BYTES.
 */
export function packJurorPackage(pkg: JurorPackage, files: ReadonlyMap<string, Uint8Array>, maxBytes = MAX_JUROR_PACKAGE_BYTES): PackResult {
  const refs = packageAttachments(pkg);
  const titleOf = new Map(pkg.applications.flatMap((a) => a.attachments.map((f) => [f.id, a.title] as const)));
  const missing = refs.filter((f) => files.get(f.id)?.byteLength !== f.size);
  if (missing.length > 0) {
    const list = missing.map((f) => `«${f.name}» («${titleOf.get(f.id)}»)`).join(', ');
    return refusal('missing-file', 'pack.missingFiles', { list });
  }
  const manifest = new TextEncoder().encode(JSON.stringify(pkg));
  const total = manifest.byteLength + 1 + refs.reduce((n, f) => n + f.size, 0);
  if (total > maxBytes) {
    const largest = [...refs].sort((a, b) => b.size - a.size).slice(0, 3).map((f) => `«${f.name}» — ${formatBytes(f.size)}`).join(', ');
    return refusal('too-large', 'pack.tooLarge', { name: pkg.juror.name, total, max: maxBytes, list: largest });
  }
  const out = new Uint8Array(total);
  out.set(manifest, 0);
  out[manifest.byteLength] = 0x0a;
  let at = manifest.byteLength + 1;
  for (const f of refs) {
    out.set(files.get(f.id)!, at);
    at += f.size;
  }
  return { ok: true, bytes: out };
}

/** packJurorPackage for callers that know every file is there (tests, a package without attachments); throws the Russian message. */
export function serializeJurorPackage(pkg: JurorPackage, files: ReadonlyMap<string, Uint8Array> = new Map()): Uint8Array {
  const r = packJurorPackage(pkg, files);
  if (!r.ok) throw new Error(r.message);
  return r.bytes;
}

const bandSchema = z.strictObject({ from: z.number().int(), to: z.number().int(), text: z.string() });
const criterionSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string(),
  description: z.string(),
  min: z.number().int(),
  max: z.number().int(),
  weight: z.number(),
  step: z.literal(0.5).optional(),
  bands: z.array(bandSchema),
});
const attachmentSchema = z.strictObject({ id: z.string(), name: z.string(), mime: z.string(), size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
const packageSchema = z.strictObject({
  format: z.literal(JUROR_PACKAGE_FORMAT),
  version: z.union([z.literal(1), z.literal(PACKAGE_VERSION_WHOLE_POINTS), z.literal(JUROR_PACKAGE_VERSION)]),
  createdAt: z.string(),
  contest: z.strictObject({ id: z.string().min(1), title: z.string(), eventTitle: z.string().optional() }),
  juror: z.strictObject({ id: z.string().min(1), name: z.string() }),
  invitationSecret: z.string().regex(/^[A-Za-z0-9_-]{16,}$/),
  nominations: z.array(z.strictObject({ id: z.string().min(1), title: z.string(), criteria: z.array(criterionSchema).min(1), commentRequired: z.boolean() })),
  applications: z.array(
    z.strictObject({
      id: z.string().min(1),
      nominationId: z.string().min(1),
      title: z.string(),
      summary: z.string(),
      organizationName: z.string().optional(),
      municipalityName: z.string().optional(),
      requestedAmount: z.number().nonnegative().optional(),
      submittedAt: z.string(),
      attachments: z.array(attachmentSchema),
    }),
  ),
  reopens: z.array(z.strictObject({ applicationId: z.string().min(1), id: z.string().min(1), reason: z.string(), by: z.string(), at: z.string() })).optional(),
});

export type ParsePackageResult =
  | { ok: true; package: JurorPackage; /** Attachment bytes by ref id, each checked against its sha256; empty for a version-1 package. */ files: Map<string, Uint8Array> }
  | { ok: false; code: 'not-a-package' | 'unsupported-version' | 'malformed' | 'too-large' | 'needs-code' | 'wrong-code'; said: Said; message: string };


/** Opens a package on the juror's device (`code`: the access code of a sealed one); never throws on bad bytes. */
export async function parseJurorPackage(input: Uint8Array, code?: string): Promise<ParsePackageResult> {
  if (input.byteLength > MAX_JUROR_PACKAGE_BYTES + SEAL_HEAD + 28) {
    return refusal('too-large', 'package.tooLarge', { max: MAX_JUROR_PACKAGE_BYTES });
  }
  let bytes = input;
  if (isSealedJurorPackage(input)) {
    if (code === undefined || code.trim() === '') return refusal('needs-code', 'package.needs-code');
    const plain = await unsealJurorPackage(input, code);
    if (plain === null) return refusal('wrong-code', 'package.wrong-code');
    bytes = plain;
  }
  if (bytes.byteLength > MAX_JUROR_PACKAGE_BYTES) {
    return refusal('too-large', 'package.tooLarge', { max: MAX_JUROR_PACKAGE_BYTES });
  }
  const nl = bytes.indexOf(0x0a);
  const head = nl < 0 ? bytes : bytes.subarray(0, nl);
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(head));
  } catch {
    return refusal('not-a-package', 'package.unreadable');
  }
  const o = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  if (o.format !== JUROR_PACKAGE_FORMAT) {
    return refusal('not-a-package', o.format === 'skhod-score-file' ? 'package.isScoreFile' : 'package.not-a-package');
  }
  if (typeof o.version === 'number' && o.version > JUROR_PACKAGE_VERSION) {
    return refusal('unsupported-version', 'package.unsupported-version');
  }
  const parsed = packageSchema.safeParse(raw);
  if (!parsed.success) return refusal('malformed', 'package.damaged');
  const pkg = parsed.data as JurorPackage;
  // every application must have its form, or the juror could not score it
  const noms = new Set(pkg.nominations.map((n) => n.id));
  if (pkg.applications.some((a) => !noms.has(a.nominationId))) {
    return refusal('malformed', 'package.noForm');
  }
  const appIds = new Set(pkg.applications.map((a) => a.id));
  if ((pkg.reopens ?? []).some((r) => !appIds.has(r.applicationId))) return refusal('malformed', 'package.damaged');
  const files = new Map<string, Uint8Array>();
  if (pkg.version === 1) {
    // the first release sent refs only; nothing may follow its manifest
    if (nl >= 0) return refusal('malformed', 'package.damaged');
    return { ok: true, package: pkg, files };
  }
  const refs = packageAttachments(pkg);
  if (new Set(refs.map((f) => f.id)).size !== refs.length) return refusal('malformed', 'package.damaged');
  const body = nl < 0 ? new Uint8Array(0) : bytes.subarray(nl + 1);
  if (nl < 0 || body.byteLength !== refs.reduce((n, f) => n + f.size, 0)) {
    return refusal('malformed', 'package.incomplete');
  }
  let at = 0;
  for (const f of refs) {
    // a copy, not a view: the caller stores each file on its own, not the whole package per file
    const data = body.slice(at, at + f.size);
    at += f.size;
    if ((await sha256Hex(data)) !== f.sha256) {
      return refusal('malformed', 'package.fileDamaged', { name: f.name });
    }
    files.set(f.id, data);
  }
  return { ok: true, package: pkg, files };
}

/** Every attachment ref of the package, in the order their bytes follow the manifest. */
export function packageAttachments(pkg: JurorPackage): AttachmentRef[] {
  return pkg.applications.flatMap((a) => a.attachments);
}

const SEAL_MAGIC = new TextEncoder().encode('SKHODJS');
const SEAL_HEAD = sealHeadBytes(SEAL_MAGIC);

export function isSealedJurorPackage(bytes: Uint8Array): boolean {
  return isSealedWith(bytes, SEAL_MAGIC);
}

/** A package file (packJurorPackage's bytes) sealed under `code` (code-seal.ts). */
export function sealJurorPackage(bytes: Uint8Array, code: string, iterations = PACKAGE_CODE_ITERATIONS): Promise<Uint8Array<ArrayBuffer>> {
  return sealWithCode(bytes, code, SEAL_MAGIC, iterations);
}

/** The package bytes, or null for a wrong code or altered bytes. */
function unsealJurorPackage(bytes: Uint8Array, code: string): Promise<Uint8Array | null> {
  return unsealWithCode(bytes, code, SEAL_MAGIC);
}
