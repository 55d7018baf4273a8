/**
 * People's names in Russian sentences: the grammatical gender of a person (for «прибыл» / «прибыла»,
 * «принял участие» / «приняла участие») and the full name in a case («вернуть эксперту Бондаренко Елене
 * Владимировне»). The one place for both; declension and name-based detection come from `lvovich`, the
 * patronymic's own suffix decides first because it never lies («-вна», «кызы»), and a stored gender beats
 * any guess.
 *
 * Screens use the gender as i18next's context (`t('arrived', { context: genderOf(p) })` → `arrived_female`);
 * `undefined` means «not known», and the key without a context must then be worded so that it needs no
 * gender at all.
 */
import {
  getFirstnameGender,
  getLastnameGender,
  getMiddlenameGender,
  inclineFirstname,
  inclineLastname,
  inclineMiddlename,
} from 'lvovich';

export type Gender = 'male' | 'female';

/** The grammatical cases a name is declined into. */
export type NameCase = 'nominative' | 'genitive' | 'dative' | 'accusative' | 'instrumental' | 'prepositional';

/** A person's name as stored (the parts) and, when known, their gender. */
export type NamedPerson = {
  surname: string;
  name?: string;
  patronymic?: string;
  /** A gender recorded for the person (a form's field, the generator's truth); wins over any guess. */
  gender?: Gender | 'm' | 'f';
};

/** The parts of a name as stored on a person (the contest's jurors, the desk's cards). */
export type PersonName = NamedPerson;

const byLvovich = (g: string | null): Gender | undefined => (g === 'male' || g === 'female' ? g : undefined);

/** An initial («А.», «А») or nothing: says nothing about gender and is never declined. */
const isInitial = (part: string | undefined): boolean => !part || /^[\p{L}]\.?$/u.test(part.trim()) || part.trim().endsWith('.');

/**
 * The person's grammatical gender: the stored one; else the patronymic («-вич», «оглы» / «-вна», «кызы»);
 * else lvovich's reading of the patronymic, the surname and the name, in that order (a surname like
 * «Ахметова» is surer than a name like «Гульназ», which lvovich reads as a man's). `undefined` when nothing
 * tells, as for «Ковальчук А.».
 */
export function genderOf(p: NamedPerson): Gender | undefined {
  if (p.gender === 'm' || p.gender === 'male') return 'male';
  if (p.gender === 'f' || p.gender === 'female') return 'female';
  const patronymic = (p.patronymic ?? '').trim().toLowerCase();
  if (/(вич|ич|оглы|улы|уулу)$/.test(patronymic)) return 'male';
  if (/(вна|чна|кызы|гызы|кыз)$/.test(patronymic)) return 'female';
  const tries = [
    isInitial(p.patronymic) ? undefined : byLvovich(getMiddlenameGender(p.patronymic ?? '')),
    byLvovich(getLastnameGender(p.surname.trim())),
    isInitial(p.name) ? undefined : byLvovich(getFirstnameGender((p.name ?? '').trim())),
  ];
  return tries.find((g) => g !== undefined);
}

/** Declines one word of a name unless it is an initial; double surnames («Римская-Корсакова») part by part. */
function declineWord(word: string, inflect: (w: string) => string): string {
  if (!word || isInitial(word)) return word;
  return word
    .split('-')
    .map((part) => inflect(part))
    .join('-');
}

/**
 * «Бондаренко Елена Владимировна» in a case: «Бондаренко Елене Владимировне» (dative). Initials stay as
 * they are («Муталлаповой Х.»); a patronymic with «оглы»/«кызы» declines only its first word; when the
 * gender is unknown the name is left as written, because declining it the wrong way is worse.
 */
export function declineFullName(p: NamedPerson, nameCase: NameCase): string {
  const written = [p.surname, p.name ?? '', p.patronymic ?? ''].map((s) => s.trim());
  const gender = genderOf(p);
  if (nameCase === 'nominative' || !gender) return written.filter(Boolean).join(' ');
  const [surname, name, patronymic] = written as [string, string, string];
  const [fatherName = '', ...particle] = patronymic.split(/\s+/);
  return [
    declineWord(surname, (w) => inclineLastname(w, nameCase, gender)),
    declineWord(name, (w) => inclineFirstname(w, nameCase, gender)),
    [declineWord(fatherName, (w) => inclineMiddlename(w, nameCase, gender)), ...particle].join(' '),
  ]
    .filter(Boolean)
    .join(' ');
}

/** The same as `declineFullName`, under the name the contest screens use: «лист Галиева Ильдара Маратовича». */
export const fullNameIn = declineFullName;

/**
 * A full name written as one string («Галиуллина Эльвира Хамитовна», as on certificates and in jurors'
 * lists) split into its parts: surname first, then name, then the patronymic (which may be two words).
 */
export function splitFullName(fullName: string): NamedPerson {
  const [surname = '', name = '', ...patronymic] = fullName.trim().split(/\s+/);
  return { surname, name, patronymic: patronymic.join(' ') };
}
