/**
 * Score sheets: the juror's edits, and the organizer's merge proven idempotent and order-independent.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalScore, editScore, finalizeScore, mergeScores, newScore, sheetProblems, storedVersions } from '../../../../shared/contest/scores';
import type { Nomination, Score } from '../../../../shared/contest/types';
import { score } from './fixtures';

const nomination: Nomination = {
  id: 'n1',
  contestId: 'c1',
  title: 'Номинация',
  commentRequired: true,
  criteria: [
    { id: 'k1', title: 'Актуальность', description: '', min: 0, max: 10, weight: 1, bands: [] },
    { id: 'k2', title: 'Бюджет', description: '', min: 0, max: 10, weight: 0.5, bands: [] },
  ],
};

describe('juror sheet', () => {
  const now = '2019-12-22T10:00:00Z';

  it('autosave raises the version; finalize needs every value and the justification, then locks', () => {
    const s0 = newScore('c1', 'j1', 'a1', nomination, now);
    expect(s0).toMatchObject({ id: 'j1|a1', values: { k1: null, k2: null }, status: 'draft', version: 1 });
    const s1 = editScore(s0, { values: { k1: 7 } }, now);
    expect(s1.ok && s1.score.version).toBe(2);
    if (!s1.ok) return;
    const refused = finalizeScore(s1.score, nomination, now);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems?.map((p) => p.code)).toEqual(['missing', 'comment-required']);
    const s2 = editScore(s1.score, { values: { k2: 11 }, comment: 'Проект актуален для района' }, now);
    if (!s2.ok) throw new Error('edit refused');
    expect(sheetProblems(s2.score, nomination).map((p) => p.message)).toEqual(['«Бюджет»: 11 — не подходит; оценка от 0 до 10, целое число.']);
    const s3 = editScore(s2.score, { values: { k2: 9 } }, now);
    if (!s3.ok) throw new Error('edit refused');
    const fin = finalizeScore(s3.score, nomination, now);
    expect(fin.ok && fin.score).toMatchObject({ status: 'final', version: 5 });
    if (!fin.ok) return;
    expect(editScore(fin.score, { values: { k1: 1 } }, now)).toMatchObject({ ok: false, message: expect.stringContaining('завершён') });
    expect(sheetProblems({ ...s3.score, values: { ...s3.score.values, k1: 2.5, zz: 1 } }, nomination).map((p) => p.code)).toEqual(['not-integer', 'unknown-criterion']);
  });

  it('given the form, an edit with a value outside the scale or step, or for an unknown criterion, stores nothing', () => {
    const s0 = newScore('c1', 'j1', 'a1', nomination, now);
    for (const values of [{ k1: 15 }, { k1: -3 }, { k1: 7.5 }, { k1: 9.99 }, { zz: 5 }] as Record<string, number>[]) {
      const r = editScore(s0, { values }, now, nomination);
      expect(r.ok, JSON.stringify(values)).toBe(false);
    }
    const halves: Nomination = { ...nomination, criteria: nomination.criteria.map((c) => ({ ...c, step: 0.5 as const })) };
    expect(editScore(s0, { values: { k1: 7.5 } }, now, halves).ok).toBe(true);
    expect(editScore(s0, { values: { k1: 7.25 } }, now, halves).ok).toBe(false);
    expect(sheetProblems({ ...s0, values: { k1: 7.25, k2: 1 }, comment: 'x' }, halves).map((p) => p.code)).toEqual(['wrong-step']);
  });
});

describe('mergeScores', () => {
  it('keeps the newer version and reports what changed', () => {
    const stored = [score('j1', 'a1', 2), score('j1', 'a2', 5)];
    const r = mergeScores(stored, [score('j1', 'a1', 3), score('j1', 'a2', 4), score('j2', 'a1', 1)]);
    expect(r.scores.map((s) => [s.jurorId, s.applicationId, s.version])).toEqual([
      ['j1', 'a1', 3],
      ['j1', 'a2', 5],
      ['j2', 'a1', 1],
    ]);
    expect(r.added).toEqual(['j2|a1']);
    expect(r.replaced).toEqual(['j1|a1']);
    expect(storedVersions(r.scores)).toEqual(new Map([['j1|a1', 3], ['j1|a2', 5], ['j2|a1', 1]]));
  });

  it('settles two different sheets with the same version the same way in either order', () => {
    const a = score('j1', 'a1', 3, { values: { k1: 1, k2: 2 } });
    const b = score('j1', 'a1', 3, { values: { k1: 9, k2: 2 } });
    expect(mergeScores([a], [b]).scores).toEqual(mergeScores([b], [a]).scores);
  });

  // a small universe so keys collide often: 3 jurors × 2 applications × 4 versions × 3 contents
  const scoreArb: fc.Arbitrary<Score> = fc
    .record({ j: fc.constantFrom('A', 'B', 'C'), a: fc.constantFrom('x', 'y'), v: fc.integer({ min: 1, max: 4 }), k1: fc.integer({ min: 0, max: 2 }), final: fc.boolean() })
    .map(({ j, a, v, k1, final }) => score(j, a, v, { values: { k1, k2: null }, status: final ? 'final' : 'draft' }));
  const filesArb = fc.array(fc.array(scoreArb, { maxLength: 6 }), { minLength: 1, maxLength: 6 });
  const canon = (xs: readonly Score[]) => xs.map(canonicalScore);
  const importAll = (files: readonly (readonly Score[])[], start: readonly Score[] = []) => files.reduce<Score[]>((acc, f) => mergeScores(acc, f).scores, [...start]);

  it('any order and any duplication of files gives the same scores', () => {
    fc.assert(
      fc.property(filesArb, fc.array(fc.nat(), { maxLength: 8 }), fc.array(fc.double({ noNaN: true }), { minLength: 14, maxLength: 14 }), (files, extra, keys) => {
        const once = importAll(files);
        const picks = [...files.map((_, i) => i), ...extra.map((e) => e % files.length)];
        const order = picks.map((p, i) => ({ p, k: keys[i % keys.length]! + i * 1e-9 })).sort((x, y) => x.k - y.k).map((x) => files[x.p]!);
        expect(canon(importAll(order))).toEqual(canon(once));
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent: importing the same file again changes nothing', () => {
    fc.assert(
      fc.property(filesArb, (files) => {
        const state = importAll(files);
        for (const f of files) {
          const again = mergeScores(state, f);
          expect(canon(again.scores)).toEqual(canon(state));
          expect(again.added).toEqual([]);
          expect(again.replaced).toEqual([]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('ends at the highest version of every sheet', () => {
    fc.assert(
      fc.property(filesArb, (files) => {
        const max = new Map<string, number>();
        for (const s of files.flat()) max.set(`${s.jurorId}|${s.applicationId}`, Math.max(max.get(`${s.jurorId}|${s.applicationId}`) ?? 0, s.version));
        expect(storedVersions(importAll(files))).toEqual(max);
      }),
      { numRuns: 200 },
    );
  });

  it('a score of juror A never changes juror B’s', () => {
    fc.assert(
      fc.property(filesArb, fc.array(scoreArb, { maxLength: 8 }), (files, incoming) => {
        const state = importAll(files);
        const fromA = incoming.filter((s) => s.jurorId === 'A');
        const after = mergeScores(state, fromA).scores;
        expect(canon(after.filter((s) => s.jurorId !== 'A'))).toEqual(canon(state.filter((s) => s.jurorId !== 'A')));
      }),
      { numRuns: 200 },
    );
  });
});
