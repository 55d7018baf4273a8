/**
 * Names in the cases sentences need (shared/text/names.ts, on lvovich): ten names of the kind the demo
 * event holds, male and female, Russian and Bashkir/Tatar, indeclinable surnames among them; and every
 * person the demo generator makes gets the gender the generator chose, read from the name alone.
 */
import { describe, expect, it } from 'vitest';
import municipalities from '../../../../resources/municipalities.json';
import { generatePeople, type MunicipalityInput } from '../../../../shared/generator';
import { fullNameIn, genderOf } from '../../../../shared/text/names';

const person = (full: string) => {
  const [surname = '', name = '', patronymic = ''] = full.split(' ');
  return { surname, name, patronymic };
};

describe('fullNameIn', () => {
  it.each([
    ['Бондаренко Елена Владимировна', 'Бондаренко Елене Владимировне', 'Бондаренко Елены Владимировны', 'female'],
    ['Абзалов Ильяс Винерович', 'Абзалову Ильясу Винеровичу', 'Абзалова Ильяса Винеровича', 'male'],
    ['Хабибуллина Гульнара Рашитовна', 'Хабибуллиной Гульнаре Рашитовне', 'Хабибуллиной Гульнары Рашитовны', 'female'],
    ['Галиев Ильдар Маратович', 'Галиеву Ильдару Маратовичу', 'Галиева Ильдара Маратовича', 'male'],
    ['Иванов Пётр Сергеевич', 'Иванову Петру Сергеевичу', 'Иванова Петра Сергеевича', 'male'],
    ['Кузнецова Ольга Ильинична', 'Кузнецовой Ольге Ильиничне', 'Кузнецовой Ольги Ильиничны', 'female'],
    ['Шевченко Игорь Львович', 'Шевченко Игорю Львовичу', 'Шевченко Игоря Львовича', 'male'],
    ['Садыкова Алсу Ринатовна', 'Садыковой Алсу Ринатовне', 'Садыковой Алсу Ринатовны', 'female'],
    ['Смирнов Илья Николаевич', 'Смирнову Илье Николаевичу', 'Смирнова Ильи Николаевича', 'male'],
    ['Ахметова Наталья Равилевна', 'Ахметовой Наталье Равилевне', 'Ахметовой Натальи Равилевны', 'female'],
  ])('%s → dative «%s», genitive «%s» (%s)', (full, dative, genitive, gender) => {
    const p = person(full);
    expect(fullNameIn(p, 'dative')).toBe(dative);
    expect(fullNameIn(p, 'genitive')).toBe(genitive);
    expect(fullNameIn(p, 'nominative')).toBe(full);
    expect(genderOf(p)).toBe(gender);
  });

  it('leaves initials alone and skips missing parts', () => {
    expect(fullNameIn({ surname: 'Кузьмина', name: 'А.', patronymic: 'П.' }, 'dative')).toBe('Кузьминой А. П.');
    expect(fullNameIn({ surname: 'Петров', name: 'Олег', patronymic: '' }, 'dative')).toBe('Петрову Олегу');
  });
});

describe('genderOf on the demo generator', () => {
  it('reads the gender the generator chose from the name, for every one of 2 000 people', () => {
    const people = generatePeople({ seed: 2019, count: 2000, municipalities: municipalities as MunicipalityInput[] });
    const wrong = people.filter((p) => genderOf(p) !== (p.gender === 'm' ? 'male' : 'female')).map((p) => `${p.surname} ${p.name} ${p.patronymic}`);
    expect(wrong).toEqual([]);
  });
});
