import { describe, expect, it } from 'vitest';
import type { Merge, Sheet } from '../../../../shared/import';
import { applyMapping, autoMap, findHeader, matchHeader } from '../../../../shared/import';

function sheet(rows: string[][], merges: Merge[] = []): Sheet {
  return { name: 'Делегаты', rows, merges, hasFormulas: false, formulaCells: [], hidden: false };
}
const m = (r1: number, c1: number, r2: number, c2: number): Merge => ({ s: { r: r1, c: c1 }, e: { r: r2, c: c2 } });

describe('matchHeader / autoMap', () => {
  it.each([
    ['ФИО', 'fullName'],
    ['Ф.И.О.', 'fullName'],
    ['Ф. И. О. (полностью)', 'fullName'],
    ['Фамилия, имя, отчество', 'fullName'],
    ['Фамилия, имя, отчество (полностью)', 'fullName'],
    ['Фамилия И.О.', 'fullName'],
    ['ФАМИЛИЯ', 'surname'],
    ['Имя', 'name'],
    ['Отчество (при наличии)', 'patronymic'],
    ['Должность', 'position'],
    ['Занимаемая должность', 'position'],
    ['Место работы', 'organization'],
    ['Место работы, должность', 'organization'],
    ['Организация', 'organization'],
    ['Учреждение', 'organization'],
    ['Телефон', 'phone'],
    ['Контактный телефон', 'phone'],
    ['Моб. тел.', 'phone'],
    ['тел.', 'phone'],
    ['E-mail', 'email'],
    ['Е-mail', 'email'],
    ['Эл. почта', 'email'],
    ['Электронная почта', 'email'],
    ['Муниципалитет', 'municipality'],
    ['Муниципальное образование', 'municipality'],
    ['Район', 'municipality'],
    ['Город', 'municipality'],
    ['Район / город', 'municipality'],
    ['Территория', 'municipality'],
    ['МО', 'municipality'],
    ['Категория участника', 'category'],
    ['Секция', 'section'],
    ['Площадка', 'section'],
    ['№ п/п', 'ignore'],
    ['№', null],
    ['Примечание', null],
    ['Дата рождения', null],
  ])('%s → %s', (header, field) => {
    expect(matchHeader(header)).toBe(field);
  });

  it('maps each field to the leftmost column naming it, case/ё/space-insensitively', () => {
    expect(autoMap(['№ п/п', '  ф.и.о.  ', 'ТЕЛЕФОН', 'Эл.почта', 'Телефон (рабочий)', 'Секция'])).toEqual({ fullName: 1, phone: 2, email: 3, section: 5 });
  });
});

describe('findHeader', () => {
  it('finds the header under title rows, dates and blanks', () => {
    const s = sheet([
      ['Список делегатов от Бирского района'],
      ['на конференцию «Сообщества»'],
      ['15.11.2019'],
      [],
      ['№ п/п', 'ФИО', 'Должность', 'Телефон'],
      ['1', 'Галиуллина Алия Хамитовна', 'учитель', '89173451234'],
    ]);
    expect(findHeader(s)).toEqual({ headerRow: 4, headerRows: 1, headers: ['№ п/п', 'ФИО', 'Должность', 'Телефон'], score: 3 });
  });

  it('combines a header split over merged cells: ФИО over Фамилия | Имя | Отчество, Контакты over Телефон | E-mail', () => {
    const s = sheet(
      [
        ['Список делегатов'],
        ['№ п/п', 'ФИО', '', '', 'Должность', 'Контакты', '', 'Район'],
        ['', 'Фамилия', 'Имя', 'Отчество', '', 'Телефон', 'E-mail', ''],
        ['1', 'Галиуллина', 'Алия', 'Хамитовна', 'учитель', '89173451234', 'a@b.ru', 'Бирский район'],
      ],
      [m(0, 0, 0, 7), m(1, 0, 2, 0), m(1, 1, 1, 3), m(1, 4, 2, 4), m(1, 5, 1, 6), m(1, 7, 2, 7)],
    );
    const h = findHeader(s);
    expect(h).toMatchObject({ headerRow: 2, headerRows: 2 });
    expect(h.headers).toEqual(['№ п/п', 'Фамилия', 'Имя', 'Отчество', 'Должность', 'Телефон', 'E-mail', 'Район']);
    expect(autoMap(h.headers)).toEqual({ surname: 1, name: 2, patronymic: 3, position: 4, phone: 5, email: 6, municipality: 7 });
  });

  it('combines an unmerged two-row header (as a CSV keeps it) and joins "ФИО" with "(полностью)"', () => {
    const csv = sheet([
      ['ФИО', '', '', 'Должность'],
      ['Фамилия', 'Имя', 'Отчество', ''],
      ['Галиуллина', 'Алия', 'Хамитовна', 'учитель'],
    ]);
    expect(findHeader(csv).headers).toEqual(['Фамилия', 'Имя', 'Отчество', 'Должность']);
    const joined = sheet(
      [
        ['ФИО', 'Место работы', ''],
        ['(полностью)', 'Организация', 'Должность'],
        ['Галиуллина Алия Хамитовна', 'школа', 'учитель'],
      ],
      [m(0, 1, 0, 2)],
    );
    expect(findHeader(joined)).toMatchObject({ headerRow: 1, headers: ['ФИО (полностью)', 'Организация', 'Должность'] });
  });

  it('never merges a header with its first data row', () => {
    const s = sheet([
      ['ФИО', 'Телефон', ''],
      ['Галиуллина Алия Хамитовна', '89173451234', 'Город Уфа'],
    ]);
    expect(findHeader(s)).toMatchObject({ headerRow: 0, headerRows: 1 });
  });

  it('reports score 0 when nothing looks like a header', () => {
    expect(findHeader(sheet([['a', 'b'], ['c', 'd']])).score).toBe(0);
  });
});

describe('applyMapping', () => {
  const s = sheet([
    ['ФИО', 'Телефон', 'Район'],
    ['Галиуллина Алия Хамитовна', '89173451234', 'Бирский'],
    [],
    ['Иванов Иван Иванович', '', ''],
  ]);

  it('gives each non-blank row its sheet row number and mapped cells', () => {
    const r = applyMapping(s, { headerRow: 0, mapping: { fullName: 0, phone: 1, municipality: 2 } });
    expect(r.rows.map((x) => [x.row, x.cells.fullName, x.cells.municipality])).toEqual([
      [2, 'Галиуллина Алия Хамитовна', 'Бирский'],
      [4, 'Иванов Иван Иванович', ''],
    ]);
  });

  it('lets a fixed value win for the whole sheet and ignores invalid column numbers', () => {
    const r = applyMapping(s, { headerRow: 0, mapping: { fullName: 0, municipality: 2, phone: -1 }, fixed: { municipality: 'г. Уфа' } });
    expect(r.mapping).toEqual({ fullName: 0, municipality: 2 });
    expect(r.rows.every((x) => x.cells.municipality === 'г. Уфа')).toBe(true);
  });

  it('refuses a mapping without a name column', () => {
    expect(() => applyMapping(s, { headerRow: 0, mapping: { phone: 1 } })).toThrow(expect.objectContaining({ code: 'no-name-column' }));
  });
});
