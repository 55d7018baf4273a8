/**
 * The merge's shortcuts (merge.bench.ts: 200,000 changes checked per file set) must agree with the
 * checks they stand in for: the per-field shortcut of schemas.ts with the zod schema it was derived
 * from, and merge.ts's stampOf with the packed-stamp regex. Property tests on random values, biased
 * towards the edges (empty and over-long strings, near-miss enum members, stamps one character off).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stampOf, STAMP_FORM } from '../../../../shared/sync/merge';
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

  it('fieldsProblem with the shortcut gives the verdict of the zod schema alone, field by field', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fields), value, ({ table, field, check }, v) => {
        const bySchema = v === null || v === undefined || check.schema.safeParse(v).success;
        expect(fieldsProblem(table, { [field]: v }) === null).toBe(bySchema);
      }),
      { numRuns: 20_000 },
    );
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
