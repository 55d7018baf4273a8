/**
 * A small seeded PRNG (sfc32, state expanded from the seed by splitmix32). Fixtures, the demo event and
 * benchmarks must be reproducible from a number, on every platform: Math.random cannot be seeded.
 */
export type Rng = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** A uniform element; throws on an empty array (a silent undefined would corrupt fixtures). */
  pick<T>(arr: readonly T[]): T;
  /** true with probability p. */
  chance(p: number): boolean;
};

export function createRng(seed: number): Rng {
  // splitmix32 spreads nearby seeds (1, 2, 3…) into unrelated sfc32 states
  let s = Math.trunc(seed) >>> 0;
  // seeds above 2^32 still differ from their low 32 bits
  const high = Math.trunc(seed / 0x1_0000_0000) >>> 0;
  const splitmix = () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s ^ high;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = 1;

  const u32 = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // the first outputs of a fresh sfc32 are still correlated with the seed
  for (let i = 0; i < 12; i++) u32();

  const next = () => u32() / 0x1_0000_0000;
  return {
    next,
    int(min, max) {
      if (max < min) throw new RangeError(`int(${min}, ${max})`);
      return min + Math.floor(next() * (max - min + 1));
    },
    pick<T>(arr: readonly T[]): T {
      if (arr.length === 0) throw new RangeError('pick from an empty array');
      return arr[Math.floor(next() * arr.length)]!;
    },
    chance(p) {
      return next() < p;
    },
  };
}

/** FNV-1a, 32 bit: a stable seed from a string (e.g. a municipality's facts that must not depend on the run). */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Picks indices by weight in O(log n): precompute once, then call per item.
 * Weights must be non-negative with a positive sum.
 */
export function createWeightedPicker(weights: readonly number[]): (rng: Rng) => number {
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) {
    if (!(w >= 0)) throw new RangeError(`weight ${w}`);
    total += w;
    cumulative.push(total);
  }
  if (!(total > 0)) throw new RangeError('weights sum to zero');
  return (rng) => {
    const x = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}
