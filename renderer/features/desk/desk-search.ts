/**
 * What the desk list shows for a query and what Enter may do with it (the rule is in
 * shared/search/enter.ts): the hits as cards, people with the same surname and name moved next to
 * each other (so the operator sees at once that there are two), and the person a scanned badge code
 * names — typed on either keyboard layout.
 */
import type { EnterDecision, MatchKind } from '../../../shared/search';
import { badgeCodesOf, enterDecision } from '../../../shared/search';
import { nameKey } from '../../../shared/text/spelling';
import { tr } from '../../i18n';
import type { DeskCard, DeskIndex } from '../../hooks/use-desk-index';

export const RESULT_LIMIT = 12;

export type DeskFound = { card: DeskCard; kind: MatchKind; /** another listed person has the same surname and name */ namesake: boolean };

export type DeskSearch = { results: DeskFound[]; decision: EnterDecision };

const sameName = (c: DeskCard) => `${nameKey(c.surname)} ${nameKey(c.name)}`;

/** Nothing found (an empty query, a list still loading). */
export const NO_RESULTS: DeskSearch = { results: [], decision: { act: false, why: 'nobody' } };

export function searchDesk(desk: DeskIndex, query: string): DeskSearch {
  if (!query.trim()) return NO_RESULTS;
  const hits = desk.index.search(query, RESULT_LIMIT).filter((hit) => desk.cards.has(hit.id));
  const groups = new Map<string, DeskFound[]>();
  for (const hit of hits) {
    const card = desk.cards.get(hit.id)!;
    const key = sameName(card);
    const group = groups.get(key);
    const found = { card, kind: hit.kind, namesake: false };
    if (group) group.push(found);
    else groups.set(key, [found]);
  }
  const results = [...groups.values()].flatMap((group) => group.map((f) => ({ ...f, namesake: group.length > 1 })));
  return { results, decision: enterDecision(hits) };
}

/**
 * The one person whose badge code the query is — as typed, or typed with the Russian layout on, as a
 * keyboard-emulating scanner does then. Undefined when it is no code or two people share it.
 */
export function scannedCard(desk: DeskIndex, query: string): DeskCard | undefined {
  const { badge, layoutBadge } = badgeCodesOf(query.trim());
  for (const code of [badge, layoutBadge]) {
    const owners = code ? desk.index.withBadge(code) : [];
    if (owners.length === 1) return desk.cards.get(owners[0]!);
  }
  return undefined;
}

/** Whom Enter checks in: a scanned code; else the person picked with the arrows; else a certain top hit. */
export function cardForEnter(desk: DeskIndex, query: string, picked: number | null): DeskCard | undefined {
  const scanned = scannedCard(desk, query);
  if (scanned) return scanned;
  const { results, decision } = searchDesk(desk, query);
  if (picked !== null) return results[picked]?.card;
  return decision.act ? desk.cards.get(decision.id) : undefined;
}

/** Why Enter did nothing, said in the list. */
export function whyNoEnter(decision: EnterDecision, count: number): string | null {
  if (decision.act || count === 0) return null;
  return tr('desk')(decision.why === 'several' ? 'why.several' : 'why.partial');
}

/** The last digits of a phone, to tell namesakes apart without showing the whole number. */
export function phoneTail(phone: string | undefined): string {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.length >= 4 ? tr('desk')('phoneTail', { tail: `${digits.slice(-4, -2)}-${digits.slice(-2)}` }) : '';
}
