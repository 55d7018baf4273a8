import { describe, expect, it } from 'vitest';
import { badgeCodeFromSerial } from '../../../../../shared/people/badge-code';
import { latinLayoutToCyrillic, SearchIndex } from '../../../../../shared/search';
import type { DeskCard, DeskIndex } from '../../../../../renderer/hooks/use-desk-index';
import { cardForEnter, phoneTail, scannedCard, searchDesk, whyNoEnter } from '../../../../../renderer/features/desk/desk-search';
import { walkInMatches } from '../../../../../renderer/features/desk/walk-in-match';

const card = (id: string, surname: string, name: string, patronymic: string, municipality: string, phone?: string): DeskCard => ({
  registrationId: id, personId: `p-${id}`, surname, name, patronymic, phone, municipality, organization: '', position: '',
  role: 'participant', section: '', badgeCode: badgeCodeFromSerial(Number(id)), status: 'confirmed',
});

const CARDS = [
  card('1', 'Сафина', 'Алсу', 'Ринатовна', 'г. Уфа', '+79171112233'),
  card('2', 'Сафин', 'Алмаз', 'Ильдарович', 'Бирский район'),
  card('3', 'Сафина', 'Алсу', 'Маратовна', 'г. Сибай', '+79174445566'),
  card('4', 'Абзалов', 'Ильяс', 'Винерович', 'г. Октябрьский', '+79170001122'),
  card('5', 'Абзалов', 'Азамат', 'Ильясович', 'г. Уфа'),
];
const desk: DeskIndex = {
  index: new SearchIndex(CARDS.map((c) => ({ id: c.registrationId, surname: c.surname, name: c.name, patronymic: c.patronymic, phone: c.phone, badgeCode: c.badgeCode }))),
  cards: new Map(CARDS.map((c) => [c.registrationId, c])),
  version: 0,
};
const ids = (q: string) => searchDesk(desk, q).results.map((r) => r.card.registrationId);

describe('the desk list', () => {
  it('lists namesakes together and marks them', () => {
    const { results, decision } = searchDesk(desk, 'сафин ал');
    expect(results.map((r) => [r.card.registrationId, r.namesake])).toEqual([
      ['2', false],
      ['3', true], // Маратовна before Ринатовна
      ['1', true],
    ]);
    expect(decision).toEqual({ act: false, why: 'several' });
    expect(whyNoEnter(decision, results.length)).toMatch(/Несколько похожих — выберите стрелками/);
    expect(ids('сафина алсу')).toEqual(['3', '1']);
  });

  it('Enter: a certain top hit, or the one picked with the arrows, or nobody', () => {
    expect(cardForEnter(desk, 'абзалов ильяс', null)?.registrationId).toBe('4');
    expect(cardForEnter(desk, 'сафина алсу', null)).toBeUndefined();
    expect(cardForEnter(desk, 'сафина алсу', 1)?.registrationId).toBe('1');
    expect(cardForEnter(desk, 'абзалов', null)).toBeUndefined();
    expect(cardForEnter(desk, 'абзалов', 1)?.registrationId).toBe('4');
  });

  it('a badge code typed on either layout is a scan', () => {
    const code = CARDS[4]!.badgeCode;
    const ru = latinLayoutToCyrillic(code);
    expect(scannedCard(desk, code)?.registrationId).toBe('5');
    expect(scannedCard(desk, ` ${ru} `)?.registrationId).toBe('5');
    expect(cardForEnter(desk, ru, null)?.registrationId).toBe('5');
    expect(scannedCard(desk, 'абзалов')).toBeUndefined();
  });

  it('shows a phone tail, not the number', () => {
    expect(phoneTail('+7 917 444-55-66')).toBe('тел. …55-66');
    expect(phoneTail(undefined)).toBe('');
  });
});

describe('walk-in matches', () => {
  it('the same phone is the same person, whatever the name', () => {
    expect(walkInMatches(desk, { surname: 'Иванов', name: 'Пётр', municipality: '', phone: '8 (917) 444-55-66' }).same.map((c) => c.registrationId)).toEqual(['3']);
  });

  it('the same surname and name from the same municipality is the same person; elsewhere only similar', () => {
    const here = walkInMatches(desk, { surname: 'Сафина', name: 'Алсу', municipality: 'г. сибай', phone: '' });
    expect(here.same.map((c) => c.registrationId)).toEqual(['3']);
    expect(here.similar.map((c) => c.registrationId)).toEqual(['1']);
    const elsewhere = walkInMatches(desk, { surname: 'Сафина', name: 'Алсу', municipality: 'Бирский район', phone: '' });
    expect(elsewhere.same).toEqual([]);
    expect(elsewhere.similar.map((c) => c.registrationId)).toEqual(['3', '1']);
  });
});
