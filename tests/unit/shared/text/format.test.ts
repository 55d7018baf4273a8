import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCount,
  formatDate,
  formatDay,
  formatFactor,
  formatMoney,
  formatNumber,
  formatLanguage,
  pluralForm,
  setFormatLanguage,
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

describe('in English (the interface switched to en)', () => {
  beforeAll(() => setFormatLanguage('en'));
  afterAll(() => setFormatLanguage('ru'));

  it('decimal point and comma grouping; roubles keep their sign', () => {
    expect(formatLanguage()).toBe('en');
    expect(formatNumber(1234.5)).toBe('1,234.5');
    expect(formatNumber(0.7125, 3, true)).toBe('0.713');
    expect(formatMoney(300000.5)).toBe(`300,000.5${NBSP}₽`);
    expect(formatFactor(0.5)).toBe('×0.5');
  });

  it.each([
    [512, '512 B'],
    [1536, '1.5 KB'],
    [1.5 * 1024 * 1024, '1.5 MB'],
    [3 * 1024 ** 3, '3 GB'],
  ])('%i bytes → %s', (n, text) => {
    expect(plain(formatBytes(n))).toBe(text);
  });

  it('dates spell the month, so 7/12 is never read as July', () => {
    const evening = '2026-12-07T12:30:15Z'; // 17:30 in Ufa
    expect(formatDate(evening, 'dateTime')).toBe('7 Dec 2026, 17:30');
    expect(formatDate(evening, 'dateTimeSeconds')).toBe('7 Dec 2026, 17:30:15');
    expect(formatDate(evening, 'shortDate')).toBe('7 Dec 2026');
    expect(formatDate(evening, 'dayTime')).toBe('7 Dec, 17:30');
    expect(formatDate(evening, 'time')).toBe('17:30');
    expect(formatDate(evening)).toBe('7 December 2026');
    expect(formatDay('2020-01-01')).toBe('1 January 2020');
  });

  it('the event time zone and the ISO day do not depend on the language', () => {
    expect(formatDate('2019-12-18T04:30:00Z', 'time', 'Europe/Moscow')).toBe('07:30');
    expect(todayIn('Asia/Yekaterinburg', '2026-12-06T23:30:00Z')).toBe('2026-12-07');
  });

  it('a count with Russian words stays Russian: rules and number (the forms passed in are Russian words)', () => {
    expect(formatCount(22, participants)).toBe(`22${NBSP}участника`);
    expect(plain(formatCount(1.5, ['балл', 'балла', 'баллов']))).toBe('1,5 балла');
    expect(plain(formatCount(1024, participants))).toBe('1 024 участника');
  });

  it('a sentence written in Russian asks for Russian formats explicitly', () => {
    expect(formatDay('2019-12-18', 'ru')).toBe('18 декабря 2019 г.');
    expect(plain(formatMoney(30000, 'ru'))).toBe('30 000 ₽');
    expect(plain(formatBytes(1536, 'nearest', 'ru'))).toBe('1,5 КБ');
    expect(formatDate('2019-12-18T04:30:00Z', 'dateTime', undefined, 'ru')).toBe('18.12.2019, 09:30');
    expect(formatLanguage()).toBe('en');
  });
});

describe('back in Russian after English', () => {
  it('the same values read the Russian way again', () => {
    setFormatLanguage('en');
    expect(formatNumber(1234.5)).toBe('1,234.5');
    setFormatLanguage('ru');
    expect(plain(formatNumber(1234.5))).toBe('1 234,5');
    expect(formatDate('2019-12-18T04:30:00Z', 'dateTime')).toBe('18.12.2019, 09:30');
    expect(plain(formatBytes(1536))).toBe('1,5 КБ');
  });
});
