/**
 * Step 6: everything the results screen and the protocol need, in one pure call. Recomputing from the
 * sheets every time (instead of caching per step) keeps one source of truth; at 500 applications ×
 * 15 jurors it costs a few milliseconds (tests/bench/results.bench.ts).
 */
import { computeAggregates } from './aggregates';
import { defaultThresholds, divergence, jurorStatistics } from './jurors';
import { rankApplications } from './ranking';
import { blockReliability } from './reliability';
import { computeSensitivity } from './sensitivity';
import { computeTotals } from './totals';
import { AGGREGATION_METHODS } from './types';
import type { AggregationMethod, Ranking, Results, ResultsInput, Thresholds } from './types';

/**
 * Totals → aggregates under every method → rankings with the declared tie-break chain → reliability
 * and sensitivity. `ranking` is the official one (`input.method`); `rankings` holds all methods.
 * Thresholds not given fall back to `defaultThresholds(scale)`; the ones used are returned, so the
 * protocol prints what was actually applied.
 */
export function computeResults(input: ResultsInput): Results {
  const { criteria, applications, sheets, method } = input;
  const tieBreaks = [...input.tieBreaks];
  const { totals, excluded, scale } = computeTotals(criteria, sheets, applications);
  const thresholds: Thresholds = { ...defaultThresholds(scale), ...definedOnly(input.thresholds) };

  const aggregated = computeAggregates(applications, totals);
  const rankings = Object.fromEntries(
    AGGREGATION_METHODS.map((m) => [m, rankApplications(aggregated.applications, applications, m, tieBreaks)]),
  ) as Record<AggregationMethod, Ranking>;

  return {
    method,
    tieBreaks,
    thresholds,
    scale,
    totals,
    excluded,
    grand: aggregated.grand,
    aggregates: aggregated.applications,
    ranking: rankings[method],
    rankings,
    reliability: {
      blocks: blockReliability(totals, applications.map((a) => a.id), input.blocks),
      jurors: jurorStatistics(totals, aggregated.grand, aggregated.jurors, thresholds),
      divergence: divergence(aggregated.applications, thresholds),
    },
    sensitivity: computeSensitivity(rankings, method),
  };
}

/** `{ minSpearman: undefined }` must not wipe a default. */
function definedOnly(t: Partial<Thresholds> | undefined): Partial<Thresholds> {
  const out: Partial<Thresholds> = {};
  if (!t) return out;
  for (const [k, v] of Object.entries(t) as [keyof Thresholds, number | undefined][]) if (v !== undefined) out[k] = v;
  return out;
}
