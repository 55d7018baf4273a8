/**
 * The parts of a long operation as User Timing measures («import commit: backup», …): they show in
 * DevTools' Performance panel, and the benchmark reads them (tests/bench/browser/import-wizard.ts) to say
 * where the time of a step went. Measures cost nothing the user would notice and never throw.
 */
export function laps(operation: string): (part: string) => void {
  let last = performance.now();
  return (part) => {
    const now = performance.now();
    try {
      performance.measure(`${operation}: ${part}`, { start: last, end: now });
    } catch {
      // a page without User Timing level 3: the operation itself must not notice
    }
    last = now;
  };
}
