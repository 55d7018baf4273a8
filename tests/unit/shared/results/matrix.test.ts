import { describe, expect, it } from 'vitest';
import { cellKey, outlierCells } from '../../../../shared/results/matrix';
import type { JurorTotal } from '../../../../shared/results/types';

const t = (jurorId: string, applicationId: string, total: number): JurorTotal => ({ jurorId, applicationId, total, maxMarks: 0 });
const thresholds = { minSpearman: 0.2, offsetSdFactor: 1.5, divergenceRange: 24, divergenceSd: 12 };

describe('outliers in the scores matrix', () => {
  it('marks a total further than the threshold from the median of the others, only with three or more reviews', () => {
    const totals = [t('j1', 'a', 60), t('j2', 'a', 62), t('j3', 'a', 20), t('j1', 'b', 60), t('j2', 'b', 10)];
    expect([...outlierCells({ totals, thresholds })]).toEqual([cellKey('j3', 'a')]);
  });
  it('a total exactly at the threshold is not an outlier', () => {
    const totals = [t('j1', 'a', 60), t('j2', 'a', 60), t('j3', 'a', 36)];
    expect(outlierCells({ totals, thresholds }).size).toBe(0);
    expect(outlierCells({ totals: [...totals.slice(0, 2), t('j3', 'a', 35.5)], thresholds }).size).toBe(1);
  });
});
