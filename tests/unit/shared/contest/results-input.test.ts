import { describe, expect, it } from 'vitest';
import { toResultsInput } from '../../../../shared/contest/results-input';
import { computeResults } from '../../../../shared/results/compute-results';
import type { Contest, Nomination } from '../../../../shared/contest/types';
import { app, score } from './fixtures';

const contest: Contest = { id: 'c1', eventId: 'e1', title: 'Конкурс', status: 'scoring', minReviews: 2, method: 'median', tieBreaks: ['earlier-submission', 'shared-place'] };
const form = (id: string, weight: number): Nomination => ({
  id,
  contestId: 'c1',
  title: `Номинация ${id}`,
  commentRequired: false,
  criteria: [
    { id: 'k1', title: 'Актуальность', description: '', min: 0, max: 10, weight, bands: [] },
    { id: 'k2', title: 'Бюджет', description: '', min: 0, max: 10, weight: 0.5, bands: [] },
  ],
});

describe('toResultsInput', () => {
  it('maps each nomination onto the results math without losing anything', () => {
    const applications = [
      app('a1', { submittedAt: '2019-12-20T09:00:00Z' }),
      app('a2', { nominationId: 'n2' }),
      app('a3', { status: 'rejected' }),
      app('a4', { contestId: 'other' }),
    ];
    const scores = [
      score('j1', 'a1', 3, { values: { k1: 8, k2: 6 }, status: 'final', comment: 'хорошо' }),
      score('j2', 'a1', 1, { values: { k1: 4, k2: null } }),
      score('j1', 'a2', 2, { values: { k1: 10, k2: 10 }, status: 'final' }),
      score('j1', 'a3', 1),
      score('j1', 'a4', 1),
      score('j1', 'zz', 1),
      score('j1', 'a1', 1, { contestId: 'c2' }),
    ];
    const out = toResultsInput(contest, [form('n1', 1), form('n2', 2)], applications, scores);
    expect(out.nominations.map((n) => n.nominationId)).toEqual(['n1', 'n2']);
    const n1 = out.nominations[0]!.input;
    expect(n1.method).toBe('median');
    expect(n1.tieBreaks).toEqual(['earlier-submission', 'shared-place']);
    expect(n1.criteria).toEqual([
      { id: 'k1', title: 'Актуальность', min: 0, max: 10, weight: 1 },
      { id: 'k2', title: 'Бюджет', min: 0, max: 10, weight: 0.5 },
    ]);
    expect(n1.applications).toEqual([{ id: 'a1', title: 'Проект a1', submittedAt: '2019-12-20T09:00:00Z' }]);
    expect(n1.sheets).toEqual([
      { jurorId: 'j1', applicationId: 'a1', values: { k1: 8, k2: 6 }, status: 'final', comment: 'хорошо' },
      { jurorId: 'j2', applicationId: 'a1', values: { k1: 4, k2: null }, status: 'draft', comment: '' },
    ]);
    expect(out.nominations[1]!.input.criteria[0]!.weight).toBe(2);
    expect(out.skipped.map((s) => [s.applicationId, s.reason])).toEqual([
      ['a3', 'not-admitted'],
      ['a4', 'unknown-application'],
      ['zz', 'unknown-application'],
      ['a1', 'other-contest'],
    ]);
    // and the results math runs on it: Σ value × coefficient, the draft reported as excluded
    const r = computeResults(n1);
    expect(r.totals).toEqual([{ jurorId: 'j1', applicationId: 'a1', total: 11, maxMarks: 0 }]);
    expect(r.excluded).toEqual([{ jurorId: 'j2', applicationId: 'a1', reason: 'draft' }]);
  });
});
