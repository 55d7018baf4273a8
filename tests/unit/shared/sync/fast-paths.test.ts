/**
 * The merge's shortcuts (merge.bench.ts: 200,000 changes checked per file set) must agree with the
 * checks they stand in for: the per-field shortcut of schemas.ts with the zod schema it was derived
 * from, and stamp-form.ts's stampOf with the packed-stamp regex. Property tests on random values, biased
 * towards the edges (empty and over-long strings, near-miss enum members, stamps one character off).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChangeRecord } from '../../../../shared/sync/change';
import { createClock } from '../../../../shared/sync/hlc';
import { checkinIndex, forgetCheckinDevices } from '../../../../shared/sync/checkin-conflicts';
import { applyChanges, materialize, mergeInto, type SyncState } from '../../../../shared/sync/merge';
import { stampOf, STAMP_FORM } from '../../../../shared/sync/stamp-form';
import { FIELD_CHECKS, fieldsProblem, plain } from '../../../../shared/sync/schemas';

const fields = [...FIELD_CHECKS].flatMap(([table, checks]) => [...checks].map(([field, check]) => ({ table, field, check })));

/** Values that a schema of SHAPES may or may not accept, small enough to stay within the limits. */
const str = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('', 'a'.repeat(512), 'a'.repeat(513), 'arrive', 'annul', 'confirmed', 'Confirmed', 'desk', ' '));
const scalar = fc.oneof(str, fc.boolean(), fc.integer(), fc.double(), fc.constant(null), fc.constant(undefined));
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 5 }), fc.array(str, { maxLength: 5 }), fc.dictionary(fc.string({ maxLength: 4 }), scalar, { maxKeys: 3 }), fc.jsonValue({ maxDepth: 3 }));

describe('the merge fast paths agree with the checks they replace', () => {
  it('the per-field shortcut accepts only what the zod schema accepts', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fields), value, ({ check }, v) => {
        if (plain(check, v)) expect(check.schema.safeParse(v).success).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('the shortcut takes the plain values the merge sees (strings, enums, booleans, lists of ids), not only edge cases', () => {
    const byName = (t: string, f: string) => FIELD_CHECKS.get(t)!.get(f)!;
    expect(plain(byName('people', 'surname'), 'Иванова')).toBe(true);
    expect(plain(byName('registrations', 'status'), 'confirmed')).toBe(true);
    expect(plain(byName('registrations', 'sectionPrefs'), ['s1', 's4'])).toBe(true);
    expect(plain(byName('registrations', 'sectionFixed'), false)).toBe(true);
    expect(plain(byName('checkins', 'id'), '')).toBe(false); // an id is never empty: the schema says why
    expect(plain(byName('registrations', 'status'), 'king')).toBe(false);
  });

  /** What JSON can carry: a non-finite number anywhere in a value is refused before any schema (not-json). */
  const jsonSafe = (v: unknown): boolean =>
    typeof v === 'number' ? Number.isFinite(v) : Array.isArray(v) ? v.every(jsonSafe) : v !== null && typeof v === 'object' ? Object.values(v).every(jsonSafe) : true;

  it('fieldsProblem with the shortcut gives the verdict of the zod schema and JSON alone, field by field', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fields), value, ({ table, field, check }, v) => {
        const bySchema = v === null || v === undefined || (check.schema.safeParse(v).success && jsonSafe(v));
        expect(fieldsProblem(table, { [field]: v }) === null).toBe(bySchema);
      }),
      { numRuns: 20_000 },
    );
  });

  it('a non-finite number inside an open object (people.consent takes any extra key) is refused as not JSON, though the schema lets it through', () => {
    expect(FIELD_CHECKS.get('people')!.get('consent')!.schema.safeParse({ '': Number.NEGATIVE_INFINITY }).success).toBe(true);
    expect(fieldsProblem('people', { consent: { '': Number.NEGATIVE_INFINITY } })).toMatchObject({ code: 'not-json', field: 'consent' });
  });

  it('stampOf(hlc, device) is the packed-stamp regex plus «the stamp names this device»', () => {
    const device = fc.oneof(fc.constantFrom('desk-01-7f3c1a2e', 'd', 'a b', '', ' ', 'é\u00a0x', '\u2028'), fc.string({ maxLength: 6 }));
    const valid = fc
      .tuple(fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 15, maxLength: 15 }), fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 5, maxLength: 5 }), device)
      .map(([w, c, d]) => `${w}-${c}-${d}`);
    // a valid stamp with one character replaced, inserted or removed somewhere
    const offByOne = fc.tuple(valid, fc.nat(30), fc.constantFrom(...'09afgA-_ /:\u00a0'), fc.constantFrom(0, 1, 2)).map(([s, i, ch, how]) => {
      const at = i % (s.length + 1);
      return how === 0 ? s.slice(0, at) + ch + s.slice(at + 1) : how === 1 ? s.slice(0, at) + ch + s.slice(at) : s.slice(0, at) + s.slice(at + 1);
    });
    const stamp = fc.oneof(valid, offByOne);
    fc.assert(
      fc.property(fc.oneof(stamp, fc.string({ maxLength: 40 })), device, fc.boolean(), (hlc, other, own) => {
        const d = own ? hlc.slice(22) : other;
        expect(stampOf(hlc, d)).toBe(STAMP_FORM.test(hlc) && hlc.slice(22) === d);
      }),
      { numRuns: 20_000 },
    );
    expect(stampOf('001764000000000-0000a-desk-01', 'desk-01')).toBe(true);
    expect(stampOf('001764000000000-0000a-desk 01', 'desk 01')).toBe(false);
  });
});

describe('the check-in index kept between merges', () => {
  const DEVICES = ['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb', 'cccccccccccccccc'];
  /** Check-ins by a few desks for a few registrations: arrivals, annuls naming some ids or none, reused ids. */
  const ops = fc.array(
    fc.record({ device: fc.nat(2), reg: fc.nat(3), id: fc.nat(12), annul: fc.boolean(), cancels: fc.option(fc.array(fc.nat(12), { maxLength: 3 })), withDevice: fc.boolean() }),
    { maxLength: 40 },
  );
  const batches = (all: ChangeRecord[], cuts: number[]) => {
    const out: ChangeRecord[][] = [];
    let from = 0;
    for (const cut of [...cuts.map((c) => c % (all.length + 1)).sort((a, b) => a - b), all.length]) {
      out.push(all.slice(from, Math.max(from, cut)));
      from = Math.max(from, cut);
    }
    return out;
  };

  /** The kept index lists every check-in row of the state under its registration, each once. */
  const expectIndexed = (state: SyncState) => {
    const index = checkinIndex(state)!;
    for (const [id, row] of state.get('checkins') ?? []) {
      const keys = index.regs.get(row.values.registrationId as string)!.keys;
      const ids = typeof keys === 'string' ? [keys] : [...keys];
      expect(ids).toContain(id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  };
  /** The index kept between merges against a reference that reads every touched registration's rows. */
  const agreesWithReference = (opsArb: typeof ops, numRuns: number) => {
    let reported = 0; // the property must see conflicts, not only quiet merges
    fc.assert(
      fc.property(opsArb, fc.array(fc.nat(40), { maxLength: 5 }), fc.boolean(), (list, cuts, shareCopies) => {
        let t = 1_764_000_000_000;
        const clocks = DEVICES.map((d) => createClock(d, () => (t += 7)));
        const changes: ChangeRecord[] = list.map((o) => {
          const device = DEVICES[o.device]!;
          const hlc = clocks[o.device]!.tick();
          const id = `c${o.id}`;
          const fields: Record<string, unknown> = { id, eventId: 'e1', registrationId: `r${o.reg}`, kind: o.annul ? 'annul' : 'arrive', hlc };
          if (o.withDevice) fields.device = device;
          if (o.annul && o.cancels) fields.cancels = o.cancels.map((n) => `c${n}`);
          return { hlc, device, table: 'checkins', rowId: id, op: 'put', fields };
        });
        const kept: SyncState = new Map();
        let derived: SyncState = new Map();
        // the reference reads every touched registration's rows: its index never trusts `devices`
        const reference: SyncState = new Map();
        const seed: ChangeRecord = { hlc: createClock('zzzz', () => 1).tick(), device: 'zzzz', table: 'checkins', rowId: 'z', op: 'put', fields: { id: 'z', registrationId: 'rz', kind: 'arrive' } };
        for (const s of [kept, reference]) mergeInto(s, [seed]);
        derived = applyChanges(derived, [seed]).state;
        forgetCheckinDevices(checkinIndex(reference)!);
        for (const batch of batches(changes, cuts)) {
          const a = mergeInto(kept, batch);
          const b = mergeInto(reference, batch);
          forgetCheckinDevices(checkinIndex(reference)!);
          expectIndexed(kept);
          expect(a.conflicts).toEqual(b.conflicts);
          reported += b.conflicts.length;
          expect(a.refused).toEqual(b.refused);
          // applyChanges shares its index with the copy: a line of derived states must report the same
          const next = applyChanges(derived, batch);
          if (shareCopies) applyChanges(derived, batch.slice(0, 2)); // and a branch off the old state, into the shared index
          expect(next.conflicts).toEqual(b.conflicts);
          derived = next.state;
        }
        expect(materialize(derived).get('checkins')).toEqual(materialize(kept).get('checkins'));
      }),
      { numRuns },
    );
    expect(reported).toBeGreaterThan(0);
  };

  it('reports the same double check-ins and missed annuls as a merge that reads every touched registration', () => {
    agreesWithReference(ops, 400);
  });

  it('the same for one registration scanned dozens of times (its ids move from an array to a set)', () => {
    const many = fc.array(
      fc.record({ device: fc.nat(2), reg: fc.constant(0), id: fc.nat(60), annul: fc.boolean(), cancels: fc.option(fc.array(fc.nat(60), { maxLength: 3 })), withDevice: fc.boolean() }),
      { minLength: 20, maxLength: 80 },
    );
    agreesWithReference(many, 100);
  });
});
