import { afterEach, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { tableCount, tableGenitive, tableLabel, tableRowLabel, tableTitle } from '../../../../renderer/common/tables';

// One typed map of table names (renderer/i18n/ru|en/tables.ts through renderer/common/tables.ts): the audit
// log names a record, the exchange preview a kind, the restore preview a heading — all from the same words.
describe('table names', () => {
  afterEach(async () => {
    await i18next.changeLanguage('ru');
  });

  it('has the four wordings of a table in Russian', () => {
    expect(tableRowLabel('registrations')).toBe('Регистрация');
    expect(tableLabel('checkins')).toBe('отметки прихода');
    expect(tableTitle('checkins')).toBe('Отметки прихода');
    expect(tableGenitive('applications')).toBe('заявок');
  });

  it('counts with Russian plural forms', () => {
    expect([1, 3, 5, 11, 21, 22, 25].map((n) => tableCount('people', n))).toEqual([
      '1 человек',
      '3 человека',
      '5 человек',
      '11 человек',
      '21 человек',
      '22 человека',
      '25 человек',
    ]);
    expect(tableCount('applications', 2)).toBe('2 заявки');
    expect(tableCount('scores', 14)).toBe('14 оценок');
  });

  it('names the device-local tables too, and the projects added last', () => {
    expect(tableTitle('changes')).toBe('Журнал изменений');
    expect(tableTitle('attachments')).toBe('Файлы заявок');
    expect(tableRowLabel('projectReports')).toBe('Отчёт по проекту');
  });

  it('shows a table this version does not know by its own name', () => {
    expect(tableLabel('newTable')).toBe('newTable');
    expect(tableRowLabel('newTable')).toBe('newTable');
  });

  it('speaks English when the device does', async () => {
    await i18next.changeLanguage('en');
    expect(tableCount('people', 1)).toBe('1 person');
    expect(tableCount('people', 3)).toBe('3 people');
    expect(tableTitle('checkins')).toBe('Check-ins');
  });
});
