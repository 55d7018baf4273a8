/**
 * The juror's device (issue 6): the opened juror package, this device's signing key, the juror's own
 * sheets and the signed score file. The package is a device-local setting: while it is there the app
 * shows only the score sheet (juror mode). Leaving juror mode removes the package, never the sheets.
 */
import {
  editScore,
  finalizeScore,
  generateDeviceKey,
  exportPublicKey,
  newScore,
  parseJurorPackage,
  writeScoreFile,
  type JurorPackage,
  type Score,
  type SheetProblem,
} from '../../../shared/contest';
import type { DbContext } from '../context';
import { putTracked } from '../change-log';

export const JUROR_PACKAGE_SETTING = 'juror.package';
/** One key per device: generated on first need, never exported (its private half is not extractable). */
export const JUROR_DEVICE_KEY = 'juror.device';

export type OpenPackageResult = { ok: true; package: JurorPackage } | { ok: false; message: string };

/** Opens a `.skhod-jury` file: refused with the parser's Russian message, otherwise juror mode starts. */
export async function openJurorPackage(ctx: DbContext, bytes: Uint8Array, now = new Date().toISOString()): Promise<OpenPackageResult> {
  const parsed = parseJurorPackage(bytes);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  // the key is made outside the transaction: awaiting WebCrypto inside one would commit it early
  const existing = await ctx.db.keys.get(JUROR_DEVICE_KEY);
  if (!existing) {
    const pair = await generateDeviceKey();
    const publicKey = await exportPublicKey(pair.publicKey);
    await ctx.db.transaction('rw', ctx.db.keys, async () => {
      if (!(await ctx.db.keys.get(JUROR_DEVICE_KEY))) {
        await ctx.db.keys.put({ id: JUROR_DEVICE_KEY, createdAt: now, publicKey, privateKey: pair.privateKey });
      }
    });
  }
  await ctx.db.settings.put({ key: JUROR_PACKAGE_SETTING, value: parsed.package });
  return { ok: true, package: parsed.package };
}

/** «Выйти из режима эксперта»: the package setting goes; sheets and the key stay for a later return. */
export async function leaveJurorMode(ctx: DbContext): Promise<void> {
  await ctx.db.settings.delete(JUROR_PACKAGE_SETTING);
}

export async function loadJurorPackage(ctx: DbContext): Promise<JurorPackage | undefined> {
  return (await ctx.db.settings.get(JUROR_PACKAGE_SETTING))?.value as JurorPackage | undefined;
}

function formOf(pkg: JurorPackage, applicationId: string) {
  const app = pkg.applications.find((a) => a.id === applicationId);
  const nomination = app && pkg.nominations.find((n) => n.id === app.nominationId);
  if (!app || !nomination) throw new Error('Этой заявки нет в пакете эксперта.');
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
    const edit = editScore(current, patch, now);
    if (!edit.ok) throw new Error(edit.message);
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
    if (!result.ok) return { ok: false as const, message: result.message, problems: result.problems ?? [] };
    await putTracked(ctx, 'scores', [result.score]);
    return { ok: true as const, score: result.score };
  });
}

/** The signed score file of every sheet this juror has on this device (for the package's applications). */
export async function buildJurorScoreFile(ctx: DbContext, pkg: JurorPackage, now = new Date().toISOString()): Promise<Uint8Array> {
  const key = await ctx.db.keys.get(JUROR_DEVICE_KEY);
  if (!key) throw new Error('На этом устройстве нет ключа эксперта — откройте пакет эксперта ещё раз.');
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
