// Runs Doyensec's electronegativity (a static checker of Electron security settings) over electron/
// and fails on any HIGH finding. The tool is fetched from the npm registry by a pinned version rather
// than kept in devDependencies: it drags in an old eslint/typescript that the product does not need.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const VERSION = '1.10.3';
const ELECTRON = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
mkdirSync('test-results', { recursive: true });
const csv = 'test-results/electronegativity.csv';

try {
  execFileSync('npx', ['--yes', `@doyensec/electronegativity@${VERSION}`, '-i', 'electron', '-e', ELECTRON, '-r', '-o', csv], { stdio: 'pipe' });
} catch (err) {
  // the tool also exits non-zero when it cannot reach the internet for release notes; judge by its report
  console.warn(String(err.stderr ?? err).split('\n').filter((l) => l && !/translations|connectivity/.test(l)).join('\n'));
}
// The CSV report carries the severity (its SARIF report does not); descriptions may span lines.
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell.trim());
      cell = '';
    } else if (ch === '\n') {
      row.push(cell.trim());
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell || row.length) {
    row.push(cell.trim());
    rows.push(row);
  }
  return rows;
}

let high = [];
let all = [];
try {
  const [, ...rows] = parseCsv(readFileSync(csv, 'utf8'));
  all = rows.filter((r) => r.length > 4).map(([id, severity, , file, location]) => ({ id, severity, file, location }));
  high = all.filter((f) => f.severity === 'HIGH').map((f) => `${f.id} ${f.file}:${f.location}`);
} catch {
  high = ['electronegativity produced no report'];
}
for (const f of all) console.log(`  ${f.severity.padEnd(13)} ${f.id} ${f.file}:${f.location}`);
writeFileSync('test-results/electronegativity.json', JSON.stringify({ high, findings: all }, null, 2));
if (high.length) {
  console.error(`electronegativity: ${high.length} HIGH finding(s):\n${high.join('\n')}`);
  process.exit(1);
}
console.log('electronegativity: no HIGH findings');
