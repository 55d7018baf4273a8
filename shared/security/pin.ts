/**
 * The desk lock PIN is stored only as a salted SHA-256 digest. It keeps a passer-by away from the
 * screen while the operator steps out; it is not encryption of the data.
 */
export function isAcceptablePin(pin: string): boolean {
  return /^\d{4,8}$/.test(pin);
}

export async function hashPin(pin: string, salt: string): Promise<string> {
  const bytes = new TextEncoder().encode(`${salt}:${pin}`);
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
