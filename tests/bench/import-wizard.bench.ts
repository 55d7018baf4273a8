/**
 * The import rows of the benchmark on their own: `npx tsx tests/bench/import-wizard.bench.ts [--runs=3]
 * [--kills=20] [--port=4186]`. Builds the renderer into a folder of its own, serves it on loopback,
 * drives the real wizard in Chromium (tests/bench/browser/import-wizard.ts) and prints the figures as a
 * Markdown table (and JSON with --json). `npm run bench` runs the same functions (alone: `npm run bench -- --only=import`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importWizardRows, killFigures, wizardFigures } from './browser/import-wizard';
import { floorFigures } from './browser/idb-floor';
import { buildRenderer, serve } from './browser/session';
import { figuresTable } from './lib/report';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const log = (s: string) => process.stderr.write(s + '\n');

async function main(): Promise<void> {
  const runs = arg('runs', 3);
  const kills = arg('kills', 20);
  const port = arg('port', 4186);
  const out = mkdtempSync(join(tmpdir(), 'skhod-import-bench-'));
  log('building the renderer…');
  await buildRenderer(out);
  const server = await serve(out, port);
  try {
    log(`wizard: ${runs} × 10,000-row messy xlsx…`);
    const w = await wizardFigures(server.origin, runs, log);
    log(`kill mid-commit: ${kills} loops…`);
    const k = kills > 0 ? await killFigures(server.origin, kills, log) : null;
    log(`IndexedDB alone: ${runs} × 20,000 rows…`);
    const floor = await floorFigures(server.origin, runs, log);
    process.stdout.write(figuresTable(importWizardRows(w, k, floor)) + '\n');
    if (process.argv.includes('--json')) process.stdout.write(JSON.stringify({ wizard: w, kill: k, floor }, null, 2) + '\n');
  } finally {
    await server.close();
    rmSync(out, { recursive: true, force: true });
  }
}

void main().catch((e) => {
  log(String(e instanceof Error ? (e.stack ?? e.message) : e));
  process.exitCode = 1;
});
