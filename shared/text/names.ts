/**
 * People's names in the case a sentence needs: «вернуть эксперту Бондаренко Елене Владимировне», «лист
 * Галиева Ильдара Маратовича». Declension and the gender guess come from `lvovich` (rules for Russian
 * surnames, first names and patronymics, including the indeclinable ones such as «Бондаренко»); initials
 * («А. П.») are left as they are. The gender is read from the patronymic first, then the first name and
 * the surname, so «Хабибуллина Гульнара Рашитовна» is female and «Галиев Ильдар Маратович» male.
 */
import { getGender, incline } from 'lvovich';

export type NameCase = 'nominative' | 'genitive' | 'dative' | 'accusative' | 'instrumental' | 'prepositional';
export type Gender = 'male' | 'female';

/** The parts of a name as stored on a person. */
export type PersonName = { surname: string; name: string; patronymic: string };

const lv = (p: PersonName) => ({ last: p.surname || null, first: p.name || null, middle: p.patronymic || null });

/** The person's grammatical gender, or undefined when the name does not tell (initials only, a rare name). */
export function genderOf(p: PersonName): Gender | undefined {
  const g = getGender(lv(p));
  return g === 'male' || g === 'female' ? g : undefined;
}

/** «Фамилия Имя Отчество» in the given case; empty parts are skipped. */
export function fullNameIn(p: PersonName, nameCase: NameCase): string {
  const parts = nameCase === 'nominative' ? { last: p.surname, first: p.name, middle: p.patronymic } : incline({ ...lv(p), gender: genderOf(p) ?? null }, nameCase);
  return [parts.last, parts.first, parts.middle].filter((s): s is string => !!s).join(' ');
}
