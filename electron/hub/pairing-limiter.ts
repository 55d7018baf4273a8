/**
 * Brute-force protection for the hub's 6-digit pairing PIN. An attempt is COUNTED WHEN IT IS ADMITTED,
 * before its body is read: a thousand connections that send headers, wait, then bodies get no more PIN
 * checks than the limits below, however the bodies are timed. Limits:
 * - global: at most `global` checks per `windowMs`, from all addresses together, so many source
 *   addresses buy an attacker nothing; after `freeFailures` wrong PINs in a row (any address) the
 *   next check waits `backoffMs`, doubling with every further wrong PIN up to `maxBackoffMs`;
 * - per address: at most `perAddress` checks per `windowMs`, so one noisy machine cannot use up the
 *   global budget alone.
 * The PIN is NOT replaced after wrong guesses (the old «new PIN after 20 wrong» made it churn on the
 * hub's screen while an attack ran, so real desks could not pair); it is single-use instead — the
 * server makes a new one after each correct use — and every new device still needs «Разрешить» on
 * the hub. With the defaults a guesser gets 20 checks in the first minute and, once wrong PINs run in a
 * row, about one a minute after that: some 750 of the 1,000,000 PINs in a 12-hour day.
 * Time comes from `now`, so tests move it instead of sleeping.
 */
export type LimiterOptions = {
  perAddress: number;
  global: number;
  windowMs: number;
  freeFailures: number;
  backoffMs: number;
  maxBackoffMs: number;
  now: () => number;
};

export const DEFAULT_LIMITS: Omit<LimiterOptions, 'now'> = {
  perAddress: 5,
  global: 20,
  windowMs: 60_000,
  freeFailures: 5,
  backoffMs: 2_000,
  maxBackoffMs: 60_000,
};

export type Verdict = { ok: true } | { ok: false; retryAfterSec: number; reason: 'address' | 'global' };

export class PairingLimiter {
  private readonly byAddress = new Map<string, number[]>();
  private all: number[] = [];
  private wrongInARow = 0;
  private backoffUntil = 0;
  /** Admitted attempts so far (each may check one PIN): what the tests count. */
  admitted = 0;

  constructor(private readonly opts: LimiterOptions) {}

  /** Admits one attempt from `address` and counts it, or says how long to wait. Call before reading the body. */
  admit(address: string): Verdict {
    const now = this.opts.now();
    const since = now - this.opts.windowMs;
    this.all = this.all.filter((t) => t > since);
    const mine = (this.byAddress.get(address) ?? []).filter((t) => t > since);
    if (mine.length >= this.opts.perAddress) return this.refuse(mine[0]! + this.opts.windowMs - now, 'address');
    if (this.backoffUntil > now) return this.refuse(this.backoffUntil - now, 'global');
    if (this.all.length >= this.opts.global) return this.refuse(this.all[0]! + this.opts.windowMs - now, 'global');
    mine.push(now);
    this.byAddress.set(address, mine);
    this.all.push(now);
    this.admitted += 1;
    if (this.byAddress.size > 10_000) this.prune(since);
    return { ok: true };
  }

  /** A wrong PIN: after `freeFailures` in a row, every next check waits, twice as long each time. */
  failed(): void {
    this.wrongInARow += 1;
    const over = this.wrongInARow - this.opts.freeFailures;
    if (over >= 0) this.backoffUntil = this.opts.now() + Math.min(this.opts.maxBackoffMs, this.opts.backoffMs * 2 ** over);
  }

  /** A right PIN ends the backoff: a guesser never gets here, a desk typing it correctly does. */
  succeeded(): void {
    this.wrongInARow = 0;
    this.backoffUntil = 0;
  }

  private refuse(ms: number, reason: 'address' | 'global'): Verdict {
    return { ok: false, retryAfterSec: Math.max(1, Math.ceil(ms / 1000)), reason };
  }

  /** Keeps the per-address map small when a scan walks through many addresses. */
  private prune(since: number): void {
    for (const [address, times] of this.byAddress) if (!times.some((t) => t > since)) this.byAddress.delete(address);
  }
}
