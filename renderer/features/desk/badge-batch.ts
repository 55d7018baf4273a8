/**
 * Which badges a batch prints, and in what order: the ones not printed yet (the usual run before the
 * doors open and again after late imports), one delegation, the people found at the desk (a
 * selection), or everyone — always sorted by delegation, then surname, name and patronymic, so the
 * sheets come out of the printer in the order they are handed to the delegations.
 */
import type { DeskCard } from '../../hooks/use-desk-index';

export type BadgeScope = { kind: 'unprinted' } | { kind: 'delegation'; municipality: string } | { kind: 'found' } | { kind: 'all' };

const collator = new Intl.Collator('ru');

export function byDelegationThenName(a: DeskCard, b: DeskCard): number {
  // people without a delegation go last, not first
  if (!a.municipality !== !b.municipality) return a.municipality ? -1 : 1;
  return (
    collator.compare(a.municipality, b.municipality) ||
    collator.compare(a.surname, b.surname) ||
    collator.compare(a.name, b.name) ||
    collator.compare(a.patronymic, b.patronymic) ||
    (a.registrationId < b.registrationId ? -1 : a.registrationId > b.registrationId ? 1 : 0)
  );
}

/** The cards of a batch, sorted. `printed`: registrations with a badge printed before; `found`: the desk's current results. */
export function badgeBatch(all: readonly DeskCard[], scope: BadgeScope, printed: ReadonlySet<string>, found: readonly DeskCard[]): DeskCard[] {
  const chosen =
    scope.kind === 'unprinted'
      ? all.filter((c) => !printed.has(c.registrationId))
      : scope.kind === 'delegation'
        ? all.filter((c) => c.municipality === scope.municipality)
        : scope.kind === 'found'
          ? [...found]
          : [...all];
  return chosen.filter((c) => c.status !== 'cancelled').sort(byDelegationThenName);
}

/** The delegations present, sorted, for the choice. */
export function delegationsOf(cards: readonly DeskCard[]): string[] {
  return [...new Set(cards.map((c) => c.municipality).filter(Boolean))].sort(collator.compare);
}
