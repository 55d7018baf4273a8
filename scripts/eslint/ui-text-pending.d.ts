/** Paths (from the repo root) of renderer files whose words are not yet in the locale files. */
declare const pending: string[];
export default pending;
