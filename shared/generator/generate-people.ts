import type { Category, OrganizationKind, Role } from '../domain/types';
import type { Father, NamePool } from './given-names';
import type { MunicipalityInput } from './places';
import type { Job } from './organizations';
import type { Rng } from './rng';
import { russianFathers, russianNames, turkicFathers, turkicNames } from './given-names';
import { createJobPicker } from './organizations';
import { describePlace } from './places';
import { createRng, createWeightedPicker } from './rng';
import { feminineSurname, russianSurnames, turkicSurnames } from './surnames';
import { generateEmail, generatePhone } from './contacts';

export type Gender = 'm' | 'f';

export type GeneratedPerson = {
  /** Stable within one run: "p000123" is the 123rd person generated. */
  key: string;
  surname: string;
  name: string;
  patronymic: string;
  gender: Gender;
  /** As a person would write it (several notations) unless messyPhones is false; always normalizable. */
  phone: string;
  email?: string;
  /** One of the names in opts.municipalities. */
  municipality: string;
  organization: string;
  organizationKind: OrganizationKind;
  position: string;
  category: Category;
  role: Role;
};

export type GeneratePeopleOptions = {
  seed: number;
  count: number;
  municipalities: readonly MunicipalityInput[];
  /** Raw phone notations (default) or canonical "+7XXXXXXXXXX". */
  messyPhones?: boolean;
};

// Larger municipalities send larger delegations; everything not listed weighs 1 (a district) before jitter.
const MUNICIPALITY_WEIGHTS: Record<string, number> = {
  'г. Уфа': 10,
  'г. Стерлитамак': 4,
  'г. Салават': 3,
  'г. Нефтекамск': 3,
  'г. Октябрьский': 2.5,
  'г. Кумертау': 2,
  'г. Сибай': 2,
  'Туймазинский район': 2.5,
  'Белорецкий район': 2.5,
  'Уфимский район': 2.5,
  'Иглинский район': 2,
  'Белебеевский район': 2,
  'Мелеузовский район': 2,
  'Ишимбайский район': 2,
  'Учалинский район': 2,
  'Дюртюлинский район': 1.5,
  'Бирский район': 1.5,
  'Благовещенский район': 1.5,
  'Чишминский район': 1.5,
  'Кармаскалинский район': 1.5,
  'г. Агидель': 0.7,
  'г. Межгорье': 0.6,
};
const OTHER_REGION_WEIGHT = 0.6;

const ROLES: readonly Role[] = ['participant', 'speaker', 'moderator', 'guest'];
const pickRole = createWeightedPicker([93, 3, 1.5, 2.5]);

const FEMALE_SHARE = 0.6;
const NAMESAKE_SHARE = 0.015;
const EMAIL_SHARE = 0.4;
// people in Bashkortostan with a Russian surname and a Bashkir/Tatar name (or the reverse) are common enough
const MIXED_NAME_SHARE = 0.12;
const MIXED_PATRONYMIC_SHARE = 0.1;
// who has an office phone on the list rather than a mobile
const OFFICE_CATEGORIES: ReadonlySet<Category> = new Set(['administration', 'education']);

type Fio = { surname: string; name: string; patronymic: string; gender: Gender };

type Origin = { surnames: readonly string[]; names: NamePool; fathers: readonly Father[] };
const RUSSIAN: Origin = { surnames: russianSurnames, names: russianNames, fathers: russianFathers };
const TURKIC: Origin = { surnames: turkicSurnames, names: turkicNames, fathers: turkicFathers };

function generateFio(rng: Rng, turkicShare: number): Fio {
  const origin = rng.chance(turkicShare) ? TURKIC : RUSSIAN;
  const other = origin === TURKIC ? RUSSIAN : TURKIC;
  const gender: Gender = rng.chance(FEMALE_SHARE) ? 'f' : 'm';
  const stem = rng.pick(origin.surnames);
  const names = rng.chance(MIXED_NAME_SHARE) ? other.names : origin.names;
  const fathers = rng.chance(MIXED_PATRONYMIC_SHARE) ? other.fathers : origin.fathers;
  const father = rng.pick(fathers);
  return gender === 'm'
    ? { surname: stem, name: rng.pick(names.male), patronymic: father[1], gender }
    : { surname: feminineSurname(stem), name: rng.pick(names.female), patronymic: father[2], gender };
}

/**
 * Realistic participants of a community conference: Russian, Bashkir and Tatar names with correct
 * feminine forms and patronymics, organizations and positions of their municipality, messy phones,
 * some e-mails and ~1.5% exact namesakes from another municipality (what dedupe and the desk search
 * must tell apart). Deterministic: the same options give a deep-equal result. Linear in `count`.
 */
export function generatePeople(opts: GeneratePeopleOptions): GeneratedPerson[] {
  const { seed, count, municipalities } = opts;
  const messy = opts.messyPhones ?? true;
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`count ${count}`);
  if (count > 0 && municipalities.length === 0) throw new RangeError('no municipalities to place people in');

  const rng = createRng(seed);
  const places = municipalities.map((m) => {
    const place = describePlace(m);
    const home = m.region === 'Республика Башкортостан';
    return {
      name: m.name,
      pickJob: createJobPicker(place),
      turkicShare: home ? 0.5 : 0.1,
      ufa: m.name === 'г. Уфа',
    };
  });
  // jitter so that two seeds give differently sized delegations, as two real events would
  const pickPlace = createWeightedPicker(
    municipalities.map((m) => {
      const base = MUNICIPALITY_WEIGHTS[m.name] ?? (m.region === 'Республика Башкортостан' ? 1 : OTHER_REGION_WEIGHT);
      return base * (0.5 + rng.next());
    }),
  );

  const phones = new Set<string>();
  const emails = new Set<string>();
  const people: GeneratedPerson[] = new Array(count);
  for (let i = 0; i < count; i++) {
    let placeIndex = pickPlace(rng);
    let fio: Fio;
    if (i > 0 && rng.chance(NAMESAKE_SHARE)) {
      const earlier = people[rng.int(0, i - 1)]!;
      fio = { surname: earlier.surname, name: earlier.name, patronymic: earlier.patronymic, gender: earlier.gender };
      // a namesake is a different person: same full name, another municipality (when there is one)
      if (places.length > 1) {
        while (places[placeIndex]!.name === earlier.municipality) placeIndex = rng.int(0, places.length - 1);
      }
    } else {
      fio = generateFio(rng, places[placeIndex]!.turkicShare);
    }
    const place = places[placeIndex]!;
    const job: Job = place.pickJob(rng, fio);
    const office = OFFICE_CATEGORIES.has(job.category);
    const phone = generatePhone(rng, phones, { messy, landline: office && rng.chance(0.2), ufa: place.ufa });

    const person: GeneratedPerson = {
      key: 'p' + String(i + 1).padStart(6, '0'),
      surname: fio.surname,
      name: fio.name,
      patronymic: fio.patronymic,
      gender: fio.gender,
      phone,
      municipality: place.name,
      organization: job.organization,
      organizationKind: job.organizationKind,
      position: job.position,
      category: job.category,
      role: ROLES[pickRole(rng)]!,
    };
    if (rng.chance(EMAIL_SHARE)) person.email = generateEmail(rng, emails, fio);
    people[i] = person;
  }
  return people;
}
