/**
 * The whole offline loop on pure functions, as the e2e test will drive it through two browser contexts:
 * template → conflicts → assignment → juror packages → scoring on the juror's "device" → signed score
 * files → organizer import in any order → results.
 */
import { describe, expect, it } from 'vitest';
import { assignJury } from '../../../../shared/contest/assignment';
import { detectConflicts } from '../../../../shared/contest/conflicts';
import type { JurorProfile } from '../../../../shared/contest/conflicts';
import { generateDeviceKey, randomSecret } from '../../../../shared/crypto';
import { buildJurorPackage, parseJurorPackage, serializeJurorPackage } from '../../../../shared/contest/juror-package';
import { toResultsInput } from '../../../../shared/contest/results-input';
import { verifyScoreFile, writeScoreFile } from '../../../../shared/contest/score-file';
import { editScore, finalizeScore, mergeScores, newScore, storedVersions } from '../../../../shared/contest/scores';
import { lockForScoring } from '../../../../shared/contest/setup';
import { grantContestTemplate } from '../../../../shared/contest/template';
import type { Score } from '../../../../shared/contest/types';
import { computeResults } from '../../../../shared/results/compute-results';
import { app, juror } from './fixtures';

describe('contest round trip', () => {
  it('goes from setup to results through signed files imported in any order', async () => {
    const { contest, nominations } = grantContestTemplate({ contestId: 'c1', eventId: 'e1' });
    const nominationId = nominations[0]!.id;
    const opened = lockForScoring(contest, nominations, '2019-12-21T09:00:00Z');
    if (!opened.ok) throw new Error('lock refused');
    const applications = Array.from({ length: 6 }, (_, i) => app(`a${i}`, { nominationId, municipalityId: `m${i % 3}`, submittedAt: `2019-12-1${i}T10:00:00Z` }));
    const jurors: JurorProfile[] = Array.from({ length: 4 }, (_, i) => ({ ...juror(`j${i}`, { nominationIds: [nominationId] }), municipalityId: `m${i}`, name: `Эксперт ${i}` }));
    const conflicts = detectConflicts({ jurors, applications });
    expect(conflicts).toHaveLength(6); // j0, j1, j2 each share a municipality with two applications

    const plan = assignJury({ minReviews: opened.contest.minReviews, applications, jurors, conflicts, anchorsPerNomination: 1 });
    expect(plan.feasible).toBe(true);

    const secrets = new Map(jurors.map((j) => [j.id, randomSecret()]));
    const files: Uint8Array[] = [];
    for (const j of jurors) {
      const built = buildJurorPackage({ contest: opened.contest, nominations, applications, assignments: plan.assignments, conflicts, juror: j, jurorName: j.name!, invitationSecret: secrets.get(j.id)!, createdAt: '2019-12-21T10:00:00Z' });
      expect(built.omitted).toEqual([]);
      // ── the juror's device: only the package ──
      const opened2 = await parseJurorPackage(serializeJurorPackage(built.package));
      if (!opened2.ok) throw new Error(opened2.message);
      const pkg = opened2.package;
      const key = await generateDeviceKey();
      const sheets: Score[] = pkg.applications.map((a, k) => {
        const form = pkg.nominations.find((n) => n.id === a.nominationId)!;
        const s = newScore(pkg.contest.id, pkg.juror.id, a.id, form, '2019-12-22T10:00:00Z');
        const values = Object.fromEntries(form.criteria.map((c, ci) => [c.id, (ci + k + Number(j.id.slice(1))) % 11]));
        const edited = editScore(s, { values, comment: 'Обоснование оценки' }, '2019-12-22T10:05:00Z');
        if (!edited.ok) throw new Error(edited.message);
        const fin = finalizeScore(edited.score, form, '2019-12-22T10:06:00Z');
        if (!fin.ok) throw new Error(fin.message);
        return fin.score;
      });
      files.push(await writeScoreFile({ contestId: pkg.contest.id, jurorId: pkg.juror.id, invitationSecret: pkg.invitationSecret, keyPair: key, scores: sheets, createdAt: '2019-12-22T11:00:00Z' }));
    }

    // ── the organizer imports the files, twice, in two orders ──
    const importAll = async (order: Uint8Array[]) => {
      let stored: Score[] = [];
      for (const f of order) {
        const v = await verifyScoreFile(f, { contestId: 'c1', jurors: new Map([...secrets].map(([id, s]) => [id, { invitationSecret: s }])), stored: storedVersions(stored) });
        if (!v.ok) throw new Error(v.message);
        stored = mergeScores(stored, [...v.accepted, ...v.unchanged]).scores;
      }
      return stored;
    };
    const forward = await importAll([...files, ...files]);
    const backward = await importAll([...files].reverse());
    expect(backward).toEqual(forward);
    expect(forward).toHaveLength(plan.assignments.length);

    const [input] = toResultsInput(opened.contest, nominations, applications, forward).nominations;
    const results = computeResults(input!.input);
    expect(results.excluded).toEqual([]);
    expect(results.ranking.entries.every((e) => e.place !== null)).toBe(true);
  });
});
