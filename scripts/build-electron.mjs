// Bundles the Electron main process and the preload into dist/electron/*.cjs.
// CommonJS because the sandboxed preload can only be a classic script, and one format for both keeps
// __dirname meaningful in main (paths to dist/renderer and the preload are relative to it).
import { build } from 'esbuild';
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // The runtime provides 'electron'; everything else (zod, our shared code) is bundled in.
  external: ['electron'],
  sourcemap: true,
  minify: false,
  legalComments: 'none',
  // Russian text (shared/'s message catalogs, the import's words) as UTF-8, 2 bytes a letter, not \uXXXX escapes (6)
  charset: 'utf8',
  logLevel: 'warning',
  // electron/hub/body-checker.ts reads import.meta only where __dirname is missing (never in this bundle)
  logOverride: { 'empty-import-meta': 'silent' },
  absWorkingDir: root,
};

const entries = [
  { in: 'electron/main.ts', out: 'dist/electron/main.cjs' },
  { in: 'electron/preload.ts', out: 'dist/electron/preload.cjs' },
  // the hub reads desks' files in a worker thread (electron/hub/body-checker.ts looks for this name)
  { in: 'electron/hub/parse-worker.ts', out: 'dist/electron/hub-parse-worker.cjs' },
];

try {
  await Promise.all(entries.map((e) => build({ ...common, entryPoints: [e.in], outfile: e.out })));
} catch {
  // esbuild has already printed the errors with file and line.
  process.exit(1);
}

for (const e of entries) {
  const kib = (statSync(path.join(root, e.out)).size / 1024).toFixed(1);
  console.log(`built ${e.out} (${kib} KiB)`);
}
