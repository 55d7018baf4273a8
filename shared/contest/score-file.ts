/**
 * Score files: what a juror's device sends back to the organizer (USB stick, messenger, e-mail).
 *
 * Layout (UTF-8 JSON, exactly this text, no whitespace):
 *   {"format":"skhod-score-file","payload":"<payload JSON as a string>","signature":"<base64url>"}
 * The payload names the contest and juror, carries the device's ECDSA P-256 public key, a key binding
 * = HMAC-SHA-256(invitation secret, raw public key), and the juror's sheets, each with its version.
 * The signature (ECDSA P-256 / SHA-256) covers the payload string's UTF-8 bytes exactly as written, so
 * no canonical JSON is needed; the envelope itself must re-serialize to the very bytes received, so
 * even an edit that leaves the JSON meaning intact (whitespace, key order) is refused.
 *
 * Why each check exists: the signature proves the file is as the device wrote it (`tampered`); the
 * binding proves that device holds the invitation this juror was sent (`wrong-key` — someone who
 * re-signs a file with their own key cannot produce it); versions refuse a replayed old file (`stale`).
 * Sheets carry no juror or contest of their own: they take them from the signed header, so a file can
 * only ever speak for the one juror whose invitation signed it.
 *
 * Versions: 1 — the original sheets; 2 — a sheet may carry `reopened` (the organizer's «вернуть на
 * доработку» grants it was reopened under). A file is written with the lowest version that can hold
 * its sheets, so an organizer on an older Сход still reads every file without a reopened sheet; an
 * older Сход given a version-2 file asks to be updated instead of misreading it.
 * A finalized sheet may change only under a grant of the organizer's: when the verifier is told the
 * grants (`grants`), a newer version of a sheet stored as final must bring a new grant, and every
 * grant a sheet names must be one the organizer issued (`unauthorized-reopen`).
 */
import { z } from 'zod';
import { equalBytes, exportPublicKey, fromBase64Url, hmacSha256, importPublicKey, signBytes, toBase64Url, verifyBytes } from '../crypto';
import { invalidValues, problemsSaid, storedKey, type SheetForm } from './scores';
import type { ReopenGrant, Score, ScoreStatus } from './types';
import { scoreId } from './types';
import { said, worded, type Said } from '../text/said';

export const SCORE_FILE_FORMAT = 'skhod-score-file';
export const SCORE_FILE_VERSION = 2;
/** The version a file without reopened sheets is written with (readable by every Сход since the first). */
const SCORE_FILE_VERSION_PLAIN = 1;
/** Far above any real jury (500 sheets ≈ 200 KB); stops a wrong multi-gigabyte file before parsing. */
export const MAX_SCORE_FILE_BYTES = 20 * 1024 * 1024;

const sheetSchema = z.strictObject({
  applicationId: z.string().min(1),
  values: z.record(z.string(), z.number().nullable()),
  comment: z.string(),
  status: z.enum(['draft', 'final']),
  version: z.number().int().positive(),
  updatedAt: z.string(),
  reopened: z.array(z.strictObject({ id: z.string().min(1), reason: z.string(), by: z.string(), at: z.string() })).min(1).optional(),
});

const payloadSchema = z.strictObject({
  format: z.literal(SCORE_FILE_FORMAT),
  version: z.number().int().positive(),
  contestId: z.string().min(1),
  jurorId: z.string().min(1),
  publicKey: z.string(),
  keyBinding: z.string(),
  createdAt: z.string(),
  scores: z.array(sheetSchema),
});

type Payload = z.infer<typeof payloadSchema>;

export type ScoreFileInput = {
  contestId: string;
  jurorId: string;
  /** From the juror package. */
  invitationSecret: string;
  /** The device key (generateDeviceKey); only the private key signs, the public key travels. */
  keyPair: CryptoKeyPair;
  /** The juror's sheets; every one must belong to this contest and juror. */
  scores: readonly Score[];
  createdAt: string;
};

/** Builds and signs a score file. Throws on sheets of another juror or contest — a caller bug, not a user error. */
export async function writeScoreFile(input: ScoreFileInput): Promise<Uint8Array> {
  const secret = fromBase64Url(input.invitationSecret);
  if (secret === null) throw new Error('writeScoreFile: the invitation secret is not base64url');
  const publicKey = await exportPublicKey(input.keyPair.publicKey);
  const keyBinding = toBase64Url(await hmacSha256(secret, fromBase64Url(publicKey)!));
  const scores = input.scores.map((s) => {
    if (s.contestId !== input.contestId || s.jurorId !== input.jurorId) throw new Error(`writeScoreFile: sheet ${s.id} belongs to another juror or contest`);
    const sheet: Payload['scores'][number] = { applicationId: s.applicationId, values: { ...s.values }, comment: s.comment, status: s.status, version: s.version, updatedAt: s.updatedAt };
    if (s.reopened && s.reopened.length > 0) sheet.reopened = s.reopened.map((g) => ({ id: g.id, reason: g.reason, by: g.by, at: g.at }));
    return sheet;
  });
  const version = scores.some((s) => s.reopened !== undefined) ? SCORE_FILE_VERSION : SCORE_FILE_VERSION_PLAIN;
  const payloadObj: Payload = { format: SCORE_FILE_FORMAT, version, contestId: input.contestId, jurorId: input.jurorId, publicKey, keyBinding, createdAt: input.createdAt, scores };
  const payload = JSON.stringify(payloadObj);
  const signature = toBase64Url(await signBytes(input.keyPair.privateKey, new TextEncoder().encode(payload)));
  return new TextEncoder().encode(envelope(payload, signature));
}

function envelope(payload: string, signature: string): string {
  return JSON.stringify({ format: SCORE_FILE_FORMAT, payload, signature });
}

export type ScoreFileRefusalCode = 'not-a-score-file' | 'truncated' | 'tampered' | 'unsupported-version' | 'wrong-contest' | 'unknown-juror' | 'wrong-key';

export type ScoreRefusal = { applicationId: string; code: 'stale' | 'not-assigned' | 'unauthorized-reopen' | 'invalid-values'; version: number; storedVersion?: number; said: Said; message: string };

export type ScoreFileVerdict =
  | { ok: false; code: ScoreFileRefusalCode; said: Said; message: string }
  | {
      ok: true;
      contestId: string;
      jurorId: string;
      /** The device key that signed it (for the returns board: which device a juror used). */
      publicKey: string;
      createdAt: string;
      /** Sheets newer than what is stored (or not stored yet): merge these. */
      accepted: Score[];
      /** Same version as stored: the same edit seen again, a no-op. Merging them too is harmless (scores.ts). */
      unchanged: Score[];
      /** Sheets refused one by one: older than stored (a replayed file), or not assigned to this juror. */
      refused: ScoreRefusal[];
    };

export type VerifyOptions = {
  contestId: string;
  /** The contest's jurors; `applicationIds`, when given, refuses sheets for applications not assigned to them. */
  jurors: ReadonlyMap<string, { invitationSecret: string; applicationIds?: ReadonlySet<string> }>;
  /** `${jurorId}|${applicationId}` → stored version. */
  stored: ReadonlyMap<string, number>;
  /** For messages; the id is shown when absent. */
  applicationTitle?: (id: string) => string | undefined;
  /**
   * The organizer's «вернуть на доработку» grants, `${jurorId}|${applicationId}` → grants. When given
   * (with `storedSheets`), a sheet stored as final is replaced only by one reopened under a new grant,
   * and a sheet naming a grant the organizer never issued is refused.
   */
  grants?: ReadonlyMap<string, readonly Pick<ReopenGrant, 'id'>[]>;
  /** What is stored per `${jurorId}|${applicationId}`: its status and the grants it was reopened under. */
  storedSheets?: ReadonlyMap<string, { status: ScoreStatus; reopened?: readonly Pick<ReopenGrant, 'id'>[] }>;
  /**
   * The scoring form of each application (by application id). When given, a sheet whose values break
   * it — outside a criterion's scale or step (k = 9.99 on a whole-point 0–10 scale), or for a
   * criterion the form does not have — is refused (`invalid-values`): a valid signature proves who
   * wrote a sheet, not that the sheet is one the form allows.
   */
  forms?: ReadonlyMap<string, SheetForm>;
};

/** A refused file; `key` under `fileScores:file` (the code's own sentence by default). */
const refuse = (code: ScoreFileRefusalCode, key: string = code): ScoreFileVerdict => ({ ok: false, code, ...worded(said(`fileScores:file.${key}`)) });

/** A skipped sheet of a file: «Оценка заявки «…» пропущена: <why>». */
function skipped(refusal: Omit<ScoreRefusal, 'said' | 'message'>, title: string, why: Said): ScoreRefusal {
  return { ...refusal, ...worded(said('fileScores:sheet.skipped', { title, why })) };
}

/** Checks a received file; never throws on bad bytes. See the file comment for the order of checks. */
export async function verifyScoreFile(bytes: Uint8Array, opts: VerifyOptions): Promise<ScoreFileVerdict> {
  if (bytes.length > MAX_SCORE_FILE_BYTES) return refuse('not-a-score-file', 'tooLarge');
  const text = new TextDecoder('utf-8').decode(bytes);
  let outer: unknown;
  try {
    outer = JSON.parse(text);
  } catch {
    // unparsable: cut short, damaged if it still shows our marks, otherwise some other file
    if (text.startsWith(`{"format":"${SCORE_FILE_FORMAT}"`) && endsCutShort(text)) return refuse('truncated');
    return text.includes(SCORE_FILE_FORMAT) || text.includes('"signature"') ? refuse('tampered') : refuse('not-a-score-file');
  }
  if (typeof outer !== 'object' || outer === null || Array.isArray(outer)) return refuse('not-a-score-file');
  const o = outer as Record<string, unknown>;
  if (o.format === 'skhod-juror-package') return refuse('not-a-score-file', 'isJurorPackage');
  // a single changed byte can damage the format mark or a key name, but never both marks at once
  if (o.format !== SCORE_FILE_FORMAT && !('payload' in o) && !('signature' in o)) return refuse('not-a-score-file');
  if (typeof o.payload !== 'string' || typeof o.signature !== 'string' || o.format !== SCORE_FILE_FORMAT) return refuse('tampered');
  if (envelope(o.payload, o.signature) !== text) return refuse('tampered');

  let payloadJson: unknown;
  try {
    payloadJson = JSON.parse(o.payload);
  } catch {
    return refuse('tampered');
  }
  const rawKey = typeof payloadJson === 'object' && payloadJson !== null ? (payloadJson as Record<string, unknown>).publicKey : undefined;
  const keyBytes = typeof rawKey === 'string' ? fromBase64Url(rawKey) : null;
  const signature = fromBase64Url(o.signature);
  const key = keyBytes === null ? null : await importPublicKey(keyBytes);
  if (key === null || signature === null || !(await verifyBytes(key, signature, new TextEncoder().encode(o.payload)))) return refuse('tampered');

  // authentic from here on: what remains are questions of meaning, not of integrity
  const version = (payloadJson as Record<string, unknown>).version;
  if (typeof version === 'number' && version > SCORE_FILE_VERSION) return refuse('unsupported-version');
  const parsed = payloadSchema.safeParse(payloadJson);
  if (!parsed.success) return refuse('not-a-score-file', 'unrecognised');
  const p = parsed.data;
  if (p.contestId !== opts.contestId) return refuse('wrong-contest');
  const juror = opts.jurors.get(p.jurorId);
  if (juror === undefined) return refuse('unknown-juror');
  const secret = fromBase64Url(juror.invitationSecret);
  const binding = fromBase64Url(p.keyBinding);
  if (secret === null || binding === null || !equalBytes(await hmacSha256(secret, keyBytes!), binding)) return refuse('wrong-key');

  const accepted: Score[] = [];
  const unchanged: Score[] = [];
  const refused: ScoreRefusal[] = [];
  // the newest sheet per application inside the file decides; a file should not hold two, but may
  const newest = new Map<string, Payload['scores'][number]>();
  for (const s of p.scores) {
    const cur = newest.get(s.applicationId);
    if (cur === undefined || s.version > cur.version) newest.set(s.applicationId, s);
  }
  for (const s of [...newest.values()].sort((a, b) => (a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0))) {
    const title = opts.applicationTitle?.(s.applicationId) ?? s.applicationId;
    if (juror.applicationIds !== undefined && !juror.applicationIds.has(s.applicationId)) {
      refused.push(skipped({ applicationId: s.applicationId, code: 'not-assigned', version: s.version }, title, said('fileScores:sheet.notAssigned')));
      continue;
    }
    const score: Score = { id: scoreId(p.jurorId, s.applicationId), contestId: p.contestId, jurorId: p.jurorId, ...s };
    const form = opts.forms?.get(s.applicationId);
    const invalid = form === undefined ? [] : invalidValues(s.values, form);
    if (invalid.length > 0) {
      refused.push(skipped({ applicationId: s.applicationId, code: 'invalid-values', version: s.version }, title, problemsSaid(invalid)));
      continue;
    }
    const storedVersion = opts.stored.get(storedKey(score));
    const reopenProblem = storedVersion !== undefined && s.version <= storedVersion ? null : checkReopen(score, opts);
    if (reopenProblem !== null) {
      refused.push(skipped({ applicationId: s.applicationId, code: 'unauthorized-reopen', version: s.version, ...(storedVersion === undefined ? {} : { storedVersion }) }, title, reopenProblem));
    } else if (storedVersion === undefined || s.version > storedVersion) accepted.push(score);
    else if (s.version === storedVersion) unchanged.push(score);
    else {
      refused.push(skipped({ applicationId: s.applicationId, code: 'stale', version: s.version, storedVersion }, title, said('fileScores:sheet.stale', { version: s.version, stored: storedVersion })));
    }
  }
  return { ok: true, contestId: p.contestId, jurorId: p.jurorId, publicKey: rawKey as string, createdAt: p.createdAt, accepted, unchanged, refused };
}

/**
 * Whether unparsable text is a score file cut short rather than one with a changed byte: read as JSON
 * tokens, it never breaks a rule and simply stops — inside a string or with a brace still open. The
 * envelope's outer level holds only strings, so outside strings anything but braces, «:», «,» and
 * whitespace is damage; inside strings only the escapes JSON allows and no control characters, and
 * in the signature only base64url.
 */
function endsCutShort(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      if (ch === '"') inString = false;
      else if (ch === '\\') {
        const next = text[i + 1];
        if (next === undefined) return true;
        if (!'"\\/bfnrtu'.includes(next)) return false;
        i++;
      } else if (ch < ' ') return false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}') {
      if (--depth < 0) return false;
    } else if (ch !== ':' && ch !== ',' && !/\s/.test(ch)) return false;
  }
  if (!inString) return depth > 0;
  // stopped inside a string: the signature, the last one, is base64url, so a damaged closing quote shows
  const sig = text.lastIndexOf('"signature":"');
  return sig < 0 || /^[A-Za-z0-9_-]*$/.test(text.slice(sig + '"signature":"'.length));
}

/** Why a newer sheet may not replace what is stored (a reopen the organizer did not grant), or null. */
function checkReopen(score: Score, opts: VerifyOptions): Said | null {
  if (opts.grants === undefined) return null;
  const key = storedKey(score);
  const issued = new Set((opts.grants.get(key) ?? []).map((g) => g.id));
  const named = (score.reopened ?? []).map((g) => g.id);
  if (named.some((id) => !issued.has(id))) return said('fileScores:sheet.ungranted');
  const stored = opts.storedSheets?.get(key);
  if (stored?.status === 'final') {
    const before = new Set((stored.reopened ?? []).map((g) => g.id));
    if (!named.some((id) => !before.has(id))) return said('fileScores:sheet.finalChanged');
  }
  return null;
}
