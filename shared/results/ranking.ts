/**
 * Step 3: places. The declared aggregate orders the applications; applications with equal aggregates
 * go through the tie-break chain, declared before scoring opened, one rule at a time. Each entry
 * records the rule that fixed its place, so the protocol can print "2nd — by the higher median".
 */
import { nearlyEqual } from './stats';
import type { AggregationMethod, ApplicationAggregate, ApplicationRef, PlaceDecision, RankedEntry, Ranking, TieBreak } from './types';

type Item = { agg: ApplicationAggregate; score: number; submitted: number; index: number };
type Group = { items: Item[]; decidedBy: PlaceDecision };

/** The number a method ranks by; higher is better for every method (Borda points, not mean rank). */
export function scoreOf(agg: ApplicationAggregate, method: AggregationMethod): number | null {
  switch (method) {
    case 'mean':
      return agg.mean;
    case 'median':
      return agg.median;
    case 'trimmed-mean':
      return agg.trimmedMean;
    case 'z-mean':
      return agg.zMean;
    case 'borda':
      return agg.borda;
  }
}

/** An unparseable submission time sorts as the latest: a malformed date must not win a tie. */
function submittedAt(iso: string | undefined): number {
  const t = iso === undefined ? NaN : Date.parse(iso);
  return Number.isNaN(t) ? Infinity : t;
}

/** Split consecutive runs of a sorted list whose keys are equal under `same`. */
function runs<T>(sorted: readonly T[], same: (a: T, b: T) => boolean): T[][] {
  const out: T[][] = [];
  for (const x of sorted) {
    const last = out[out.length - 1];
    // compare with the run's first element, so a chain of near-equal steps cannot drift into one tie
    if (last && same(last[0]!, x)) last.push(x);
    else out.push([x]);
  }
  return out;
}

/**
 * One tie-break rule applied to a tied group: the group ordered by the rule's key and cut where the
 * key changes. `more-max-marks` counts criterion values at the criterion's maximum over the counted
 * sheets (a sheet excluded from the totals decides nothing anywhere).
 */
function splitBy(rule: Exclude<TieBreak, 'shared-place'>, items: readonly Item[]): Item[][] {
  const byIndex = (a: Item, b: Item) => a.index - b.index;
  switch (rule) {
    case 'higher-median': {
      const key = (i: Item) => i.agg.median ?? -Infinity;
      const sorted = [...items].sort((a, b) => key(b) - key(a) || byIndex(a, b));
      return runs(sorted, (a, b) => nearlyEqual(key(a), key(b)));
    }
    case 'more-max-marks': {
      const sorted = [...items].sort((a, b) => b.agg.maxMarks - a.agg.maxMarks || byIndex(a, b));
      return runs(sorted, (a, b) => a.agg.maxMarks === b.agg.maxMarks);
    }
    case 'earlier-submission': {
      const sorted = [...items].sort((a, b) => (a.submitted === b.submitted ? 0 : a.submitted < b.submitted ? -1 : 1) || byIndex(a, b));
      return runs(sorted, (a, b) => a.submitted === b.submitted);
    }
  }
}

/**
 * Resolve a tied group with rules[depth…]. A member separated from the rest takes the rule that
 * separated it last as its decision. `shared-place` stops the chain with equal places; a chain that
 * runs out without `shared-place` also leaves equal places, marked `unresolved` so the screen can
 * warn that the declared chain did not decide.
 */
function resolve(items: Item[], rules: readonly TieBreak[], depth: number, decidedBy: PlaceDecision): Group[] {
  if (items.length === 1) return [{ items, decidedBy }];
  const rule = rules[depth];
  if (rule === undefined) return [{ items, decidedBy: 'unresolved' }];
  if (rule === 'shared-place') return [{ items, decidedBy: 'shared-place' }];
  const parts = splitBy(rule, items);
  const next = parts.length > 1 ? rule : decidedBy;
  return parts.flatMap((part) => resolve(part, rules, depth + 1, next));
}

/**
 * The ranking of `aggregates` by `method` with the tie-break chain. Entries come in place order;
 * applications nobody scored come last with `place: null`. Equal places are numbered the usual
 * way: 1, 2, 2, 4.
 */
export function rankApplications(
  aggregates: readonly ApplicationAggregate[],
  applications: readonly ApplicationRef[],
  method: AggregationMethod,
  tieBreaks: readonly TieBreak[],
): Ranking {
  const submitted = new Map(applications.map((a) => [a.id, submittedAt(a.submittedAt)]));
  const scored: Item[] = [];
  const unscored: ApplicationAggregate[] = [];
  aggregates.forEach((agg, index) => {
    const score = scoreOf(agg, method);
    if (score === null || agg.reviews === 0) unscored.push(agg);
    else scored.push({ agg, score, submitted: submitted.get(agg.applicationId) ?? Infinity, index });
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);

  const entries: RankedEntry[] = [];
  let position = 0;
  for (const tie of runs(scored, (a, b) => nearlyEqual(a.score, b.score))) {
    const ids = tie.map((i) => i.agg.applicationId);
    for (const group of resolve(tie, tieBreaks, 0, 'score')) {
      const place = position + 1;
      for (const item of group.items) {
        entries.push({
          applicationId: item.agg.applicationId,
          place,
          score: item.score,
          decidedBy: group.decidedBy,
          tiedOnScoreWith: ids.filter((id) => id !== item.agg.applicationId),
        });
      }
      position += group.items.length;
    }
  }
  for (const agg of unscored) {
    entries.push({ applicationId: agg.applicationId, place: null, score: null, decidedBy: null, tiedOnScoreWith: [] });
  }
  return { method, tieBreaks: [...tieBreaks], entries };
}
