import type { Category } from '../../../shared/domain/types';
import { categories } from '../../../shared/domain/types';
import { fold } from '../../../shared/import/normalize';
import ru from '../../i18n/ru/app';

/** The Russian label of a category, as lists, exports and the template's drop-down write it. */
export const categoryLabel = (c: Category): string => ru.category[c];

// What district lists write in «Категория» besides our own labels (matched on the folded start).
const SYNONYMS: ReadonlyArray<readonly [Category, RegExp]> = [
  ['administration', /^(администрац|органы? (местного самоуправления|власти)|омсу|госслуж|муниципальн\S* служащ|глава|чиновн)/],
  ['ngo', /^(нко|со нко|некоммерч|общественн|ано|тос|фонд|представитель нко)/],
  ['citizen', /^(активн|гражданин|граждане|житель|жители|инициативн|активист)/],
  ['education', /^(образован|учител|педагог|преподава|школ[аы]?$)/],
  ['youth', /^(молод|студент|школьник)/],
  ['media', /^(сми|журналист|медиа|пресс|блогер)/],
  ['other', /^(друг|прочее|прочие|иное)/],
];

let labels: ReadonlyMap<string, Category> | null = null;
// a list repeats a few category texts over thousands of rows, and the wizard asks about each row more than once
const parsed = new Map<string, Category | null>();
const PARSED_MAX = 10_000;

/** The category a cell names, or null when it is empty or names none (the wizard asks what it is). */
export function parseCategory(text: string): Category | null {
  const known = parsed.get(text);
  if (known !== undefined) return known;
  labels ??= new Map(categories.map((c) => [fold(categoryLabel(c)), c]));
  const f = fold(text).replace(/[«»"'.]/g, '');
  const found = !f ? null : (labels.get(f) ?? SYNONYMS.find(([, re]) => re.test(f))?.[0] ?? null);
  if (parsed.size >= PARSED_MAX) parsed.clear();
  parsed.set(text, found);
  return found;
}
