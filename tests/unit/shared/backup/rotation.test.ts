import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rotateBackups, type RotationEntry } from '../../../../shared/backup/rotation';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2019, 8, 27, 12, 0, 0); // 27 Sep 2019, 17:00 in Ufa
const UFA = 5 * 60 * 60 * 1000;
const dayOf = (t: number, offset: number) => Math.floor((t + offset) / DAY);

/** Backups spread over the last ~20 days, some in the future (a clock that jumped), unique names. */
const entries = fc
  .uniqueArray(fc.integer({ min: -20 * DAY, max: DAY / 2 }), { maxLength: 60 })
  .map((offsets) => offsets.map((o, i): RotationEntry => ({ name: `b${i}`, time: NOW + o })));
const offset = fc.constantFrom(0, UFA, -8 * 60 * 60 * 1000);

describe('rotateBackups', () => {
  it('keeps everything while there are at most 10 backups', () => {
    fc.assert(
      fc.property(entries.filter((e) => e.length <= 10), offset, (list, utcOffsetMs) => {
        const r = rotateBackups(list, { now: NOW, utcOffsetMs });
        expect(r.remove).toEqual([]);
        expect(new Set(r.keep)).toEqual(new Set(list.map((e) => e.name)));
      }),
    );
  });

  it('splits the input exactly into keep and remove', () => {
    fc.assert(
      fc.property(entries, offset, (list, utcOffsetMs) => {
        const r = rotateBackups(list, { now: NOW, utcOffsetMs });
        expect([...r.keep, ...r.remove].sort()).toEqual(list.map((e) => e.name).sort());
        expect(r.keep.filter((k) => r.remove.includes(k))).toEqual([]);
      }),
    );
  });

  it('always keeps the 10 newest and never more than 10 + 7', () => {
    fc.assert(
      fc.property(entries, offset, (list, utcOffsetMs) => {
        const r = rotateBackups(list, { now: NOW, utcOffsetMs });
        const newest = [...list].sort((a, b) => b.time - a.time).slice(0, 10);
        for (const e of newest) expect(r.keep).toContain(e.name);
        expect(r.keep.length).toBeLessThanOrEqual(17);
      }),
    );
  });

  it('keeps the newest backup of each of the last 7 local days that has one', () => {
    fc.assert(
      fc.property(entries, offset, (list, utcOffsetMs) => {
        const r = rotateBackups(list, { now: NOW, utcOffsetMs });
        const today = dayOf(NOW, utcOffsetMs);
        for (let d = today - 6; d <= today; d++) {
          const ofDay = list.filter((e) => dayOf(e.time, utcOffsetMs) === d).sort((a, b) => b.time - a.time);
          if (ofDay.length > 0) expect(r.keep).toContain(ofDay[0]!.name);
        }
      }),
    );
  });

  it('removes only backups older than a week or second-best of their day', () => {
    fc.assert(
      fc.property(entries, offset, (list, utcOffsetMs) => {
        const r = rotateBackups(list, { now: NOW, utcOffsetMs });
        const today = dayOf(NOW, utcOffsetMs);
        const byName = new Map(list.map((e) => [e.name, e]));
        for (const name of r.remove) {
          const e = byName.get(name)!;
          const d = dayOf(e.time, utcOffsetMs);
          const inWeek = d > today - 7 && d <= today;
          const newerSameDay = list.some((o) => o !== e && dayOf(o.time, utcOffsetMs) === d && o.time >= e.time);
          expect(!inWeek || newerSameDay, name).toBe(true);
        }
      }),
    );
  });

  it('is stable: rotating what it kept removes nothing more, whatever the input order', () => {
    fc.assert(
      fc.property(entries, offset, (list, utcOffsetMs) => {
        const r = rotateBackups(list, { now: NOW, utcOffsetMs });
        const kept = list.filter((e) => r.keep.includes(e.name));
        expect(rotateBackups(kept, { now: NOW, utcOffsetMs }).remove).toEqual([]);
        expect(rotateBackups([...list].reverse(), { now: NOW, utcOffsetMs })).toEqual(r);
      }),
    );
  });

  it('a busy day of 30 backups, then quiet days: 10 latest plus one for each earlier day', () => {
    const list: RotationEntry[] = [];
    for (let i = 0; i < 30; i++) list.push({ name: `today-${i}`, time: NOW - i * 60_000 });
    for (let d = 1; d <= 9; d++) list.push({ name: `day-${d}`, time: NOW - d * DAY }, { name: `day-${d}-early`, time: NOW - d * DAY - 3_600_000 });
    const r = rotateBackups(list, { now: NOW, utcOffsetMs: UFA });
    expect(r.keep).toEqual([...Array.from({ length: 10 }, (_, i) => `today-${i}`), 'day-1', 'day-2', 'day-3', 'day-4', 'day-5', 'day-6']);
  });
});
