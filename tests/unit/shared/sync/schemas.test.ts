/**
 * Issue 18, item 5: values are checked per table, with limits, before anything walks them deeper.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../../../shared/sync/merge';
import { SYNC_TABLES } from '../../../../shared/sync/roles';
import { checkJsonLimits, checkRow, fieldsProblem, MAX_STRING_CHARS, SCHEMA_TABLES, ValueError, VALUE_LIMITS } from '../../../../shared/sync/schemas';

/** `{ a: { a: … 'x' } }` nested `depth` deep, built without recursion. */
function nested(depth: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

const STAMP = '001764000000000-00000-dddddddddddddddddddddddddddddddd';

describe('per-table value schemas', () => {
  it('covers every synced table', () => {
    expect([...SCHEMA_TABLES].sort()).toEqual([...SYNC_TABLES].sort());
  });

  it('refuses a people.notes nested 2,500 deep, a string longer than a spreadsheet cell, a field of the wrong type — each named', () => {
    expect(fieldsProblem('people', { notes: nested(2_500) })).toMatchObject({ name: 'ValueError', code: 'too-deep', field: 'notes' });
    expect(fieldsProblem('people', { surname: 'я'.repeat(MAX_STRING_CHARS + 1) })).toMatchObject({ code: 'string-too-long', field: 'surname' });
    expect(fieldsProblem('registrations', { role: 'king' })).toMatchObject({ code: 'wrong-type', field: 'role' });
    expect(fieldsProblem('sections', { capacity: -1 })).toMatchObject({ code: 'wrong-type', field: 'capacity' });
    expect(fieldsProblem('registrations', { sectionPrefs: Array.from({ length: VALUE_LIMITS.items + 1 }, (_, i) => `s${i}`) })).toMatchObject({ code: 'too-many-items' });
    expect(fieldsProblem('people', { surname: 'Иванова', name: 'Анна', patronymic: 'Петровна', phone: null, notes: { any: ['shape', 1] } })).toBeNull();
    expect(fieldsProblem('people', { surname: 'я'.repeat(MAX_STRING_CHARS) })).toBeNull();
    expect(new ValueError('too-deep', 'people', 'notes').message).toMatch(/people.*notes.*вложено/);
  });

  it('refuses such a change at merge with the reason «invalid» and its message, and takes the rest of the batch', () => {
    const bad = { hlc: STAMP, device: STAMP.slice(22), table: 'people', rowId: 'p1', op: 'put' as const, fields: { notes: nested(4_000) } };
    const good = { ...bad, hlc: STAMP.replace('-00000-', '-00001-'), fields: { surname: 'Иванова' } };
    const r = applyChanges(new Map(), [bad, good]);
    expect(r.refused).toEqual([{ change: bad, reason: 'invalid', detail: expect.stringMatching(/notes/) }]);
    expect(r.applied).toEqual([good]);
  });

  it('never throws anything but a named ValueError on random JSON, for every table (fuzz)', () => {
    const deep = fc.integer({ min: 0, max: 3_000 }).map(nested);
    const long = fc.integer({ min: 0, max: 40_000 }).map((n) => 'ы'.repeat(n));
    const value = fc.oneof(fc.jsonValue({ maxDepth: 6 }), deep, long, fc.constantFrom(Number.NaN, Infinity, undefined, new Date(0), new Uint8Array(2), () => 1));
    const fieldName = fc.oneof(fc.constantFrom('id', 'surname', 'capacity', 'role', 'kind', 'cancels', 'criteria', 'values', 'organizerPin', 'consent', 'attachments', 'sectionPrefs', '__proto__', 'constructor'), fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(fc.constantFrom(...SYNC_TABLES, 'nonsense'), fc.dictionary(fieldName, value, { maxKeys: 6 }), fc.anything(), (table, fields, anything) => {
        const problem = fieldsProblem(table, fields);
        expect(problem === null || problem instanceof ValueError).toBe(true);
        for (const row of [fields, anything]) {
          try {
            checkRow(table, row);
          } catch (e) {
            expect(e).toBeInstanceOf(ValueError);
          }
          try {
            checkJsonLimits(row);
          } catch (e) {
            expect(e).toBeInstanceOf(ValueError);
          }
        }
      }),
      { numRuns: 1_500 },
    );
  });
});
