/**
 * Full names as lists write them: "Галиуллина Алия Хамитовна", "Галиуллина А.Х.", "А. Х. Галиуллина",
 * "Алия Хамитовна Галиуллина", "ГАЛИУЛЛИНА алия", "Иванова-Петрова Анна", "Ахмадуллин Ильдар Рашит улы".
 * The order is decided by the patronymic's place (its suffix is reliable), then by known given names,
 * then by initials; otherwise the Russian default, surname first. Initials are kept as such ("А."):
 * guessing "Алия" from "А." would invent data.
 */
import { russianNames, turkicNames } from '../generator/given-names';
import { capitalizeName, fold, tidy } from './normalize';
import { cleanName } from '../text/spelling';

export type SplitName = {
  surname: string;
  name: string;
  patronymic: string;
  initials: boolean;
  order: 'surname-first' | 'name-first';
};

// A few given names beyond the generator's pools, common in Bashkortostan lists.
const EXTRA_GIVEN = [
  'Алия', 'Гульнара', 'Гульшат', 'Эльвира', 'Лилия', 'Зульфия', 'Айгуль', 'Венера', 'Резеда', 'Лейсан', 'Альфия',
  'Рамиля', 'Гузель', 'Ляйсан', 'Фануза', 'Разиля', 'Динара', 'Алина', 'Регина', 'Диана', 'Зарина', 'Камила',
  'Рустам', 'Ильгам', 'Фаниль', 'Ильфат', 'Расул', 'Ренат', 'Рафис', 'Альфред', 'Артем', 'Петр', 'Семен', 'Федор', 'Алена',
];

const GIVEN = new Set(
  [russianNames, turkicNames].flatMap((pool) => [...pool.male, ...pool.female]).concat(EXTRA_GIVEN).map(fold),
);

/** Whether a word is a known given name (folded comparison: ё/е and case do not matter). */
export function isGivenName(word: string): boolean {
  return GIVEN.has(fold(word));
}

// -ович/-евич/-ьич, -овна/-евна/-ична/-инична; a handful of old short forms; Turkic "оглы/кызы" fused.
const PATRONYMIC = /(вич|вна|ична|ьич|оглы|кызы|улы)$/;
const SHORT_PATRONYMICS = new Set(['ильич', 'кузьмич', 'фомич', 'лукич', 'саввич', 'никитич']);
// Separate Turkic patronymic words: "Рашит улы", "Рашит кызы", "Ибрагим оглы".
const TURKIC_TAIL = new Set(['улы', 'уулу', 'оглы', 'огли', 'кызы', 'гызы']);

export function isPatronymic(word: string): boolean {
  const w = fold(word);
  return w.length > 4 && (PATRONYMIC.test(w) || SHORT_PATRONYMICS.has(w));
}

const INITIAL = /^\p{L}\.?$/u;
const isInitial = (t: string) => INITIAL.test(t);
const WORD = /^\p{L}+(?:[-'’]\p{L}+)*$/u;

function initial(t: string): string {
  return t[0]!.toUpperCase() + '.';
}

/** Words and initials: "А.Х." and "А.Х" become two initials; a trailing dot on a word is dropped. */
function tokenize(raw: string): string[] | null {
  const text = tidy(cleanName(raw).replace(/\([^)]*\)/g, ' ').replace(/[,;]/g, ' ').replace(/\s*-\s*/g, '-'));
  if (!text) return null;
  const out: string[] = [];
  for (const piece of text.split(' ')) {
    // "А.Х." / "А.Х" / "А." / "Галиуллина.А.Х." (no spaces at all)
    const parts = piece.split('.').filter(Boolean);
    if (parts.length > 1 || piece.endsWith('.')) {
      for (const p of parts) {
        if (isInitial(p)) out.push(initial(p));
        else if (WORD.test(p)) out.push(p);
        else return null;
      }
      continue;
    }
    if (isInitial(piece)) out.push(initial(piece));
    else if (WORD.test(piece)) out.push(piece);
    else return null;
  }
  return out;
}

const looksLikeSurname = (w: string) => /(ов|ова|ев|ева|ёв|ёва|ин|ина|ын|ына|ский|ская|цкий|цкая|ко|ук|юк|ых|их)$/.test(fold(w));

function part(t: string): string {
  return isInitial(t) ? initial(t) : capitalizeName(t);
}

function make(surname: string, name: string, patronymic: string, order: SplitName['order']): SplitName {
  const s = part(surname);
  const n = name ? part(name) : '';
  const p = patronymic ? part(patronymic) : '';
  return { surname: s, name: n, patronymic: p, initials: isInitial(n) || isInitial(p), order };
}

/** Splits a full name, or null when the text is not a name (digits, symbols, more than three words). */
export function splitFullName(raw: string): SplitName | null {
  const tokens = tokenize(raw);
  if (!tokens || tokens.length === 0) return null;
  // a separate Turkic patronymic word joins the father's name: "Рашит улы"
  const last = tokens[tokens.length - 1]!;
  if (tokens.length >= 3 && TURKIC_TAIL.has(fold(last))) {
    const joined = `${capitalizeName(tokens[tokens.length - 2]!)} ${fold(last)}`;
    tokens.splice(tokens.length - 2, 2, joined);
  }
  if (tokens.length > 3) return null;
  const [a, b, c] = tokens as [string, string | undefined, string | undefined];
  if (isInitial(a) && (!b || isInitial(b)) && !c) return null; // only initials: no surname
  if (b === undefined) return isInitial(a) ? null : make(a, '', '', 'surname-first');

  if (c === undefined) {
    if (isInitial(b)) return make(a, b, '', 'surname-first');
    if (isInitial(a)) return make(b, a, '', 'name-first');
    if (isGivenName(a) && !isGivenName(b)) return make(b, a, '', 'name-first');
    if (!isGivenName(b) && looksLikeSurname(b) && !looksLikeSurname(a)) return make(b, a, '', 'name-first');
    return make(a, b, '', 'surname-first');
  }

  // three tokens
  if (isInitial(b) && isInitial(c)) return make(a, b, c, 'surname-first');
  if (isInitial(a) && isInitial(b)) return make(c, a, b, 'name-first');
  if (isInitial(a) || isInitial(b) || isInitial(c)) {
    // "Галиуллина Алия Х." is surname-first; "Алия Х. Галиуллина" name-first
    return isInitial(c) ? make(a, b, c, 'surname-first') : make(c, a, b, 'name-first');
  }
  const pb = isPatronymic(b) || b.includes(' ');
  const pc = isPatronymic(c) || c.includes(' ');
  if (pc && !pb) return make(a, b, c, 'surname-first');
  if (pb && !pc) return make(c, a, b, 'name-first');
  // both or neither look like patronymics ("Иван Петрович Бабич"? "Петрович Иван Петрович"?): given names decide
  if (isGivenName(a) && !isGivenName(b)) return make(c, a, b, 'name-first');
  return make(a, b, c, 'surname-first');
}

/**
 * One name part typed into its own column: "ГАЛИУЛЛИНА " → "Галиуллина", "а" / "А." → "А.". Null when
 * it is not a name (digits, symbols, several words where one is expected).
 */
export function normalizeNamePart(raw: string): string | null {
  const t = tidy(cleanName(raw).replace(/\s*-\s*/g, '-'));
  if (!t) return '';
  if (isInitial(t)) return initial(t);
  const word = t.replace(/\.+$/, '');
  return WORD.test(word) ? capitalizeName(word) : null;
}

/** "А." / "А" — an initial rather than a name. */
export function isInitialPart(s: string): boolean {
  return s !== '' && isInitial(s);
}
