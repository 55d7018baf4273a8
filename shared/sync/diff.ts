/**
 * The fields of `next` that differ from `prev`, as a change record carries them. A field present in
 * `prev` and absent in `next` is reported as `null` (a deletion of that field), so replaying the
 * change elsewhere removes it too. `null` result: nothing changed.
 */
export function changedFields(
  prev: Readonly<Record<string, unknown>> | undefined,
  next: Readonly<Record<string, unknown>>,
): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  let any = false;
  for (const key of Object.keys(next)) {
    const value = next[key];
    if (value === undefined) continue;
    if (!prev || !sameValue(prev[key], value)) {
      out[key] = value;
      any = true;
    }
  }
  if (prev) {
    for (const key of Object.keys(prev)) {
      if (prev[key] !== undefined && next[key] === undefined) {
        out[key] = null;
        any = true;
      }
    }
  }
  return any ? out : null;
}

/** Structural equality for JSON-like values (rows hold no Dates, Maps or cycles). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}
