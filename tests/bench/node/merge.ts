/**
 * The merge figure, taken by running the sync merge's own benchmark (tests/bench/merge.bench.ts, which
 * builds and signs 20 exchange files of 10,000 changes and merges them with shared/sync) in a child
 * process and reading the lines it prints. One source of truth for how the merge is exercised; if that
 * benchmark is missing or prints something else, the figure says so instead of guessing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Stats } from '../lib/stats';

export type MergeFigures = { merge: Stats; readMedian: number | null; line: string } | { error: string };

export function mergeFigures(root: string): MergeFigures {
  const script = join(root, 'tests/bench/merge.bench.ts');
  if (!existsSync(script)) return { error: 'not built: no sync merge benchmark (tests/bench/merge.bench.ts)' };
  let out: string;
  try {
    out = execFileSync(join(root, 'node_modules/.bin/tsx'), [script, '--quick'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 });
  } catch (err) {
    return { error: `merge.bench failed: ${(err as Error).message.split('\n')[0]}` };
  }
  // "merge all 20 (mergeInto): median 1036 ms, best 949 ms, worst 1112 ms; …"
  const m = /merge all 20 \(mergeInto\): median (\d+) ms, best (\d+) ms, worst (\d+) ms/.exec(out);
  const runs = /(\d+) runs/.exec(out);
  if (!m || !runs) return { error: 'merge.bench printed no "merge all 20 (mergeInto)" line' };
  const [median, best, worst] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const read = /read \+ verify\b.*? all 20: median (\d+) ms/.exec(out);
  return {
    merge: { n: Number(runs[1]), min: best, median, p95: worst, max: worst },
    readMedian: read ? Number(read[1]) : null,
    line: out.split('\n').find((l) => l.includes('applied')) ?.trim() ?? '',
  };
}
