/**
 * Posting lists: the people whose name contains one distinct word, kept in result order (by `ord`).
 * Sorted lists let a query walk the union of many lists in final order and stop after the first few
 * results — "г" matches a third of 100,000 people, but the desk shows 20.
 */
import type { Entry } from './entry';

function lowerBound(list: readonly Entry[], ord: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.ord < ord) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function insertSorted(list: Entry[], item: Entry): void {
  const last = list[list.length - 1];
  if (!last || last.ord < item.ord) list.push(item);
  else list.splice(lowerBound(list, item.ord), 0, item);
}

export function removeSorted(list: Entry[], item: Entry): void {
  const at = lowerBound(list, item.ord);
  if (list[at] === item) list.splice(at, 1);
}

/**
 * Visits the union of sorted lists in order (a k-way merge over a binary heap of list indexes keyed by
 * each list's current `ord`), each person once even when several lists hold them, until `visit`
 * returns false. No closures inside: this loop runs for every candidate of a query.
 */
export function walkUnion(lists: readonly (readonly Entry[])[], visit: (item: Entry) => boolean): void {
  let last: Entry | undefined;
  if (lists.length === 1) {
    for (const item of lists[0]!) {
      if (item !== last && !visit(item)) return;
      last = item;
    }
    return;
  }
  const pos: number[] = [];
  const heap: number[] = [];
  const key: number[] = [];
  for (let l = 0; l < lists.length; l++) {
    pos.push(0);
    if (lists[l]!.length) {
      heap.push(l);
      key.push(lists[l]![0]!.ord);
    }
  }
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(heap, key, i);
  while (heap.length) {
    const l = heap[0]!;
    const list = lists[l]!;
    const item = list[pos[l]!]!;
    const p = ++pos[l]!;
    if (p < list.length) {
      key[0] = list[p]!.ord;
    } else {
      heap[0] = heap[heap.length - 1]!;
      key[0] = key[key.length - 1]!;
      heap.pop();
      key.pop();
    }
    if (heap.length > 1) siftDown(heap, key, 0);
    if (item !== last && !visit(item)) return;
    last = item;
  }
}

function siftDown(heap: number[], key: number[], i: number): void {
  const n = heap.length;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < n && key[l]! < key[m]!) m = l;
    if (r < n && key[r]! < key[m]!) m = r;
    if (m === i) return;
    const h = heap[i]!;
    heap[i] = heap[m]!;
    heap[m] = h;
    const k = key[i]!;
    key[i] = key[m]!;
    key[m] = k;
    i = m;
  }
}
