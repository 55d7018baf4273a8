/** bench/RESULTS.md (and stdout): the figures table, the peers' tables, and how each figure is taken. */
import { ENGINE_LABELS, type EngineName } from '../browser/engines';
import { fmt } from './figures';
import { NOBODY, QUERY_CLASSES, TIMING_ONLY } from './queries';
import type { BenchResults, Figure, SizeResult } from './results';

/** A code span that survives a backtick inside (ё typed in the Latin layout is one). */
const code = (text: string) => (text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``);
const mark = (pass: boolean | null) => (pass === null ? '·' : pass ? 'pass' : '**MISS**');
const k = (n: number) => `${n / 1000}k`;

function cell(f: Figure, v: number | undefined): string {
  if (!f.stats || v === undefined) return '—';
  return f.unit === '%' ? `${fmt(v)} %` : f.unit === '×' ? `${fmt(v)}×` : fmt(v);
}

export function figuresTable(figs: Figure[]): string {
  const lines = ['| figure | N | runs | min | median | p95 | max | target | result | note |', '|---|---|--:|--:|--:|--:|--:|---|---|---|'];
  for (const f of figs) {
    const s = f.stats;
    const unit = f.unit === 'ms' || f.unit === 'MB' ? ` (${f.unit})` : '';
    lines.push(
      `| ${f.figure}${unit} | ${f.n} | ${s ? s.n : '—'} | ${cell(f, s?.min)} | ${cell(f, s?.median)} | ${cell(f, s?.p95)} | ${cell(f, s?.max)} | ${f.target} | ${mark(f.pass)} | ${f.note ?? ''} |`,
    );
  }
  return lines.join('\n');
}

const SHORT: Record<string, string> = {
  'prefixes s+n+p': 's+n+p',
  'prefixes any order': 'any order',
  initials: 'initials',
  'wrong layout': 'layout',
  translit: 'translit',
  'one typo': 'typo',
  'phone tail 4–7': 'tail 4–7',
  'phone 10': 'phone 10',
};

export function peersTable(s: SizeResult): string {
  // the classes that name nobody are judged by the Enter rule, which only the Node engine bench runs
  const classes = QUERY_CLASSES.filter((c) => !TIMING_ONLY.has(c) && !NOBODY.has(c));
  const head = `| engine | index build (ms) | queries run | median (ms) | p95 (ms) | ${classes.map((c) => SHORT[c] ?? c).join(' | ')} |`;
  const rule = `|---|--:|--:|--:|--:|${classes.map(() => '--:').join('|')}|`;
  const rows = s.engines.map((e) => {
    const recall = classes.map((c) => {
      const r = e.byClass[c];
      // a peer cut short by its budget may have run only a few queries of a class: say how many
      return r && r.total ? `${Math.round(100 * r.recall!)} %${r.total < 10 ? ` (of ${r.total})` : ''}` : '—';
    });
    return `| ${ENGINE_LABELS[e.engine as EngineName]} | ${e.buildMs == null ? '— (IndexedDB)' : fmt(e.buildMs)} | ${e.queriesRun}/${e.queriesTotal} | ${fmt(e.time.median)} | ${fmt(e.time.p95)} | ${recall.join(' | ')} |`;
  });
  return [head, rule, ...rows].join('\n');
}

export function deskByClass(s: SizeResult): string {
  const lines = ['| query class | keystrokes | median (ms) | p95 (ms) | max (ms) |', '|---|--:|--:|--:|--:|'];
  for (const c of QUERY_CLASSES) {
    const st = s.desk.byClass[c];
    if (st) lines.push(`| ${c} | ${st.n} | ${fmt(st.median)} | ${fmt(st.p95)} | ${fmt(st.max)} |`);
  }
  return lines.join('\n');
}

export function machineLine(r: BenchResults): string {
  const m = r.machine;
  const v = r.versions;
  const pkgs = Object.entries(v)
    .filter(([name]) => name !== 'node' && name !== 'chromium')
    .map(([name, ver]) => `${name} ${ver}`)
    .join(', ');
  return [
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, ${m.os}.`,
    `Versions: Node ${v.node}, Chromium ${v.chromium} (headless, via Playwright); ${pkgs}.`,
    `Run: \`npm run bench${r.mode === 'quick' ? ' -- --quick' : ''}\` at commit ${r.commit}, ${r.generatedAt}, ${Math.round(r.durationMs / 1000)} s in all; highest 1-minute load average ${r.maxLoad.toFixed(1)}.`,
    ...(r.maxLoad > m.cores
      ? [`**The machine was busy with other work during this run (load average above its ${m.cores} cores): the figures are pessimistic; rerun on a quiet machine before comparing.**`]
      : []),
  ].join('\n');
}

export function renderMarkdown(r: BenchResults): string {
  const out: string[] = [];
  out.push(`# Benchmark results (${r.mode}: ${r.sizes.map((s) => k(s.n)).join(', ')})`, '');
  out.push(machineLine(r), '');
  out.push(
    'Times in milliseconds. "pass"/"**MISS**" compare against the target of issue 10 at the size it names; "·" is reported without a target. A target naming p95 is checked on the p95, other time targets on the median.',
    '',
  );
  out.push(figuresTable(r.figures), '');
  out.push('## Search quality and peers (same run, same data, same queries)', '');
  out.push('Recall@10: the intended person among the first ten results. "queries run": a slow engine stops after its time budget; the queries are in round-robin order of classes, so what ran covers every class.', '');
  for (const s of r.sizes) out.push(`### ${k(s.n)} people`, '', peersTable(s), '');
  const big = r.sizes[r.sizes.length - 1];
  if (big) out.push(`## Desk latency by query class (${k(big.n)}, input → frame painted)`, '', deskByClass(big), '');
  const misses = r.sizes.flatMap((s) => (s.engines.find((e) => e.engine === 'ours')?.misses ?? []).map((m) => ({ n: s.n, ...m })));
  if (misses.length) {
    out.push('## Queries our engine missed (the person not among the first ten)', '');
    out.push('| N | class | typed | meant | first results |', '|---|---|---|---|---|');
    for (const m of misses) out.push(`| ${k(m.n)} | ${m.cls} | ${code(m.text)} | ${m.target} | ${m.got.slice(0, 3).join('; ')}${m.got.length > 3 ? '; …' : ''} |`);
    out.push('');
  }
  out.push('## How each figure is measured', '');
  for (const [name, text] of Object.entries(r.method)) out.push(`- **${name}** — ${text}`);
  out.push('', '## How the peers are set up', '');
  for (const [name, text] of Object.entries(r.engineSetup)) out.push(`- **${ENGINE_LABELS[name as EngineName] ?? name}** — ${text}`);
  out.push('');
  return out.join('\n');
}

export const README_BEGIN = '<!-- bench:begin (written by `npm run bench -- --readme`) -->';
export const README_END = '<!-- bench:end -->';

/** The block of README.md's "Performance" section that a run replaces: machine, figures, peers at the largest size. */
export function readmeBlock(r: BenchResults): string {
  const big = r.sizes[r.sizes.length - 1];
  return [
    README_BEGIN,
    machineLine(r),
    '',
    figuresTable(r.figures),
    '',
    ...(big ? [`Search quality and peers at ${k(big.n)} people (recall@10 per query class; all sizes in \`bench/RESULTS.md\`):`, '', peersTable(big), ''] : []),
    README_END,
  ].join('\n');
}

/** README text with the block between the markers replaced; null when the markers are missing. */
export function replaceReadmeBlock(readme: string, block: string): string | null {
  const a = readme.indexOf(README_BEGIN);
  const b = readme.indexOf(README_END);
  if (a < 0 || b < a) return null;
  return readme.slice(0, a) + block + readme.slice(b + README_END.length);
}
