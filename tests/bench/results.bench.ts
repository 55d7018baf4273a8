/**
 * Contest results at scale: 500 applications × 15 jurors × 10 criteria. Prints timings; asserts
 * nothing about time (machines differ). Run: npx tsx tests/bench/results.bench.ts
 *
 * Two shapes: the realistic one (each application scored by 3–5 jurors) and the worst case (every
 * juror scores every application: 7,500 sheets, one 500 × 15 block for W and ICC).
 */
import { computeAggregates } from '../../shared/results/aggregates';
import { computeResults } from '../../shared/results/compute-results';
import { divergence, jurorStatistics, defaultThresholds } from '../../shared/results/jurors';
import { rankApplications } from '../../shared/results/ranking';
import { blockReliability } from '../../shared/results/reliability';
import { computeTotals } from '../../shared/results/totals';
import { AGGREGATION_METHODS } from '../../shared/results/types';
import type { TieBreak } from '../../shared/results/types';
import { generateContest } from '../unit/shared/results/fixtures';

const CHAIN: TieBreak[] = ['higher-median', 'more-max-marks', 'earlier-submission', 'shared-place'];
const RUNS = 30;

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

function stats(samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `median ${q(0.5).toFixed(2)} ms, p90 ${q(0.9).toFixed(2)} ms, min ${s[0]!.toFixed(2)} ms`;
}

function bench(label: string, minReviews: number, maxReviews: number): void {
  const contest = generateContest({ seed: 7, nApps: 500, nJurors: 15, nCriteria: 10, minReviews, maxReviews });
  for (let i = 0; i < 5; i++) computeResults({ ...contest, method: 'z-mean', tieBreaks: CHAIN }); // warm up the JIT

  const whole: number[] = [];
  const parts = { totals: [] as number[], aggregates: [] as number[], rankings: [] as number[], blocks: [] as number[], jurors: [] as number[] };
  let last = computeResults({ ...contest, method: 'z-mean', tieBreaks: CHAIN });
  for (let i = 0; i < RUNS; i++) {
    whole.push(time(() => (last = computeResults({ ...contest, method: 'z-mean', tieBreaks: CHAIN }))));
    let t = computeTotals(contest.criteria, contest.sheets, contest.applications);
    parts.totals.push(time(() => (t = computeTotals(contest.criteria, contest.sheets, contest.applications))));
    let a = computeAggregates(contest.applications, t.totals);
    parts.aggregates.push(time(() => (a = computeAggregates(contest.applications, t.totals))));
    parts.rankings.push(time(() => AGGREGATION_METHODS.forEach((m) => rankApplications(a.applications, contest.applications, m, CHAIN))));
    parts.blocks.push(time(() => blockReliability(t.totals, contest.applications.map((x) => x.id))));
    const th = defaultThresholds(t.scale);
    parts.jurors.push(time(() => (jurorStatistics(t.totals, a.grand, a.jurors, th), divergence(a.applications, th))));
  }

  const big = last.reliability.blocks.reduce((b, x) => (x.applicationIds.length > (b?.applicationIds.length ?? 0) ? x : b), last.reliability.blocks[0]);
  console.log(`\n${label}: ${contest.sheets.length} sheets, ${last.totals.length} counted, ${last.excluded.length} excluded`);
  console.log(`  computeResults (everything)         ${stats(whole)}`);
  console.log(`    totals                            ${stats(parts.totals)}`);
  console.log(`    aggregates (all 5 methods)        ${stats(parts.aggregates)}`);
  console.log(`    rankings × 5 with tie-break chain ${stats(parts.rankings)}`);
  console.log(`    Kendall W + ICC per block         ${stats(parts.blocks)}  (${last.reliability.blocks.length} blocks)`);
  console.log(`    jurors + divergence               ${stats(parts.jurors)}`);
  if (big) {
    console.log(
      `  largest block ${big.applicationIds.length} × ${big.jurorIds.length}: W = ${big.kendall.w?.toFixed(3)}, p = ${big.kendall.pValue?.toExponential(2)}, ICC(2,1) = ${big.icc.icc21?.toFixed(3)}, ICC(2,k) = ${big.icc.icc2k?.toFixed(3)}`,
    );
  }
  console.log(`  method-dependent places: ${last.sensitivity.methodDependentPlaces.length}, flagged jurors: ${last.reliability.jurors.filter((j) => j.flags.length).length}`);

  // the same contest with the whole list declared as one nomination: the block is completed greedily
  const blocks = [{ id: 'nomination', applicationIds: contest.applications.map((x) => x.id) }];
  const withBlocks: number[] = [];
  for (let i = 0; i < RUNS; i++) withBlocks.push(time(() => (last = computeResults({ ...contest, method: 'z-mean', tieBreaks: CHAIN, blocks }))));
  const nom = last.reliability.blocks[0]!;
  console.log(`  computeResults with one nomination  ${stats(withBlocks)}`);
  console.log(
    `    nomination block ${nom.applicationIds.length} × ${nom.jurorIds.length} (left out ${nom.omittedApplicationIds.length} applications, ${nom.omittedJurorIds.length} jurors): W = ${nom.kendall.w?.toFixed(3)}, ICC(2,1) = ${nom.icc.icc21?.toFixed(3)}`,
  );
}

console.log(`results.bench — ${RUNS} runs each, Node ${process.version}`);
bench('500 applications × 15 jurors × 10 criteria, 3–5 reviews each', 3, 5);
bench('500 applications × 15 jurors × 10 criteria, everyone scores everything', 15, 15);
