/**
 * The juror's score field: whatever is typed, the sheet stores what the field shows, or the field shows
 * an error and the sheet stores no score for that criterion (issue 21: «15» showed 15 and saved 1).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScoreText, valueProblem, type CriterionDef } from '../../../../../shared/contest';
import { fieldOf, setTo, stepFrom, typeInto, type FieldState, type FieldUpdate } from '../../../../../renderer/features/jury/score-field';

const whole: CriterionDef = { id: 'k1', title: 'Актуальность', description: '', min: 0, max: 10, weight: 1, bands: [] };
const halves: CriterionDef = { ...whole, id: 'k2', title: 'Бюджет', step: 0.5 };

/** The number the field's text shows, read as a person would (comma or dot, either minus; «−0» is zero). */
const shown = (text: string) => (text.trim() === '' ? null : Number(text.trim().replace('−', '-').replace(',', '.')) + 0);

describe('score field', () => {
  it.each([
    ['15', 'не подходит'],
    ['7,5', 'целое число'],
    ['-3', 'не подходит'],
    ['семь', 'не число'],
    ['−3', 'не подходит'],
    ['7,,5', 'не число'],
  ])('«%s» on a 0–10 whole-point criterion: an error, nothing stored', (text, words) => {
    const u = typeInto(whole, text);
    expect(u.state.text).toBe(text);
    expect(u.state.error).toContain(words);
    expect(u.store).toBeNull();
  });

  it('«7,5» and «7.5» are 7.5 where halves are allowed; «7,25» is not', () => {
    expect(typeInto(halves, '7,5')).toEqual({ state: { text: '7,5', error: null }, store: 7.5 });
    expect(typeInto(halves, '7.5').store).toBe(7.5);
    expect(typeInto(halves, '7,25').state.error).toContain('с шагом 0,5');
  });

  it('«−0» and «-0» store zero, never a negative zero (found by the keystroke property)', () => {
    expect(Object.is(typeInto(whole, '−0').store, 0)).toBe(true);
    expect(Object.is(typeInto(whole, '-0').store, 0)).toBe(true);
  });

  it('a stored value reads back as the same text with a Russian comma', () => {
    expect(fieldOf(7.5).text).toBe('7,5');
    expect(fieldOf(null).text).toBe('');
    for (let v = 0; v <= 10; v += 0.5) expect(parseScoreText(fieldOf(v).text, halves)).toEqual({ ok: true, value: v });
  });

  it('↑/↓ and band buttons only ever set a valid value', () => {
    expect(stepFrom(whole, null, 1).store).toBe(0);
    expect(stepFrom(whole, null, -1).store).toBe(10);
    expect(stepFrom(whole, 10, 1).store).toBe(10);
    expect(stepFrom(halves, 7, 1)).toEqual({ state: { text: '7,5', error: null }, store: 7.5 });
    expect(setTo(whole, 9).store).toBe(9);
  });

  // a keystroke: a character typed at the end, a backspace, select-all-and-type, an arrow, or a band button
  const key = fc.oneof(
    fc.constantFrom(...'0123456789,.-−a '.split('')).map((ch) => ({ kind: 'char' as const, ch })),
    fc.constant({ kind: 'backspace' as const }),
    fc.constant({ kind: 'clear' as const }),
    fc.constantFrom(1 as const, -1 as const).map((d) => ({ kind: 'arrow' as const, d })),
    fc.integer({ min: 0, max: 10 }).map((v) => ({ kind: 'band' as const, v })),
  );

  it.each([
    ['whole points', whole],
    ['halves', halves],
  ])('any keystroke sequence (%s): stored = displayed, or an error is shown (property)', (_name, c) => {
    fc.assert(
      fc.property(fc.array(key, { maxLength: 12 }), (keys) => {
        let state: FieldState = fieldOf(null);
        let stored: number | null = null;
        for (const k of keys) {
          const u: FieldUpdate =
            k.kind === 'char'
              ? typeInto(c, state.text + k.ch)
              : k.kind === 'backspace'
                ? typeInto(c, state.text.slice(0, -1))
                : k.kind === 'clear'
                  ? typeInto(c, '')
                  : k.kind === 'arrow'
                    ? stepFrom(c, stored, k.d)
                    : setTo(c, k.v);
          state = u.state;
          stored = u.store;
          if (state.error === null) {
            // what the juror sees is exactly the number stored, and it is a valid score
            expect(shown(state.text)).toBe(stored);
            if (stored !== null) expect(valueProblem(c, stored)).toBeNull();
          } else {
            // an error is on screen and no stale number hides behind it
            expect(stored).toBeNull();
          }
          // a reload shows the stored value and reads it back unchanged
          expect(parseScoreText(fieldOf(stored).text, c)).toEqual({ ok: true, value: stored });
        }
      }),
      { numRuns: 500 },
    );
  });
});
