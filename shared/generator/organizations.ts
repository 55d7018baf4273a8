import type { Category, OrganizationKind } from '../domain/types';
import type { Place } from './places';
import type { Rng } from './rng';
import { createWeightedPicker } from './rng';
import { withRegion } from './places';

type Holder = { surname: string; name: string; patronymic: string };

/**
 * Where a person works and as whom. The category follows the organization, as delegation lists do:
 * a district administration sends 'administration', a school 'education', a ТОС 'citizen'. The one
 * deliberate exception is the seed's own case — an education department is part of the administration
 * (kind 'administration') while its methodists come as 'education'.
 */
export type OrgTemplate = {
  category: Category;
  kind: OrganizationKind;
  weight: number;
  applies?: (p: Place) => boolean;
  name: (p: Place, rng: Rng, holder: Holder) => string;
  positions: ReadonlyArray<readonly [position: string, weight: number]>;
};

const ADMIN_STAFF = [
  ['заместитель главы администрации', 2],
  ['управляющий делами', 2],
  ['начальник отдела', 2],
  ['главный специалист', 4],
  ['ведущий специалист', 4],
  ['специалист по связям с общественностью', 2],
  ['помощник главы администрации', 1],
  ['глава администрации', 0.3],
] as const;

const SCHOOL_STAFF = [
  ['учитель', 6],
  ['заместитель директора по воспитательной работе', 2],
  ['советник директора по воспитанию', 1],
  ['педагог-организатор', 1],
  ['социальный педагог', 1],
  ['директор', 0.7],
] as const;

const CITIZEN = 'житель (активный гражданин)';
const initials = (h: Holder) => `${h.name[0]}.${h.patronymic[0]}.`;

export const orgTemplates: readonly OrgTemplate[] = [
  // administration
  {
    category: 'administration',
    kind: 'administration',
    weight: 6,
    name: (p) => withRegion(`Администрация ${p.official}`, p.region),
    positions: ADMIN_STAFF,
  },
  {
    category: 'administration',
    kind: 'administration',
    weight: 3,
    applies: (p) => p.localGov !== undefined,
    name: (p) => `Администрация ${p.localGov} МР ${p.name} ${p.regionShort}`,
    positions: [
      ['глава сельского поселения', 2],
      ['глава администрации сельского поселения', 2],
      ['управляющий делами', 2],
      ['специалист 1 категории', 3],
    ],
  },
  {
    category: 'administration',
    kind: 'administration',
    weight: 1.5,
    name: (p) => withRegion(`Совет ${p.official}`, p.region),
    positions: [
      ['депутат', 4],
      ['заместитель председателя Совета', 1],
      ['председатель Совета', 0.5],
    ],
  },
  // ngo
  {
    category: 'ngo',
    kind: 'ngo',
    weight: 2,
    name: (p) => `Совет ветеранов ${p.of}`,
    positions: [
      ['председатель', 1],
      ['член президиума', 2],
      ['секретарь', 1],
    ],
  },
  {
    category: 'ngo',
    kind: 'ngo',
    weight: 2,
    name: (p) => `АНО «Центр развития местных сообществ «${p.ano}»»`,
    positions: [
      ['руководитель', 1],
      ['координатор проектов', 3],
      ['специалист по работе с волонтёрами', 2],
    ],
  },
  {
    category: 'ngo',
    kind: 'ngo',
    weight: 1.5,
    name: (p) => `Женсовет ${p.of}`,
    positions: [
      ['председатель', 1],
      ['член совета', 3],
    ],
  },
  {
    category: 'ngo',
    kind: 'ngo',
    weight: 1,
    name: (p) => `Благотворительный фонд «${p.fund}»`,
    positions: [
      ['директор', 1],
      ['менеджер проектов', 2],
    ],
  },
  {
    category: 'ngo',
    kind: 'ngo',
    weight: 1,
    name: (p) => `Общественная палата ${p.official}`,
    positions: [
      ['член Общественной палаты', 4],
      ['председатель комиссии', 1],
    ],
  },
  // citizens
  {
    category: 'citizen',
    kind: 'other',
    weight: 3,
    name: (p, rng) => `ТОС «${rng.pick(p.tos)}»`,
    positions: [
      [CITIZEN, 3],
      ['председатель ТОС', 1],
      ['член совета ТОС', 1],
    ],
  },
  {
    category: 'citizen',
    kind: 'other',
    weight: 2,
    name: (p) => `Инициативная группа жителей ${p.settlement}`,
    positions: [
      [CITIZEN, 4],
      ['руководитель инициативной группы', 1],
    ],
  },
  // education
  {
    category: 'education',
    kind: 'education',
    weight: 5,
    name: (p, rng) => `МБОУ СОШ № ${rng.int(1, p.schools)} ${p.settlement}`,
    positions: SCHOOL_STAFF,
  },
  {
    category: 'education',
    kind: 'education',
    weight: 1,
    applies: (p) => p.schools >= 6,
    name: (p, rng) => `МБОУ «Гимназия № ${rng.int(1, Math.max(1, Math.floor(p.schools / 6)))}» ${p.settlement}`,
    positions: SCHOOL_STAFF,
  },
  {
    category: 'education',
    kind: 'education',
    weight: 1,
    name: (p) => `МБУ ДО «Центр детского творчества» ${p.settlement}`,
    positions: [
      ['педагог дополнительного образования', 3],
      ['методист', 1],
      ['директор', 0.5],
    ],
  },
  {
    category: 'education',
    kind: 'administration',
    weight: 1.5,
    name: (p) => withRegion(`Отдел образования Администрации ${p.official}`, p.region),
    positions: [
      ['методист', 3],
      ['главный специалист', 2],
      ['начальник отдела', 0.5],
    ],
  },
  // youth
  {
    category: 'youth',
    kind: 'ngo',
    weight: 2,
    name: (p) => `МОО «Союз молодёжи ${p.of}»`,
    positions: [
      ['председатель', 1],
      ['член правления', 2],
      ['руководитель волонтёрского отряда', 2],
    ],
  },
  {
    category: 'youth',
    kind: 'other',
    weight: 2,
    name: (p) => `МБУ «Молодёжный центр» ${p.settlement}`,
    positions: [
      ['специалист по работе с молодёжью', 4],
      ['методист', 1],
      ['директор', 0.5],
    ],
  },
  {
    category: 'youth',
    kind: 'other',
    weight: 1,
    name: (p) => `Молодёжный совет при Администрации ${p.official}`,
    positions: [
      ['член Молодёжного совета', 4],
      ['председатель', 1],
    ],
  },
  // media
  {
    category: 'media',
    kind: 'media',
    weight: 1,
    name: (p) => `Редакция газеты «${p.newspaper}»`,
    positions: [
      ['журналист', 3],
      ['корреспондент', 2],
      ['фотокорреспондент', 1],
      ['главный редактор', 0.5],
    ],
  },
  // culture and business travel as 'other': the registration categories have no place for them
  {
    category: 'other',
    kind: 'culture',
    weight: 2,
    name: (p) => `МБУК «Централизованная клубная система» ${p.of}`,
    positions: [
      ['культорганизатор', 2],
      ['художественный руководитель', 2],
      ['методист', 2],
      ['директор', 0.5],
    ],
  },
  {
    category: 'other',
    kind: 'culture',
    weight: 1.5,
    name: (p) => `МБУК «Централизованная библиотечная система» ${p.of}`,
    positions: [
      ['библиотекарь', 3],
      ['заведующий библиотекой', 1],
      ['методист', 1],
    ],
  },
  {
    category: 'other',
    kind: 'business',
    weight: 1,
    name: (_p, _rng, h) => `ИП ${h.surname} ${initials(h)}`,
    positions: [['индивидуальный предприниматель', 1]],
  },
  {
    category: 'other',
    kind: 'business',
    weight: 1,
    name: (p, rng) => `ООО «${rng.pick(p.companies)}»`,
    positions: [
      ['директор', 1],
      ['менеджер', 2],
    ],
  },
];

/** Share of each category among people who come to a community conference. */
const CATEGORY_WEIGHTS: Record<Category, number> = {
  administration: 30,
  ngo: 20,
  citizen: 18,
  education: 13,
  youth: 8,
  media: 4,
  other: 7,
};

export type Job = { organization: string; organizationKind: OrganizationKind; position: string; category: Category };

/**
 * A weighted choice of organization and position for one place, built once per municipality so the
 * per-person cost stays constant: two weighted draws and a string concatenation.
 */
export function createJobPicker(place: Place): (rng: Rng, holder: Holder) => Job {
  const templates = orgTemplates.filter((t) => !t.applies || t.applies(place));
  const weights = templates.map((t) => {
    const sameCategory = templates.filter((o) => o.category === t.category);
    const categoryTotal = sameCategory.reduce((sum, o) => sum + o.weight, 0);
    return (CATEGORY_WEIGHTS[t.category] * t.weight) / categoryTotal;
  });
  const pickTemplate = createWeightedPicker(weights);
  const pickPosition = templates.map((t) => createWeightedPicker(t.positions.map(([, w]) => w)));
  return (rng, holder) => {
    const i = pickTemplate(rng);
    const t = templates[i]!;
    const position = t.positions[pickPosition[i]!(rng)]![0];
    return { organization: t.name(place, rng, holder), organizationKind: t.kind, position, category: t.category };
  };
}
