/**
 * Builders for results tests and the benchmark: sheets from a small table of totals, and a seeded
 * contest of any size. Not a test file itself (vitest picks up *.test.ts only).
 */
import { createRng } from '../../../../shared/generator/rng';
import type { ApplicationAggregate, ApplicationRef, Criterion, ScoreSheet } from '../../../../shared/results/types';

/** One criterion 0…max with weight 1, so a sheet's total is its single value. */
export function singleCriterion(max = 100): Criterion[] {
  return [{ id: 'c', title: 'Оценка', min: 0, max, weight: 1 }];
}

/** Applications submitted one minute apart, in the order given, from 1 Dec 2019 10:00 UTC. */
export function apps(ids: readonly string[]): ApplicationRef[] {
  return ids.map((id, i) => ({ id, title: `Заявка ${id}`, submittedAt: new Date(Date.UTC(2019, 11, 1, 10) + i * 60_000).toISOString() }));
}

/** `table[juror][app]` = the juror's single-criterion value, null = not assigned. */
export function sheetsFromTable(table: Record<string, Record<string, number | null>>): ScoreSheet[] {
  const out: ScoreSheet[] = [];
  for (const [jurorId, row] of Object.entries(table)) {
    for (const [applicationId, v] of Object.entries(row)) {
      if (v !== null) out.push({ jurorId, applicationId, values: { c: v }, status: 'final' });
    }
  }
  return out;
}

/** An aggregate with only the fields a ranking test cares about. */
export function agg(applicationId: string, fields: Partial<ApplicationAggregate> = {}): ApplicationAggregate {
  return {
    applicationId,
    reviews: 1,
    jurorIds: [],
    totals: [],
    mean: null,
    median: null,
    trimmedMean: null,
    trimmed: false,
    zMean: null,
    borda: null,
    meanRank: null,
    maxMarks: 0,
    ...fields,
  };
}

export type Contest = { criteria: Criterion[]; applications: ApplicationRef[]; sheets: ScoreSheet[] };

/**
 * A seeded contest: `nApps` applications, `nJurors` jurors, `nCriteria` criteria on 0–10 with
 * weights 1–3, each application scored by `minReviews…maxReviews` distinct jurors (or all of them).
 * Jurors have a personal level and noise, so the statistics have something to find; ~2 % of sheets are
 * drafts and ~1 % miss a value, as in a real merge.
 */
export function generateContest(opts: { seed: number; nApps: number; nJurors: number; nCriteria: number; minReviews: number; maxReviews: number }): Contest {
  const rng = createRng(opts.seed);
  const criteria: Criterion[] = Array.from({ length: opts.nCriteria }, (_, i) => ({ id: `k${i + 1}`, title: `Критерий ${i + 1}`, min: 0, max: 10, weight: rng.int(1, 3) }));
  const applications: ApplicationRef[] = Array.from({ length: opts.nApps }, (_, i) => ({
    id: `a${i + 1}`,
    title: `Проект ${i + 1}`,
    submittedAt: new Date(Date.UTC(2019, 11, 1) + rng.int(0, 14 * 24 * 3600) * 1000).toISOString(),
  }));
  const jurors = Array.from({ length: opts.nJurors }, (_, i) => ({ id: `j${i + 1}`, level: rng.int(-2, 2) }));
  const sheets: ScoreSheet[] = [];
  for (const a of applications) {
    const quality = rng.int(2, 9);
    const k = rng.int(opts.minReviews, Math.min(opts.maxReviews, jurors.length));
    const pool = [...jurors];
    for (let r = 0; r < k; r++) {
      const j = pool.splice(rng.int(0, pool.length - 1), 1)[0]!;
      const values: Record<string, number | null> = {};
      for (const c of criteria) values[c.id] = Math.max(0, Math.min(10, quality + j.level + rng.int(-2, 2)));
      if (rng.chance(0.01)) values[criteria[0]!.id] = null;
      sheets.push({ jurorId: j.id, applicationId: a.id, values, status: rng.chance(0.02) ? 'draft' : 'final' });
    }
  }
  return { criteria, applications, sheets };
}
