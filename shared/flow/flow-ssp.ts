/**
 * Successive shortest paths with node potentials (primal–dual). Each phase runs one Dijkstra on
 * reduced costs, then a blocking flow through every arc of reduced cost zero — all of them lie on a
 * shortest path — so one phase serves every augmenting path of the same length. Phases = distinct
 * marginal costs met on the way: few for plain assignment, many once convex terms add fine-grained
 * costs (which is why FlowNetwork prefers cost scaling; this stays as the reference and fallback).
 *
 * Invariants: after each phase every residual arc has reduced cost ≥ 0 (cost + pot[u] − pot[v]), which
 * is what lets Dijkstra run on reverse arcs of negative cost; the flow is min-cost for its value after
 * every phase, so stopping at maximum flow gives "most flow, then cheapest" with no big-M.
 */
import type { FlowCounters, FlowGraph } from './flow-graph';
import { blockingFlow, MinHeap } from './flow-graph';

const INF = Number.POSITIVE_INFINITY;

/**
 * Pushes up to `limit` units from source to sink at minimum cost; `pot` is kept between calls. Stops
 * early after `maxPhases` phases (the flow is then min-cost for its smaller value). Returns units pushed
 * and whether it finished.
 */
export function successiveShortestPaths(
  g: FlowGraph,
  pot: Float64Array,
  source: number,
  sink: number,
  limit: number,
  counters: FlowCounters,
  maxPhases = Number.POSITIVE_INFINITY,
): { flow: number; done: boolean } {
  const { n, head, res, cost, start, adj } = g;
  if (anyNegativeReduced(g, pot)) bellmanFord(g, pot, source);
  const dist = new Float64Array(n);
  const heap = new MinHeap();
  let flow = 0;
  for (let phase = 0; flow < limit; phase++) {
    if (phase >= maxPhases) return { flow, done: false };
    dist.fill(INF);
    dist[source] = 0;
    heap.clear();
    heap.push(0, source);
    while (heap.size > 0) {
      const u = heap.pop();
      const d = heap.key;
      if (d > dist[u]!) continue;
      if (u === sink) break; // settled: the rest cannot shorten it
      const pu = pot[u]!;
      for (let j = start[u]!, end = start[u + 1]!; j < end; j++) {
        const a = adj[j]!;
        if (res[a]! <= 0) continue;
        const v = head[a]!;
        const nd = d + cost[a]! + pu - pot[v]!;
        if (nd >= dist[v]!) continue;
        dist[v] = nd;
        heap.push(nd, v);
      }
    }
    const D = dist[sink]!;
    if (D === INF) break;
    counters.phases++;
    // Capping at D keeps reduced costs non-negative for nodes the early-stopped Dijkstra did not settle.
    for (let v = 0; v < n; v++) {
      const dv = dist[v]!;
      pot[v] = pot[v]! + (dv < D ? dv : D);
    }
    flow += blockingFlow(g, source, sink, limit - flow, pot, counters);
  }
  return { flow, done: true };
}

function anyNegativeReduced(g: FlowGraph, pot: Float64Array): boolean {
  const { head, res, cost } = g;
  for (let a = 0; a < g.m; a++) {
    if (res[a]! > 0 && cost[a]! + pot[head[a ^ 1]!]! - pot[head[a]!]! < 0) return true;
  }
  return false;
}

/** Potentials = shortest distances from `source` by FIFO Bellman–Ford (SPFA); throws on a negative-cost cycle. */
function bellmanFord(g: FlowGraph, pot: Float64Array, source: number): void {
  const { n, head, res, cost, start, adj } = g;
  const dist = new Float64Array(n).fill(INF);
  const inQueue = new Uint8Array(n);
  const enqueued = new Int32Array(n);
  const queue = new Int32Array(n + 1); // circular; a node is in it at most once
  let qh = 0;
  let qt = 0;
  dist[source] = 0;
  queue[qt++] = source;
  inQueue[source] = 1;
  while (qh !== qt) {
    const u = queue[qh]!;
    qh = qh === n ? 0 : qh + 1;
    inQueue[u] = 0;
    const du = dist[u]!;
    for (let j = start[u]!, end = start[u + 1]!; j < end; j++) {
      const a = adj[j]!;
      if (res[a]! <= 0) continue;
      const v = head[a]!;
      const nd = du + cost[a]!;
      if (nd >= dist[v]!) continue;
      dist[v] = nd;
      if (inQueue[v] === 0) {
        if (++enqueued[v]! > n) throw new Error('FlowNetwork: negative-cost cycle');
        inQueue[v] = 1;
        queue[qt] = v;
        qt = qt === n ? 0 : qt + 1;
      }
    }
  }
  // Nodes the source cannot reach never become reachable (augmenting only adds arcs between reachable
  // nodes), so any finite potential will do for them.
  for (let v = 0; v < n; v++) pot[v] = dist[v] === INF ? 0 : dist[v]!;
}
