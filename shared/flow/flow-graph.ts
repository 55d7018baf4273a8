/**
 * The residual graph shared by the flow algorithms, and the blocking-flow (Dinic) routine both use.
 *
 * Layout: internal arcs come in pairs, 2i the arc the caller added and 2i + 1 its reverse; `res` is the
 * residual capacity, so the flow on arc i is res[2i + 1]. `cost` holds the marginal cost of the next
 * unit through each internal arc. For a linear arc that is fixed (c and −c); for a convex arc (step > 0,
 * k-th unit costs c + k·step) it moves with the flow: forward c + f·step, reverse −(c + (f − 1)·step).
 * `start`/`adj` is the adjacency in CSR form, arcs of one node in insertion order — every scan follows
 * that order, which is what makes results deterministic and ties go to the arc added first.
 */

export type FlowGraph = {
  n: number;
  m: number;
  head: Int32Array;
  res: Float64Array;
  cost: Float64Array;
  /** Per caller arc (index i for internal arcs 2i, 2i + 1). */
  step: Float64Array;
  start: Int32Array;
  adj: Int32Array;
};

export type FlowCounters = { phases: number; rounds: number; pushes: number; relabels: number };

export const newCounters = (): FlowCounters => ({ phases: 0, rounds: 0, pushes: 0, relabels: 0 });

/** Moves b units through internal arc a, keeping convex marginal costs in step with the flow. */
export function push(g: FlowGraph, a: number, b: number): void {
  g.res[a] = g.res[a]! - b;
  g.res[a ^ 1] = g.res[a ^ 1]! + b;
  const st = g.step[a >> 1]!;
  if (st !== 0) {
    g.cost[a] = g.cost[a]! + st * b;
    g.cost[a ^ 1] = g.cost[a ^ 1]! - st * b;
  }
}

/** Sum of cost over all caller arcs at their current flow (a convex arc's f units cost f·c + step·f(f−1)/2). */
export function totalCost(g: FlowGraph): number {
  let total = 0;
  for (let a = 0; a < g.m; a += 2) {
    const f = g.res[a + 1]!;
    if (f === 0) continue;
    const st = g.step[a >> 1]!;
    const base = g.cost[a]! - st * f;
    total += base * f + (st * f * (f - 1)) / 2;
  }
  return total;
}

/**
 * Blocking-flow rounds (BFS levels, then advance/retreat DFS with current-arc pointers) until `sink`
 * is unreachable or `limit` units have moved. With `pot` only arcs of reduced cost zero are usable —
 * the shortest-path subgraph of a primal–dual phase — and a convex arc carries one unit per round,
 * since its next unit is `step` dearer. Without `pot` it is a plain maximum flow. Returns units moved.
 */
export function blockingFlow(g: FlowGraph, source: number, sink: number, limit: number, pot: Float64Array | null, counters: FlowCounters): number {
  const { n, head, res, cost, step, start, adj } = g;
  const level = new Int32Array(n);
  const it = new Int32Array(n);
  const queue = new Int32Array(n);
  const path = new Int32Array(n);
  const usable = (a: number, u: number, v: number) => res[a]! > 0 && (pot === null || cost[a]! + pot[u]! - pot[v]! === 0);
  // a convex arc's next unit is dearer, so in a shortest-path phase it leaves the subgraph after one unit
  const oneUnit = (a: number) => pot !== null && step[a >> 1]! !== 0;
  let flow = 0;
  while (flow < limit) {
    level.fill(-1);
    level[source] = 0;
    let qh = 0;
    let qt = 0;
    queue[qt++] = source;
    // nodes at or beyond the sink's level cannot be on a shortest (in hops) path: never expand them
    let sinkLevel = n;
    while (qh < qt) {
      const u = queue[qh++]!;
      const lu = level[u]!;
      if (lu + 1 >= sinkLevel) break;
      for (let j = start[u]!, end = start[u + 1]!; j < end; j++) {
        const a = adj[j]!;
        const v = head[a]!;
        if (level[v] === -1 && usable(a, u, v)) {
          level[v] = lu + 1;
          if (v === sink) sinkLevel = lu + 1;
          else queue[qt++] = v;
        }
      }
    }
    if (level[sink] === -1) break;
    counters.rounds++;
    for (let v = 0; v < n; v++) it[v] = start[v]!;
    let depth = 0;
    let u = source;
    for (;;) {
      if (u === sink) {
        let b = limit - flow;
        for (let i = 0; i < depth; i++) {
          const a = path[i]!;
          b = Math.min(b, oneUnit(a) ? 1 : res[a]!);
        }
        for (let i = 0; i < depth; i++) push(g, path[i]!, b);
        flow += b;
        if (flow >= limit) break;
        // resume from the tail of the first arc that is saturated or no longer of zero reduced cost
        let k = 0;
        while (res[path[k]!]! > 0 && !oneUnit(path[k]!)) k++;
        depth = k;
        u = head[path[k]! ^ 1]!;
        continue;
      }
      let advanced = false;
      const next = level[u]! + 1;
      const last = next === sinkLevel;
      for (const end = start[u + 1]!; it[u]! < end; it[u]!++) {
        const a = adj[it[u]!]!;
        const v = head[a]!;
        if (level[v] === next && (!last || v === sink) && usable(a, u, v)) {
          path[depth++] = a;
          u = v;
          advanced = true;
          break;
        }
      }
      if (advanced) continue;
      if (u === source) break;
      level[u] = -2; // dead end for the rest of this round
      const a = path[--depth]!;
      u = head[a ^ 1]!;
      it[u]!++;
    }
  }
  return flow;
}

/** Binary min-heap of (key, node) with lazy deletion: callers skip entries whose key is stale. */
export class MinHeap {
  private keys = new Float64Array(1024);
  private nodes = new Int32Array(1024);
  size = 0;
  /** Key of the entry returned by the last `pop`. */
  key = 0;

  clear(): void {
    this.size = 0;
  }

  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const k2 = new Float64Array(this.size * 2);
      k2.set(this.keys);
      this.keys = k2;
      const n2 = new Int32Array(this.size * 2);
      n2.set(this.nodes);
      this.nodes = n2;
    }
    const { keys, nodes } = this;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p]! <= key) break;
      keys[i] = keys[p]!;
      nodes[i] = nodes[p]!;
      i = p;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  /** Removes the smallest entry and returns its node (its key is left in `key`). */
  pop(): number {
    const { keys, nodes } = this;
    this.key = keys[0]!;
    const top = nodes[0]!;
    const size = --this.size;
    if (size > 0) {
      const k = keys[size]!;
      const v = nodes[size]!;
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= size) break;
        if (c + 1 < size && keys[c + 1]! < keys[c]!) c++;
        if (keys[c]! >= k) break;
        keys[i] = keys[c]!;
        nodes[i] = nodes[c]!;
        i = c;
      }
      keys[i] = k;
      nodes[i] = v;
    }
    return top;
  }
}
