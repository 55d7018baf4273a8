/**
 * A general min-cost max-flow network on integer capacities and costs, typed-array based.
 * Sections (issue 5) and jury assignment (issue 6) are both built on it.
 *
 * Guarantees of `solve`:
 * - the flow is a maximum flow (or exactly `maxFlow` if that is smaller) and, among flows of that
 *   value, of minimum total cost — "as much as possible, then as cheap as possible" needs no big-M;
 * - exact: all arithmetic is on integers held in float64 (exact below 2^53; inputs are checked);
 * - deterministic: every scan follows arc insertion order, so equal inputs give equal flows, and
 *   among equally cheap choices the arc added first tends to win.
 *
 * Algorithms: successive shortest paths (flow-ssp.ts), switching to cost scaling (flow-cost-scaling.ts:
 * maximum flow by Dinic, then a min-cost circulation) when phases pile up — see SSP_PHASE_BUDGET — and
 * its prices fit in 2^53. Both are exact; which of several equally cheap flows comes out may differ.
 * Negative arc costs are allowed, negative-cost cycles are not.
 */
import { costScalingFits, minCostCirculation } from './flow-cost-scaling';
import type { FlowCounters, FlowGraph } from './flow-graph';
import { blockingFlow, newCounters, totalCost } from './flow-graph';
import { successiveShortestPaths } from './flow-ssp';

export type FlowResult = {
  /** Units pushed by this call. */
  flow: number;
  /** What this call changed the total cost by. */
  cost: number;
};

export type FlowAlgorithm = 'auto' | 'cost-scaling' | 'successive-shortest-paths';

/**
 * 'auto' starts with successive shortest paths — unbeatable when costs take few distinct values (plain
 * rank costs finish in 3–5 phases) — and hands over to cost scaling if that many phases did not finish:
 * a sign of fine-grained costs (spread, balance), where phases would number in the hundreds.
 */
const SSP_PHASE_BUDGET = 6;

export class FlowNetwork {
  private n = 0;
  private m = 0;
  private head = new Int32Array(16);
  private res = new Float64Array(16);
  private cost = new Float64Array(16);
  private step = new Float64Array(8);
  /** Potentials kept between successive-shortest-path calls. */
  private pot = new Float64Array(0);
  private start = new Int32Array(1);
  private adj = new Int32Array(0);
  private builtArcs = -1;
  /** Work done by the last `solve`, for benchmarks. */
  lastSolveStats: FlowCounters & { algorithm: FlowAlgorithm } = { ...newCounters(), algorithm: 'auto' };

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

  /** Adds `count` nodes and returns the first one's id; the others follow consecutively. */
  addNodes(count: number): number {
    if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`addNodes: ${count}`);
    const first = this.n;
    this.n += count;
    return first;
  }

  /**
   * Adds an arc and returns its id (0, 1, 2… in insertion order). Capacity and cost are safe integers,
   * capacity ≥ 0. With `costStep` > 0 the arc is convex: its k-th unit (0-based) costs
   * `cost + k·costStep` — one arc instead of `capacity` parallel arcs of rising cost, so load-balancing
   * terms (delegates per section, reviews per juror) do not multiply the graph. A concave arc
   * (costStep < 0) is refused: neither algorithm would be optimal with it.
   */
  addArc(from: number, to: number, capacity: number, cost: number, costStep = 0): number {
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < 0 || from >= this.n || to >= this.n) {
      throw new RangeError(`addArc: node out of range (${from} → ${to}, ${this.n} nodes)`);
    }
    if (!Number.isSafeInteger(capacity) || capacity < 0) throw new RangeError(`addArc: capacity ${capacity} is not a non-negative integer`);
    if (!Number.isSafeInteger(cost)) throw new RangeError(`addArc: cost ${cost} is not an integer`);
    if (!Number.isSafeInteger(costStep) || costStep < 0) throw new RangeError(`addArc: costStep ${costStep} is not a non-negative integer`);
    if (!Number.isSafeInteger(Math.abs(cost) + costStep * capacity)) throw new RangeError('addArc: cost of the last unit is not a safe integer');
    if (this.m + 2 > this.head.length) this.grow();
    const a = this.m;
    this.head[a] = to;
    this.res[a] = capacity;
    this.cost[a] = cost;
    this.head[a + 1] = from;
    this.res[a + 1] = 0;
    // the reverse arc refunds the last unit sent, −(cost + (flow − 1)·step); unusable while flow is 0
    this.cost[a + 1] = -cost + costStep;
    this.step[a >> 1] = costStep;
    this.m += 2;
    return a >> 1;
  }

  /** Units currently flowing on an arc returned by `addArc`. */
  flowOn(arcId: number): number {
    if (!Number.isInteger(arcId) || arcId < 0 || 2 * arcId >= this.m) throw new RangeError(`flowOn: no arc ${arcId}`);
    return this.res[2 * arcId + 1]!;
  }

  /** Total cost of the current flow over all arcs. */
  totalCost(): number {
    return totalCost(this.graph());
  }

  /**
   * Pushes up to `maxFlow` more units from `source` to `sink` (all it can if omitted) and makes the
   * whole flow as cheap as possible for its value. May be called again to push more.
   */
  solve(source: number, sink: number, maxFlow = Number.POSITIVE_INFINITY, requested: FlowAlgorithm = 'auto'): FlowResult {
    if (source === sink || !(source >= 0 && sink >= 0 && source < this.n && sink < this.n)) {
      throw new RangeError(`solve: bad source/sink (${source}, ${sink})`);
    }
    const g = this.graph();
    const counters = newCounters();
    const before = totalCost(g);
    let flow = 0;
    let algorithm = requested;
    if (algorithm !== 'cost-scaling') {
      if (algorithm === 'auto' && !costScalingFits(g)) algorithm = 'successive-shortest-paths';
      if (this.pot.length !== this.n) {
        const pot = new Float64Array(this.n);
        pot.set(this.pot.subarray(0, Math.min(this.n, this.pot.length)));
        this.pot = pot;
      }
      const budget = algorithm === 'auto' ? SSP_PHASE_BUDGET : Number.POSITIVE_INFINITY;
      const r = successiveShortestPaths(g, this.pot, source, sink, maxFlow, counters, budget);
      flow = r.flow;
      algorithm = r.done ? 'successive-shortest-paths' : 'cost-scaling';
    }
    if (algorithm === 'cost-scaling') {
      if (!costScalingFits(g)) throw new RangeError('solve: costs too large for cost scaling');
      flow += blockingFlow(g, source, sink, maxFlow - flow, null, counters);
      minCostCirculation(g, counters);
    }
    this.lastSolveStats = { ...counters, algorithm };
    return { flow, cost: totalCost(g) - before };
  }

  /** Nodes reachable from `from` through arcs with residual capacity: after `solve`, the source side of a minimum cut. */
  residualReachable(from: number): Uint8Array {
    const { head, res, start, adj } = this.graph();
    const seen = new Uint8Array(this.n);
    const stack = [from];
    seen[from] = 1;
    while (stack.length > 0) {
      const u = stack.pop()!;
      for (let j = start[u]!, end = start[u + 1]!; j < end; j++) {
        const a = adj[j]!;
        const v = head[a]!;
        if (res[a]! > 0 && seen[v] === 0) {
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

  /** The graph view, with the CSR adjacency rebuilt if arcs or nodes were added (stable counting sort by tail). */
  private graph(): FlowGraph {
    const n = this.n;
    const m = this.m;
    if (this.builtArcs !== m || this.start.length !== n + 1) {
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
    return { n, m, head: this.head, res: this.res, cost: this.cost, step: this.step, start: this.start, adj: this.adj };
  }
}
