/**
 * The juror package: the one file an organizer sends a juror. It holds exactly what scoring needs —
 * the contest's name, the forms of the juror's nominations, the juror's own assigned applications with
 * their attachment refs, who the juror is, and the invitation secret their device binds its key to —
 * and nothing else. Not other applications, not anyone's scores, not the jury list, not the counting
 * method, not conflicts: a package may be forwarded or left on a shared computer, and a juror must not
 * be able to see (or be influenced by) what others think. Applicants are named by organization and
 * municipality only; applicants' personal data stays with the organizer (152-ФЗ).
 *
 * The selection is defensive: an assignment to an application that is not admitted, outside the juror's
 * nominations, or in an unlifted conflict is left out and reported to the organizer in `omitted`.
 * Attachment bytes travel next to this JSON (the exchange container is built outside shared/); the
 * refs carry sha256 so the juror's app can check each one.
 */
import { z } from 'zod';
import { blockedPairs, pairKey } from './conflicts';
import type { Application, AttachmentRef, Assignment, Conflict, Contest, CriterionDef, Juror, Nomination } from './types';

export const JUROR_PACKAGE_FORMAT = 'skhod-juror-package';
export const JUROR_PACKAGE_VERSION = 1;

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

/** The whole package, as written to the file. */
export type JurorPackage = {
  format: typeof JUROR_PACKAGE_FORMAT;
  version: typeof JUROR_PACKAGE_VERSION;
  createdAt: string;
  contest: { id: string; title: string; eventTitle?: string };
  juror: { id: string; name: string };
  /** Base64url; the juror's device binds its signing key to it (score-file.ts). Keep the package private. */
  invitationSecret: string;
  nominations: PackageNomination[];
  applications: PackageApplication[];
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
  const pkg: JurorPackage = {
    format: JUROR_PACKAGE_FORMAT,
    version: JUROR_PACKAGE_VERSION,
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
  return { package: pkg, omitted };
}

function copyCriterion(c: CriterionDef): CriterionDef {
  return { id: c.id, title: c.title, description: c.description, min: c.min, max: c.max, weight: c.weight, bands: c.bands.map((b) => ({ from: b.from, to: b.to, text: b.text })) };
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

/** The package file: UTF-8 JSON. */
export function serializeJurorPackage(pkg: JurorPackage): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(pkg));
}

const bandSchema = z.strictObject({ from: z.number().int(), to: z.number().int(), text: z.string() });
const criterionSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string(),
  description: z.string(),
  min: z.number().int(),
  max: z.number().int(),
  weight: z.number(),
  bands: z.array(bandSchema),
});
const attachmentSchema = z.strictObject({ id: z.string(), name: z.string(), mime: z.string(), size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
const packageSchema = z.strictObject({
  format: z.literal(JUROR_PACKAGE_FORMAT),
  version: z.literal(JUROR_PACKAGE_VERSION),
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
});

export type ParsePackageResult =
  | { ok: true; package: JurorPackage }
  | { ok: false; code: 'not-a-package' | 'unsupported-version' | 'malformed'; message: string };

/** Opens a package on the juror's device; never throws on bad bytes. */
export function parseJurorPackage(bytes: Uint8Array): ParsePackageResult {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, code: 'not-a-package', message: 'Это не пакет эксперта Сход: файл не читается.' };
  }
  const o = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  if (o.format !== JUROR_PACKAGE_FORMAT) {
    const hint = o.format === 'skhod-score-file' ? ' Это файл оценок — его загружает организатор.' : '';
    return { ok: false, code: 'not-a-package', message: `Это не пакет эксперта Сход.${hint}` };
  }
  if (typeof o.version === 'number' && o.version > JUROR_PACKAGE_VERSION) {
    return { ok: false, code: 'unsupported-version', message: 'Пакет создан более новой версией Сход — обновите программу.' };
  }
  const parsed = packageSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, code: 'malformed', message: 'Пакет эксперта повреждён — попросите организатора выслать его заново.' };
  const pkg = parsed.data as JurorPackage;
  // every application must have its form, or the juror could not score it
  const noms = new Set(pkg.nominations.map((n) => n.id));
  if (pkg.applications.some((a) => !noms.has(a.nominationId))) {
    return { ok: false, code: 'malformed', message: 'Пакет эксперта повреждён: для части заявок нет формы оценки.' };
  }
  return { ok: true, package: pkg };
}

/** The attachment files to put next to the package. */
export function packageAttachments(pkg: JurorPackage): AttachmentRef[] {
  return pkg.applications.flatMap((a) => a.attachments);
}
