/**
 * How the desk reads one query. A query is tried in several readings at once — as typed, as the same
 * keys on the Russian layout, as a Latin spelling, as a phone tail, as a badge code — and every reading
 * that matches contributes results at its own rank.
 */
import { normalizeBadgeCode } from '../people/badge-code';
import { normalizePhone } from '../people/phone';
import { foldedWords, hasLatinLetter, splitWords } from './fold';
import { latinLayoutToCyrillic } from './keyboard';
import { querySkeletons } from './translit';

/** A word of the Latin reading: Latin letters become skeleton prefixes; other words are matched as typed. */
export type TranslitWord = { skeletons: string[] } | { word: string };

export type QueryPlan = {
  /** Normalized badge code when the query is a valid one (check symbol included). */
  badge: string | null;
  /** Digits the phone must end with: a whole number, or 4+ digits with phone punctuation only. */
  phoneTail: string | null;
  /** Folded words as typed (empty for a phone query). */
  words: string[];
  /** "галиуллина ах": two-letter words re-read as two initials; null when there are none. */
  initials: string[] | null;
  /** The same keystrokes on ЙЦУКЕН, when the query has Latin letters. */
  layout: string[] | null;
  /** The Latin spelling reading, when the query has Latin letters. */
  translit: TranslitWord[] | null;
};

export const PHONE_MIN_DIGITS = 4;
// More words than any name has; longer input is a paste, and assignment cost grows with it.
const MAX_WORDS = 8;
const PHONE_QUERY = /^[+\d\s().-]+$/;
const APOSTROPHES = /['`\u2019\u02bc]/g;

export function parseQuery(query: string): QueryPlan {
  const trimmed = query.trim();
  const plan: QueryPlan = { badge: null, phoneTail: null, words: [], initials: null, layout: null, translit: null };
  if (!trimmed) return plan;
  plan.badge = normalizeBadgeCode(trimmed);

  // a whole number in any notation ("8 917 …", "+7 (917) …", "… доб. 12") compares by its ten national digits
  const normalized = normalizePhone(trimmed);
  if (normalized) {
    plan.phoneTail = normalized.slice(2);
    return plan;
  }
  if (PHONE_QUERY.test(trimmed)) {
    const digits = trimmed.replace(/\D/g, '');
    if (digits.length >= PHONE_MIN_DIGITS) plan.phoneTail = digits;
    if (digits.length) return plan; // digits never match a name
  }

  plan.words = foldedWords(trimmed).slice(0, MAX_WORDS);
  if (plan.words.length >= 2 && plan.words.some((w) => w.length >= 3)) {
    const split = plan.words.flatMap((w) => (w.length === 2 && /^\p{L}+$/u.test(w) ? [w[0]!, w[1]!] : [w]));
    if (split.length > plan.words.length && split.length <= MAX_WORDS) plan.initials = split;
  }
  if (hasLatinLetter(trimmed)) {
    plan.layout = foldedWords(latinLayoutToCyrillic(trimmed)).slice(0, MAX_WORDS);
    plan.translit = splitWords(trimmed.toLowerCase().replace(APOSTROPHES, ''))
      .slice(0, MAX_WORDS)
      .map((w) => (/^[a-z]+$/.test(w) ? { skeletons: querySkeletons(w) } : { word: foldedWords(w)[0] ?? w }));
  }
  return plan;
}
