/**
 * A small desk of realistic people for rule-by-rule tests, chosen so that every rule has a near miss
 * next to it: Галиуллина next to Галимова and Галиуллин, a person stored with initials only, ё and е
 * spellings of one surname, a hyphenated surname, Latin-spelled names with several common spellings.
 */
import municipalities from '../../../../resources/municipalities.json';
import type { GeneratedPerson, MunicipalityInput } from '../../../../shared/generator';
import { generatePeople, otherRegionMunicipalities } from '../../../../shared/generator';
import { badgeCodeFromSerial } from '../../../../shared/people/badge-code';
import type { MatchKind, SearchDoc } from '../../../../shared/search';
import { SearchIndex } from '../../../../shared/search';

export const BADGE = badgeCodeFromSerial(42); // "GTGP3F"
/** A valid badge code made of digits only: it reads as a phone tail too. */
export const DIGIT_BADGE = badgeCodeFromSerial(7620); // "299297"

export const DESK: readonly SearchDoc[] = [
  { id: 'galiullina', surname: 'Галиуллина', name: 'Алия', patronymic: 'Хамитовна', phone: '+7 (917) 345-12-34', badgeCode: BADGE },
  { id: 'galimova', surname: 'Галимова', name: 'Алия', patronymic: 'Ринатовна', phone: '8 917 000-55-66' },
  { id: 'galiullin', surname: 'Галиуллин', name: 'Айрат', patronymic: 'Хамитович', phone: '8 (34786) 4-31-07 доб. 434' },
  { id: 'sharipova', surname: 'Галиуллина-Шарипова', name: 'Гульнара', patronymic: 'Ильдаровна' },
  { id: 'fyodorov', surname: 'Фёдоров', name: 'Пётр', patronymic: 'Семёнович' },
  { id: 'fedorov', surname: 'Федоров', name: 'Пётр', patronymic: 'Семёнович' },
  { id: 'fedorova', surname: 'Федорова', name: 'Елена', patronymic: 'Петровна' },
  { id: 'shevkunov', surname: 'Шевкунов', name: 'Дмитрий', patronymic: 'Владимирович' },
  { id: 'mutallapova', surname: 'Муталлапова', name: 'А.', patronymic: 'Х.' },
  { id: 'mutallapov', surname: 'Муталлапов', name: 'Ринат', patronymic: 'Ильдарович' },
  { id: 'habibullin', surname: 'Хабибуллин', name: 'Ильдар', patronymic: 'Рашитович' },
  { id: 'yusupov', surname: 'Юсупов', name: 'Ильяс', patronymic: 'Маратович', badgeCode: DIGIT_BADGE },
  { id: 'zaynullina', surname: 'Зайнуллина', name: 'Юлия', patronymic: 'Ильинична' },
  { id: 'shchukin', surname: 'Щукин', name: 'Алексей', patronymic: 'Юрьевич' },
  { id: 'solovyov', surname: 'Соловьёв', name: 'Артём', patronymic: 'Игоревич' },
  { id: 'iskhakov', surname: 'Исхаков', name: 'Тимур', patronymic: 'Рустемович' },
  { id: 'zakharov', surname: 'Захаров', name: 'Егор', patronymic: 'Андреевич' },
  { id: 'ilin', surname: 'Ильин', name: 'Илья', patronymic: 'Ильич' },
  { id: 'smirnova', surname: 'Смирнова', name: 'Ольга', patronymic: 'Викторовна' },
  { id: 'smith', surname: 'Smith', name: 'John', patronymic: '' },
  { id: 'phone-299297', surname: 'Орлова', name: 'Нина', patronymic: 'Ивановна', phone: '+7 917 429-92-97' },
];

export function deskIndex(): SearchIndex {
  return new SearchIndex(DESK);
}

export const ids = (index: SearchIndex, query: string, limit?: number) => index.search(query, limit).map((h) => h.id);

export function kindOf(index: SearchIndex, query: string, id: string): MatchKind | undefined {
  return index.search(query, 1000).find((h) => h.id === id)?.kind;
}

const ALL_MUNICIPALITIES = [...(municipalities as MunicipalityInput[]), ...otherRegionMunicipalities];

export function people(count: number, seed = 2019): GeneratedPerson[] {
  return generatePeople({ seed, count, municipalities: ALL_MUNICIPALITIES });
}

export const toDoc = (p: GeneratedPerson): SearchDoc => ({
  id: p.key,
  surname: p.surname,
  name: p.name,
  patronymic: p.patronymic,
  phone: p.phone,
});

export const fullName = (d: Pick<SearchDoc, 'surname' | 'name' | 'patronymic'>) => `${d.surname} ${d.name} ${d.patronymic}`;
