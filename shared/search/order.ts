/**
 * Order maintenance: every entry carries `ord`, a number increasing along the result order, so posting
 * lists, the k-way merge and the final sort compare numbers. The bulk build numbers 0, 1, 2…; an
 * upsert takes the midpoint of its neighbours, and only when doubles run out of room between two
 * neighbours (after ~50 insertions into one gap) is everyone renumbered — O(n), rare, and posting
 * lists stay valid because the order itself does not change.
 */
import type { Entry } from './entry';
import { compareEntries } from './entry';

export class Order {
  private all: Entry[] = [];

  /** Everyone in result order. */
  get entries(): readonly Entry[] {
    return this.all;
  }

  /** Takes entries already in result order (the bulk build). */
  reset(sorted: Entry[]): void {
    this.all = sorted;
    this.renumber();
  }

  insert(e: Entry): void {
    const all = this.all;
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareEntries(all[mid]!, e) < 0) lo = mid + 1;
      else hi = mid;
    }
    all.splice(lo, 0, e);
    const prev = all[lo - 1];
    const next = all[lo + 1];
    if (!prev) e.ord = next ? next.ord - 1 : 0;
    else if (!next) e.ord = prev.ord + 1;
    else {
      e.ord = prev.ord + (next.ord - prev.ord) / 2;
      if (!(e.ord > prev.ord && e.ord < next.ord)) this.renumber();
    }
  }

  remove(e: Entry): void {
    const all = this.all;
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (all[mid]!.ord < e.ord) lo = mid + 1;
      else hi = mid;
    }
    if (all[lo] === e) all.splice(lo, 1);
  }

  private renumber(): void {
    this.all.forEach((e, i) => (e.ord = i));
  }
}
