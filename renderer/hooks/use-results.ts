import { useMemo } from 'react';
import { toResultsInput, type SkippedScore } from '../../shared/contest';
import { computeResults, type Results, type ResultsInput } from '../../shared/results';
import type { ContestData, ContestSetup } from './use-contest';

export type NominationResults = { nominationId: string; title: string; input: ResultsInput; results: Results };

export type ContestResults = { nominations: NominationResults[]; skipped: SkippedScore[] };

/**
 * Results of every nomination, recomputed from the live score rows whenever they change. Nothing is
 * stored: the protocol must always match the sheets (shared/results is a few ms even at 500 × 15).
 * Each nomination is one reliability block, completed greedily (what was left out is reported), so
 * W and ICC describe the nomination rather than whichever jurors happened to share a panel.
 */
export function useContestResults(setup: ContestSetup, data: ContestData): ContestResults {
  return useMemo(() => contestResults(setup, data), [setup, data]);
}

/** The computation behind useContestResults, for views that may have no contest yet. */
export function contestResults(setup: ContestSetup, data: Pick<ContestData, 'applications' | 'scores'>): ContestResults {
  const { nominations, skipped } = toResultsInput(setup.contest, setup.nominations, data.applications, data.scores);
  return {
    skipped,
    nominations: nominations.map((n) => {
      const input: ResultsInput = { ...n.input, blocks: [{ id: n.nominationId, applicationIds: n.input.applications.map((a) => a.id) }] };
      return { nominationId: n.nominationId, title: n.title, input, results: computeResults(input) };
    }),
  };
}
