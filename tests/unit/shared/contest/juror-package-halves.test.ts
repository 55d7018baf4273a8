/**
 * A criterion that allows halves travels in the package (version 3, so an older Сход asks to be
 * updated); whole-point forms keep writing version 2, byte for byte what older readers know.
 */
import { describe, expect, it } from 'vitest';
import { buildJurorPackage, parseJurorPackage, serializeJurorPackage } from '../../../../shared/contest';
import { grantContestTemplate } from '../../../../shared/contest/template';
import type { Application, Juror } from '../../../../shared/contest/types';

function pkgWith(step: 0.5 | undefined) {
  const { contest, nominations } = grantContestTemplate({ contestId: 'c1', eventId: 'e1' });
  const noms = nominations.map((n) => ({ ...n, criteria: n.criteria.map((c, i) => (i === 0 && step ? { ...c, step } : c)) }));
  const app: Application = { id: 'a1', contestId: 'c1', nominationId: noms[0]!.id, title: 'Проект', summary: '', applicantPersonIds: [], submittedAt: '2020-01-01T00:00:00Z', status: 'admitted', attachments: [] };
  const juror: Juror = { id: 'j1', contestId: 'c1', personId: 'p1', nominationIds: [noms[0]!.id] };
  return buildJurorPackage({ contest: { ...contest, status: 'scoring' }, nominations: noms, applications: [app], assignments: [{ jurorId: 'j1', applicationId: 'a1' }], conflicts: [], juror, jurorName: 'Эксперт', invitationSecret: 'c2VjcmV0LXNlY3JldC1zZWNyZXQ', createdAt: '2020-01-02T00:00:00Z' }).package;
}

describe('halves in the juror package', () => {
  it('whole points: version 2 and no step field; halves: version 3 with step 0.5, read back as written', async () => {
    const whole = pkgWith(undefined);
    expect(whole.version).toBe(2);
    expect(JSON.stringify(whole)).not.toContain('"step"');
    const halves = pkgWith(0.5);
    expect(halves.version).toBe(3);
    const parsed = await parseJurorPackage(serializeJurorPackage(halves));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.package.nominations[0]!.criteria[0]!.step).toBe(0.5);
    expect(parsed.package.nominations[0]!.criteria[1]!.step).toBeUndefined();
  });
});
