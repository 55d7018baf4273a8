import type { BridgeErrorType } from '../shared/ipc/contract';
import { wordRu, type Said } from '../shared/text/said';

/**
 * An expected failure a handler reports to the user (file too large, disk full, no access…), as a `Said`
 * from shared/'s catalogs: the renderer words it in the interface language, `message` is its Russian
 * wording for the log. It says what happened and what to do — so never put paths of internal files,
 * stack traces or raw system errors into its values.
 * Anything else a handler throws becomes a generic 'internal' error (details go to the log only).
 */
export class BridgeError extends Error {
  constructor(
    readonly type: BridgeErrorType,
    readonly said: Said,
  ) {
    super(wordRu(said));
    this.name = 'BridgeError';
  }
}
