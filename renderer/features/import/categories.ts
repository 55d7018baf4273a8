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

/** The category a cell names, or null when it is empty or names none (the import warns and uses «другое»). */
export function parseCategory(text: string): Category | null {
  const f = fold(text).replace(/[«»"'.]/g, '');
  if (!f) return null;
  for (const c of categories) if (fold(categoryLabel(c)) === f) return c;
  for (const [c, re] of SYNONYMS) if (re.test(f)) return c;
  return null;
}
