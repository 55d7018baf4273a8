/**
 * The report package (`.skhod-report`): the one file the organizer sends a winning team, like a juror
 * package (shared/contest/juror-package.ts). It holds what the team's report needs and nothing else —
 * the project's plan and milestones, the team's names, the round its next report carries, the
 * invitation secret the team's device binds its key to (report-file.ts), the organizer's «вернуть на
 * доработку» reasons, and what the organizer last accepted (the team continues from it).
 *
 * Signed by the organizer's device key (signed-envelope.ts), then sealed under an access code
 * (shared/contest/code-seal.ts, magic "SKHODRP"): a team's device is not enrolled in the event and must
 * not hold its key. The team's device remembers the organizer's key from the first package of a
 * project and refuses a later one signed by another key (`wrong-key`): a stranger who learned the code
 * cannot slip the team a package of their own.
 */
import { z } from 'zod';
import { isSealedWith, PACKAGE_CODE_ITERATIONS, sealWithCode, unsealWithCode } from '../contest/code-seal';
import type { Id, IsoDate, IsoDateTime } from '../domain/types';
import { openEnvelope, signEnvelope, type EnvelopeSigner } from './signed-envelope';
import { communityTypes, indicatorKeys, type CommunityFounded, type CommunityType, type Indicators, type MilestoneReport, type Milestone, type ReportKind } from './types';
import { said, worded, type Said } from '../text/said';

export const REPORT_PACKAGE_FORMAT = 'skhod-report-package';
export const REPORT_PACKAGE_VERSION = 1;
const MAGIC = new TextEncoder().encode('SKHODRP');
/** A package holds no photos: far above any real one, and stops a wrong big file before unsealing. */
export const MAX_REPORT_PACKAGE_BYTES = 2 * 1024 * 1024;

/** An organizer's «вернуть на доработку» of one round, travelling back to the team. */
export type ReturnedRound = { round: number; kind: ReportKind; reason: string };

/** What the organizer accepted last: the team's next report starts from it. */
export type AcceptedState = { round: number; kind: ReportKind; reached: Partial<Indicators>; community: CommunityFounded; milestones: MilestoneReport[] };

export type ReportPackage = {
  format: typeof REPORT_PACKAGE_FORMAT;
  version: typeof REPORT_PACKAGE_VERSION;
  createdAt: IsoDateTime;
  eventId: Id;
  eventTitle?: string;
  project: {
    id: Id;
    title: string;
    municipalityName?: string;
    communityType: CommunityType;
    grantAmount?: number;
    planned: Indicators;
    plannedCommunity: CommunityFounded;
    milestones: Milestone[];
    interimReportDue?: IsoDate;
    finalReportDue: IsoDate;
  };
  /** Names of the team, the lead first. */
  team: string[];
  /** The round the team's next report carries: one past every round the organizer holds. */
  round: number;
  /** Base64url; the team's device binds its signing key to it. Keep the package private. */
  invitationSecret: string;
  /** The organizer's device key that signed the package. */
  publicKey: string;
  returns: ReturnedRound[];
  accepted?: AcceptedState;
};

const indicatorsSchema = z.strictObject(Object.fromEntries(indicatorKeys.map((k) => [k, z.number().nonnegative()])) as Record<(typeof indicatorKeys)[number], z.ZodNumber>);
const partialIndicators = indicatorsSchema.partial();
const communitySchema = z.strictObject({ founded: z.boolean(), name: z.string().max(300).optional() });
const kindSchema = z.enum(['interim', 'final']);
export const milestoneReportSchema = z.strictObject({
  milestoneId: z.string().min(1),
  state: z.enum(['done', 'in-progress', 'not-started', 'dropped']),
  doneOn: z.string().optional(),
});
export const reportSchemas = { indicators: partialIndicators, community: communitySchema, kind: kindSchema };

const packageSchema = z.strictObject({
  format: z.literal(REPORT_PACKAGE_FORMAT),
  version: z.literal(REPORT_PACKAGE_VERSION),
  createdAt: z.string(),
  eventId: z.string().min(1),
  eventTitle: z.string().optional(),
  project: z.strictObject({
    id: z.string().min(1),
    title: z.string(),
    municipalityName: z.string().optional(),
    communityType: z.enum(communityTypes),
    grantAmount: z.number().nonnegative().optional(),
    planned: indicatorsSchema,
    plannedCommunity: communitySchema,
    milestones: z.array(z.strictObject({ id: z.string().min(1), title: z.string(), due: z.string() })),
    interimReportDue: z.string().optional(),
    finalReportDue: z.string(),
  }),
  team: z.array(z.string()),
  round: z.number().int().positive(),
  invitationSecret: z.string().regex(/^[A-Za-z0-9_-]{16,}$/),
  publicKey: z.string(),
  returns: z.array(z.strictObject({ round: z.number().int().positive(), kind: kindSchema, reason: z.string() })),
  accepted: z
    .strictObject({ round: z.number().int().positive(), kind: kindSchema, reached: partialIndicators, community: communitySchema, milestones: z.array(milestoneReportSchema) })
    .optional(),
});

/** The package file: signed by the organizer's device, sealed under `code`. `iterations` only for tests. */
export async function writeReportPackage(pkg: Omit<ReportPackage, 'publicKey'>, signer: EnvelopeSigner, code: string, iterations = PACKAGE_CODE_ITERATIONS): Promise<Uint8Array<ArrayBuffer>> {
  const text = await signEnvelope(REPORT_PACKAGE_FORMAT, { ...pkg, publicKey: signer.publicKey }, signer);
  return sealWithCode(new TextEncoder().encode(text), code, MAGIC, iterations);
}

export function isReportPackage(bytes: Uint8Array): boolean {
  return isSealedWith(bytes, MAGIC);
}

export type OpenPackageRefusal = 'not-a-package' | 'needs-code' | 'wrong-code' | 'tampered' | 'unsupported-version' | 'wrong-key' | 'too-large';
export type OpenReportPackageResult = { ok: true; package: ReportPackage } | { ok: false; code: OpenPackageRefusal; said: Said; message: string };

/** The words of a refusal: `said` for the screen (`fileReports:package`), `message` in Russian. */
const refuse = (code: OpenPackageRefusal): OpenReportPackageResult => ({ ok: false, code, ...worded(said(`fileReports:package.${code}`)) });

/**
 * Opens a package on the team's device. `trustedKey`: the organizer key of this project's earlier
 * package on this device, if any — a package signed by another key is refused.
 */
export async function openReportPackage(bytes: Uint8Array, code: string | undefined, trustedKey?: (projectId: Id) => string | undefined): Promise<OpenReportPackageResult> {
  if (bytes.byteLength > MAX_REPORT_PACKAGE_BYTES) return refuse('too-large');
  if (!isReportPackage(bytes)) return refuse('not-a-package');
  if (code === undefined || code.trim() === '') return refuse('needs-code');
  const plain = await unsealWithCode(bytes, code, MAGIC);
  if (plain === null) return refuse('wrong-code');
  const opened = await openEnvelope(new TextDecoder('utf-8').decode(plain), REPORT_PACKAGE_FORMAT);
  if (!opened.ok) return refuse(opened.code === 'tampered' ? 'tampered' : 'not-a-package');
  const version = opened.payload.version;
  if (typeof version === 'number' && version > REPORT_PACKAGE_VERSION) return refuse('unsupported-version');
  const parsed = packageSchema.safeParse(opened.payload);
  if (!parsed.success) return refuse('tampered');
  const pkg = parsed.data as ReportPackage;
  const known = trustedKey?.(pkg.project.id);
  if (known !== undefined && known !== opened.publicKey) return refuse('wrong-key');
  return { ok: true, package: pkg };
}
