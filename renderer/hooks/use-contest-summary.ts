import { useMemo } from 'react';
import { useContest, useContestData } from './use-contest';
import { contestResults } from './use-results';

export type ContestSummary = {
  title: string;
  status: string;
  jurors: number;
  packagesSent: number;
  assigned: number;
  received: number;
  finalized: number;
  /** Admitted and other applications with their place in their nomination (official method). */
  applications: Array<{ id: string; title: string; nomination: string; municipalityId?: string; status: string; place: number | null; score: number | null }>;
};

/** The contest of an event as the reports show it: returns, finalized sheets, applications and places. */
export function useContestSummary(eventId: string): ContestSummary | null | undefined {
  const setup = useContest(eventId);
  const data = useContestData(setup?.contest.id);
  return useMemo(() => {
    if (setup === undefined) return undefined;
    if (setup === null) return null;
    if (!data) return undefined;
    const places = new Map<string, { place: number | null; score: number | null }>();
    for (const n of contestResults(setup, data).nominations) for (const e of n.results.ranking.entries) places.set(e.applicationId, { place: e.place, score: e.score });
    const nominationTitle = new Map(setup.nominations.map((n) => [n.id, n.title]));
    const assigned = new Set(data.assignments.map((a) => `${a.jurorId}|${a.applicationId}`));
    const scored = data.scores.filter((s) => assigned.has(`${s.jurorId}|${s.applicationId}`));
    return {
      title: setup.contest.title,
      status: setup.contest.status,
      jurors: data.jurors.length,
      packagesSent: data.jurors.filter((j) => j.invite?.sentAt).length,
      assigned: assigned.size,
      received: scored.length,
      finalized: scored.filter((s) => s.status === 'final').length,
      applications: data.applications.map((a) => ({
        id: a.id,
        title: a.title,
        nomination: nominationTitle.get(a.nominationId) ?? '',
        municipalityId: a.municipalityId,
        status: a.status,
        ...(places.get(a.id) ?? { place: null, score: null }),
      })),
    };
  }, [setup, data]);
}
