import { describe, expect, it } from 'vitest';
import { chiSquarePValue, gammaP, gammaQ, lnGamma } from '../../../../shared/results/special-functions';

describe('lnGamma', () => {
  it('matches known values of ln Γ', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 9);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 9); // Γ(½) = √π
    expect(lnGamma(10)).toBeCloseTo(Math.log(362880), 9); // Γ(10) = 9!
    expect(lnGamma(100)).toBeCloseTo(359.1342053695754, 7); // ln 99!
  });
  it('refuses x ≤ 0 instead of returning NaN', () => {
    expect(() => lnGamma(0)).toThrow(RangeError);
  });
});

describe('regularized incomplete gamma', () => {
  it('agrees with closed forms: Q(1, x) = e⁻ˣ and Q(2, x) = e⁻ˣ(1 + x)', () => {
    for (const x of [0.1, 0.9, 1.5, 3, 10, 40]) {
      expect(gammaQ(1, x)).toBeCloseTo(Math.exp(-x), 12);
      expect(gammaQ(2, x)).toBeCloseTo(Math.exp(-x) * (1 + x), 12);
    }
  });
  it('P + Q = 1 on both sides of the series / continued-fraction switch (x = a + 1)', () => {
    for (const [a, x] of [[2.5, 3.4], [2.5, 3.6], [0.5, 0.2], [7, 20]] as const) {
      expect(gammaP(a, x) + gammaQ(a, x)).toBeCloseTo(1, 12);
    }
    // continuity across the switch
    expect(Math.abs(gammaQ(2.5, 3.5 - 1e-9) - gammaQ(2.5, 3.5 + 1e-9))).toBeLessThan(1e-8);
  });
  it('is 1 at x = 0 and refuses a ≤ 0', () => {
    expect(gammaQ(3, 0)).toBe(1);
    expect(() => gammaQ(0, 1)).toThrow(RangeError);
  });
});

describe('chi-square p-value', () => {
  // Critical values from the standard χ² table (e.g. Abramowitz & Stegun, Table 26.8; any statistics text)
  it.each([
    [3.841, 1, 0.05],
    [6.635, 1, 0.01],
    [2.706, 1, 0.1],
    [5.991, 2, 0.05],
    [7.815, 3, 0.05],
    [11.07, 5, 0.05],
    [18.307, 10, 0.05],
    [31.41, 20, 0.05],
  ])('χ² = %f, df = %i → p ≈ %f', (chi2, df, p) => {
    expect(chiSquarePValue(chi2, df)).toBeCloseTo(p, 3);
  });
  it('matches the exact forms for even df: df = 2 → e^(−x/2), df = 4 → e^(−x/2)(1 + x/2)', () => {
    expect(chiSquarePValue(4, 2)).toBeCloseTo(Math.exp(-2), 12); // 0.135335…
    expect(chiSquarePValue(9, 4)).toBeCloseTo(Math.exp(-4.5) * (1 + 4.5), 12); // 0.061099…
  });
  it('gives 1 for χ² ≤ 0 and tiny values far in the tail', () => {
    expect(chiSquarePValue(0, 3)).toBe(1);
    expect(chiSquarePValue(200, 3)).toBeLessThan(1e-40);
    expect(chiSquarePValue(200, 3)).toBeGreaterThan(0);
  });
});
