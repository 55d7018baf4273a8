/**
 * Which automatic backups to keep: the `latest` newest ones, plus the newest one of each of the last
 * `days` calendar days (today included). Everything else may be deleted.
 *
 * Why both: the newest ones undo a mistake made minutes ago (a wrong import, a bad merge); one per day
 * reaches back to "how it was on Tuesday" without keeping hundreds of files from a busy desk.
 *
 * Pure: the caller lists the backups and deletes what `remove` says. Days are local calendar days:
 * pass the device's UTC offset so that a backup at 01:00 in Ufa counts for the day it was in Ufa.
 */
export type RotationEntry = { name: string; time: number };

export type RotationOptions = {
  now: number;
  /** How many newest backups are always kept (default 10). */
  latest?: number;
  /** How many calendar days back one backup per day is kept (default 7, today included). */
  days?: number;
  /** Local time minus UTC, in ms (Ufa: +5 h). */
  utcOffsetMs?: number;
};

export type Rotation = { keep: string[]; remove: string[] };

const DAY_MS = 24 * 60 * 60 * 1000;

export function rotateBackups(entries: readonly RotationEntry[], opts: RotationOptions): Rotation {
  const latest = opts.latest ?? 10;
  const days = opts.days ?? 7;
  const offset = opts.utcOffsetMs ?? 0;
  const dayOf = (t: number) => Math.floor((t + offset) / DAY_MS);
  // newest first; equal times by name so the result does not depend on the input order
  const sorted = [...entries].sort((a, b) => b.time - a.time || (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
  const keep = new Set<string>(sorted.slice(0, latest).map((e) => e.name));
  const today = dayOf(opts.now);
  const seenDays = new Set<number>();
  for (const e of sorted) {
    const d = dayOf(e.time);
    if (d > today - days && d <= today && !seenDays.has(d)) {
      seenDays.add(d);
      keep.add(e.name);
    }
  }
  return {
    keep: sorted.filter((e) => keep.has(e.name)).map((e) => e.name),
    remove: sorted.filter((e) => !keep.has(e.name)).map((e) => e.name),
  };
}
