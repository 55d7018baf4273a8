import { describe, expect, it } from 'vitest';
import { formatPhone, normalizePhone } from '../../../../shared/people/phone';

describe('normalizePhone', () => {
  it.each([
    ['+7 (917) 345-12-34', '+79173451234'],
    ['89173451234', '+79173451234'],
    ['8-917-345-12-34', '+79173451234'],
    ['7 917 3451234', '+79173451234'],
    ['9173451234', '+79173451234'],
    ['+79173451234', '+79173451234'],
    ['8 (917) 345 12 34', '+79173451234'],
    ['8(917)3451234', '+79173451234'],
    ['+7-917-345-12-34', '+79173451234'],
    ['8 917 345.12.34', '+79173451234'],
    ['  +7 917 345-12-34  ', '+79173451234'],
    ['+7\u00a0917\u00a0345\u201312\u201334', '+79173451234'],
    ['(917) 345-12-34', '+79173451234'],
    ['+7 347 272-11-45', '+73472721145'],
    ['(347) 272-11-45', '+73472721145'],
    ['8 (34775) 2-14-56', '+73477521456'],
    ['+7 (34784) 4-12-34', '+73478441234'],
    ['8 800 555-35-35', '+78005553535'],
    ['+7 (347) 272-11-45 доб. 123', '+73472721145'],
    ['8 (34775) 2-14-56, доб. 12', '+73477521456'],
    ['+7 347 272-11-45 (доп. 5)', '+73472721145'],
    ['8-347-272-11-45 ext. 7', '+73472721145'],
    ['тел. 8 917 345-12-34', '+79173451234'],
    ['Моб.: +7 917 345 12 34', '+79173451234'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  it.each([
    [''],
    ['   '],
    ['нет'],
    ['не указан'],
    ['-'],
    ['345-12-34'], // no area code: cannot be dialled from another district
    ['917345123'], // 9 digits
    ['891734512345'], // 12 digits
    ['+8 917 345-12-34'], // +8 is not Russia
    ['+1 917 345 1234'],
    ['+380 44 123 4567'],
    ['7173451234'], // 10 digits starting with 7
    ['1234567890'],
    ['0917345123'],
    ['8917abc3451'],
    ['89173451234, 89273451234'], // two numbers in one cell: refuse rather than guess
    ['89173451234 / 89273451234'],
    ['e-mail: a@b.ru'],
  ])('refuses %j', (raw) => {
    expect(normalizePhone(raw)).toBeNull();
  });

  it('is idempotent on its own output', () => {
    for (const raw of ['8-917-345-12-34', '+7 347 272-11-45', '8 (34775) 2-14-56']) {
      const n = normalizePhone(raw)!;
      expect(normalizePhone(n)).toBe(n);
      expect(normalizePhone(formatPhone(n))).toBe(n);
    }
  });
});

describe('formatPhone', () => {
  it('groups a canonical number for print', () => {
    expect(formatPhone('+79173451234')).toBe('+7 917 345-12-34');
    expect(formatPhone('+73472721145')).toBe('+7 347 272-11-45');
  });

  it('returns anything else unchanged', () => {
    expect(formatPhone('89173451234')).toBe('89173451234');
    expect(formatPhone('+7917345123a')).toBe('+7917345123a');
    expect(formatPhone('')).toBe('');
  });
});
