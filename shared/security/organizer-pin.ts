/**
 * The organizer PIN: what a desk or a district-office laptop asks before it opens the organizer's
 * areas, changes its own role or does something destructive (restore, delete, merge).
 *
 * It is a guard on the screen, not encryption. The hash travels in exchange files (on the event row),
 * so anyone holding such a file can try all 10^8 PINs offline; PBKDF2 with a random salt makes that
 * slow, not impossible. What the PIN does stop is the everyday case: a volunteer at a desk laptop who
 * opens the contest or switches the laptop to «Организатор» to get around it.
 *
 * Pure: WebCrypto only (browsers and Node 20 both have `crypto.subtle`), no storage, time passed in.
 */
import type { DeviceRole, OrganizerPinRecord } from '../domain/types';
import { isAcceptablePin } from './pin';

export { isAcceptablePin };

/** Enough to make each guess cost milliseconds, little enough for an old desk laptop to verify in one. */
export const PIN_ITERATIONS = 120_000;

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

async function derive(pin: string, salt: string, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: fromHex(salt), iterations }, key, 256);
  return hex(new Uint8Array(bits));
}

/**
 * A record for a new PIN. Throws on a PIN that is not 4–8 digits: the caller validates first and shows
 * the message; reaching here with a bad PIN is a programming error.
 */
export async function makeOrganizerPin(
  pin: string,
  opts: { deviceId: string; now: Date; salt?: string; iterations?: number },
): Promise<OrganizerPinRecord> {
  if (!isAcceptablePin(pin)) throw new Error('PIN организатора — от 4 до 8 цифр');
  const salt = opts.salt ?? hex(crypto.getRandomValues(new Uint8Array(16)));
  const iterations = opts.iterations ?? PIN_ITERATIONS;
  return { algo: 'pbkdf2-sha256', iterations, salt, hash: await derive(pin, salt, iterations), setAt: opts.now.toISOString(), setBy: opts.deviceId };
}

export async function verifyOrganizerPin(pin: string, record: OrganizerPinRecord): Promise<boolean> {
  if (!isAcceptablePin(pin) || record.algo !== 'pbkdf2-sha256') return false;
  const got = await derive(pin, record.salt, record.iterations);
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
export function formatWait(ms: number): string {
  const s = Math.ceil(ms / 1000);
  if (s < 60) return `${s} с`;
  const m = Math.floor(s / 60);
  const rest = s % 60;
  return rest ? `${m} мин ${rest} с` : `${m} мин`;
}
