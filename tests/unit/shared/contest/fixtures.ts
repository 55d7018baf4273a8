/**
 * Contest fixtures: row builders, a seeded random jury instance, and an exhaustive assignment optimum
 * written independently of the flow model (it knows the rules, not the graph), to prove the solver.
 */
import { createRng } from '../../../../shared/generator/rng';
import type { AssignmentInput, AssignmentJuror } from '../../../../shared/contest/assignment';
import { blockedPairs, pairKey } from '../../../../shared/contest/conflicts';
import type { Application, Conflict, ConflictKind, Juror, Score } from '../../../../shared/contest/types';

export const CONTEST = 'c1';

export function app(id: string, over: Partial<Application> = {}): Application {
  return {
    id,
    contestId: CONTEST,
    nominationId: 'n1',
    title: `Проект ${id}`,
    summary: `Описание проекта ${id}`,
    applicantPersonIds: [],
    submittedAt: '2019-12-20T10:00:00Z',
    status: 'admitted',
    attachments: [],
    ...over,
  };
}

export function juror(id: string, over: Partial<Juror> = {}): Juror {
  return { id, contestId: CONTEST, personId: `p-${id}`, nominationIds: ['n1'], ...over };
}

export function score(jurorId: string, applicationId: string, version: number, over: Partial<Score> = {}): Score {
  return {
    id: `${jurorId}|${applicationId}`,
    contestId: CONTEST,
    jurorId,
    applicationId,
    values: { k1: version % 11, k2: null },
    comment: '',
    status: 'draft',
    version,
    updatedAt: `2019-12-2${version % 10}T10:00:00Z`,
    ...over,
  };
}

export type InstanceOptions = {
  seed: number;
  apps: number;
  jurors: number;
  nominations: number;
  minReviews: number;
  conflictRate?: number;
  capRate?: number;
  manualRate?: number;
  anchors?: number;
};

/** A random jury: jurors in 1–2 nominations, some conflicts (a few overridden), some caps and manual picks. */
export function randomInstance(o: InstanceOptions): AssignmentInput {
  const rng = createRng(o.seed);
  const noms = Array.from({ length: o.nominations }, (_, i) => `n${i}`);
  const statuses: Application['status'][] = ['admitted', 'admitted', 'admitted', 'admitted', 'submitted', 'rejected'];
  const applications = Array.from({ length: o.apps }, (_, i) => ({ id: `a${String(i).padStart(3, '0')}`, nominationId: rng.pick(noms), title: `Заявка ${i}`, status: rng.pick(statuses) }));
  const jurors: AssignmentJuror[] = Array.from({ length: o.jurors }, (_, i) => {
    const first = rng.pick(noms);
    const nominationIds = rng.chance(0.3) ? [...new Set([first, rng.pick(noms)])] : [first];
    const j: AssignmentJuror = { id: `j${String(i).padStart(2, '0')}`, nominationIds };
    if (rng.chance(o.capRate ?? 0.4)) j.cap = rng.int(0, Math.max(1, Math.ceil((o.apps * o.minReviews) / o.jurors) + 1));
    return j;
  });
  const kinds: ConflictKind[] = ['organization', 'municipality', 'applicant', 'declared', 'manual'];
  const conflicts: Conflict[] = [];
  const manual: Array<{ jurorId: string; applicationId: string }> = [];
  for (const j of jurors) {
    for (const a of applications) {
      if (rng.chance(o.conflictRate ?? 0.15)) {
        const c: Conflict = { jurorId: j.id, applicationId: a.id, kind: rng.pick(kinds), reason: 'тест' };
        if (rng.chance(0.2)) c.overridden = { by: 'орг', at: '2019-12-20T10:00:00Z', reason: 'проверено' };
        conflicts.push(c);
      }
      if (rng.chance(o.manualRate ?? 0.03)) manual.push({ jurorId: j.id, applicationId: a.id });
    }
  }
  return { minReviews: o.minReviews, applications, jurors, conflicts, manual, anchorsPerNomination: o.anchors ?? 0 };
}

export type BruteOptimum = { assigned: number; cost: number; maxLoad: number };

/**
 * Exhaustive optimum without anchors: over every way to add reviews (at most the missing number per
 * application, eligible pairs only, caps respected) → the most reviews added, then among those the
 * least Σ load² and, separately, the least maximum load. Manual pairs that are eligible are fixed.
 */
export function bruteForceAssignment(input: AssignmentInput): BruteOptimum {
  if ((input.anchorsPerNomination ?? 2) !== 0 || (input.anchorIds ?? []).length > 0) throw new Error('brute force: anchors not modelled');
  const apps = input.applications.filter((a) => a.status === 'admitted');
  const jurors = [...input.jurors];
  const blocked = blockedPairs(input.conflicts ?? []);
  const ok = (j: AssignmentJuror, a: (typeof apps)[number]) => j.nominationIds.includes(a.nominationId) && !blocked.has(pairKey(j.id, a.id));
  const load = jurors.map(() => 0);
  const fixed = new Set<string>();
  const have = apps.map(() => 0);
  for (const m of input.manual ?? []) {
    const ji = jurors.findIndex((j) => j.id === m.jurorId);
    const ai = apps.findIndex((a) => a.id === m.applicationId);
    if (ji < 0 || ai < 0 || !ok(jurors[ji]!, apps[ai]!) || fixed.has(pairKey(m.jurorId, m.applicationId))) continue;
    fixed.add(pairKey(m.jurorId, m.applicationId));
    load[ji]!++;
    have[ai]!++;
  }
  const cap = jurors.map((j) => j.cap ?? Number.POSITIVE_INFINITY);
  const options = apps.map((a, ai) => {
    const cands = jurors.flatMap((j, ji) => (ok(j, a) && !fixed.has(pairKey(j.id, a.id)) ? [ji] : []));
    const need = Math.max(0, input.minReviews - have[ai]!);
    const subsets: number[][] = [];
    const rec = (start: number, cur: number[]) => {
      subsets.push([...cur]);
      if (cur.length === need) return;
      for (let i = start; i < cands.length; i++) {
        cur.push(cands[i]!);
        rec(i + 1, cur);
        cur.pop();
      }
    };
    rec(0, []);
    return subsets;
  });
  let best: BruteOptimum = { assigned: -1, cost: Infinity, maxLoad: Infinity };
  const visit = (k: number, assigned: number) => {
    if (k === apps.length) {
      let cost = 0;
      let maxLoad = 0;
      for (const l of load) {
        cost += l * l;
        maxLoad = Math.max(maxLoad, l);
      }
      if (assigned > best.assigned) best = { assigned, cost, maxLoad };
      else if (assigned === best.assigned) best = { assigned, cost: Math.min(cost, best.cost), maxLoad: Math.min(maxLoad, best.maxLoad) };
      return;
    }
    for (const s of options[k]!) {
      if (s.some((ji) => load[ji]! >= cap[ji]!)) continue;
      for (const ji of s) load[ji]!++;
      visit(k + 1, assigned + s.length);
      for (const ji of s) load[ji]!--;
    }
  };
  visit(0, 0);
  return best;
}
