/**
 * Brute-force protection for the 6-digit PIN. Two limits:
 * - per address: after `perAddress` wrong PINs within `windowMs`, that address is refused (429) until
 *   the window has passed — a desk whose operator mistypes a few times is not locked out for long;
 * - per PIN: after `perPin` wrong PINs in total (from any address), the PIN is spent and the hub makes
 *   a new one (the hub's screen shows it). So a guesser with many addresses still gets at most
 *   `perPin` tries out of 1,000,000 per PIN shown.
 * Time comes from `now`, so tests move it instead of sleeping.
 */
export type LimiterOptions = { perAddress: number; windowMs: number; perPin: number; now: () => number };

export const DEFAULT_LIMITS: Omit<LimiterOptions, 'now'> = { perAddress: 5, windowMs: 60_000, perPin: 20 };

export type Verdict = { ok: true } | { ok: false; retryAfterSec: number };

export class PairingLimiter {
  private readonly failures = new Map<string, number[]>();
  private pinFailures = 0;

  constructor(private readonly opts: LimiterOptions) {}

  /** Whether `address` may try a PIN now. Checked BEFORE the PIN is compared. */
  check(address: string): Verdict {
    const recent = this.recent(address);
    if (recent.length < this.opts.perAddress) return { ok: true };
    const until = recent[0]! + this.opts.windowMs;
    return { ok: false, retryAfterSec: Math.max(1, Math.ceil((until - this.opts.now()) / 1000)) };
  }

  /** Records a wrong PIN; returns true when the PIN is spent and must be replaced. */
  fail(address: string): boolean {
    const recent = this.recent(address);
    recent.push(this.opts.now());
    this.failures.set(address, recent);
    this.pinFailures += 1;
    return this.pinFailures >= this.opts.perPin;
  }

  succeed(address: string): void {
    this.failures.delete(address);
  }

  /** A new PIN starts a fresh count of wrong guesses against it. */
  pinChanged(): void {
    this.pinFailures = 0;
  }

  private recent(address: string): number[] {
    const since = this.opts.now() - this.opts.windowMs;
    const list = (this.failures.get(address) ?? []).filter((t) => t > since);
    if (list.length) this.failures.set(address, list);
    else this.failures.delete(address);
    return list;
  }
}
