import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FlowAlgorithm } from '../../../../shared/flow';
import { FlowNetwork } from '../../../../shared/flow';

const ALGORITHMS: FlowAlgorithm[] = ['auto', 'successive-shortest-paths', 'cost-scaling'];

type ArcSpec = { from: number; to: number; cap: number; cost: number; step?: number };

function build(nodes: number, arcs: ArcSpec[]): FlowNetwork {
  const net = new FlowNetwork();
  for (let i = 0; i < nodes; i++) net.addNode();
  for (const a of arcs) net.addArc(a.from, a.to, a.cap, a.cost, a.step ?? 0);
  return net;
}

/**
 * Textbook reference: convex arcs expanded into unit arcs, then one unit at a time along a
 * Bellman–Ford shortest path. Slow and obviously right.
 */
function reference(nodes: number, arcs: ArcSpec[], source: number, sink: number, limit = Infinity): { flow: number; cost: number } {
  const to: number[] = [];
  const res: number[] = [];
  const cost: number[] = [];
  const add = (u: number, v: number, c: number, w: number) => {
    to.push(v, u);
    res.push(c, 0);
    cost.push(w, -w);
  };
  const tail = (e: number) => to[e ^ 1]!;
  for (const a of arcs) {
    if (a.step) for (let k = 0; k < a.cap; k++) add(a.from, a.to, 1, a.cost + k * a.step);
    else add(a.from, a.to, a.cap, a.cost);
  }
  let flow = 0;
  let total = 0;
  while (flow < limit) {
    const dist = new Array<number>(nodes).fill(Infinity);
    const via = new Array<number>(nodes).fill(-1);
    dist[source] = 0;
    for (let round = 0; round < nodes; round++) {
      for (let e = 0; e < to.length; e++) {
        if (res[e]! > 0 && dist[tail(e)]! + cost[e]! < dist[to[e]!]!) {
          dist[to[e]!] = dist[tail(e)]! + cost[e]!;
          via[to[e]!] = e;
        }
      }
    }
    if (dist[sink] === Infinity) break;
    for (let v = sink; v !== source; v = tail(via[v]!)) {
      res[via[v]!]!--;
      res[via[v]! ^ 1]!++;
    }
    flow++;
    total += dist[sink]!;
  }
  return { flow, cost: total };
}

describe('FlowNetwork', () => {
  // s=0, a=1, b=2, t=3. Paths: s→a→t costs 4, s→a→b→t 3, s→b→t 3.
  // Max flow 3 must use all three: 1·(1+3) + 1·(1+1+1) + 1·(2+1) = 10; the cheapest 1 unit costs 3, 2 units 6.
  const hand: ArcSpec[] = [
    { from: 0, to: 1, cap: 2, cost: 1 },
    { from: 0, to: 2, cap: 1, cost: 2 },
    { from: 1, to: 2, cap: 1, cost: 1 },
    { from: 1, to: 3, cap: 1, cost: 3 },
    { from: 2, to: 3, cap: 2, cost: 1 },
  ];

  for (const algorithm of ALGORITHMS) {
    it(`solves a hand-computed network (${algorithm})`, () => {
      const net = build(4, hand);
      expect(net.solve(0, 3, Infinity, algorithm)).toEqual({ flow: 3, cost: 10 });
      expect([0, 1, 2, 3, 4].map((a) => net.flowOn(a))).toEqual([2, 1, 1, 1, 2]);
      expect(net.totalCost()).toBe(10);
      expect(build(4, hand).solve(0, 3, 1, algorithm)).toEqual({ flow: 1, cost: 3 });
      expect(build(4, hand).solve(0, 3, 2, algorithm)).toEqual({ flow: 2, cost: 6 });
    });

    it(`prices a convex arc unit by unit (${algorithm})`, () => {
      // units on the convex arc cost 1, 3, 5, 7; the plain arc costs 4 each
      const arcs = [
        { from: 0, to: 1, cap: 4, cost: 1, step: 2 },
        { from: 0, to: 1, cap: 5, cost: 4 },
      ];
      expect(build(2, arcs).solve(0, 1, 4, algorithm)).toEqual({ flow: 4, cost: 1 + 3 + 4 + 4 });
      const net = build(2, arcs);
      expect(net.solve(0, 1, Infinity, algorithm)).toEqual({ flow: 9, cost: 1 + 3 + 5 + 7 + 5 * 4 });
      expect(net.flowOn(0)).toBe(4);
    });

    it(`handles negative arc costs without negative cycles (${algorithm})`, () => {
      const net = build(3, [
        { from: 0, to: 1, cap: 1, cost: -5 },
        { from: 1, to: 2, cap: 1, cost: 2 },
        { from: 0, to: 2, cap: 1, cost: 0 },
      ]);
      expect(net.solve(0, 2, Infinity, algorithm)).toEqual({ flow: 2, cost: -3 });
    });
  }

  it('continues from the current flow when solve is called again', () => {
    const net = build(4, hand);
    expect(net.solve(0, 3, 1)).toEqual({ flow: 1, cost: 3 });
    expect(net.solve(0, 3)).toEqual({ flow: 2, cost: 7 });
    expect(net.totalCost()).toBe(10);
  });

  it('reports the source side of a minimum cut', () => {
    const net = build(4, hand);
    const { flow } = net.solve(0, 3);
    const side = net.residualReachable(0);
    const cut = hand.filter((a) => side[a.from] === 1 && side[a.to] === 0).reduce((sum, a) => sum + a.cap, 0);
    expect(side[3]).toBe(0);
    expect(cut).toBe(flow);
  });

  it('refuses bad arcs and endpoints', () => {
    const net = build(2, []);
    expect(() => net.addArc(0, 2, 1, 0)).toThrow(RangeError);
    expect(() => net.addArc(0, 1, -1, 0)).toThrow(RangeError);
    expect(() => net.addArc(0, 1, 1, 0.5)).toThrow(RangeError);
    expect(() => net.addArc(0, 1, 1, 0, -1)).toThrow(RangeError);
    expect(() => net.solve(0, 0)).toThrow(RangeError);
    expect(() => net.flowOn(0)).toThrow(RangeError);
    expect(net.addNodes(3)).toBe(2);
    expect(net.nodeCount).toBe(5);
  });

  it('throws on a negative-cost cycle reachable from the source (successive shortest paths)', () => {
    const net = build(3, [
      { from: 0, to: 1, cap: 1, cost: 0 },
      { from: 1, to: 2, cap: 1, cost: -2 },
      { from: 2, to: 1, cap: 1, cost: 1 },
    ]);
    expect(() => net.solve(0, 2, Infinity, 'successive-shortest-paths')).toThrow(/negative-cost cycle/);
  });

  const arcArb = (nodes: number) =>
    fc.record({
      from: fc.integer({ min: 0, max: nodes - 1 }),
      to: fc.integer({ min: 0, max: nodes - 1 }),
      cap: fc.integer({ min: 0, max: 4 }),
      cost: fc.integer({ min: 0, max: 20 }),
      step: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 6 })),
    });
  const graphArb = fc.integer({ min: 2, max: 7 }).chain((nodes) =>
    fc.record({ nodes: fc.constant(nodes), arcs: fc.array(arcArb(nodes), { maxLength: 16 }), limit: fc.oneof(fc.constant(Infinity), fc.integer({ min: 0, max: 6 })) }),
  );

  it('matches the unit-by-unit reference on random graphs, with every algorithm', () => {
    fc.assert(
      fc.property(graphArb, ({ nodes, arcs, limit }) => {
        const expected = reference(nodes, arcs, 0, nodes - 1, limit);
        for (const algorithm of ALGORITHMS) {
          const net = build(nodes, arcs);
          const got = net.solve(0, nodes - 1, limit, algorithm);
          expect(got).toEqual(expected);
          // flows respect capacities and conserve at every inner node
          const balance = new Array<number>(nodes).fill(0);
          arcs.forEach((a, i) => {
            const f = net.flowOn(i);
            expect(f).toBeGreaterThanOrEqual(0);
            expect(f).toBeLessThanOrEqual(a.cap);
            balance[a.from]! -= f;
            balance[a.to]! += f;
          });
          for (let v = 1; v < nodes - 1; v++) expect(balance[v]).toBe(0);
          expect(balance[nodes - 1]).toBe(got.flow);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('matches the reference with negative costs on acyclic graphs', () => {
    const dag = fc.integer({ min: 2, max: 7 }).chain((nodes) =>
      fc.record({
        nodes: fc.constant(nodes),
        arcs: fc.array(
          fc.record({ a: fc.integer({ min: 0, max: nodes - 1 }), b: fc.integer({ min: 0, max: nodes - 1 }), cap: fc.integer({ min: 0, max: 3 }), cost: fc.integer({ min: -10, max: 10 }) }),
          { maxLength: 14 },
        ),
      }),
    );
    fc.assert(
      fc.property(dag, ({ nodes, arcs }) => {
        // arcs only go from lower to higher node numbers: no cycles at all
        const specs = arcs.filter((x) => x.a !== x.b).map((x) => ({ from: Math.min(x.a, x.b), to: Math.max(x.a, x.b), cap: x.cap, cost: x.cost }));
        const expected = reference(nodes, specs, 0, nodes - 1);
        for (const algorithm of ALGORITHMS) expect(build(nodes, specs).solve(0, nodes - 1, Infinity, algorithm)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('finds a maximum matching of minimum cost in bipartite graphs (vs brute force)', () => {
    const matrix = fc.record({ left: fc.integer({ min: 1, max: 5 }), right: fc.integer({ min: 1, max: 5 }) }).chain(({ left, right }) =>
      fc.array(fc.array(fc.option(fc.integer({ min: 0, max: 30 }), { nil: null, freq: 3 }), { minLength: right, maxLength: right }), { minLength: left, maxLength: left }),
    );
    fc.assert(
      fc.property(matrix, (w) => {
        const L = w.length;
        const R = w[0]!.length;
        // brute force: every partial injective map left → right, most pairs first, then cheapest
        let best = { pairs: 0, cost: 0 };
        const used = new Array<boolean>(R).fill(false);
        const go = (i: number, pairs: number, cost: number) => {
          if (i === L) {
            if (pairs > best.pairs || (pairs === best.pairs && cost < best.cost)) best = { pairs, cost };
            return;
          }
          go(i + 1, pairs, cost);
          for (let j = 0; j < R; j++) {
            const c = w[i]![j];
            if (c === null || c === undefined || used[j]) continue;
            used[j] = true;
            go(i + 1, pairs + 1, cost + c);
            used[j] = false;
          }
        };
        go(0, 0, 0);

        for (const algorithm of ALGORITHMS) {
          const net = new FlowNetwork();
          const s = net.addNode();
          const t = net.addNode();
          const left = w.map(() => net.addNode());
          const right = w[0]!.map(() => net.addNode());
          left.forEach((u) => net.addArc(s, u, 1, 0));
          right.forEach((v) => net.addArc(v, t, 1, 0));
          w.forEach((row, i) => row.forEach((c, j) => c !== null && net.addArc(left[i]!, right[j]!, 1, c)));
          expect(net.solve(s, t, Infinity, algorithm)).toEqual({ flow: best.pairs, cost: best.cost });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same network gives the same flow on every arc', () => {
    fc.assert(
      fc.property(graphArb, ({ nodes, arcs }) => {
        for (const algorithm of ALGORITHMS) {
          const a = build(nodes, arcs);
          const b = build(nodes, arcs);
          a.solve(0, nodes - 1, Infinity, algorithm);
          b.solve(0, nodes - 1, Infinity, algorithm);
          expect(arcs.map((_, i) => a.flowOn(i))).toEqual(arcs.map((_, i) => b.flowOn(i)));
        }
      }),
      { numRuns: 100 },
    );
  });
});
