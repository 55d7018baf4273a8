/**
 * Jury assignment as an exact min-cost max-flow on shared/flow's network (the one the sections
 * solver uses):
 *
 *   source ──need(a)──▶ [application a] ──1──▶ [juror j] ══cap(j) − fixed(j), convex══▶ sink
 *
 * - need(a) = minReviews minus the reviews a already has from anchors and manual assignments;
 *   an arc a → j exists only for a juror of a's nomination with no blocking conflict (conflicts.ts).
 * - The k-th review of juror j costs 2·(fixed(j) + k) + 1, the marginal cost of load² — so the flow
 *   minimizes Σ load² with anchors and manual reviews counted. The flow is maximum first (as many
 *   missing reviews as possible), then cheapest: lexicographic by construction, no big-M.
 * - Σ load² is strictly convex and separable, and the reachable load vectors of a bipartite
 *   transportation problem form an M-convex set, so its minimizer is the "decreasingly minimal" load
 *   vector (Frank & Murota): the maximum load is as small as possible too (property-tested against brute force).
 * - Anchors: per nomination a few applications go to every non-conflicted juror of it before the flow,
 *   so every juror's scores share common items and per-juror normalization (z-mean) is meaningful.
 * - Deterministic: jurors and applications are sorted by id before the graph is built and the network
 *   breaks ties by arc order, so the same data in any order gives the same assignment.
 */
import { FlowNetwork } from '../flow/min-cost-flow';
import { blockedPairs, pairKey } from './conflicts';
import { explainShortfall } from './assignment-explain';
import type { Shortfall } from './assignment-explain';
import type { Application, Assignment, Conflict, Juror } from './types';
import { said, worded, type Said, type SaidValue } from '../text/said';

export type { Shortfall } from './assignment-explain';

export type AssignmentJuror = Pick<Juror, 'id' | 'nominationIds' | 'cap'> & { name?: string };
export type AssignmentApplication = Pick<Application, 'id' | 'nominationId' | 'title' | 'status'>;

export type AssignmentInput = {
  minReviews: number;
  /** Only `admitted` ones are assigned; the others are ignored (and manual assignments to them dropped). */
  applications: readonly AssignmentApplication[];
  jurors: readonly AssignmentJuror[];
  conflicts?: readonly Conflict[];
  /** The organizer's decisions: kept unless the pair is in conflict or impossible (then dropped with a warning). */
  manual?: readonly Pick<Assignment, 'jurorId' | 'applicationId'>[];
  /** Anchor applications per nomination chosen automatically; default 2, 0 = none. */
  anchorsPerNomination?: number;
  /** Explicit anchors; a nomination with any of them listed gets exactly those instead of automatic ones. */
  anchorIds?: readonly string[];
  /** For messages. */
  nominations?: ReadonlyArray<{ id: string; title: string }>;
};

export type AssignmentWarningCode =
  | 'manual-unknown'
  | 'manual-not-admitted'
  | 'manual-other-nomination'
  | 'manual-conflict'
  | 'manual-over-cap'
  | 'anchor-over-cap';

/** `applicationId` is absent for warnings about a juror as a whole (manual load over the cap). */
export type AssignmentWarning = { code: AssignmentWarningCode; jurorId: string; applicationId?: string; said: Said; message: string };

export type AssignmentResult = {
  /** Sorted by application id, then juror id. */
  assignments: Assignment[];
  /** Every admitted application has at least minReviews reviews. */
  feasible: boolean;
  /** One per application that lacks reviews, with the reason in Russian. */
  shortfalls: Shortfall[];
  warnings: AssignmentWarning[];
  /** Applications per juror (every juror present, 0 included). */
  load: Record<string, number>;
  /** Reviews per admitted application. */
  reviews: Record<string, number>;
  /** Anchor application ids per nomination (nominations with admitted applications only). */
  anchors: Record<string, string[]>;
  /** Σ load²: the balance objective. */
  cost: number;
  maxLoad: number;
};

const DEFAULT_ANCHORS = 2;

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function checkCount(name: string, v: number): void {
  if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`assignJury: ${name} = ${v}; expected a non-negative integer`);
}

/** The optimal assignment; see the file comment for the model. Throws only on malformed input (duplicate ids, bad caps). */
export function assignJury(input: AssignmentInput): AssignmentResult {
  checkCount('minReviews', input.minReviews);
  const anchorsPer = input.anchorsPerNomination ?? DEFAULT_ANCHORS;
  checkCount('anchorsPerNomination', anchorsPer);
  const jurors = [...input.jurors].sort(byId);
  const apps = input.applications.filter((a) => a.status === 'admitted').sort(byId);
  for (let i = 1; i < jurors.length; i++) if (jurors[i]!.id === jurors[i - 1]!.id) throw new Error(`assignJury: duplicate juror "${jurors[i]!.id}"`);
  for (let i = 1; i < apps.length; i++) if (apps[i]!.id === apps[i - 1]!.id) throw new Error(`assignJury: duplicate application "${apps[i]!.id}"`);
  for (const j of jurors) if (j.cap !== undefined) checkCount(`cap of ${j.id}`, j.cap);

  const blocked = blockedPairs(input.conflicts ?? []);
  const jIndex = new Map(jurors.map((j, i) => [j.id, i]));
  const aIndex = new Map(apps.map((a, i) => [a.id, i]));
  const allAppIds = new Set(input.applications.map((a) => a.id));
  const jurorNoms = jurors.map((j) => new Set(j.nominationIds));
  const eligible = (j: number, a: number) => jurorNoms[j]!.has(apps[a]!.nominationId) && !blocked.has(pairKey(jurors[j]!.id, apps[a]!.id));
  const nominationTitle = new Map((input.nominations ?? []).map((n) => [n.id, n.title]));
  const jurorName = (j: number) => jurors[j]!.name ?? jurors[j]!.id;

  const load = new Array<number>(jurors.length).fill(0);
  const reviews = new Array<number>(apps.length).fill(0);
  const capOf = (j: number) => jurors[j]!.cap ?? Number.POSITIVE_INFINITY;
  /** pair key → the assignment, for every fixed (manual or anchor) pair */
  const fixed = new Map<string, Assignment>();
  const warnings: AssignmentWarning[] = [];
  const warn = (code: AssignmentWarningCode, j: string, a: string | undefined, key: string, values: Record<string, SaidValue>) => {
    warnings.push({ code, jurorId: j, ...(a === undefined ? {} : { applicationId: a }), ...worded(said(`contestRules:assignment.${key}`, values)) });
  };

  // ── manual assignments: the organizer's word, unless it breaks a hard rule ──
  const manual = [...(input.manual ?? [])].sort((x, y) => cmp(x.applicationId, y.applicationId) || cmp(x.jurorId, y.jurorId));
  for (const m of manual) {
    const j = jIndex.get(m.jurorId);
    const a = aIndex.get(m.applicationId);
    const key = pairKey(m.jurorId, m.applicationId);
    if (fixed.has(key)) continue;
    if (j === undefined || (a === undefined && !allAppIds.has(m.applicationId))) {
      warn('manual-unknown', m.jurorId, m.applicationId, 'manualUnknown', { juror: m.jurorId, application: m.applicationId });
      continue;
    }
    if (a === undefined) {
      warn('manual-not-admitted', m.jurorId, m.applicationId, 'manualNotAdmitted', { juror: jurorName(j) });
      continue;
    }
    const title = apps[a]!.title;
    if (!jurorNoms[j]!.has(apps[a]!.nominationId)) {
      warn('manual-other-nomination', m.jurorId, m.applicationId, 'manualOtherNomination', { juror: jurorName(j), title });
      continue;
    }
    if (blocked.has(key)) {
      warn('manual-conflict', m.jurorId, m.applicationId, 'manualConflict', { juror: jurorName(j), title });
      continue;
    }
    fixed.set(key, { jurorId: m.jurorId, applicationId: m.applicationId, manual: true });
    load[j]!++;
    reviews[a]!++;
  }
  for (let j = 0; j < jurors.length; j++) {
    if (load[j]! > capOf(j)) {
      warn('manual-over-cap', jurors[j]!.id, undefined, 'manualOverCap', { juror: jurorName(j), n: load[j]!, cap: capOf(j) });
    }
  }

  // ── anchors: chosen per nomination, given to every eligible juror with room left ──
  const appsByNomination = new Map<string, number[]>();
  apps.forEach((app, a) => appsByNomination.set(app.nominationId, [...(appsByNomination.get(app.nominationId) ?? []), a]));
  const explicit = new Set(input.anchorIds ?? []);
  const anchors: Record<string, string[]> = {};
  const eligibleCount = apps.map((_, a) => jurors.reduce((n, _j, j) => n + (eligible(j, a) ? 1 : 0), 0));
  for (const [nominationId, list] of [...appsByNomination].sort((x, y) => cmp(x[0], y[0]))) {
    const listed = list.filter((a) => explicit.has(apps[a]!.id));
    // most-covered applications first: an anchor is only useful where many jurors can score it
    const chosen = listed.length > 0 ? listed : [...list].sort((x, y) => eligibleCount[y]! - eligibleCount[x]! || x - y).slice(0, anchorsPer);
    anchors[nominationId] = chosen.map((a) => apps[a]!.id);
    for (const a of chosen) {
      for (let j = 0; j < jurors.length; j++) {
        if (!eligible(j, a)) continue;
        const key = pairKey(jurors[j]!.id, apps[a]!.id);
        const existing = fixed.get(key);
        if (existing !== undefined) {
          existing.anchor = true;
          continue;
        }
        if (load[j]! >= capOf(j)) {
          warn('anchor-over-cap', jurors[j]!.id, apps[a]!.id, 'anchorOverCap', { juror: jurorName(j), title: apps[a]!.title, cap: capOf(j) });
          continue;
        }
        fixed.set(key, { jurorId: jurors[j]!.id, applicationId: apps[a]!.id, anchor: true });
        load[j]!++;
        reviews[a]!++;
      }
    }
  }

  // ── the flow for the remaining reviews ──
  const net = new FlowNetwork();
  const source = net.addNode();
  const sink = net.addNode();
  const jurorNode = net.addNodes(jurors.length);
  const pairArcs: Array<{ arc: number; a: number; j: number }> = [];
  const candidates = new Array<number>(jurors.length).fill(0);
  const need = apps.map((_, a) => Math.max(0, input.minReviews - reviews[a]!));
  for (let a = 0; a < apps.length; a++) {
    if (need[a] === 0) continue;
    const node = net.addNode();
    net.addArc(source, node, need[a]!, 0);
    for (let j = 0; j < jurors.length; j++) {
      if (!eligible(j, a) || fixed.has(pairKey(jurors[j]!.id, apps[a]!.id))) continue;
      pairArcs.push({ arc: net.addArc(node, jurorNode + j, 1, 0), a, j });
      candidates[j]!++;
    }
  }
  for (let j = 0; j < jurors.length; j++) {
    // an unlimited juror can still take at most one review per candidate application
    const room = Math.max(0, Math.min(capOf(j), load[j]! + candidates[j]!) - load[j]!);
    if (room > 0) net.addArc(jurorNode + j, sink, room, 2 * load[j]! + 1, 2);
  }
  net.solve(source, sink);

  const assignments = [...fixed.values()];
  for (const { arc, a, j } of pairArcs) {
    if (net.flowOn(arc) === 0) continue;
    assignments.push({ jurorId: jurors[j]!.id, applicationId: apps[a]!.id });
    load[j]!++;
    reviews[a]!++;
  }
  assignments.sort((x, y) => cmp(x.applicationId, y.applicationId) || cmp(x.jurorId, y.jurorId));

  const shortfalls: Shortfall[] = [];
  for (let a = 0; a < apps.length; a++) {
    const missing = input.minReviews - reviews[a]!;
    if (missing <= 0) continue;
    const nomination = jurors.flatMap((j, ji) => (jurorNoms[ji]!.has(apps[a]!.nominationId) ? [j] : []));
    const conflicted = nomination.filter((j) => blocked.has(pairKey(j.id, apps[a]!.id)));
    const assigned = new Set(assignments.filter((x) => x.applicationId === apps[a]!.id).map((x) => x.jurorId));
    // after a maximum flow every independent juror not on this application is at their cap
    const full = nomination.filter((j) => !assigned.has(j.id) && !blocked.has(pairKey(j.id, apps[a]!.id)));
    shortfalls.push(
      explainShortfall({
        application: apps[a]!,
        nominationTitle: nominationTitle.get(apps[a]!.nominationId) ?? apps[a]!.nominationId,
        minReviews: input.minReviews,
        missing,
        jurorsInNomination: nomination.length,
        conflicted: conflicted.length,
        fullJurors: full.map((j) => j.name ?? j.id),
      }),
    );
  }

  let cost = 0;
  let maxLoad = 0;
  for (const l of load) {
    cost += l * l;
    maxLoad = Math.max(maxLoad, l);
  }
  return {
    assignments,
    feasible: shortfalls.length === 0,
    shortfalls,
    warnings,
    load: Object.fromEntries(jurors.map((j, i) => [j.id, load[i]!])),
    reviews: Object.fromEntries(apps.map((app, i) => [app.id, reviews[i]!])),
    anchors,
    cost,
    maxLoad,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
