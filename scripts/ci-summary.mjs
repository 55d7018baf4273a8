// Prints the one closing line CI reads — "N passed, N failed" — from the vitest and Playwright JSON
// reports. A step that failed before any runner reported (typecheck, lint) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

const testStatus = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
let skipped = 0;

const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined);

const vitest = read('test-results/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  if (vitest.success === false && !vitest.numFailedTests) failed += 1; // a file that failed to load
}

const playwright = read('test-results/playwright.json');
if (playwright) {
  const s = playwright.stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
  skipped += s.skipped ?? 0;
  if ((playwright.errors ?? []).length && !s.unexpected) failed += 1; // e.g. the web server did not start
}

const electronegativity = read('test-results/electronegativity.json');
if (electronegativity) {
  if (electronegativity.high.length) failed += 1;
  else passed += 1;
}

if (testStatus !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
