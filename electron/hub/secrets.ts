import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** A 6-digit PIN from the OS's CSPRNG, leading zeros kept ("004215"). */
export function newPin(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** A bearer token: 256 random bits, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the hub stores instead of the token: a stolen paired-devices file does not let anyone sync. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Compares two secrets in time independent of where they differ (a PIN or a token hash). Strings of
 * different length are unequal at once — both sides are fixed-length here, so that leaks nothing.
 */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
