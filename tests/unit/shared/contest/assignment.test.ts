import { describe, expect, it } from 'vitest';
import { assignJury } from '../../../../shared/contest/assignment';
import type { AssignmentInput } from '../../../../shared/contest/assignment';
import type { Conflict } from '../../../../shared/contest/types';

// numbers are joined to their nouns with a no-break space (shared/text/format); compared here as plain spaces
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

const apps = (n: number, nominationId = 'n1') =>
  Array.from({ length: n }, (_, i) => ({ id: `${nominationId}-a${i}`, nominationId, title: `Проект ${i + 1}`, status: 'admitted' as const }));
const jurors = (n: number, nominationIds = ['n1'], cap?: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `j${i}`, name: `Эксперт ${i + 1}`, nominationIds, ...(cap === undefined ? {} : { cap }) }));
const conflict = (jurorId: string, applicationId: string, over: Partial<Conflict> = {}): Conflict => ({ jurorId, applicationId, kind: 'municipality', reason: 'тест', ...over });

describe('assignJury', () => {
  it('gives every admitted application the minimum number of reviews and balances loads exactly', () => {
    const r = assignJury({ minReviews: 2, applications: apps(6), jurors: jurors(4), anchorsPerNomination: 0 });
    expect(r.feasible).toBe(true);
    expect(Object.values(r.reviews)).toEqual([2, 2, 2, 2, 2, 2]);
    // 12 reviews over 4 jurors: 3 each is the only load vector with Σ load² = 36
    expect(Object.values(r.load)).toEqual([3, 3, 3, 3]);
    expect(r.cost).toBe(36);
    expect(r.maxLoad).toBe(3);
  });

  it('ignores applications that are not admitted', () => {
    const list = [...apps(2), { id: 'x', nominationId: 'n1', title: 'Отозвана', status: 'withdrawn' as const }, { id: 'y', nominationId: 'n1', title: 'Отклонена', status: 'rejected' as const }];
    const r = assignJury({ minReviews: 2, applications: list, jurors: jurors(3), anchorsPerNomination: 0 });
    expect(r.assignments.map((a) => a.applicationId)).not.toContain('x');
    expect(Object.keys(r.reviews)).toEqual(['n1-a0', 'n1-a1']);
  });

  it('never assigns a conflicted pair unless the conflict is overridden', () => {
    const conflicts = [conflict('j0', 'n1-a0'), conflict('j1', 'n1-a0', { overridden: { by: 'Секретарь', at: '2019-12-20T10:00:00Z', reason: 'разные отделы' } })];
    const r = assignJury({ minReviews: 3, applications: apps(1), jurors: jurors(4), conflicts, anchorsPerNomination: 0 });
    const on = r.assignments.filter((a) => a.applicationId === 'n1-a0').map((a) => a.jurorId);
    expect(on).not.toContain('j0');
    expect(on).toEqual(['j1', 'j2', 'j3']);
  });

  it('explains a conflict shortfall in plain Russian', () => {
    const conflicts = [conflict('j0', 'n1-a0'), conflict('j1', 'n1-a0', { kind: 'organization' })];
    const r = assignJury({ minReviews: 2, applications: apps(1), jurors: jurors(3), conflicts, anchorsPerNomination: 0, nominations: [{ id: 'n1', title: 'Молодёжь' }] });
    expect(r.feasible).toBe(false);
    expect(r.shortfalls).toHaveLength(1);
    const s = r.shortfalls[0]!;
    expect(s).toMatchObject({ applicationId: 'n1-a0', missing: 1, reason: 'conflicts' });
    expect(plain(s.message)).toContain('Заявка «Проект 1»: не хватает 1 независимого эксперта — 2 из 3 экспертов номинации в конфликте интересов');
    expect(s.message).toContain('«Молодёжь»');
  });

  it('explains a nomination with too few jurors', () => {
    const r = assignJury({ minReviews: 3, applications: apps(1), jurors: jurors(1), anchorsPerNomination: 0, nominations: [{ id: 'n1', title: 'Экология' }] });
    expect(r.shortfalls[0]).toMatchObject({ missing: 2, reason: 'too-few-jurors' });
    expect(plain(r.shortfalls[0]!.message)).toBe('Заявка «Проект 1»: не хватает 2 экспертов — в номинации «Экология» всего 1 эксперт, а нужно 3.');
  });

  it('explains caps that are too low, naming the jurors at their limit', () => {
    const r = assignJury({ minReviews: 2, applications: apps(3), jurors: jurors(2, ['n1'], 2), anchorsPerNomination: 0 });
    expect(r.feasible).toBe(false);
    // 6 reviews needed, 4 places: two missing in total, wherever the flow left them
    expect(r.shortfalls.reduce((s, x) => s + x.missing, 0)).toBe(2);
    for (const s of r.shortfalls) {
      expect(s.reason).toBe('capacity');
      expect(s.message).toMatch(/исчерпан лимит нагрузки \(Эксперт 1, Эксперт 2\)/);
    }
    expect(Object.values(r.load)).toEqual([2, 2]);
  });

  it('keeps manual assignments and counts them in the balance', () => {
    const manual = [{ jurorId: 'j0', applicationId: 'n1-a0' }, { jurorId: 'j0', applicationId: 'n1-a1' }];
    const r = assignJury({ minReviews: 1, applications: apps(4), jurors: jurors(2), manual, anchorsPerNomination: 0 });
    expect(r.assignments.filter((a) => a.manual)).toEqual([
      { jurorId: 'j0', applicationId: 'n1-a0', manual: true },
      { jurorId: 'j0', applicationId: 'n1-a1', manual: true },
    ]);
    // the other two go to j1: loads 2 / 2
    expect(r.load).toEqual({ j0: 2, j1: 2 });
  });

  it('drops a manual assignment that breaks a hard rule, with a warning', () => {
    const manual = [
      { jurorId: 'j0', applicationId: 'n1-a0' },
      { jurorId: 'j1', applicationId: 'nope' },
      { jurorId: 'j1', applicationId: 'n2-a0' },
    ];
    const r = assignJury({
      minReviews: 1,
      applications: [...apps(1), ...apps(1, 'n2')],
      jurors: [...jurors(2), { id: 'j9', nominationIds: ['n2'] }],
      conflicts: [conflict('j0', 'n1-a0')],
      manual,
      anchorsPerNomination: 0,
    });
    expect(r.warnings.map((w) => w.code).sort()).toEqual(['manual-conflict', 'manual-other-nomination', 'manual-unknown']);
    expect(r.assignments.some((a) => a.jurorId === 'j0' && a.applicationId === 'n1-a0')).toBe(false);
    expect(r.warnings.find((w) => w.code === 'manual-conflict')!.message).toContain('конфликт интересов не снят');
  });

  it('gives anchor applications to every non-conflicted juror of the nomination', () => {
    const r = assignJury({
      minReviews: 2,
      applications: [...apps(8), ...apps(4, 'n2')],
      jurors: [...jurors(5), { id: 'k1', nominationIds: ['n2'] }, { id: 'k2', nominationIds: ['n2'] }, { id: 'k3', nominationIds: ['n2'] }],
      conflicts: [conflict('j0', 'n1-a0'), conflict('j1', 'n1-a0')],
      anchorsPerNomination: 2,
    });
    expect(r.anchors.n1).toHaveLength(2);
    expect(r.anchors.n2).toHaveLength(2);
    // the conflicted application covers fewer jurors, so it is not chosen as an anchor
    expect(r.anchors.n1).not.toContain('n1-a0');
    for (const anchor of r.anchors.n1!) {
      const on = r.assignments.filter((a) => a.applicationId === anchor);
      expect(on.map((a) => a.jurorId)).toEqual(['j0', 'j1', 'j2', 'j3', 'j4']);
      expect(on.every((a) => a.anchor)).toBe(true);
    }
    expect(r.feasible).toBe(true);
  });

  it('uses explicit anchors when given', () => {
    const r = assignJury({ minReviews: 1, applications: apps(5), jurors: jurors(3), anchorIds: ['n1-a3'] });
    expect(r.anchors).toEqual({ n1: ['n1-a3'] });
    expect(r.reviews['n1-a3']).toBe(3);
  });

  it('skips an anchor for a juror at the cap and says so', () => {
    const r = assignJury({ minReviews: 1, applications: apps(3), jurors: [{ id: 'j0', nominationIds: ['n1'], cap: 1 }, { id: 'j1', nominationIds: ['n1'] }], anchorsPerNomination: 2 });
    expect(r.load.j0).toBe(1);
    expect(r.warnings.filter((w) => w.code === 'anchor-over-cap')).toHaveLength(1);
  });

  it('is the same for the same data in another order', () => {
    const base: AssignmentInput = { minReviews: 2, applications: [...apps(7), ...apps(3, 'n2')], jurors: [...jurors(4), ...jurors(3, ['n2']).map((j) => ({ ...j, id: `k${j.id}` }))], anchorsPerNomination: 1 };
    const shuffled: AssignmentInput = { ...base, applications: [...base.applications].reverse(), jurors: [...base.jurors].reverse() };
    expect(assignJury(shuffled)).toEqual(assignJury(base));
  });

  it('refuses malformed input', () => {
    expect(() => assignJury({ minReviews: 2, applications: [...apps(1), ...apps(1)], jurors: jurors(2) })).toThrow(/duplicate application/);
    expect(() => assignJury({ minReviews: -1, applications: [], jurors: [] })).toThrow(RangeError);
    expect(() => assignJury({ minReviews: 1, applications: [], jurors: [{ id: 'j', nominationIds: [], cap: 1.5 }] })).toThrow(RangeError);
  });
});
