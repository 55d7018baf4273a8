/**
 * The juror's device (issue 6): the opened juror package, this device's signing key, the juror's own
 * sheets, the package's attachment files and the signed score file. The package is a device-local
 * setting: while it is there the app shows only the score sheet (juror mode). Leaving juror mode removes
 * the package and its files (they are the applicants' documents, not the juror's), never the sheets.
 *
 * Attachment files are stored in `attachments` under `jury:<ref id>` (application `jury:<id>`): the same
 * laptop may also be an organizer's, whose own rows carry the plain ids and must never be touched here.
 */
import {
  editScore,
  finalizeScore,
  newScore,
  parseJurorPackage,
  reopenScore,
  writeScoreFile,
  type JurorPackage,
  type Score,
  type SheetProblem,
} from '../../../shared/contest';
import type { DbContext } from '../context';
import type { AttachmentBlob } from '../database';
import { putTracked } from '../change-log';
import { DEVICE_KEY_ID, ensureDeviceKey } from './device-key';
import { fail, refuse } from './fail';
import { sayText } from '../../i18n';

export const JUROR_PACKAGE_SETTING = 'juror.package';
/** Other packages opened on this device (one laptop, two contests or two jurors), kept with their files. */
export const JUROR_SHELF_SETTING = 'juror.shelf';
/** The application whose sheet the juror last had open, per package: juror mode resumes there. */
const currentSheetKey = (pkg: Pick<JurorPackage, 'contest' | 'juror'>) => `juror.current:${packageKey(pkg)}`;

/** One package per contest and juror: a newer package of the same pair replaces the older. */
export const packageKey = (pkg: Pick<JurorPackage, 'contest' | 'juror'>) => `${pkg.contest.id}|${pkg.juror.id}`;

const refsOf = (pkgs: readonly JurorPackage[]) => new Set(pkgs.flatMap((p) => p.applications.flatMap((a) => a.attachments.map((f) => juryAttachmentId(f.id)))));

export type OpenPackageResult =
  | { ok: true; package: JurorPackage; /** Sheets the organizer's returns in this package reopened now. */ reopened: number }
  | { ok: false; message: string; /** A sealed package: ask the juror for the access code and open again with it. */ needsCode?: boolean };

const JURY_PREFIX = 'jury:';
export const juryAttachmentId = (refId: string) => `${JURY_PREFIX}${refId}`;

/** The juror-mode attachment rows: every id from `jury:` up to (not including) `jury;` (';' follows ':'). */
const juryRange = (ctx: DbContext) => ctx.db.attachments.where('id').between(JURY_PREFIX, 'jury;', true, false);

/**
 * Opens a `.skhod-jury` file: refused with the parser's message in the interface language (nothing changes), otherwise
 * juror mode starts in one transaction: the package, its files (replacing a previous package's), and
 * the organizer's returns applied to this juror's finalized sheets, each grant once.
 */
export async function openJurorPackage(ctx: DbContext, bytes: Uint8Array, now = new Date().toISOString(), code?: string): Promise<OpenPackageResult> {
  // parsing checks every file's sha256 — WebCrypto, so before any transaction (an await on it would commit one early)
  const parsed = await parseJurorPackage(bytes, code);
  if (!parsed.ok) return { ok: false, message: sayText(parsed.said), ...(parsed.code === 'needs-code' || parsed.code === 'wrong-code' ? { needsCode: true } : {}) };
  const pkg = parsed.package;
  await ensureDeviceKey(ctx, new Date(now));
  const { db } = ctx;
  return db.transaction('rw', [db.settings, db.attachments, db.scores, db.changes], async () => {
    // the package open until now goes to the shelf (another contest or juror) with its files; a newer
    // package of the same contest and juror replaces it and the files it no longer names go
    const current = (await db.settings.get(JUROR_PACKAGE_SETTING))?.value as JurorPackage | undefined;
    const shelf = (((await db.settings.get(JUROR_SHELF_SETTING))?.value as JurorPackage[] | undefined) ?? []).filter((p) => packageKey(p) !== packageKey(pkg));
    if (current && packageKey(current) !== packageKey(pkg)) shelf.push(current);
    await db.settings.put({ key: JUROR_SHELF_SETTING, value: shelf });
    const keep = refsOf(shelf);
    await juryRange(ctx)
      .filter((row) => !keep.has(row.id))
      .delete();
    const blobs: AttachmentBlob[] = pkg.applications.flatMap((a) =>
      a.attachments.flatMap((f) => {
        const data = parsed.files.get(f.id);
        return data ? [{ id: juryAttachmentId(f.id), applicationId: juryAttachmentId(a.id), name: f.name, mime: f.mime, size: f.size, sha256: f.sha256, bytes: data }] : [];
      }),
    );
    await db.attachments.bulkPut(blobs);
    await db.settings.put({ key: JUROR_PACKAGE_SETTING, value: pkg });
    let reopened = 0;
    for (const grant of pkg.reopens ?? []) {
      const sheet = await db.scores.get(`${pkg.juror.id}|${grant.applicationId}`);
      // a sheet this device never had (another laptop, a wiped browser) starts afresh anyway
      if (!sheet || sheet.contestId !== pkg.contest.id) continue;
      const next = reopenScore(sheet, grant, now);
      if (next === null) continue;
      await putTracked(ctx, 'scores', [next]);
      reopened += 1;
    }
    return { ok: true as const, package: pkg, reopened };
  });
}

/** «Выйти из режима эксперта»: every package and their files go; sheets and the key stay for a later return. */
export async function leaveJurorMode(ctx: DbContext): Promise<void> {
  const { db } = ctx;
  await db.transaction('rw', db.settings, db.attachments, async () => {
    await db.settings.bulkDelete([JUROR_PACKAGE_SETTING, JUROR_SHELF_SETTING]);
    await juryRange(ctx).delete();
  });
}

/** Packages kept on the shelf (not the open one). */
export async function loadJurorShelf(ctx: DbContext): Promise<JurorPackage[]> {
  return ((await ctx.db.settings.get(JUROR_SHELF_SETTING))?.value as JurorPackage[] | undefined) ?? [];
}

/** Switches to a package from the shelf; the open one takes its place there. Files of both stay. */
export async function switchJurorPackage(ctx: DbContext, key: string): Promise<void> {
  const { db } = ctx;
  await db.transaction('rw', db.settings, async () => {
    const current = (await db.settings.get(JUROR_PACKAGE_SETTING))?.value as JurorPackage | undefined;
    const shelf = ((await db.settings.get(JUROR_SHELF_SETTING))?.value as JurorPackage[] | undefined) ?? [];
    const next = shelf.find((p) => packageKey(p) === key);
    if (!next) fail('juror.packageGone');
    const rest = shelf.filter((p) => p !== next);
    if (current) rest.push(current);
    await db.settings.bulkPut([
      { key: JUROR_PACKAGE_SETTING, value: next },
      { key: JUROR_SHELF_SETTING, value: rest },
    ]);
  });
}

/** The sheet to open: the one last open, else the first draft in progress, else the first not started, else the first. */
export async function resumeSheet(ctx: DbContext, pkg: JurorPackage, scores: ReadonlyMap<string, Score>): Promise<string | undefined> {
  const remembered = (await ctx.db.settings.get(currentSheetKey(pkg)))?.value as string | undefined;
  const apps = pkg.applications;
  if (remembered && apps.some((a) => a.id === remembered)) return remembered;
  return (apps.find((a) => scores.get(a.id)?.status === 'draft') ?? apps.find((a) => !scores.has(a.id)) ?? apps[0])?.id;
}

/** Remembers the sheet on screen (device-local, not change-logged). */
export async function rememberSheet(ctx: DbContext, pkg: JurorPackage, applicationId: string): Promise<void> {
  await ctx.db.settings.put({ key: currentSheetKey(pkg), value: applicationId });
}

/** No event and no juror package: a juror's fresh install, where an opened package needs no question. */
export async function isFreshDevice(ctx: DbContext): Promise<boolean> {
  return (await ctx.db.events.count()) === 0 && (await ctx.db.settings.get(JUROR_PACKAGE_SETTING)) === undefined;
}

/** One attachment of the opened package (undefined when the package carried only its name: a version-1 package). */
export async function loadJurorAttachment(ctx: DbContext, refId: string): Promise<AttachmentBlob | undefined> {
  return ctx.db.attachments.get(juryAttachmentId(refId));
}

/** Which of the package's attachments this device has the bytes of. */
export async function jurorAttachmentIds(ctx: DbContext): Promise<Set<string>> {
  const keys = await juryRange(ctx).primaryKeys();
  return new Set(keys.map((k) => String(k).slice(JURY_PREFIX.length)));
}

export async function loadJurorPackage(ctx: DbContext): Promise<JurorPackage | undefined> {
  return (await ctx.db.settings.get(JUROR_PACKAGE_SETTING))?.value as JurorPackage | undefined;
}

function formOf(pkg: JurorPackage, applicationId: string) {
  const app = pkg.applications.find((a) => a.id === applicationId);
  const nomination = app && pkg.nominations.find((n) => n.id === app.nominationId);
  if (!app || !nomination) fail('juror.notInPackage');
  return nomination;
}

/** One autosave: a value and/or the comment; creates the sheet on the first edit. Version + 1 each time. */
export async function saveJurorScore(
  ctx: DbContext,
  pkg: JurorPackage,
  applicationId: string,
  patch: { values?: Record<string, number | null>; comment?: string },
  now = new Date().toISOString(),
): Promise<Score> {
  const form = formOf(pkg, applicationId);
  const { db } = ctx;
  return db.transaction('rw', db.scores, db.changes, async () => {
    const id = `${pkg.juror.id}|${applicationId}`;
    const current = (await db.scores.get(id)) ?? newScore(pkg.contest.id, pkg.juror.id, applicationId, form, now);
    const edit = editScore(current, patch, now, form);
    if (!edit.ok) refuse(edit.said);
    await putTracked(ctx, 'scores', [edit.score]);
    return edit.score;
  });
}

export type FinalizeResult = { ok: true; score: Score } | { ok: false; message: string; problems: SheetProblem[] };

/** «Завершить»: locks the sheet, or says what is missing. */
export async function finalizeJurorScore(ctx: DbContext, pkg: JurorPackage, applicationId: string, now = new Date().toISOString()): Promise<FinalizeResult> {
  const form = formOf(pkg, applicationId);
  const { db } = ctx;
  return db.transaction('rw', db.scores, db.changes, async () => {
    const id = `${pkg.juror.id}|${applicationId}`;
    const current = (await db.scores.get(id)) ?? newScore(pkg.contest.id, pkg.juror.id, applicationId, form, now);
    const result = finalizeScore(current, form, now);
    if (!result.ok) return { ok: false as const, message: sayText(result.said), problems: result.problems ?? [] };
    await putTracked(ctx, 'scores', [result.score]);
    return { ok: true as const, score: result.score };
  });
}

/** The signed score file of every sheet this juror has on this device (for the package's applications). */
export async function buildJurorScoreFile(ctx: DbContext, pkg: JurorPackage, now = new Date().toISOString()): Promise<Uint8Array> {
  const key = await ctx.db.keys.get(DEVICE_KEY_ID);
  if (!key) fail('juror.noKey');
  const assigned = new Set(pkg.applications.map((a) => a.id));
  const scores = (await ctx.db.scores.where('jurorId').equals(pkg.juror.id).toArray()).filter((s) => s.contestId === pkg.contest.id && assigned.has(s.applicationId));
  // the public key is re-imported from what was stored: CryptoKeyPair needs both halves, only the private one signs
  const publicKey = await crypto.subtle.importKey('raw', fromB64u(key.publicKey), { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
  return writeScoreFile({
    contestId: pkg.contest.id,
    jurorId: pkg.juror.id,
    invitationSecret: pkg.invitationSecret,
    keyPair: { publicKey, privateKey: key.privateKey },
    scores,
    createdAt: now,
  });
}

function fromB64u(text: string): Uint8Array<ArrayBuffer> {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
