/**
 * Section assignment (shared/sections) on generated conferences: 1k / 10k / 50k people × 20 sections,
 * with and without spread, tight and loose capacity, fixed people, unlisted sections allowed. Prints
 * median and worst wall time and CPU time per run, the flow algorithm 'auto' ended with and its work,
 * and the result's figures. Asserts nothing about time. The load average is printed too: on a shared
 * machine wall time stretches with it, CPU time much less.
 * Run: npx tsx tests/bench/solver.bench.ts [--quick]
 */
import { loadavg } from 'node:os';
import { FlowNetwork } from '../../shared/flow';
import { assignSections } from '../../shared/sections';
import type { SectionInput } from '../../shared/sections';
import { generateSectionInstance } from '../unit/shared/sections/fixtures';
import type { InstanceOptions } from '../unit/shared/sections/fixtures';

const QUICK = process.argv.includes('--quick');
const REPEATS = QUICK ? 3 : 7;

// Record what the last solve did, without widening assignSections' result for a benchmark's sake.
let lastWork = '';
const solve = FlowNetwork.prototype.solve;
FlowNetwork.prototype.solve = function (this: FlowNetwork, ...args: Parameters<FlowNetwork['solve']>) {
  const result = solve.apply(this, args);
  const s = this.lastSolveStats;
  lastWork = `${this.nodeCount}n ${this.arcCount}a ${s.algorithm === 'cost-scaling' ? `CS ${s.phases}ph ${s.pushes}p ${s.relabels}r` : `SSP ${s.phases}ph`}`;
  return result;
};

type Case = { name: string; opts: InstanceOptions };

const cases: Case[] = [];
for (const people of QUICK ? [1_000, 10_000] : [1_000, 10_000, 50_000]) {
  const base = { seed: 5, people, sections: 20 };
  const k = `${people / 1000}k`;
  cases.push(
    { name: `${k}, cap 110%, no spread`, opts: { ...base } },
    { name: `${k}, cap 110%, spread 5`, opts: { ...base, weights: { spread: 5 } } },
    { name: `${k}, cap 110%, spread 20`, opts: { ...base, weights: { spread: 20 } } },
    { name: `${k}, cap 90%, spread 5`, opts: { ...base, capacityRatio: 0.9, weights: { spread: 5 } } },
    { name: `${k}, cap 100%, spread 5, 5% fixed`, opts: { ...base, capacityRatio: 1, fixedShare: 0.05, weights: { spread: 5 } } },
    { name: `${k}, cap 110%, spread 5, unlisted ok`, opts: { ...base, weights: { spread: 5, allowUnranked: true } } },
    { name: `${k}, uniform popularity, spread 5`, opts: { ...base, skew: 0, weights: { spread: 5 } } },
  );
}

function time(input: SectionInput) {
  let result = assignSections(input); // warm-up (JIT)
  const wall: number[] = [];
  let cpu = 0;
  for (let r = 0; r < REPEATS; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    result = assignSections(input);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu += (c.user + c.system) / 1000;
  }
  wall.sort((a, b) => a - b);
  return { median: wall[wall.length >> 1]!, max: wall[wall.length - 1]!, cpu: cpu / REPEATS, result };
}

const fmt = (x: number, w: number) => x.toFixed(0).padStart(w);
console.log(`section assignment: ${REPEATS} runs after a warm-up; node ${process.version}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(`${'case'.padEnd(40)} ${'wall med'.padStart(8)} ${'max'.padStart(6)} ${'cpu'.padStart(6)}   placed/demand   by choice          unl  graph and work`);
for (const c of cases) {
  const input = generateSectionInstance(c.opts);
  const { median, max, cpu, result } = time(input);
  const { stats } = result;
  console.log(
    `${c.name.padEnd(40)} ${fmt(median, 8)} ${fmt(max, 6)} ${fmt(cpu, 6)}   ${`${stats.demand - stats.waitlisted}/${stats.demand}`.padEnd(14)}  ${stats.byChoice.join('/').padEnd(18)} ${String(stats.unranked).padStart(4)}  ${lastWork}`,
  );
}
console.log(`load average after: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (ms columns: wall median, wall max, CPU per run)`);
