/**
 * "Бирский р-н", "Бирский", "МР Бирский район РБ", "Администрация Бирского района", "г.Уфа", "Уфа",
 * "ГО г. Уфа", "городской округ город Уфа" → the reference names "Бирский район", "г. Уфа". The key of
 * a name is what is left after dropping the words that say what kind of place it is; adjective endings
 * are cut so that the genitive ("Бирского") meets the nominative ("Бирский"); one typo is forgiven
 * when only one reference name is that close.
 */
import type { MunicipalityRef } from './types';
import { fold } from './normalize';

const NOISE = new Set([
  'г', 'гор', 'город', 'города', 'городской', 'городского', 'округ', 'округа', 'го', 'гп',
  'р', 'н', 'рн', 'р-н', 'район', 'района', 'муниципальный', 'муниципального', 'муниципальное', 'образование', 'образования',
  'мр', 'мо', 'администрация', 'администрации', 'республика', 'республики', 'башкортостан', 'рб', 'с', 'сп', 'село',
]);

// Adjective endings: "бирский/бирского/бирском" → "бирск". A city key is its folded name ("уфа").
const ADJECTIVE = /(ский|ского|скому|ском|ская|ской|цкий|цкого|цком|ий|ый|ого|ому|ом|ая|ой)$/;

function words(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((w) => w && !NOISE.has(w));
}

function isDistrictName(text: string): boolean {
  return /район|р-н|(^|\s)мр(\s|$)/u.test(fold(text)) || /(ский|цкий)$/u.test(fold(text).split(' ')[0] ?? '');
}

function stem(w: string): string {
  return w.replace(ADJECTIVE, '');
}

export type MunicipalityMatch = { name: string; id?: string } | null;

function distance1(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * A matcher over the reference list. Results are cached per raw text: a 10,000-row list has a few dozen
 * distinct municipality spellings.
 */
export function createMunicipalityMatcher(refs: readonly MunicipalityRef[]): (raw: string) => MunicipalityMatch {
  type Entry = { ref: MunicipalityRef; key: string; plain: string; district: boolean };
  const entries: Entry[] = refs.map((ref) => ({
    ref,
    key: words(ref.name).map(stem).join(' '),
    plain: words(ref.name).join(' '),
    district: isDistrictName(ref.name),
  }));
  const exact = new Map<string, MunicipalityRef>();
  for (const ref of refs) exact.set(fold(ref.name), ref);
  const byKey = new Map<string, Entry[]>();
  for (const e of entries) byKey.set(e.key, [...(byKey.get(e.key) ?? []), e]);
  const cache = new Map<string, MunicipalityMatch>();

  const result = (ref: MunicipalityRef): MunicipalityMatch => (ref.id !== undefined ? { name: ref.name, id: ref.id } : { name: ref.name });

  function lookup(raw: string): MunicipalityMatch {
    const folded = fold(raw);
    if (!folded) return null;
    const direct = exact.get(folded);
    if (direct) return result(direct);
    const key = words(raw).map(stem).join(' ');
    if (!key) return null;
    const found = byKey.get(key);
    if (found && found.length === 1) return result(found[0]!.ref);
    // "Стерлитамак" (city) vs "Стерлитамакский" (district) share no key; a shared key is ambiguous only
    // between a city and a district with the same stem, which the words "район"/"г." settle
    if (found && found.length > 1) {
      const district = isDistrictName(raw);
      const pick = found.filter((e) => e.district === district);
      return pick.length === 1 ? result(pick[0]!.ref) : null;
    }
    // a typo breaks the adjective ending too ("Бирскийй"), so compare unstemmed words as well
    const plain = words(raw).join(' ');
    if (plain.length < 5) return null;
    const near = entries.filter((e) => (e.plain.length >= 5 && distance1(e.plain, plain)) || (e.key.length >= 5 && distance1(e.key, key)));
    return near.length === 1 ? result(near[0]!.ref) : null;
  }

  return (raw: string) => {
    const hit = cache.get(raw);
    if (hit !== undefined) return hit;
    const m = lookup(raw);
    if (cache.size < 10_000) cache.set(raw, m);
    return m;
  };
}

export type MunicipalitySuggestion = { name: string; id?: string; from: 'title' | 'file' | 'organization'; text: string };

const KIND_WORD = /^(г|гор|город|района?|р-н|рн|округа?|го|мр)$/u;

/**
 * The municipality named somewhere in a text: every run of one to three words is tried against the
 * reference, runs with a kind word («город Сибай», «Бирский район») first; the most frequent wins.
 */
function named(texts: readonly string[], match: (raw: string) => MunicipalityMatch): { m: NonNullable<MunicipalityMatch>; text: string } | null {
  const found = new Map<string, { m: NonNullable<MunicipalityMatch>; text: string; score: number }>();
  for (const text of texts) {
    const tokens = fold(text.slice(0, 300)).split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
    for (let i = 0; i < tokens.length; i++) {
      for (let len = Math.min(3, tokens.length - i); len >= 1; len--) {
        const run = tokens.slice(i, i + len);
        const m = match(run.join(' '));
        if (!m) continue;
        const kind = run.some((w) => KIND_WORD.test(w));
        const prev = found.get(m.name);
        found.set(m.name, { m, text, score: (prev?.score ?? 0) + (kind ? 10 : 1) });
        break;
      }
    }
  }
  const best = [...found.values()].sort((a, b) => b.score - a.score)[0];
  return best ? { m: best.m, text: best.text } : null;
}

/**
 * For a list without a municipality column: the municipality it is probably from — named in the title
 * rows above the header («Список делегатов … город Сибай» → г. Сибай), else in the file name, else in
 * the organizations' names («Администрация Бирского района»). A suggestion for the user to confirm.
 */
export function suggestMunicipality(
  src: { titles: readonly string[]; fileName: string; organizations: readonly string[] },
  refs: readonly MunicipalityRef[],
): MunicipalitySuggestion | null {
  const match = createMunicipalityMatcher(refs);
  const sources: Array<[MunicipalitySuggestion['from'], readonly string[]]> = [
    ['title', src.titles.filter(Boolean)],
    ['file', [src.fileName.replace(/\.[^.]+$/, '').replace(/[_.]+/g, ' ')]],
    ['organization', src.organizations.filter(Boolean)],
  ];
  for (const [from, texts] of sources) {
    const hit = named(texts, match);
    if (hit) return { name: hit.m.name, ...(hit.m.id !== undefined ? { id: hit.m.id } : {}), from, text: hit.text };
  }
  return null;
}
