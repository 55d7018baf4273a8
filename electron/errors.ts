import type { BridgeErrorType } from '../shared/ipc/contract';

/**
 * An expected failure a handler reports to the user (file too large, disk full, no access…).
 * `message` is Russian, says what happened and what to do, and is shown to the user as is —
 * so never put paths of internal files, stack traces or raw system errors into it.
 * Anything else a handler throws becomes a generic 'internal' error (details go to the log only).
 */
export class BridgeError extends Error {
  constructor(
    readonly type: BridgeErrorType,
    message: string,
  ) {
    super(message);
    this.name = 'BridgeError';
  }
}

/**
 * 104857600 → "100 МБ", 1572864 → "1,5 МБ" (binary megabytes, one decimal, Russian comma).
 * `ceil` is for a file's actual size, so that 100.01 MB never reads as "100 МБ" next to a 100 МБ limit.
 */
export function formatMegabytes(bytes: number, mode: 'round' | 'ceil' = 'round'): string {
  const tenths = (bytes / (1024 * 1024)) * 10;
  const mb = (mode === 'ceil' ? Math.ceil(tenths) : Math.round(tenths)) / 10;
  return `${String(mb).replace('.', ',')} МБ`;
}
