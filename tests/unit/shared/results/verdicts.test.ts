import { describe, expect, it } from 'vitest';
import { iccVerdict, kendallVerdict, recommendedIcc } from '../../../../shared/results/verdicts';

describe('ICC verdicts on the Koo & Li (2016) scale', () => {
  it.each([
    [0.49999, 'низкая'],
    [0.5, 'умеренная'],
    [0.74999, 'умеренная'],
    [0.75, 'хорошая'],
    [0.9, 'хорошая'],
    [0.90001, 'отличная'],
    [1, 'отличная'],
    [-0.2, 'низкая'],
  ])('%f → %s', (x, label) => {
    expect(iccVerdict(x).label).toBe(label);
  });
  it('an undefined coefficient «не определяется»', () => {
    expect(iccVerdict(null)).toEqual({ level: 'undefined', label: 'не определяется' });
    expect(iccVerdict(Number.NaN).label).toBe('не определяется');
  });
});

describe("Kendall's W verdicts on Landis–Koch-style bands", () => {
  it.each([
    [0, 'очень слабая'],
    [0.2, 'очень слабая'],
    [0.20001, 'слабая'],
    [0.4, 'слабая'],
    [0.40001, 'умеренная'],
    [0.6, 'умеренная'],
    [0.60001, 'значительная'],
    [0.8, 'значительная'],
    [0.80001, 'почти полная'],
    [1, 'почти полная'],
  ])('%f → %s', (w, label) => {
    expect(kendallVerdict(w).label).toBe(label);
  });
  it('undefined W «не определяется»', () => {
    expect(kendallVerdict(null).label).toBe('не определяется');
  });
});

describe('the ICC form that fits the design', () => {
  it('every juror scored every application → ICC(3,·); something left out → ICC(1,·)', () => {
    expect(recommendedIcc({ omittedApplicationIds: [], omittedJurorIds: [] }).form).toBe(3);
    expect(recommendedIcc({ omittedApplicationIds: ['a'], omittedJurorIds: [] }).form).toBe(1);
    expect(recommendedIcc({ omittedApplicationIds: [], omittedJurorIds: ['j'] }).form).toBe(1);
  });
});
