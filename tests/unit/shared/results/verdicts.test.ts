import { describe, expect, it } from 'vitest';
import { iccVerdict, kendallVerdict, recommendedIcc } from '../../../../shared/results/verdicts';

describe('ICC verdicts on the Koo & Li (2016) scale', () => {
  it.each([
    [0.49999, 'poor'],
    [0.5, 'moderate'],
    [0.74999, 'moderate'],
    [0.75, 'good'],
    [0.9, 'good'],
    [0.90001, 'excellent'],
    [1, 'excellent'],
    [-0.2, 'poor'],
  ])('%f → %s', (x, level) => {
    expect(iccVerdict(x).level).toBe(level);
  });
  it('an undefined coefficient «не определяется»', () => {
    expect(iccVerdict(null)).toEqual({ level: 'undefined' });
    expect(iccVerdict(Number.NaN).level).toBe('undefined');
  });
});

describe("Kendall's W verdicts on Landis–Koch-style bands", () => {
  it.each([
    [0, 'slight'],
    [0.2, 'slight'],
    [0.20001, 'fair'],
    [0.4, 'fair'],
    [0.40001, 'moderate'],
    [0.6, 'moderate'],
    [0.60001, 'substantial'],
    [0.8, 'substantial'],
    [0.80001, 'almost-perfect'],
    [1, 'almost-perfect'],
  ])('%f → %s', (w, level) => {
    expect(kendallVerdict(w).level).toBe(level);
  });
  it('undefined W «не определяется»', () => {
    expect(kendallVerdict(null).level).toBe('undefined');
  });
});

describe('the ICC form that fits the design', () => {
  it('every juror scored every application → ICC(3,·); something left out → ICC(1,·)', () => {
    expect(recommendedIcc({ omittedApplicationIds: [], omittedJurorIds: [] }).form).toBe(3);
    expect(recommendedIcc({ omittedApplicationIds: ['a'], omittedJurorIds: [] }).form).toBe(1);
    expect(recommendedIcc({ omittedApplicationIds: [], omittedJurorIds: ['j'] }).form).toBe(1);
  });
});
