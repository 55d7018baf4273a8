/**
 * One score field of the juror's sheet as a pure state machine, so the rule «the field shows exactly
 * what is stored, or an error» is one function the screen uses and a property test checks.
 *
 * Invariant: after every input the field holds either text whose number is the value to store (and
 * that value is inside the criterion's scale and step), or an error message — then the value to store
 * is null, so a sheet never keeps an earlier number the juror has already typed over («15» never
 * leaves the «1» of its first keystroke behind). Nothing is rounded, clipped or dropped.
 */
import { formatScore, parseScoreText, stepOf, type CriterionDef } from '../../../shared/contest';
import { sayText } from '../../i18n';

type Scale = Pick<CriterionDef, 'title' | 'min' | 'max' | 'step'>;

export type FieldState = { text: string; error: string | null };

/** The field after an input and the value the sheet must store for it (null = no score). */
export type FieldUpdate = { state: FieldState; store: number | null };

/** What a field shows for a stored value (a reload, another sheet opened). */
export const fieldOf = (v: number | null | undefined): FieldState => ({ text: v === null || v === undefined ? '' : formatScore(v), error: null });

/** The juror typed: the text is kept exactly as typed; an error replaces the stored value with none. */
export function typeInto(c: Scale, text: string): FieldUpdate {
  const parsed = parseScoreText(text, c);
  return parsed.ok ? { state: { text, error: null }, store: parsed.value } : { state: { text, error: sayText(parsed.said) }, store: null };
}

/** A value set by a band button or ↑/↓: always a valid one, shown in the Russian format. */
export function setTo(c: Scale, v: number): FieldUpdate {
  return typeInto(c, formatScore(Math.min(c.max, Math.max(c.min, v))));
}

/** ↑/↓: one step from the stored value; from nothing, ↑ starts at the bottom of the scale and ↓ at the top. */
export function stepFrom(c: Scale, stored: number | null, d: 1 | -1): FieldUpdate {
  if (stored === null) return setTo(c, d > 0 ? c.min : c.max);
  return setTo(c, stored + d * stepOf(c));
}
