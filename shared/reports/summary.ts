import type { Category, EventRow } from '../domain/types';
import { formatCount, formatDay, pluralForm } from '../text/format';
import type { Dashboard } from './dashboard';

const HOME_REGION = 'Республика Башкортостан';

/** Who the participants were, in the words such reports use (genitive plural after «представители»). */
const categoryPhrases: Record<Category, string> = {
  administration: 'представители администраций районов и городов',
  ngo: 'представители некоммерческого сектора',
  education: 'работники образования',
  youth: 'молодёжные активисты',
  media: 'представители СМИ',
  citizen: 'активные граждане',
  other: 'другие участники',
};

/** «Приволжский федеральный округ» → «Приволжского» (the adjective in the genitive). */
function districtAdjectiveGenitive(name: string): string {
  const adjective = name.replace(/\s*федеральный округ$/i, '');
  return adjective.replace(/(ий|ый)$/, 'ого');
}

function joinRu(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} и ${items.at(-1)}`;
}

/**
 * A paragraph in the style of the organizers' own reports: «18 декабря 2019 г. в городе Уфа прошла …
 * Её участниками стали 112 человек из 25 муниципальных образований Республики Башкортостан и 2
 * муниципальных образований Приволжского и Уральского федеральных округов: …».
 * Counts only people who actually arrived.
 */
export function eventSummary(event: EventRow, dashboard: Dashboard): string {
  const present = dashboard.byMunicipality.filter((m) => m.arrived > 0);
  const home = present.filter((m) => m.region === HOME_REGION);
  const other = present.filter((m) => m.region !== HOME_REGION);
  const mo = ['муниципального образования', 'муниципальных образований', 'муниципальных образований'] as const;
  const n = dashboard.totals.arrived;

  const date = event.startDate === event.endDate ? formatDay(event.startDate, 'ru') : `${formatDay(event.startDate, 'ru')} – ${formatDay(event.endDate, 'ru')}`;
  const g = grammaticalGender(event.title);
  const verb = { f: 'прошла', m: 'прошёл', n: 'прошло' }[g];
  const its = g === 'f' ? 'Её' : 'Его';
  const parts = [`${date} в городе ${event.city} ${verb} ${lowerFirst(event.title)}.`];
  if (n === 0) {
    parts.push('Отметок о прибытии участников пока нет.');
    return parts.join(' ');
  }
  const where: string[] = [];
  if (home.length) where.push(`${formatCount(home.length, mo)} Республики Башкортостан`);
  if (other.length) {
    const districts = [...new Set(other.map((m) => m.federalDistrict).filter(Boolean))].sort(new Intl.Collator('ru').compare).map(districtAdjectiveGenitive);
    const tail = districts.length ? ` ${joinRu(districts)} ${pluralForm(districts.length, ['федерального округа', 'федеральных округов', 'федеральных округов'])}` : ' других регионов';
    where.push(`${formatCount(other.length, mo)}${tail}`);
  }
  const who = dashboard.byCategory.filter((c) => c.arrived > 0).map((c) => categoryPhrases[c.category]);
  let sentence = `${its} участниками стали ${formatCount(n, ['человек', 'человека', 'человек'])}`;
  if (where.length) sentence += ` из ${joinRu(where)}`;
  if (who.length) sentence += `: ${joinRu(who)}`;
  parts.push(`${sentence}.`);
  const sections = dashboard.sections.filter((s) => s.assigned > 0);
  if (sections.length) {
    parts.push(`Работа прошла в ${formatCount(sections.length, ['секции', 'секциях', 'секциях'])}: ${sections.map((s) => `«${s.title}»`).join(', ')}.`);
  }
  return parts.join(' ');
}

/** Gender of the event's name by its first word (an adjective or the noun itself). */
function grammaticalGender(title: string): 'f' | 'm' | 'n' {
  const first = title.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  if (/(ая|яя)$/.test(first)) return 'f';
  if (/(ый|ий|ой)$/.test(first)) return 'm';
  if (/(ое|ее)$/.test(first)) return 'n';
  if (/[ая]$/.test(first) || /ь$/.test(first)) return 'f';
  if (/[оеё]$/.test(first)) return 'n';
  return 'm';
}

function lowerFirst(title: string): string {
  // «Межрегиональная конференция …» reads as part of the sentence; keep abbreviations (ФОРУМ) as they are
  return /^[А-ЯЁ][а-яё]/.test(title) ? title[0]!.toLowerCase() + title.slice(1) : title;
}
