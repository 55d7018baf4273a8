import { describe, expect, it } from 'vitest';
import { createRng, createWeightedPicker, hashString } from '../../../../shared/generator/rng';

const take = (seed: number, n: number) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRng', () => {
  it('repeats a sequence for the same seed and diverges for a neighbouring one', () => {
    expect(take(42, 100)).toEqual(take(42, 100));
    const a = take(1, 100);
    const b = take(2, 100);
    expect(a.filter((x, i) => x === b[i])).toHaveLength(0);
  });

  it('tells apart seeds that differ only above 32 bits', () => {
    expect(take(5, 10)).not.toEqual(take(5 + 2 ** 32, 10));
  });

  it('stays in [0, 1) and is roughly uniform', () => {
    const xs = take(7, 100_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const buckets = new Array<number>(10).fill(0);
    for (const x of xs) buckets[Math.floor(x * 10)]!++;
    for (const b of buckets) expect(Math.abs(b - 10_000)).toBeLessThan(500);
  });

  it('int covers both ends of an inclusive range and nothing outside', () => {
    const rng = createRng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 5_000; i++) seen.add(rng.int(-2, 3));
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2, 3]);
    expect(() => rng.int(5, 4)).toThrow(RangeError);
  });

  it('pick returns members, refuses an empty array; chance follows p', () => {
    const rng = createRng(9);
    const arr = ['а', 'б', 'в'] as const;
    for (let i = 0; i < 100; i++) expect(arr).toContain(rng.pick(arr));
    expect(() => rng.pick([])).toThrow(RangeError);
    let hits = 0;
    for (let i = 0; i < 20_000; i++) if (rng.chance(0.25)) hits++;
    expect(hits / 20_000).toBeGreaterThan(0.23);
    expect(hits / 20_000).toBeLessThan(0.27);
    expect(rng.chance(0)).toBe(false);
    expect(rng.chance(1)).toBe(true);
  });
});

describe('createWeightedPicker', () => {
  it('follows the weights and never picks a zero weight', () => {
    const pick = createWeightedPicker([0, 1, 3, 0]);
    const rng = createRng(11);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[pick(rng)]!++;
    expect(counts[0]).toBe(0);
    expect(counts[3]).toBe(0);
    expect(counts[2]! / counts[1]!).toBeGreaterThan(2.7);
    expect(counts[2]! / counts[1]!).toBeLessThan(3.3);
  });

  it('refuses weights that cannot be sampled', () => {
    expect(() => createWeightedPicker([])).toThrow(RangeError);
    expect(() => createWeightedPicker([0, 0])).toThrow(RangeError);
    expect(() => createWeightedPicker([1, -1])).toThrow(RangeError);
    expect(() => createWeightedPicker([1, Number.NaN])).toThrow(RangeError);
  });
});

describe('hashString', () => {
  it('is stable and spreads similar strings', () => {
    expect(hashString('г. Уфа')).toBe(hashString('г. Уфа'));
    expect(hashString('г. Уфа')).not.toBe(hashString('г. Уфа '));
    expect(hashString('')).toBe(0x811c9dc5);
  });
});
