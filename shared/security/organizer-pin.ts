/**
 * The organizer PIN: what a desk or a district-office laptop asks before it opens the organizer's
 * areas, changes its own role or does something destructive (restore, delete, merge).
 *
 * It is a guard on the screen, not encryption. The hash travels with the event (exchange files, which
 * issue 19 encrypts for the event's devices), so whoever gets at it can try PINs offline. Since issue 19
 * a new PIN has 6–8 digits and is hashed with scrypt (memory-hard, from the audited @noble/hashes):
 * N = 2^15, r = 8 (32 MiB per guess), about 0.6 s in JavaScript here; trying all 10^6 six-digit PINs
 * costs a CPU core over a day (native scrypt, ~0.1 s each) and a GPU far more memory than PBKDF2 did —
 * 4 digits under PBKDF2-120k fell in 347 s. What the PIN stops at the screen is the everyday case: a
 * volunteer at a desk laptop who opens the contest or switches the laptop to «Организатор».
 *
 * Records made before (PBKDF2, 4–8 digits) still open the organizer's areas, so nobody is locked out
 * by the update; `isOutdatedPin` makes the screens ask the organizer to set a new one.
 *
 * Pure: WebCrypto and @noble/hashes (both run in browsers and Node), no storage, time passed in.
 */
import { scryptAsync } from '@noble/hashes/scrypt.js';
import type { DeviceRole, OrganizerPinRecord } from '../domain/types';
import { said, SaidError, type Said } from '../text/said';

/** Cost of the old PBKDF2 records (still verified, no longer made). */
export const PIN_ITERATIONS = 120_000;
/** scrypt's CPU/memory cost N for new PINs (stored in the record's `iterations`); r and p are fixed. */
export const SCRYPT_COST = 2 ** 15;
const SCRYPT_R = 8;
const SCRYPT_P = 1;

export const ORGANIZER_PIN_DIGITS = { min: 6, max: 8 } as const;

/** A PIN a new record may be made of: 6–8 digits. */
export function isAcceptableOrganizerPin(pin: string): boolean {
  return /^\d{6,8}$/.test(pin);
}

/** What may be checked against a record: old records allowed 4–8 digits. */
const isCheckablePin = (pin: string) => /^\d{4,8}$/.test(pin);

export const OUTDATED_PIN: Said = said('organizerPin:outdated');

/** A record from before issue 19 (PBKDF2, maybe 4–5 digits): the organizer should set a new PIN. */
export function isOutdatedPin(record: OrganizerPinRecord): boolean {
  return record.algo !== 'scrypt';
}

/** How long one correct PIN keeps the organizer's areas open on a non-organizer device. */
export const UNLOCK_MS = 10 * 60_000;

/** Wrong PINs allowed before the first wait. */
export const FREE_ATTEMPTS = 3;
const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 15 * 60_000;

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

function fromHex(s: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(new ArrayBuffer(s.length / 2));
  for (let i = 0; i < out.length; i += 1) out[i] = parseInt(s.slice(i * 2, i * 2 + 2), 16);
  return out;
}

async function derive(pin: string, record: Pick<OrganizerPinRecord, 'algo' | 'salt' | 'iterations'>): Promise<string> {
  const secret = new TextEncoder().encode(pin);
  if (record.algo === 'scrypt') {
    return hex(await scryptAsync(secret, fromHex(record.salt), { N: record.iterations, r: SCRYPT_R, p: SCRYPT_P, dkLen: 32 }));
  }
  const key = await crypto.subtle.importKey('raw', secret, 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: fromHex(record.salt), iterations: record.iterations }, key, 256);
  return hex(new Uint8Array(bits));
}

/**
 * A record for a new PIN (scrypt). Throws on a PIN that is not 6–8 digits: the caller validates first
 * and shows the message; reaching here with a bad PIN is a programming error. `iterations` is scrypt's
 * cost N (a power of two; tests pass a small one).
 */
export async function makeOrganizerPin(
  pin: string,
  opts: { deviceId: string; now: Date; salt?: string; iterations?: number },
): Promise<OrganizerPinRecord> {
  if (!isAcceptableOrganizerPin(pin)) throw new SaidError(said('organizerPin:digits'));
  const salt = opts.salt ?? hex(crypto.getRandomValues(new Uint8Array(16)));
  const iterations = opts.iterations ?? SCRYPT_COST;
  const record = { algo: 'scrypt' as const, iterations, salt };
  return { ...record, hash: await derive(pin, record), setAt: opts.now.toISOString(), setBy: opts.deviceId };
}

/** Whether `pin` opens `record` (either algorithm: old PBKDF2 records keep working until replaced). */
export async function verifyOrganizerPin(pin: string, record: OrganizerPinRecord): Promise<boolean> {
  if (!isCheckablePin(pin) || (record.algo !== 'scrypt' && record.algo !== 'pbkdf2-sha256')) return false;
  if (record.algo === 'scrypt' && !(Number.isSafeInteger(record.iterations) && record.iterations >= 2 && record.iterations <= 2 ** 20)) return false;
  const got = await derive(pin, record);
  // length is fixed (64 hex); compare every character so the time does not depend on where they differ
  let diff = got.length ^ record.hash.length;
  for (let i = 0; i < got.length; i += 1) diff |= got.charCodeAt(i) ^ record.hash.charCodeAt(i);
  return diff === 0;
}

/**
 * The PIN in force on this device: the newest one on any event row. Not just the current event's —
 * otherwise switching to an event without a PIN (or an old one) would open the organizer's areas.
 * Ties on the time are broken by the hash so every device picks the same record.
 */
export function effectiveOrganizerPin(events: readonly { organizerPin?: OrganizerPinRecord | null }[]): OrganizerPinRecord | null {
  let best: OrganizerPinRecord | null = null;
  for (const e of events) {
    const p = e.organizerPin;
    if (!p || typeof p.hash !== 'string' || typeof p.salt !== 'string') continue;
    if (!best || p.setAt > best.setAt || (p.setAt === best.setAt && p.hash > best.hash)) best = p;
  }
  return best;
}

/**
 * Does this action need the PIN typed now? Never on the organizer's own device, never before an
 * organizer has set a PIN (there is nothing to check against: Настройки says so), and not while an
 * earlier unlock lasts.
 */
export function needsOrganizerPin(input: { role: DeviceRole; pin: OrganizerPinRecord | null; unlockedUntil: number; now: number }): boolean {
  if (input.role === 'organizer' || !input.pin) return false;
  return !(input.unlockedUntil > input.now);
}

/** Wrong attempts so far and until when the next one is refused (ms since epoch). Kept on the device. */
export type PinAttempts = { failures: number; lockedUntil: number };
export const noAttempts: PinAttempts = { failures: 0, lockedUntil: 0 };

/** The wait after the n-th wrong PIN: none for the first FREE_ATTEMPTS, then 30 s doubling, at most 15 min. */
export function waitAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (failures - FREE_ATTEMPTS));
}

/** How long until a PIN may be tried again (0 = now). */
export function waitMs(state: PinAttempts, now: number): number {
  return Math.max(0, state.lockedUntil - now);
}

export type PinTry =
  | { result: 'ok'; attempts: PinAttempts }
  | { result: 'wrong'; attempts: PinAttempts; wait: number }
  | { result: 'wait'; attempts: PinAttempts; wait: number };

/**
 * One attempt: refused unheard while a wait is running (the PIN is not even checked, so waiting is
 * the only way on), counted when wrong, cleared when right.
 */
export async function tryOrganizerPin(record: OrganizerPinRecord, entered: string, state: PinAttempts, now: number): Promise<PinTry> {
  const wait = waitMs(state, now);
  if (wait > 0) return { result: 'wait', attempts: state, wait };
  if (await verifyOrganizerPin(entered, record)) return { result: 'ok', attempts: noAttempts };
  const failures = state.failures + 1;
  const next = { failures, lockedUntil: now + waitAfter(failures) };
  return { result: 'wrong', attempts: next, wait: waitMs(next, now) };
}

/** «30 с», «2 мин», «2 мин 30 с» — for the wait message. */
export function formatWait(ms: number): Said {
  const s = Math.ceil(ms / 1000);
  if (s < 60) return said('organizerPin:wait.seconds', { s });
  const m = Math.floor(s / 60);
  const rest = s % 60;
  return rest ? said('organizerPin:wait.minutesSeconds', { m, s: rest }) : said('organizerPin:wait.minutes', { m });
}
