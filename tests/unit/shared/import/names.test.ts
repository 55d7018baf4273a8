import { describe, expect, it } from 'vitest';
import { isPatronymic, normalizeNamePart, splitFullName } from '../../../../shared/import';

describe('splitFullName', () => {
  it.each([
    ['Галиуллина Алия Хамитовна', 'Галиуллина', 'Алия', 'Хамитовна', false, 'surname-first'],
    ['Галиуллина А.Х.', 'Галиуллина', 'А.', 'Х.', true, 'surname-first'],
    ['Галиуллина А. Х.', 'Галиуллина', 'А.', 'Х.', true, 'surname-first'],
    ['Галиуллина А.Х', 'Галиуллина', 'А.', 'Х.', true, 'surname-first'],
    ['Галиуллина.А.Х.', 'Галиуллина', 'А.', 'Х.', true, 'surname-first'],
    ['А.Х. Галиуллина', 'Галиуллина', 'А.', 'Х.', true, 'name-first'],
    ['А. Х. Галиуллина', 'Галиуллина', 'А.', 'Х.', true, 'name-first'],
    ['Алия Хамитовна Галиуллина', 'Галиуллина', 'Алия', 'Хамитовна', false, 'name-first'],
    ['Алия Галиуллина', 'Галиуллина', 'Алия', '', false, 'name-first'],
    ['ГАЛИУЛЛИНА алия', 'Галиуллина', 'Алия', '', false, 'surname-first'],
    ['  галиуллина   АЛИЯ  хамитовна ', 'Галиуллина', 'Алия', 'Хамитовна', false, 'surname-first'],
    ['Иванова-Петрова Анна Сергеевна', 'Иванова-Петрова', 'Анна', 'Сергеевна', false, 'surname-first'],
    ['ИВАНОВА - ПЕТРОВА анна сергеевна', 'Иванова-Петрова', 'Анна', 'Сергеевна', false, 'surname-first'],
    ['Галиуллина, Алия Хамитовна', 'Галиуллина', 'Алия', 'Хамитовна', false, 'surname-first'],
    ['Галиуллина (Сафина) Алия Хамитовна', 'Галиуллина', 'Алия', 'Хамитовна', false, 'surname-first'],
    ['Ахмадуллин Ильдар Рашит улы', 'Ахмадуллин', 'Ильдар', 'Рашит улы', false, 'surname-first'],
    ['Мамедов Эльдар Ибрагим оглы', 'Мамедов', 'Эльдар', 'Ибрагим оглы', false, 'surname-first'],
    ['Бабич Иван Петрович', 'Бабич', 'Иван', 'Петрович', false, 'surname-first'],
    ['Иван Петрович Бабич', 'Бабич', 'Иван', 'Петрович', false, 'name-first'],
    ['Роман Аркадьевич Абрамович', 'Абрамович', 'Роман', 'Аркадьевич', false, 'name-first'],
    ['Абрамович Роман Аркадьевич', 'Абрамович', 'Роман', 'Аркадьевич', false, 'surname-first'],
    ['Артём Ильич Королёв', 'Королёв', 'Артём', 'Ильич', false, 'name-first'],
    ['Сидоров Пётр', 'Сидоров', 'Пётр', '', false, 'surname-first'],
    ['Галиуллина Алия Х.', 'Галиуллина', 'Алия', 'Х.', true, 'surname-first'],
  ])('%s', (raw, surname, name, patronymic, initials, order) => {
    expect(splitFullName(raw)).toEqual({ surname, name, patronymic, initials, order });
  });

  it.each(['', '   ', '12345', 'Иванов 2', 'А.Х.', '???', 'Иванов Иван Иванович Петров Сидор', 'ivanov@mail.ru'])('refuses %j', (raw) => {
    expect(splitFullName(raw)).toBeNull();
  });

  it('keeps a lone surname (the caller reports the missing name)', () => {
    expect(splitFullName('Галиуллина')).toEqual({ surname: 'Галиуллина', name: '', patronymic: '', initials: false, order: 'surname-first' });
  });
});

describe('name parts', () => {
  it('recognizes patronymics by suffix, not surnames in -ич', () => {
    expect(['Хамитовна', 'Петрович', 'Ильинична', 'Кузьмич', 'Ильич', 'Рашитовна'].every(isPatronymic)).toBe(true);
    expect(['Бабич', 'Галиуллина', 'Алия', 'Иван'].some(isPatronymic)).toBe(false);
  });

  it('normalizes a single part', () => {
    expect(normalizeNamePart('ГАЛИУЛЛИНА ')).toBe('Галиуллина');
    expect(normalizeNamePart('а')).toBe('А.');
    expect(normalizeNamePart('Алия.')).toBe('Алия');
    expect(normalizeNamePart('12')).toBeNull();
    expect(normalizeNamePart('')).toBe('');
  });
});
