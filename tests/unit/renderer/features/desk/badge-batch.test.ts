import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeskCard } from '../../../../../renderer/hooks/use-desk-index';
import { badgeBatch, byDelegationThenName, delegationsOf } from '../../../../../renderer/features/desk/badge-batch';

const card = (id: string, surname: string, municipality: string, status: DeskCard['status'] = 'confirmed'): DeskCard => ({
  registrationId: id, personId: `p-${id}`, surname, name: 'Анна', patronymic: '', municipality, organization: '', position: '',
  role: 'participant', section: '', badgeCode: id, status,
});

const cards = [
  card('1', 'Яхина', 'Бирский район'),
  card('2', 'Абдуллина', 'г. Уфа'),
  card('3', 'Ёлкина', 'Бирский район'),
  card('4', 'Егорова', 'Бирский район'),
  card('5', 'Борисова', ''),
  card('6', 'Валиева', 'г. Уфа', 'cancelled'),
];
const ids = (list: DeskCard[]) => list.map((c) => c.registrationId);

describe('badge batches', () => {
  it('sorts by delegation, then surname (ё beside е), people without one last', () => {
    expect(ids(badgeBatch(cards, { kind: 'all' }, new Set(), []))).toEqual(['4', '3', '1', '2', '5']);
  });

  it('«ещё не печатались» leaves out what was printed; cancelled registrations never print', () => {
    expect(ids(badgeBatch(cards, { kind: 'unprinted' }, new Set(['3', '2']), []))).toEqual(['4', '1', '5']);
  });

  it('one delegation, or the people found at the desk', () => {
    expect(ids(badgeBatch(cards, { kind: 'delegation', municipality: 'Бирский район' }, new Set(), []))).toEqual(['4', '3', '1']);
    expect(ids(badgeBatch(cards, { kind: 'found' }, new Set(), [cards[1]!, cards[0]!]))).toEqual(['1', '2']);
    expect(delegationsOf(cards)).toEqual(['Бирский район', 'г. Уфа']);
  });

  it('the order is total and does not depend on the input order', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(cards, { minLength: cards.length, maxLength: cards.length }), (shuffled) => {
        expect(ids([...shuffled].sort(byDelegationThenName))).toEqual(ids([...cards].sort(byDelegationThenName)));
      }),
    );
  });
});
