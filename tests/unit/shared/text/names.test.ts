import { describe, expect, it } from 'vitest';
import demoSpec from '../../../../resources/demo-event.json';
import reference from '../../../../resources/municipalities.json';
import { buildDemoBundle, type DemoSpec } from '../../../../shared/demo/build-demo';
import type { Municipality } from '../../../../shared/domain/types';
import { generatePeople, otherRegionMunicipalities, type MunicipalityInput } from '../../../../shared/generator';
import { declineFullName, fullNameIn, genderOf, splitFullName } from '../../../../shared/text/names';

let n = 0;
const demo = buildDemoBundle({
  spec: demoSpec as DemoSpec,
  municipalities: reference as Municipality[],
  newId: () => `id${n++}`,
  now: new Date('2019-12-18T04:00:00Z'),
});
const byName = (fullName: string) => {
  const p = demo.people.find((x) => `${x.surname} ${x.name} ${x.patronymic}` === fullName);
  if (!p) throw new Error(`${fullName} is not in the demo event`);
  return p;
};

describe('declension of the demo event’s people', () => {
  // ten people of the demo (resources/demo-event.json through shared/generator), women and men
  it.each([
    ['Шомина Елена Сергеевна', 'female', 'Шоминой Елене Сергеевне', 'Шоминой Елены Сергеевны'],
    ['Кузнецов Сергей Александрович', 'male', 'Кузнецову Сергею Александровичу', 'Кузнецова Сергея Александровича'],
    ['Шевкунов Дмитрий Владимирович', 'male', 'Шевкунову Дмитрию Владимировичу', 'Шевкунова Дмитрия Владимировича'],
    ['Муталлапова А. Х.', 'female', 'Муталлаповой А. Х.', 'Муталлаповой А. Х.'],
    ['Кагарманова Лиана Хамитовна', 'female', 'Кагармановой Лиане Хамитовне', 'Кагармановой Лианы Хамитовны'],
    ['Юлдашев Данис Рустемович', 'male', 'Юлдашеву Данису Рустемовичу', 'Юлдашева Даниса Рустемовича'],
    ['Соловьёв Владимир Николаевич', 'male', 'Соловьёву Владимиру Николаевичу', 'Соловьёва Владимира Николаевича'],
    ['Морозова Луиза Никитична', 'female', 'Морозовой Луизе Никитичне', 'Морозовой Луизы Никитичны'],
    ['Седых Григорий Григорьевич', 'male', 'Седых Григорию Григорьевичу', 'Седых Григория Григорьевича'],
    ['Биккулова Гульнара Талгатовна', 'female', 'Биккуловой Гульнаре Талгатовне', 'Биккуловой Гульнары Талгатовны'],
  ])('%s (%s) → «эксперту %s», «от %s»', (fullName, gender, dative, genitive) => {
    const person = byName(fullName);
    expect(genderOf(person)).toBe(gender);
    expect(declineFullName(person, 'dative')).toBe(dative);
    expect(declineFullName(person, 'genitive')).toBe(genitive);
    expect(declineFullName(person, 'nominative')).toBe(fullName);
  });

  it('the issue’s example: «Вернуть эксперту Бондаренко Елене Владимировне»', () => {
    expect(declineFullName(splitFullName('Бондаренко Елена Владимировна'), 'dative')).toBe('Бондаренко Елене Владимировне');
    expect(declineFullName(splitFullName('Бондаренко Олег Владимирович'), 'dative')).toBe('Бондаренко Олегу Владимировичу');
  });
});

describe('fullNameIn (the contest screens’ name for it): Russian and Bashkir/Tatar names, indeclinable surnames', () => {
  const person = (full: string) => {
    const [surname = '', name = '', patronymic = ''] = full.split(' ');
    return { surname, name, patronymic };
  };
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

describe('gender of a person', () => {
  it.each([
    [{ surname: 'Галиуллина', patronymic: 'Хамитовна' }, 'female'],
    [{ surname: 'Шевкунов', patronymic: 'Владимирович' }, 'male'],
    [{ surname: 'Кузьмич', patronymic: 'Ильич' }, 'male'],
    [{ surname: 'Алиев', name: 'Рашид', patronymic: 'Рашид оглы' }, 'male'],
    [{ surname: 'Гасанова', name: 'Айгюн', patronymic: 'Эльдар кызы' }, 'female'],
    [{ surname: 'Муталлапова', name: 'А.', patronymic: 'Х.' }, 'female'],
    // lvovich alone reads «Гульназ» as a man's name and gives up; the patronymic decides
    [{ surname: 'Ахметова', name: 'Гульназ', patronymic: 'Раисовна' }, 'female'],
    // no patronymic, a surname of both genders: the given name tells
    [{ surname: 'Ковальчук', name: 'Айгуль', patronymic: '' }, 'female'],
    [{ surname: 'Ковальчук', name: 'Виктор', patronymic: '' }, 'male'],
    [{ surname: 'Титов', patronymic: '' }, 'male'],
  ] as const)('%j → %s', (person, gender) => {
    expect(genderOf(person)).toBe(gender);
  });

  it('nothing to go by → unknown, and the name stays as written', () => {
    const person = { surname: 'Ковальчук', name: 'А.', patronymic: '' };
    expect(genderOf(person)).toBeUndefined();
    expect(declineFullName(person, 'dative')).toBe('Ковальчук А.');
  });

  it('a stored gender wins over the name', () => {
    expect(genderOf({ surname: 'Ковальчук', name: 'Саша', patronymic: '', gender: 'f' })).toBe('female');
    expect(declineFullName({ surname: 'Ковальчук', name: 'Саша', patronymic: '', gender: 'female' }, 'dative')).toBe('Ковальчук Саше');
  });

  it('agrees with the generator on 2 000 people of Bashkortostan and other regions', () => {
    const people = generatePeople({ seed: 23, count: 2000, municipalities: [...(reference as MunicipalityInput[]), ...otherRegionMunicipalities] });
    const wrong = people.filter((p) => genderOf({ surname: p.surname, name: p.name, patronymic: p.patronymic }) !== (p.gender === 'f' ? 'female' : 'male'));
    expect(wrong.map((p) => `${p.surname} ${p.name} ${p.patronymic}`)).toEqual([]);
  });
});
