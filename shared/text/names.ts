/**
 * People's names in the case a sentence needs: «вернуть эксперту Бондаренко Елене Владимировне», «лист
 * Галиева Ильдара Маратовича». Declension and the gender guess come from `lvovich` (rules for Russian
 * surnames, first names and patronymics, including the indeclinable ones such as «Бондаренко»); initials
 * («А. П.») are left as they are. The gender is read from the patronymic first, then the first name and
 * the surname, so «Хабибуллина Гульнара Рашитовна» is female and «Галиев Ильдар Маратович» male.
 */
import { getFirstnameGender, getLastnameGender, getMiddlenameGender, inclineFirstname, inclineLastname, inclineMiddlename } from 'lvovich';

export type NameCase = 'nominative' | 'genitive' | 'dative' | 'accusative' | 'instrumental' | 'prepositional';
export type Gender = 'male' | 'female';

/** The parts of a name as stored on a person. */
export type PersonName = { surname: string; name: string; patronymic: string };

const known = (g: string | null | undefined): Gender | undefined => (g === 'male' || g === 'female' ? g : undefined);

/**
 * The person's grammatical gender, or undefined when the name does not tell (initials only, a rare name).
 * Each part is asked on its own, the patronymic first: lvovich's combined guess gives up when the first
 * name is one it does not know («Гузель», «Рафаэль»), though «Тагировна» already says it all.
 */
export function genderOf(p: PersonName): Gender | undefined {
  return (
    (p.patronymic ? known(getMiddlenameGender(p.patronymic)) : undefined) ??
    (p.name ? known(getFirstnameGender(p.name)) : undefined) ??
    (p.surname ? known(getLastnameGender(p.surname)) : undefined)
  );
}

/** «Фамилия Имя Отчество» in the given case; empty parts are skipped, initials («А.») left as they are. */
export function fullNameIn(p: PersonName, nameCase: NameCase): string {
  if (nameCase === 'nominative') return [p.surname, p.name, p.patronymic].filter(Boolean).join(' ');
  const g = genderOf(p) ?? null;
  const part = (text: string, incline: (s: string, c: Exclude<NameCase, 'nominative'>, g: Gender | null) => string) =>
    !text ? '' : text.endsWith('.') ? text : incline(text, nameCase, g);
  return [part(p.surname, inclineLastname), part(p.name, inclineFirstname), part(p.patronymic, inclineMiddlename)].filter(Boolean).join(' ');
}
