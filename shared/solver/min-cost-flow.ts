/**
 * Min-cost max-flow on integer capacities and costs: successive shortest paths with node potentials
 * (primal–dual). Each phase runs one Dijkstra on reduced costs, then pushes a blocking flow (Dinic)
 * through every arc of reduced cost zero — all of them lie on a shortest path — so one phase serves
 * every augmenting path of the same length. The number of phases is the number of distinct marginal
 * costs, which for assignment problems with a few cost levels is small, not the number of units.
 *
 * Invariants:
 * - after every phase each residual arc has a non-negative reduced cost (cost + pot[u] − pot[v] ≥ 0);
 *   this is what lets Dijkstra run on a graph whose reverse arcs carry negative costs;
 * - the flow after `solve` is a min-cost flow for its value; with no `maxFlow` it is a maximum flow,
 *   so "as much flow as possible, then as cheap as possible" needs no big-M penalty;
 * - all arithmetic is on integers held in float64 (exact below 2^53), so equal path lengths compare
 *   equal and reduced costs test exactly against zero;
 * - deterministic: arcs are scanned in insertion order, so ties go to the arc added first.
 *
 * Negative costs are allowed (potentials start from Bellman–Ford) but negative-cost cycles are not.
 */

export type FlowResult = {
  /** Units pushed by this call. */
  flow: number;
  /** Total cost of those units. */
  cost: number;
};

const INF = Number.POSITIVE_INFINITY;

export class FlowNetwork {
  private n = 0;
  /** Internal arcs come in pairs: 2i is the arc the caller added, 2i + 1 its reverse (residual) arc. */
  private m = 0;
  private head = new Int32Array(16);
  private res = new Float64Array(16);
  /** Current marginal cost of the next unit on each internal arc (convex arcs change it as flow moves). */
  private cost = new Float64Array(16);
  /** Per caller arc: how much each further unit costs more than the previous one (0 for a linear arc). */
  private step = new Float64Array(8);
  private anyConvex = false;
  private pot = new Float64Array(0);
  /** Adjacency in CSR form (arc ids grouped by tail, insertion order inside a group); rebuilt lazily. */
  private start = new Int32Array(1);
  private adj = new Int32Array(0);
  private builtArcs = -1;
  /** Work done by the last `solve`, for benchmarks: Dijkstra phases and blocking-flow rounds. */
  lastSolveStats = { phases: 0, rounds: 0 };

  get nodeCount(): number {
    return this.n;
  }

  /** Arcs added by the caller (reverse arcs are not counted). */
  get arcCount(): number {
    return this.m >> 1;
  }

  addNode(): number {
    return this.n++;
  }

  addNodes(count: number): number {
    const first = this.n;
    this.n += count;
    return first;
  }

  /**
   * Adds an arc and returns its id (0, 1, 2… in insertion order). Capacity and cost must be safe
   * integers, capacity non-negative. With `costStep` > 0 the arc is convex: its k-th unit (0-based)
   * costs `cost + k·costStep` — one arc instead of `capacity` parallel arcs of rising cost, which keeps
   * load-balancing terms (delegates per section, reviews per juror) from multiplying the graph.
   */
  addArc(from: number, to: number, capacity: number, cost: number, costStep = 0): number {
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < 0 || from >= this.n || to >= this.n) {
      throw new RangeError(`addArc: node out of range (${from} → ${to}, ${this.n} nodes)`);
    }
    if (!Number.isSafeInteger(capacity) || capacity < 0) throw new RangeError(`addArc: capacity ${capacity} is not a non-negative integer`);
    if (!Number.isSafeInteger(cost)) throw new RangeError(`addArc: cost ${cost} is not an integer`);
    // a concave arc would break the shortest-path optimality argument
    if (!Number.isSafeInteger(costStep) || costStep < 0) throw new RangeError(`addArc: costStep ${costStep} is not a non-negative integer`);
    if (this.m + 2 > this.head.length) this.grow();
    const a = this.m;
    this.head[a] = to;
    this.res[a] = capacity;
    this.cost[a] = cost;
    this.head[a + 1] = from;
    this.res[a + 1] = 0;
    // the reverse arc refunds the last unit sent: −(cost + (flow − 1)·step), i.e. +step at zero flow,
    // never usable there because its residual is 0
    this.cost[a + 1] = -cost + costStep;
    this.step[a >> 1] = costStep;
    if (costStep > 0) this.anyConvex = true;
    this.m += 2;
    return a >> 1;
  }

  /** Units currently flowing on an arc returned by `addArc`. */
  flowOn(arcId: number): number {
    const r = this.res[2 * arcId + 1];
    if (r === undefined || arcId < 0) throw new RangeError(`flowOn: no arc ${arcId}`);
    return r;
  }

  /**
   * Pushes up to `maxFlow` more units from `source` to `sink` at minimum cost (all it can if omitted).
   * May be called again to push more; arcs added in between must not create negative-cost cycles.
   */
  solve(source: number, sink: number, maxFlow: number = INF): FlowResult {
    if (source === sink || source < 0 || sink < 0 || source >= this.n || sink >= this.n) {
      throw new RangeError(`solve: bad source/sink (${source}, ${sink})`);
    }
    this.build();
    const n = this.n;
    const { head, res, cost, step, start, adj } = this;
    const anyConvex = this.anyConvex;
    if (this.pot.length !== n) {
      const pot = new Float64Array(n);
      pot.set(this.pot.subarray(0, Math.min(n, this.pot.length)));
      this.pot = pot;
    }
    const pot = this.pot;
    if (this.anyNegativeReduced()) this.bellmanFord(source);

    const dist = new Float64Array(n);
    const level = new Int32Array(n);
    const it = new Int32Array(n);
    const queue = new Int32Array(n);
    const path = new Int32Array(n);
    // lazy binary heap: every improvement pushes a new entry, stale ones are skipped when popped
    let heapKey = new Float64Array(1024);
    let heapNode = new Int32Array(1024);

    let flow = 0;
    let total = 0;
    let phases = 0;
    let rounds = 0;
    while (flow < maxFlow) {
      // ── Dijkstra on reduced costs, stopped as soon as the sink is settled ──
      dist.fill(INF);
      dist[source] = 0;
      let size = 0;
      heapKey[0] = 0;
      heapNode[0] = source;
      size = 1;
      while (size > 0) {
        const d = heapKey[0]!;
        const u = heapNode[0]!;
        size--;
        if (size > 0) {
          const k = heapKey[size]!;
          const v = heapNode[size]!;
          let i = 0;
          for (;;) {
            let c = 2 * i + 1;
            if (c >= size) break;
            if (c + 1 < size && heapKey[c + 1]! < heapKey[c]!) c++;
            if (heapKey[c]! >= k) break;
            heapKey[i] = heapKey[c]!;
            heapNode[i] = heapNode[c]!;
            i = c;
          }
          heapKey[i] = k;
          heapNode[i] = v;
        }
        if (d > dist[u]!) continue;
        if (u === sink) break;
        const pu = pot[u]!;
        for (let j = start[u]!, end = start[u + 1]!; j < end; j++) {
          const a = adj[j]!;
          if (res[a]! <= 0) continue;
          const v = head[a]!;
          const nd = d + cost[a]! + pu - pot[v]!;
          if (nd < dist[v]!) {
            dist[v] = nd;
            if (size === heapKey.length) {
              const k2 = new Float64Array(size * 2);
              k2.set(heapKey);
              heapKey = k2;
              const n2 = new Int32Array(size * 2);
              n2.set(heapNode);
              heapNode = n2;
            }
            let i = size++;
            while (i > 0) {
              const p = (i - 1) >> 1;
              if (heapKey[p]! <= nd) break;
              heapKey[i] = heapKey[p]!;
              heapNode[i] = heapNode[p]!;
              i = p;
            }
            heapKey[i] = nd;
            heapNode[i] = v;
          }
        }
      }
      const D = dist[sink]!;
      if (D === INF) break;
      phases++;
      // Capping at D keeps reduced costs non-negative for nodes Dijkstra did not settle (early stop).
      for (let v = 0; v < n; v++) {
        const dv = dist[v]!;
        pot[v] = pot[v]! + (dv < D ? dv : D);
      }
      // Every admissible path now has original cost pot[sink] − pot[source].
      const pathCost = pot[sink]! - pot[source]!;

      // ── Dinic on the admissible subgraph (residual > 0 and reduced cost 0) ──
      const isAdmissible = (a: number, u: number, v: number) => res[a]! > 0 && cost[a]! + pot[u]! - pot[v]! === 0;
      for (;;) {
        level.fill(-1);
        level[source] = 0;
        let qh = 0;
        let qt = 0;
        queue[qt++] = source;
        while (qh < qt) {
          const u = queue[qh++]!;
          if (u === sink) continue;
          const lu = level[u]!;
          for (let j = start[u]!, end = start[u + 1]!; j < end; j++) {
            const a = adj[j]!;
            const v = head[a]!;
            if (level[v] === -1 && isAdmissible(a, u, v)) {
              level[v] = lu + 1;
              queue[qt++] = v;
            }
          }
        }
        if (level[sink] === -1) break;
        rounds++;
        for (let v = 0; v < n; v++) it[v] = start[v]!;
        let depth = 0;
        let u = source;
        for (;;) {
          if (u === sink) {
            let b = maxFlow - flow;
            for (let i = 0; i < depth; i++) {
              const a = path[i]!;
              // a convex arc stays admissible for one unit only: the next one costs `step` more
              b = Math.min(b, anyConvex && step[a >> 1]! > 0 ? 1 : res[a]!);
            }
            for (let i = 0; i < depth; i++) {
              const a = path[i]!;
              res[a] = res[a]! - b;
              res[a ^ 1] = res[a ^ 1]! + b;
              if (anyConvex) {
                const st = step[a >> 1]! * b;
                cost[a] = cost[a]! + st;
                cost[a ^ 1] = cost[a ^ 1]! - st;
              }
            }
            flow += b;
            total += b * pathCost;
            if (flow >= maxFlow) break;
            // resume from the tail of the first arc that is saturated or no longer admissible
            let k = 0;
            while (res[path[k]!]! > 0 && !(anyConvex && step[path[k]! >> 1]! > 0)) k++;
            depth = k;
            u = head[path[k]! ^ 1]!;
            continue;
          }
          let advanced = false;
          const lu = level[u]!;
          for (const end = start[u + 1]!; it[u]! < end; it[u]!++) {
            const a = adj[it[u]!]!;
            const v = head[a]!;
            if (level[v] === lu + 1 && isAdmissible(a, u, v)) {
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
        if (flow >= maxFlow) break;
      }
    }
    this.lastSolveStats = { phases, rounds };
    return { flow, cost: total };
  }

  /** Nodes reachable from `from` through arcs with residual capacity: after `solve`, the source side of a minimum cut. */
  residualReachable(from: number): Uint8Array {
    this.build();
    const seen = new Uint8Array(this.n);
    const stack = [from];
    seen[from] = 1;
    while (stack.length > 0) {
      const u = stack.pop()!;
      for (let j = this.start[u]!, end = this.start[u + 1]!; j < end; j++) {
        const a = this.adj[j]!;
        const v = this.head[a]!;
        if (this.res[a]! > 0 && seen[v] === 0) {
          seen[v] = 1;
          stack.push(v);
        }
      }
    }
    return seen;
  }

  private grow(): void {
    const size = this.head.length * 2;
    const head = new Int32Array(size);
    head.set(this.head);
    this.head = head;
    const res = new Float64Array(size);
    res.set(this.res);
    this.res = res;
    const cost = new Float64Array(size);
    cost.set(this.cost);
    this.cost = cost;
    const step = new Float64Array(size >> 1);
    step.set(this.step);
    this.step = step;
  }

  /** Counting sort of arcs by tail; stable, so each node's arcs stay in insertion order. */
  private build(): void {
    if (this.builtArcs === this.m && this.start.length === this.n + 1) return;
    const n = this.n;
    const m = this.m;
    const start = new Int32Array(n + 1);
    for (let a = 0; a < m; a++) start[this.head[a ^ 1]! + 1]!++;
    for (let v = 0; v < n; v++) start[v + 1] = start[v + 1]! + start[v]!;
    const fill = start.slice(0, n);
    const adj = new Int32Array(m);
    for (let a = 0; a < m; a++) adj[fill[this.head[a ^ 1]!]!++] = a;
    this.start = start;
    this.adj = adj;
    this.builtArcs = m;
  }

  private anyNegativeReduced(): boolean {
    const { head, res, cost, pot } = this;
    for (let a = 0; a < this.m; a++) {
      if (res[a]! > 0 && cost[a]! + pot[head[a ^ 1]!]! - pot[head[a]!]! < 0) return true;
    }
    return false;
  }

  /** Shortest distances from `source` by FIFO Bellman–Ford (SPFA); throws on a negative-cost cycle. */
  private bellmanFord(source: number): void {
    const n = this.n;
    const { head, res, cost, start, adj } = this;
    const dist = new Float64Array(n).fill(INF);
    const inQueue = new Uint8Array(n);
    const relaxed = new Int32Array(n);
    const queue = new Int32Array(n + 1); // circular: each node is in the queue at most once
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
        if (nd < dist[v]!) {
          dist[v] = nd;
          if (inQueue[v] === 0) {
            if (++relaxed[v]! > n) throw new Error('FlowNetwork: negative-cost cycle');
            inQueue[v] = 1;
            queue[qt] = v;
            qt = qt === n ? 0 : qt + 1;
          }
        }
      }
    }
    // Nodes the source cannot reach never become reachable (augmentation only adds arcs between
    // reachable nodes), so any finite potential will do for them.
    for (let v = 0; v < n; v++) this.pot[v] = dist[v] === INF ? 0 : dist[v]!;
  }
}
