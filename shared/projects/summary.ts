/**
 * The paragraph that opens the project's final report, in the style of the organizers' own news text:
 * «В ноябре 2020 г. подведены итоги проекта «КОНСТРУКТОР СООБЩЕСТВ». По итогам конкурса поддержано
 * 6 проектов из 5 муниципалитетов; создано 4 сообщества в 4 муниципалитетах. …».
 *
 * Numbers agree with their nouns (Intl plural rules through shared/text/format) and the participle with
 * its noun's gender when the number's form is singular («поддержан 21 проект», «создано 21 сообщество»,
 * «поддержано 5 проектов»). Figures come only from accepted reports; projects without one are named as
 * such, never counted as zero.
 */
import type { Id, IsoDate } from '../domain/types';
import { formatCount, formatMoney, pluralCategory, type PluralForms } from '../text/format';
import { aggregateProjects, currentReport } from './monitoring';
import type { Project, ProjectReport } from './types';

const MONTHS_PREPOSITIONAL = ['январе', 'феврале', 'марте', 'апреле', 'мае', 'июне', 'июле', 'августе', 'сентябре', 'октябре', 'ноябре', 'декабре'];

type Gender = 'm' | 'f' | 'n';
/** A noun with its count forms and gender, for agreement. */
type Noun = { forms: PluralForms; gender: Gender };

const PROJECT: Noun = { forms: ['проект', 'проекта', 'проектов'], gender: 'm' };
const COMMUNITY: Noun = { forms: ['сообщество', 'сообщества', 'сообществ'], gender: 'n' };
const PERSON: Noun = { forms: ['человек', 'человека', 'человек'], gender: 'm' };
const EVENT: Noun = { forms: ['мероприятие', 'мероприятия', 'мероприятий'], gender: 'n' };
const VOLUNTEER: Noun = { forms: ['доброволец', 'добровольца', 'добровольцев'], gender: 'm' };
const MUNICIPALITY_GEN: PluralForms = ['муниципалитета', 'муниципалитетов', 'муниципалитетов'];
const MUNICIPALITY_PREP: PluralForms = ['муниципалитете', 'муниципалитетах', 'муниципалитетах'];

/** A short participle in its three genders: «поддержан», «поддержана», «поддержано». */
type Participle = Record<Gender, string>;
const SUPPORTED: Participle = { m: 'поддержан', f: 'поддержана', n: 'поддержано' };
const FOUNDED: Participle = { m: 'создан', f: 'создана', n: 'создано' };
const INVOLVED: Participle = { m: 'вовлечён', f: 'вовлечена', n: 'вовлечено' };
const HELD: Participle = { m: 'проведён', f: 'проведена', n: 'проведено' };
const ATTRACTED: Participle = { m: 'привлечён', f: 'привлечена', n: 'привлечено' };

/**
 * The participle before a counted noun: the noun's gender after a singular form («поддержан 1 проект»,
 * «создано 21 сообщество»), the neuter after the others («поддержано 5 проектов»).
 */
function agreed(participle: Participle, n: number, noun: Noun): string {
  const form = pluralCategory(n) === 'one' ? participle[noun.gender] : participle.n;
  return `${form} ${formatCount(n, noun.forms)}`;
}

export type ProjectSummaryInput = {
  /** The grant project's name, without quotes: «КОНСТРУКТОР СООБЩЕСТВ». */
  projectTitle: string;
  /** The day the results are summed up. */
  on: IsoDate;
  projects: readonly Project[];
  reportsOf: (projectId: Id) => readonly ProjectReport[];
};

function monthYear(on: IsoDate): string {
  const [y, m] = on.split('-').map(Number);
  return `В ${MONTHS_PREPOSITIONAL[(m ?? 1) - 1]} ${y} г.`;
}

/** The summary paragraph; every figure is from accepted reports, and missing ones are said aloud. */
export function projectSummary(input: ProjectSummaryInput): string {
  const { projects, reportsOf } = input;
  const parts = [`${monthYear(input.on)} подведены итоги проекта «${input.projectTitle}».`];
  if (projects.length === 0) {
    parts.push('Поддержанных проектов нет.');
    return parts.join(' ');
  }
  const total = aggregateProjects(projects, reportsOf);
  const municipalities = new Set(projects.map((p) => p.municipalityId).filter(Boolean));
  const founded = projects.filter((p) => currentReport(reportsOf(p.id))?.community.founded);
  const foundedIn = new Set(founded.map((p) => p.municipalityId).filter(Boolean));

  let first = `По итогам конкурса ${agreed(SUPPORTED, projects.length, PROJECT)}`;
  if (municipalities.size > 0) first += ` из ${formatCount(municipalities.size, MUNICIPALITY_GEN)}`;
  if (founded.length > 0) {
    first += `; ${agreed(FOUNDED, founded.length, COMMUNITY)}`;
    if (foundedIn.size > 0) first += ` в ${formatCount(foundedIn.size, MUNICIPALITY_PREP)}`;
  }
  parts.push(`${first}.`);

  const { peopleInvolved, eventsHeld, volunteers, moneyRaised } = total.indicators;
  const did: string[] = [];
  if (peopleInvolved.reported > 0) did.push(`в работу ${agreed(INVOLVED, peopleInvolved.reached, PERSON)}`);
  if (eventsHeld.reported > 0) did.push(agreed(HELD, eventsHeld.reached, EVENT));
  if (volunteers.reported > 0) did.push(agreed(ATTRACTED, volunteers.reached, VOLUNTEER));
  if (moneyRaised.reported > 0 && moneyRaised.reached > 0) did.push(`собрано ${formatMoney(moneyRaised.reached, 'ru')} внебюджетных средств`);
  if (did.length > 0) parts.push(`${capitalize(did.join(', '))}.`);

  const finals = projects.filter((p) => currentReport(reportsOf(p.id))?.kind === 'final').length;
  const abandoned = projects.filter((p) => p.lifecycle === 'abandoned').length;
  const tail: string[] = [];
  if (finals > 0) tail.push(`Итоговые отчёты приняты по ${formatCount(finals, PROJECT_DATIVE)}`);
  if (total.withoutReport.length > 0) tail.push(`${formatCount(total.withoutReport.length, PROJECT.forms)} ещё не ${total.withoutReport.length === 1 ? 'отчитался' : 'отчитались'}`);
  if (abandoned > 0) tail.push(`${formatCount(abandoned, PROJECT.forms)} ${pluralCategory(abandoned) === 'one' ? 'прекращён командой' : 'прекращены командами'}`);
  if (tail.length > 0) parts.push(`${tail.join('; ')}.`);
  return parts.join(' ');
}

const PROJECT_DATIVE: PluralForms = ['проекту', 'проектам', 'проектам'];

function capitalize(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}
