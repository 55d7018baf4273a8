/**
 * The write rules moved to shared/trust/rules.ts, the one module the merge and the repositories share.
 * This re-export keeps older imports working.
 */
export * from '../trust/rules';
