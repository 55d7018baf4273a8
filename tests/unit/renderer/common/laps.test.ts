import { afterEach, describe, expect, it, vi } from 'vitest';
import { laps } from '../../../../renderer/common/laps';

afterEach(() => {
  vi.restoreAllMocks();
  performance.clearMeasures();
});

const measures = () => performance.getEntriesByType('measure').map((m) => ({ name: m.name, start: m.startTime, duration: m.duration }));

describe('laps', () => {
  it('measures each part from where the previous one ended, under the operation’s name', () => {
    let now = 100;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const lap = laps('import commit');
    now = 130;
    lap('backup');
    now = 180;
    lap('written');
    expect(measures()).toEqual([
      { name: 'import commit: backup', start: 100, duration: 30 },
      { name: 'import commit: written', start: 130, duration: 50 },
    ]);
  });

  it('never throws into the operation it measures', () => {
    vi.spyOn(performance, 'measure').mockImplementation(() => {
      throw new TypeError('User Timing level 3 is missing');
    });
    const lap = laps('import check');
    expect(() => lap('worker')).not.toThrow();
  });
});
