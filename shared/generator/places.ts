import type { MunicipalityKind } from '../domain/types';
import { createRng, hashString } from './rng';

export type MunicipalityInput = { name: string; kind: MunicipalityKind; region: string; federalDistrict: string };

/** The phrases organization names are built from, worked out once per municipality. */
export type Place = {
  name: string;
  /** After "Администрация": "муниципального района Бирский район", "городского округа город Сибай". */
  official: string;
  /** After "Совет ветеранов": "Бирского района", "городского округа город Сибай", "г. Кирово-Чепецк". */
  of: string;
  /** "Республики Башкортостан", "Кировской области" or '' when the region's form is unknown. */
  region: string;
  /** Short region tail as lists write it: "РБ" at home, the full genitive elsewhere. */
  regionShort: string;
  /** Where schools and clubs are: the district centre or the city itself ("с. Иглино", "г. Сибай"). */
  settlement: string;
  /** The settlement-level administration of the district centre ("СП Иглинский сельсовет", "ГП город Бирск"). */
  localGov?: string;
  /** How many schools the settlement plausibly has numbered ones (СОШ № 1…n). */
  schools: number;
  newspaper: string;
  tos: readonly string[];
  ano: string;
  fund: string;
  companies: readonly string[];
};

const HOME_REGION = 'Республика Башкортостан';

// District centres and the settlement whose administration sits there. For fixtures, not reference data:
// close enough that a local reader is not jarred, which a random village name would do.
const DISTRICT_CENTRES: Record<string, readonly [centre: string, localGov: string]> = {
  Абзелиловский: ['с. Аскарово', 'СП Аскаровский сельсовет'],
  Альшеевский: ['с. Раевский', 'СП Раевский сельсовет'],
  Архангельский: ['с. Архангельское', 'СП Архангельский сельсовет'],
  Аскинский: ['с. Аскино', 'СП Аскинский сельсовет'],
  Аургазинский: ['с. Толбазы', 'СП Толбазинский сельсовет'],
  Баймакский: ['г. Баймак', 'ГП город Баймак'],
  Бакалинский: ['с. Бакалы', 'СП Бакалинский сельсовет'],
  Балтачевский: ['с. Старобалтачево', 'СП Старобалтачевский сельсовет'],
  Белебеевский: ['г. Белебей', 'ГП город Белебей'],
  Белокатайский: ['с. Новобелокатай', 'СП Новобелокатайский сельсовет'],
  Белорецкий: ['г. Белорецк', 'ГП город Белорецк'],
  Бижбулякский: ['с. Бижбуляк', 'СП Бижбулякский сельсовет'],
  Бирский: ['г. Бирск', 'ГП город Бирск'],
  Благоварский: ['с. Языково', 'СП Языковский сельсовет'],
  Благовещенский: ['г. Благовещенск', 'ГП город Благовещенск'],
  Буздякский: ['с. Буздяк', 'СП Буздякский сельсовет'],
  Бураевский: ['с. Бураево', 'СП Бураевский сельсовет'],
  Бурзянский: ['с. Старосубхангулово', 'СП Старосубхангуловский сельсовет'],
  Гафурийский: ['с. Красноусольский', 'СП Красноусольский сельсовет'],
  Давлекановский: ['г. Давлеканово', 'ГП город Давлеканово'],
  Дуванский: ['с. Месягутово', 'СП Месягутовский сельсовет'],
  Дюртюлинский: ['г. Дюртюли', 'ГП город Дюртюли'],
  Ермекеевский: ['с. Ермекеево', 'СП Ермекеевский сельсовет'],
  Зианчуринский: ['с. Исянгулово', 'СП Исянгуловский сельсовет'],
  Зилаирский: ['с. Зилаир', 'СП Зилаирский сельсовет'],
  Иглинский: ['с. Иглино', 'СП Иглинский сельсовет'],
  Илишевский: ['с. Верхнеяркеево', 'СП Верхнеяркеевский сельсовет'],
  Ишимбайский: ['г. Ишимбай', 'ГП город Ишимбай'],
  Калтасинский: ['с. Калтасы', 'СП Калтасинский сельсовет'],
  Караидельский: ['с. Караидель', 'СП Караидельский сельсовет'],
  Кармаскалинский: ['с. Кармаскалы', 'СП Кармаскалинский сельсовет'],
  Кигинский: ['с. Верхние Киги', 'СП Верхнекигинский сельсовет'],
  Краснокамский: ['с. Николо-Берёзовка', 'СП Николо-Берёзовский сельсовет'],
  Кугарчинский: ['с. Мраково', 'СП Мраковский сельсовет'],
  Кушнаренковский: ['с. Кушнаренково', 'СП Кушнаренковский сельсовет'],
  Куюргазинский: ['с. Ермолаево', 'СП Ермолаевский сельсовет'],
  Мелеузовский: ['г. Мелеуз', 'ГП город Мелеуз'],
  Мечетлинский: ['с. Большеустьикинское', 'СП Большеустьикинский сельсовет'],
  Мишкинский: ['с. Мишкино', 'СП Мишкинский сельсовет'],
  Миякинский: ['с. Киргиз-Мияки', 'СП Киргиз-Миякинский сельсовет'],
  Нуримановский: ['с. Красная Горка', 'СП Красногорский сельсовет'],
  Салаватский: ['с. Малояз', 'СП Малоязовский сельсовет'],
  Стерлибашевский: ['с. Стерлибашево', 'СП Стерлибашевский сельсовет'],
  // the district's seat is the city of Sterlitamak, which is not part of it; use its largest village
  Стерлитамакский: ['с. Отрадовка', 'СП Отрадовский сельсовет'],
  Татышлинский: ['с. Верхние Татышлы', 'СП Верхнетатышлинский сельсовет'],
  Туймазинский: ['г. Туймазы', 'ГП город Туймазы'],
  // likewise Ufa is not part of the Ufa district
  Уфимский: ['с. Миловка', 'СП Миловский сельсовет'],
  Учалинский: ['г. Учалы', 'ГП город Учалы'],
  Фёдоровский: ['с. Фёдоровка', 'СП Фёдоровский сельсовет'],
  Хайбуллинский: ['с. Акъяр', 'СП Акъярский сельсовет'],
  Чекмагушевский: ['с. Чекмагуш', 'СП Чекмагушевский сельсовет'],
  Чишминский: ['р.п. Чишмы', 'ГП Чишминский поссовет'],
  Шаранский: ['с. Шаран', 'СП Шаранский сельсовет'],
  Янаульский: ['г. Янаул', 'ГП город Янаул'],
};

const CITY_SCHOOLS: Record<string, number> = {
  Уфа: 60, Стерлитамак: 30, Салават: 25, Нефтекамск: 18, Октябрьский: 15, Кумертау: 12, Сибай: 10,
  Агидель: 3, Межгорье: 3,
};

const DISTRICT_PAPERS = [
  'Сельская новь', 'Знамя труда', 'Восход', 'Маяк', 'Заря', 'Наш край', 'Вперёд', 'Вестник района',
  'Родные просторы', 'Светлый путь', 'Авангард', 'Сельские зори', 'Трудовая слава', 'Красный Урал',
];
const CITY_PAPERS = ['Городские вести', 'Вечерний город', 'Неделя', 'Наш город', 'Городская газета', 'Новый день'];
const TOS_NAMES = [
  'Соседи', 'Наш двор', 'Дружба', 'Надежда', 'Родник', 'Берёзка', 'Уют', 'Солнечный', 'Центральный',
  'Урал', 'Тулпар', 'Ватан', 'Вишнёвый сад', 'Молодёжный', 'Заречье', 'Мирный',
];
const ANO_WORDS = ['Вместе', 'Открытый город', 'Содружество', 'Наш дом', 'Истоки', 'Перспектива', 'Точка роста', 'Сообщество'];
const FUND_WORDS = ['Добрые дела', 'Милосердие', 'Рука помощи', 'Открытое сердце', 'Доброе начало', 'Надежда'];
const COMPANY_WORDS = ['Уралсервис', 'Стройинвест', 'Башагро', 'Меридиан', 'Импульс', 'Гарант', 'Агидель-Строй', 'Вектор', 'Лидер', 'Альфа-Трейд'];

/** "Кировская область" → "Кировской области"; '' when the form is not one of the usual ones. */
export function regionGenitive(region: string): string {
  if (region.startsWith('Республика ')) return 'Республики ' + region.slice('Республика '.length);
  if (region.endsWith('ая Республика')) return region.slice(0, -'ая Республика'.length) + 'ой Республики';
  if (region.endsWith('ая область')) return region.slice(0, -'ая область'.length) + 'ой области';
  if (region.endsWith('ий край') || region.endsWith('ый край')) return region.slice(0, -'ий край'.length) + 'ого края';
  return '';
}

/** "Бирский" → "Бирского"; the 54 districts are all adjectives in -ий. */
function adjectiveGenitive(adjective: string): string | null {
  return adjective.endsWith('ий') ? adjective.slice(0, -2) + 'ого' : null;
}

export function describePlace(m: MunicipalityInput): Place {
  // a municipality's newspaper or ТОС must not change between runs or seeds: seed from its name
  const rng = createRng(hashString(m.name));
  const home = m.region === HOME_REGION;
  const region = regionGenitive(m.region);
  const regionShort = home ? 'РБ' : region;

  let official = m.name;
  let of = m.name;
  let settlement = m.name;
  let localGov: string | undefined;
  let schools = 3;
  let papers = DISTRICT_PAPERS;

  if (m.name.startsWith('г. ')) {
    const city = m.name.slice(3);
    official = home ? `городского округа город ${city}` : `муниципального образования «Город ${city}»`;
    of = home ? official : m.name;
    schools = CITY_SCHOOLS[city] ?? 8;
    papers = CITY_PAPERS;
  } else if (m.name.endsWith(' район')) {
    const adjective = m.name.slice(0, -' район'.length);
    const genitive = adjectiveGenitive(adjective);
    of = genitive ? `${genitive} района` : `муниципального района ${m.name}`;
    official = home || !genitive ? `муниципального района ${m.name}` : of;
    const centre = DISTRICT_CENTRES[adjective];
    if (centre) {
      settlement = centre[0];
      localGov = centre[1];
      schools = settlement.startsWith('г. ') ? 6 : 2;
    } else {
      settlement = of;
    }
  }

  return {
    name: m.name,
    official,
    of,
    region,
    regionShort,
    settlement,
    localGov,
    schools,
    newspaper: rng.pick(papers),
    tos: [rng.pick(TOS_NAMES), rng.pick(TOS_NAMES), rng.pick(TOS_NAMES)],
    ano: rng.pick(ANO_WORDS),
    fund: rng.pick(FUND_WORDS),
    companies: [rng.pick(COMPANY_WORDS), rng.pick(COMPANY_WORDS)],
  };
}

/** "Администрация" + official + region, without a dangling space when the region is unknown. */
export function withRegion(text: string, region: string): string {
  return region ? `${text} ${region}` : text;
}
