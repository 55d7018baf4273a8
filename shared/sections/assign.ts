/**
 * Automatic section assignment as a min-cost max-flow (issue 5).
 *
 *   source ─size─▶ [group] ─rank cost─▶ [municipality × section hub] ═convex: spread·(k−1)═▶ [section] ─free seats─▶ sink
 *                     ├──rank cost (no municipality, or spread off)───────────────────────▶ [section]
 *                     ├──unrankedCost─▶ [pool of unlisted seats] ─0─▶ hubs / sections      (allowUnranked only)
 *                     └──waitlistCost─▶ sink                                               (finite waitlist price only)
 *
 * - A group is people with identical claims (same cleaned preference list, and the same municipality
 *   when spread is on). They are interchangeable for the objective, so one node with capacity = size
 *   stands for all of them (10,000 generated people fold into ~3,500 groups without spread); the flow
 *   on its arcs is handed out to its members in input order: earlier people get the better choices
 *   and the seats, later ones wait.
 * - Fixed/manual people are not in the graph: they are kept, their seats are taken off capacity first,
 *   and they count in the spread cost of their municipality in their section.
 * - Spread: the k-th delegate of one municipality in one section costs spread·(k−1). That cost is convex,
 *   so one convex arc (k-th unit costs base + k·spread, see FlowNetwork.addArc) models it exactly, in
 *   place of parallel unit arcs of rising cost. Hubs exist only for (municipality, section) pairs that
 *   somebody can be placed in: the graph stays linear in people × choices.
 * - Without `waitlistCost` the flow is maximum, then minimum cost: lexicographic by construction, no big-M.
 */
import type { FlowAlgorithm } from '../flow/min-cost-flow';
import { FlowNetwork } from '../flow/min-cost-flow';
import type { SectionInput, SectionResult, WaitlistReason } from './model';
import { candidateSections, normalizeSectionInput, placementCost } from './model';

export type { SectionInput, SectionResult, SectionWeights, WaitlistReason } from './model';

type Group = {
  members: number[];
  /** Representative person (all members share prefs and, with spread, the municipality). */
  rep: number;
  /** (arc id, section index) per direct candidate, best choice first; filled when the graph is built. */
  arcs: Array<{ arc: number; s: number }>;
  /** The arc into the shared pool of unlisted seats, if any. */
  unranked: { arc: number; pool: Pool } | null;
};

/** Unlisted seats for one municipality (or everyone, without spread): one node instead of an arc per person per section. */
type Pool = { node: number; out: Array<{ arc: number; s: number }>; at: number; left: number };

/**
 * Exact optimal assignment of people to sections; see the file comment and SectionWeights for the
 * objective. `options.algorithm` picks the flow algorithm (tests cross-check them; the app leaves 'auto').
 */
export function assignSections(input: SectionInput, options: { algorithm?: FlowAlgorithm } = {}): SectionResult {
  const norm = normalizeSectionInput(input);
  const { sectionIds, capacity, people, weights: w } = norm;
  const S = sectionIds.length;
  const spreadOn = w.spread > 0;

  const fixedLoad = new Array<number>(S).fill(0);
  const fixedPair = new Map<number, number>(); // muni·S + section → fixed delegates there
  for (const p of people) {
    if (p.fixed < 0) continue;
    fixedLoad[p.fixed]!++;
    if (p.muni >= 0) fixedPair.set(p.muni * S + p.fixed, (fixedPair.get(p.muni * S + p.fixed) ?? 0) + 1);
  }
  const free = capacity.map((c, s) => Math.max(0, c - fixedLoad[s]!));
  const candidatesOf = people.map((p) => (p.fixed >= 0 ? [] : candidateSections(p, S, w.allowUnranked)));

  // ── group people with identical claims, in order of first appearance ──
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  people.forEach((p, i) => {
    if (p.fixed >= 0 || !candidatesOf[i]!.some((s) => free[s]! > 0)) return;
    const key = `${spreadOn ? p.muni : -1}|${p.prefs.join(',')}`;
    let g = byKey.get(key);
    if (g === undefined) {
      g = { members: [], rep: i, arcs: [], unranked: null };
      byKey.set(key, g);
      groups.push(g);
    }
    g.members.push(i);
  });

  const net = new FlowNetwork();
  const source = net.addNode();
  const sink = net.addNode();
  const sectionNode = free.map((seats) => {
    const v = net.addNode();
    net.addArc(v, sink, seats, 0);
    return v;
  });

  // ── spread hubs: one per (municipality, section) somebody can reach, created in first-use order ──
  const hubOf = new Map<number, number>();
  if (spreadOn) {
    const reach = new Map<number, number>(); // pair → how many non-fixed delegates could sit there
    for (const g of groups) {
      const muni = people[g.rep]!.muni;
      if (muni < 0) continue;
      for (const s of candidatesOf[g.rep]!) {
        if (free[s]! > 0) reach.set(muni * S + s, (reach.get(muni * S + s) ?? 0) + g.members.length);
      }
    }
    for (const [pair, count] of reach) {
      const s = pair % S;
      const hub = net.addNode();
      hubOf.set(pair, hub);
      const already = fixedPair.get(pair) ?? 0;
      net.addArc(hub, sectionNode[s]!, Math.min(count, free[s]!), w.spread * already, w.spread);
    }
  }

  const target = (muni: number, s: number) => (spreadOn && muni >= 0 ? hubOf.get(muni * S + s)! : sectionNode[s]!);
  // Unlisted seats go through one pool node per municipality. Exact as long as an unlisted seat costs at
  // least any listed one: then an optimal flow never sends a person through the pool to a section they
  // listed more cheaply, so pairing pool inflows with pool outflows in any order is a valid assignment.
  const maxPrefs = w.rankCost.length - 1;
  const usePools = w.allowUnranked && w.rankCost.slice(0, maxPrefs).every((c) => c <= w.unrankedCost);
  const pools = new Map<number, Pool>();
  const poolFor = (muni: number): Pool => {
    const key = spreadOn ? muni : -1;
    let pool = pools.get(key);
    if (pool === undefined) {
      const node = net.addNode();
      const out = free.flatMap((seats, s) => (seats > 0 ? [{ arc: net.addArc(node, target(key, s), seats, 0), s }] : []));
      pool = { node, out, at: 0, left: 0 };
      pools.set(key, pool);
    }
    return pool;
  };

  for (const g of groups) {
    const p = people[g.rep]!;
    const size = g.members.length;
    const node = net.addNode();
    net.addArc(source, node, size, 0);
    for (const s of usePools ? p.prefs : candidatesOf[g.rep]!) {
      if (free[s]! > 0) g.arcs.push({ arc: net.addArc(node, target(p.muni, s), size, placementCost(p, s, w)), s });
    }
    if (usePools) {
      const pool = poolFor(p.muni);
      g.unranked = { arc: net.addArc(node, pool.node, size, w.unrankedCost), pool };
    }
    if (w.waitlistCost !== null) net.addArc(node, sink, size, w.waitlistCost);
  }

  net.solve(source, sink, Number.POSITIVE_INFINITY, options.algorithm);

  // ── hand each group's flow out to its members in input order: listed choices first, then pooled seats ──
  const sectionOf = people.map((p) => p.fixed);
  const takeFromPool = (pool: Pool): number => {
    while (pool.left === 0) pool.left = net.flowOn(pool.out[++pool.at - 1]!.arc);
    pool.left--;
    return pool.out[pool.at - 1]!.s;
  };
  for (const g of groups) {
    let next = 0;
    for (const { arc, s } of g.arcs) {
      for (let f = net.flowOn(arc); f > 0; f--) sectionOf[g.members[next++]!] = s;
    }
    if (g.unranked !== null) {
      for (let f = net.flowOn(g.unranked.arc); f > 0; f--) sectionOf[g.members[next++]!] = takeFromPool(g.unranked.pool);
    }
  }

  const load = [...fixedLoad];
  for (let i = 0; i < people.length; i++) if (people[i]!.fixed < 0 && sectionOf[i]! >= 0) load[sectionOf[i]!]!++;

  const byChoice = new Array<number>(maxPrefs).fill(0);
  let unranked = 0;
  let fixedCount = 0;
  const assignment: SectionResult['assignment'] = [];
  const waitlist: SectionResult['waitlist'] = [];
  input.people.forEach((person, i) => {
    const p = people[i]!;
    const s = sectionOf[i]!;
    if (p.fixed >= 0) {
      fixedCount++;
      assignment.push({ personId: person.id, sectionId: sectionIds[s]!, choice: null, fixed: true });
      return;
    }
    if (s >= 0) {
      const r = p.prefs.indexOf(s);
      if (r >= 0) byChoice[r]!++;
      else unranked++;
      assignment.push({ personId: person.id, sectionId: sectionIds[s]!, choice: r >= 0 ? r + 1 : null, fixed: false });
      return;
    }
    assignment.push({ personId: person.id, sectionId: null, choice: null, fixed: false });
    waitlist.push({
      personId: person.id,
      reason: waitlistReason(p.prefs.length, candidatesOf[i]!, w.allowUnranked, capacity, fixedLoad, load),
      sectionIds: p.prefs.map((x) => sectionIds[x]!),
    });
  });

  const totalCapacity = capacity.reduce((a, b) => a + b, 0);
  return {
    assignment,
    stats: {
      byChoice,
      unranked,
      fixed: fixedCount,
      waitlisted: waitlist.length,
      demand: people.length,
      capacity: totalCapacity,
      overDemand: people.length > totalCapacity,
    },
    waitlist,
    sectionLoad: Object.fromEntries(sectionIds.map((id, s) => [id, load[s]!])),
    overCapacity: sectionIds.flatMap((sectionId, s) => (fixedLoad[s]! > capacity[s]! ? [{ sectionId, capacity: capacity[s]!, fixed: fixedLoad[s]! }] : [])),
  };
}

function waitlistReason(
  prefCount: number,
  candidates: number[],
  allowUnranked: boolean,
  capacity: number[],
  fixedLoad: number[],
  load: number[],
): WaitlistReason {
  if (prefCount === 0 && !allowUnranked) return 'no-preferences';
  // a free seat in a candidate section is only left empty when waiting was priced cheaper than it
  if (candidates.some((s) => load[s]! < capacity[s]!)) return 'waitlist-cheaper';
  // filled by fixed assignments: there were some, and they took every seat (a section of capacity 0 had
  // none to take — its people wait because it is full, like any other)
  if (candidates.length > 0 && candidates.every((s) => fixedLoad[s]! > 0 && fixedLoad[s]! >= capacity[s]!)) return 'over-capacity-fixed';
  return 'all-choices-full';
}
