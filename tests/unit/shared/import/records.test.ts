import { describe, expect, it } from 'vitest';
import type { Sheet } from '../../../../shared/import';
import { applyMapping, autoMap, createMunicipalityMatcher, findHeader, toRecords } from '../../../../shared/import';
import { suggestMunicipality } from '../../../../shared/import/municipality';
import { loadMunicipalities } from '../../../fixtures/import-fixtures';

const municipalities = loadMunicipalities();

describe('createMunicipalityMatcher', () => {
  const match = createMunicipalityMatcher([{ id: 'ufa', name: 'г. Уфа' }, ...municipalities.filter((m) => m.name !== 'г. Уфа')]);
  it.each([
    ['Бирский район', 'Бирский район'],
    ['Бирский р-н', 'Бирский район'],
    ['Бирский', 'Бирский район'],
    ['бирский  РАЙОН', 'Бирский район'],
    ['МР Бирский район РБ', 'Бирский район'],
    ['Администрация Бирского района', 'Бирский район'],
    ['муниципальный район Бирский район Республики Башкортостан', 'Бирский район'],
    ['Бирскийй район', 'Бирский район'],
    ['г.Уфа', 'г. Уфа'],
    ['Уфа', 'г. Уфа'],
    ['ГО г. Уфа', 'г. Уфа'],
    ['городской округ город Уфа', 'г. Уфа'],
    ['Уфимский район', 'Уфимский район'],
    ['Стерлитамак', 'г. Стерлитамак'],
    ['Стерлитамакский р-н', 'Стерлитамакский район'],
    ['г. Салават', 'г. Салават'],
    ['Салаватский', 'Салаватский район'],
    ['Октябрьский', 'г. Октябрьский'],
    ['Федоровский район', 'Фёдоровский район'],
  ])('%s → %s', (raw, name) => {
    expect(match(raw)?.name).toBe(name);
  });

  it('gives the id when the reference has one, and null for unknown places', () => {
    expect(match('Уфа')).toEqual({ name: 'г. Уфа', id: 'ufa' });
    expect(match('Москва')).toBeNull();
    expect(match('район')).toBeNull();
  });
});

function sheetOf(rows: string[][]): Sheet {
  return { name: 'Делегаты', rows, merges: [], hasFormulas: false, formulaCells: [], hidden: false };
}

function run(rows: string[][]) {
  const s = sheetOf(rows);
  const h = findHeader(s);
  const mapped = applyMapping(s, { headerRow: h.headerRow, mapping: autoMap(h.headers) });
  return toRecords(s, mapped, { municipalities });
}

describe('toRecords', () => {
  const rows = [
    ['Список делегатов от Бирского района'],
    [],
    ['№ п/п', 'ФИО', 'Телефон', 'E-mail', 'Район'],
    ['1', 'Галиуллина Алия Хамитовна', '8 917 345-12-34', 'alia@mail.ru', 'Бирский р-н'],
    ['2', '', '8 917 345-12-35', '', 'Бирский'],
    ['3', 'Иванов', '', '', ''],
    ['4', 'Петров Пётр Петрович', '123', 'petrov@', 'Нарния'],
    ['5', 'Сидоров 2 Иван', '-', '-', ''],
    ['6'],
    [],
    ['7', 'ФИО'],
    ['8', 'Ахмадуллин Ильдар Рашитович', '8 917 345-12-36, 8 347 272-11-45', '', 'г.Уфа'],
    ['', 'Итого: 7 человек'],
    ['Всего 7'],
  ];

  it('skips blanks, a repeated header and the totals; numbers rows as the sheet does', () => {
    const r = run(rows);
    expect(r.records.map((x) => x.row)).toEqual([4, 5, 6, 7, 8, 12]);
  });

  it('reports errors with the sheet row, in Russian (its Said beside)', () => {
    const errors = run(rows).errors;
    expect(errors[0]!.said).toEqual({ key: 'importRows:at.sheet', values: { sheet: 'Делегаты', row: 5, issue: { key: 'importRows:noSurname' } } });
    expect(errors).toMatchObject([
      { row: 5, field: 'fullName', message: 'Лист «Делегаты», строка 5: нет фамилии' },
      { row: 6, field: 'fullName', message: 'Лист «Делегаты», строка 6: в ФИО «Иванов» нет имени' },
      { row: 8, field: 'fullName', message: expect.stringMatching(/^Лист «Делегаты», строка 8: не удаётся разобрать ФИО «Сидоров 2 Иван»/) },
    ]);
  });

  it('warns about unrecognized phones, bad e-mails, unknown municipalities; "-" means empty', () => {
    const r = run(rows);
    expect(r.warnings.map((w) => [w.row, w.field])).toEqual([
      [7, 'phone'],
      [7, 'email'],
      [7, 'municipality'],
      [12, 'phone'],
    ]);
    expect(r.warnings[2]!.message).toContain('«Нарния» не найден в справочнике');
  });

  it('normalizes what it understood', () => {
    const r = run(rows);
    expect(r.records[0]).toEqual({
      row: 4,
      surname: 'Галиуллина',
      name: 'Алия',
      patronymic: 'Хамитовна',
      initials: false,
      position: '',
      organization: '',
      phone: '+79173451234',
      phoneRaw: '8 917 345-12-34',
      email: 'alia@mail.ru',
      municipality: 'Бирский район',
      municipalityMatched: true,
      category: '',
      section: '',
    });
    const last = r.records.at(-1)!;
    expect([last.phone, last.municipality, last.municipalityMatched]).toEqual(['+79173451236', 'г. Уфа', true]);
    expect(r.records.find((x) => x.row === 8)).toMatchObject({ phone: '', email: '' });
  });

  it('reads separate name columns, a full name typed into "Фамилия", and initials', () => {
    const r = run([
      ['Фамилия', 'Имя', 'Отчество'],
      ['ГАЛИУЛЛИНА ', 'алия', 'хамитовна'],
      ['Иванов Иван Иванович', '', ''],
      ['Петрова', 'Анна Сергеевна', ''],
      ['Сидорова', 'А.', 'С.'],
      ['Кузнецов', '', ''],
    ]);
    expect(r.records.map((x) => [x.surname, x.name, x.patronymic, x.initials])).toEqual([
      ['Галиуллина', 'Алия', 'Хамитовна', false],
      ['Иванов', 'Иван', 'Иванович', false],
      ['Петрова', 'Анна', 'Сергеевна', false],
      ['Сидорова', 'А.', 'С.', true],
      ['Кузнецов', '', '', false],
    ]);
    expect(r.errors).toMatchObject([{ row: 6, field: 'name', message: 'Лист «Делегаты», строка 6: нет имени' }]);
  });

  it('omits the sheet for a CSV', () => {
    const s = sheetOf([['ФИО'], ['']]);
    s.rows.push(['', 'учитель']);
    const mapped = applyMapping(s, { headerRow: 0, mapping: { fullName: 0, position: 1 } });
    expect(toRecords(s, mapped, { municipalities, sheetLabel: false }).errors[0]!.message).toBe('Строка 3: нет фамилии');
  });
});

describe('suggestMunicipality', () => {
  const suggest = (src: Partial<Parameters<typeof suggestMunicipality>[0]>) => suggestMunicipality({ titles: [], fileName: '', organizations: [], ...src }, municipalities);

  it.each([
    [{ titles: ['Список делегатов', 'город Сибай'] }, 'г. Сибай', 'title'],
    [{ titles: ['Список участников от городского округа город Сибай Республики Башкортостан'] }, 'г. Сибай', 'title'],
    [{ titles: ['Делегаты Бирского района на конференцию'] }, 'Бирский район', 'title'],
    [{ titles: ['Список делегатов'], fileName: 'Стерлитамакский р-н — делегаты.xlsx' }, 'Стерлитамакский район', 'file'],
    [{ fileName: 'delegates.xlsx', organizations: ['Администрация Бирского района', 'МБОУ СОШ № 3'] }, 'Бирский район', 'organization'],
  ] as const)('%j → %s', (src, name, from) => {
    expect(suggest(src)).toMatchObject({ name, from });
  });

  it('suggests nothing when nothing names a place', () => {
    expect(suggest({ titles: ['Список делегатов на конференцию'], fileName: 'список.xlsx', organizations: ['ООО «Ромашка»'] })).toBeNull();
  });
});
