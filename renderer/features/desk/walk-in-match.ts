/**
 * Is the walk-in already on the list? Two strengths: the same phone number, or the same surname and
 * name from the same municipality, is taken as the same person — the dialog then defaults to checking
 * that person in, and a new registration needs an explicit «Это другой человек». A similar name alone
 * is only suggested. Both come from the desk's index (no scan of the whole list per keystroke).
 */
import { normalizePhone } from '../../../shared/people/phone';
import { nameKey } from '../../../shared/text/spelling';
import type { DeskCard, DeskIndex } from '../../hooks/use-desk-index';

export type WalkInTyped = { surname: string; name: string; municipality: string; phone: string };

export type WalkInMatches = {
  /** The same phone, or the same surname + name + municipality: most likely this very person. */
  same: DeskCard[];
  /** Similar names (prefix, initials, a typo), not already in `same`. */
  similar: DeskCard[];
};

const SIMILAR_KINDS = new Set(['exact', 'prefix', 'initials', 'typo']);

export function walkInMatches(desk: DeskIndex, typed: WalkInTyped): WalkInMatches {
  const same = new Map<string, DeskCard>();
  const phone = typed.phone.trim() ? normalizePhone(typed.phone) : null;
  if (phone) {
    for (const hit of desk.index.search(phone, 10)) {
      const card = desk.cards.get(hit.id);
      if (card && hit.kind === 'phone' && normalizePhone(card.phone ?? '') === phone) same.set(card.registrationId, card);
    }
  }
  const similar: DeskCard[] = [];
  if (typed.surname.length >= 2 && typed.name) {
    const surname = nameKey(typed.surname);
    const name = nameKey(typed.name);
    const municipality = typed.municipality.trim().toLowerCase();
    for (const hit of desk.index.search(`${typed.surname} ${typed.name}`, 30)) {
      const card = desk.cards.get(hit.id);
      if (!card || same.has(card.registrationId)) continue;
      const sameName = nameKey(card.surname) === surname && nameKey(card.name) === name;
      if (sameName && municipality && card.municipality.toLowerCase() === municipality) same.set(card.registrationId, card);
      else if (SIMILAR_KINDS.has(hit.kind) && similar.length < 3) similar.push(card);
    }
  }
  return { same: [...same.values()], similar };
}
