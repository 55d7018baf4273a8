import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCount,
  formatDate,
  formatDay,
  formatFactor,
  formatMoney,
  formatNumber,
  pluralForm,
  todayIn,
} from '../../../../shared/text/format';

const NBSP = '\u00a0';
const participants = ['участник', 'участника', 'участников'] as const;
// Intl groups thousands with a no-break space; tests compare with plain spaces for readability
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('plural forms through Intl.PluralRules', () => {
  it.each([
    [1, 'участник'],
    [2, 'участника'],
    [5, 'участников'],
    [11, 'участников'],
    [21, 'участник'],
    [101, 'участник'],
    [0, 'участников'],
    [14, 'участников'],
    [22, 'участника'],
    [111, 'участников'],
  ])('%i → %s', (n, form) => {
    expect(pluralForm(n, participants)).toBe(form);
  });

  it('a fraction takes the genitive singular: «1,5 балла»', () => {
    expect(plain(formatCount(1.5, ['балл', 'балла', 'баллов']))).toBe('1,5 балла');
  });

  it('a count is the number, a no-break space and the form', () => {
    expect(formatCount(21, participants)).toBe(`21${NBSP}участник`);
    expect(plain(formatCount(1024, participants))).toBe('1 024 участника');
  });
});

describe('numbers and money in Russian', () => {
  it('decimal comma and grouping', () => {
    expect(plain(formatNumber(300000.5))).toBe('300 000,5');
    expect(formatNumber(57.5)).toBe('57,5');
    expect(formatNumber(0.7125, 3, true)).toBe('0,713');
    expect(formatNumber(Number.NaN)).toBe('—');
  });

  it('roubles stay on the line of their number', () => {
    const s = formatMoney(300000.5);
    expect(plain(s)).toBe('300 000,5 ₽');
    expect(s.endsWith(`${NBSP}₽`)).toBe(true);
    expect(plain(formatMoney(150000))).toBe('150 000 ₽');
  });

  it('weights with a comma: «×0,5»', () => {
    expect(formatFactor(0.5)).toBe('×0,5');
    expect(formatFactor(1)).toBe('×1');
  });

  it.each([
    [512, '512 Б'],
    [1536, '1,5 КБ'],
    [12 * 1024, '12 КБ'],
    [3_099_410, '3 МБ'],
    [1.5 * 1024 * 1024, '1,5 МБ'],
    [3 * 1024 ** 3, '3 ГБ'],
  ])('%i bytes → %s', (n, text) => {
    expect(plain(formatBytes(n))).toBe(text);
  });
});

describe('dates in the event time zone (Ufa, UTC+5)', () => {
  it('04:30 in Ufa is 23:30 UTC of the day before — and still «today» in Ufa', () => {
    const ufa0430 = '2026-12-06T23:30:00Z';
    expect(todayIn('Asia/Yekaterinburg', ufa0430)).toBe('2026-12-07');
    expect(todayIn('UTC', ufa0430)).toBe('2026-12-06');
  });

  it('times are the hall clock, not the laptop or UTC', () => {
    expect(formatDate('2019-12-18T04:30:00Z', 'time')).toBe('09:30');
    expect(formatDate('2019-12-18T04:30:00Z', 'dateTime')).toBe('18.12.2019, 09:30');
    expect(formatDate('2019-12-18T04:30:00Z', 'time', 'Europe/Moscow')).toBe('07:30');
  });

  it('long dates in words, calendar days never shifted', () => {
    expect(formatDate('2019-12-18T04:30:00Z')).toBe('18 декабря 2019 г.');
    expect(formatDay('2019-12-18')).toBe('18 декабря 2019 г.');
    expect(formatDay('2020-01-01')).toBe('1 января 2020 г.');
  });

  it('a missing or broken date is a dash', () => {
    expect(formatDate(undefined)).toBe('—');
    expect(formatDate('not a date')).toBe('—');
  });
});
