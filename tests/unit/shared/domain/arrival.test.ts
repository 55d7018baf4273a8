import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deriveArrival, deriveArrivals } from '../../../../shared/domain/arrival';
import type { CheckinEntry } from '../../../../shared/domain/types';
import { packHlc } from '../../../../shared/sync/hlc';

let seq = 0;
const entry = (kind: CheckinEntry['kind'], wall: number, device = 'desk-1', registrationId = 'r1'): CheckinEntry => ({
  id: `e${++seq}`,
  eventId: 'ev',
  registrationId,
  kind,
  device,
  operator: 'Оператор',
  at: new Date(wall).toISOString(),
  hlc: packHlc({ wall, counter: 0, device }),
  reason: kind === 'annul' ? 'ошибочная отметка' : undefined,
});

describe('arrival derived from the check-in log', () => {
  it('is not arrived without entries, arrived after an arrive', () => {
    expect(deriveArrival([]).arrived).toBe(false);
    const a = entry('arrive', 1000);
    expect(deriveArrival([a])).toMatchObject({ arrived: true, at: a.at, device: 'desk-1', arrivals: 1 });
  });

  it('is undone by an annul and arrived again by a later arrive', () => {
    const arrive = entry('arrive', 1000);
    const annul = entry('annul', 2000);
    expect(deriveArrival([arrive, annul]).arrived).toBe(false);
    expect(deriveArrival([arrive, annul, entry('arrive', 3000)]).arrived).toBe(true);
  });

  it('keeps both arrivals from two desks and shows the earliest', () => {
    const first = entry('arrive', 1000, 'desk-2');
    const second = entry('arrive', 1500, 'desk-1');
    expect(deriveArrival([second, first])).toMatchObject({ arrived: true, device: 'desk-2', arrivals: 2 });
  });

  it('gives the same answer for any order and duplication of the entries (property)', () => {
    const log = [entry('arrive', 1000), entry('annul', 2000), entry('arrive', 3000, 'desk-2'), entry('section-enter', 3500)];
    const expected = deriveArrival(log);
    fc.assert(
      fc.property(fc.shuffledSubarray([...log, ...log], { minLength: 8, maxLength: 8 }), (shuffled) => {
        expect(deriveArrival(shuffled)).toEqual(expected);
      }),
    );
  });

  it('groups a whole event log by registration', () => {
    const map = deriveArrivals([entry('arrive', 1000, 'd', 'r1'), entry('arrive', 1000, 'd', 'r2'), entry('annul', 2000, 'd', 'r2')]);
    expect(map.get('r1')?.arrived).toBe(true);
    expect(map.get('r2')?.arrived).toBe(false);
  });
});
