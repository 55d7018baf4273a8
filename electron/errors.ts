import type { BridgeErrorType } from '../shared/ipc/contract';
import { formatBytes } from '../shared/text/format';

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

/** A file's size in a message: «100 МБ», «1,5 МБ»; `up` for a file's actual size (see shared/text/format). */
export function formatMegabytes(bytes: number, mode: 'round' | 'ceil' = 'round'): string {
  return formatBytes(bytes, mode === 'ceil' ? 'up' : 'nearest');
}
