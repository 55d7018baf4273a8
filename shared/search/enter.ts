/**
 * The desk's Enter rule: Enter checks a person in only when the top hit is certain — the surname and
 * the name each matched by a whole word (as typed, on the other layout or in a Latin spelling), or the
 * badge code, or the whole phone number — and no other hit is certain too. Otherwise Enter selects
 * nobody and the list says why: several similar people (namesakes among them) are told apart by the
 * operator with the arrow keys, a partial or misspelled query is completed first.
 */
import type { SearchHit } from './types';

export type EnterDecision =
  | { act: true; id: string }
  | { act: false; why: 'nobody' | 'several' | 'unsure' };

export function enterDecision(hits: readonly SearchHit[]): EnterDecision {
  const certain = hits.filter((h) => h.certain);
  if (certain.length === 1 && hits[0] === certain[0]) return { act: true, id: certain[0]!.id };
  if (!hits.length) return { act: false, why: 'nobody' };
  return { act: false, why: hits.length > 1 ? 'several' : 'unsure' };
}
