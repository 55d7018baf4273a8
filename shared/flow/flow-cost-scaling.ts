/**
 * Min-cost circulation in the residual graph by cost scaling (Goldberg–Tarjan push–relabel).
 *
 * Why: a min-cost flow of value F = any flow of value F (found by max flow) + a min-cost circulation
 * in its residual graph, since a circulation changes no node's balance. Successive shortest paths pays
 * one Dijkstra per distinct marginal cost, and convex terms (spread, load balance) create hundreds of
 * those; cost scaling pays a handful of ε-rounds (log_α of n·C) instead.
 *
 * ε-optimality: every residual arc has reduced cost cost·K + p[u] − p[v] ≥ −ε. Costs are multiplied by
 * K = n + 1 so that ε = 1 in scaled units is below 1/n in real ones: then any cycle (≤ n arcs) has
 * reduced cost > −1, hence ≥ 0 as costs are integers, and the circulation is optimal.
 *
 * Convex arcs behave as their expansion into parallel unit arcs of rising cost, filled cheapest first:
 * only the next unit forward and the last unit back are residual "arcs" that matter, which is exactly
 * what `cost[a]` / `cost[a ^ 1]` hold, so pushes and relabels stay the textbook ones.
 */
import type { FlowCounters, FlowGraph } from './flow-graph';
import { MinHeap, push } from './flow-graph';

/** ε shrinks α-fold per round: larger α = fewer rounds but more relabels in each; 8–16 is the usual sweet spot. */
const ALPHA = 8;
/** A global price update after this many relabels per node (CS2 uses about 0.4 + 30/n). */
const UPDATE_EVERY = 0.5;
const PRICE_LIMIT = 2 ** 51;

/**
 * Whether prices are sure to stay exact integers in float64 (< 2^53). Theory bounds each node's total
 * price drop by about 3n·ε₀/(α − 1) with ε₀ = C·(n + 1); this keeps a wide margin over that, and
 * minCostCirculation still checks after every round. If it says no, use successive shortest paths.
 */
export function costScalingFits(g: FlowGraph): boolean {
  return 2 * (ALPHA + 1) * (g.n + 1) * (g.n + 1) * maxArcCost(g) < Number.MAX_SAFE_INTEGER;
}

function maxArcCost(g: FlowGraph): number {
  let max = 0;
  for (let a = 0; a < g.m; a += 2) {
    const f = g.res[a + 1]!;
    const st = g.step[a >> 1]!;
    const base = g.cost[a]! - st * f;
    const top = base + st * Math.max(0, g.res[a]! + f - 1);
    max = Math.max(max, Math.abs(base), Math.abs(top));
  }
  return max;
}

/** Makes the current flow min-cost among flows with the same balances. Mutates `g`. */
export function minCostCirculation(g: FlowGraph, counters: FlowCounters): void {
  const { n, head, res, cost, step, start, adj } = g;
  const K = n + 1;
  const maxCost = maxArcCost(g);
  if (maxCost === 0) return;
  const p = new Float64Array(n);
  const excess = new Float64Array(n);
  const it = new Int32Array(n);
  const inQueue = new Uint8Array(n);
  const queue = new Int32Array(n + 1); // circular; a node is in it at most once
  let qh = 0;
  let qt = 0;
  const enqueue = (v: number) => {
    if (inQueue[v] !== 0) return;
    inQueue[v] = 1;
    queue[qt] = v;
    qt = qt === n ? 0 : qt + 1;
  };
  /** Units worth pushing through a with reduced cost rc < 0: all of it, or for a convex arc those still below zero. */
  const amount = (a: number, rc: number, cap: number) => {
    const st = step[a >> 1]!;
    return st === 0 ? cap : Math.min(cap, Math.ceil(-rc / (st * K)));
  };

  const dist = new Float64Array(n);
  const heap = new MinHeap();
  /**
   * Global price update (Goldberg): lower every price by ε × its distance to the nearest deficit, where a
   * residual arc is ⌊rc/ε⌋ + 1 long. ε-optimality survives (rc ≥ −ε makes lengths ≥ 0) and every excess
   * then has an admissible path to a deficit — without it, units bounce between neighbours, relabelling
   * by ε at a time. Distances are capped at the largest one needed (the SSP trick), so the search stops
   * as soon as every excess is settled.
   */
  const priceUpdate = (eps: number) => {
    dist.fill(Number.POSITIVE_INFINITY);
    heap.clear();
    let waiting = 0;
    for (let v = 0; v < n; v++) {
      if (excess[v]! < 0) {
        dist[v] = 0;
        heap.push(0, v);
      } else if (excess[v]! > 0) waiting++;
    }
    let cap = 0;
    while (heap.size > 0 && waiting > 0) {
      const w = heap.pop();
      const dw = heap.key;
      if (dw > dist[w]!) continue;
      cap = dw;
      if (excess[w]! > 0) waiting--;
      const pw = p[w]!;
      // arcs into w are the reverses of w's own arcs
      for (let j = start[w]!, end = start[w + 1]!; j < end; j++) {
        const b = adj[j]!;
        const a = b ^ 1;
        if (res[a]! <= 0) continue;
        const v = head[b]!;
        const nd = dw + Math.floor((cost[a]! * K + p[v]! - pw) / eps) + 1;
        if (nd < dist[v]!) {
          dist[v] = nd;
          heap.push(nd, v);
        }
      }
    }
    for (let v = 0; v < n; v++) {
      p[v] = p[v]! - eps * Math.min(dist[v]!, cap);
      it[v] = start[v]!;
    }
    counters.rounds++;
  };

  // with zero prices any feasible flow is (maxCost·K)-optimal
  let eps = maxCost * K;
  do {
    eps = Math.max(1, Math.ceil(eps / ALPHA));
    // ── refine(ε): saturate every arc of negative reduced cost, which makes the flow 0-optimal but unbalanced… ──
    for (let u = 0; u < n; u++) {
      const pu = p[u]!;
      for (let j = start[u]!, end = start[u + 1]!; j < end; j++) {
        const a = adj[j]!;
        if (res[a]! <= 0) continue;
        const v = head[a]!;
        const rc = cost[a]! * K + pu - p[v]!;
        if (rc >= 0) continue;
        const b = amount(a, rc, res[a]!);
        push(g, a, b);
        excess[u] = excess[u]! - b;
        excess[v] = excess[v]! + b;
      }
    }
    priceUpdate(eps);
    let sinceUpdate = 0;
    for (let v = 0; v < n; v++) if (excess[v]! > 0) enqueue(v);
    // ── …then push excess along admissible arcs (reduced cost < 0), relabelling by just enough to create one ──
    while (qh !== qt) {
      const u = queue[qh]!;
      qh = qh === n ? 0 : qh + 1;
      inQueue[u] = 0;
      const end = start[u + 1]!;
      while (excess[u]! > 0) {
        if (it[u] === end) {
          // relabel: the highest price that makes some residual arc admissible at −ε; prices only fall
          let best = Number.NEGATIVE_INFINITY;
          for (let j = start[u]!; j < end; j++) {
            const a = adj[j]!;
            if (res[a]! > 0) best = Math.max(best, p[head[a]!]! - cost[a]! * K);
          }
          p[u] = best - eps;
          it[u] = start[u]!;
          counters.relabels++;
          if (++sinceUpdate >= UPDATE_EVERY * n) {
            sinceUpdate = 0;
            priceUpdate(eps);
          }
          continue;
        }
        const a = adj[it[u]!]!;
        const v = head[a]!;
        const rc = res[a]! > 0 ? cost[a]! * K + p[u]! - p[v]! : 0;
        if (rc < 0) {
          const b = amount(a, rc, Math.min(excess[u]!, res[a]!));
          push(g, a, b);
          counters.pushes++;
          excess[u] = excess[u]! - b;
          excess[v] = excess[v]! + b;
          if (excess[v]! > 0) enqueue(v);
        } else {
          it[u]!++;
        }
      }
    }
    counters.phases++;
    for (let v = 0; v < n; v++) {
      if (Math.abs(p[v]!) > PRICE_LIMIT) throw new RangeError('cost scaling: prices outgrew exact integers');
    }
  } while (eps > 1);
}
