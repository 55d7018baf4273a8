/**
 * How the desk reads one query. A query is tried in several readings at once — as typed, as the same
 * keys on the Russian layout, as a Latin spelling, as a phone tail, as a badge code — and every reading
 * that matches contributes results at its own rank.
 */
import { normalizeBadgeCode } from '../people/badge-code';
import { normalizePhone } from '../people/phone';
import { foldedWords, hasLatinLetter, splitWords } from './fold';
import { cyrillicToLatinLayout, latinLayoutToCyrillic } from './keyboard';
import { querySkeletons } from './translit';

/** A word of the Latin reading: Latin letters become skeleton prefixes; other words are matched as typed. */
export type TranslitWord = { skeletons: string[] } | { word: string };

export type QueryPlan = {
  /** Normalized badge code when the query is a valid one (check symbol included). */
  badge: string | null;
  /**
   * The same keys read on QWERTY when that is a valid badge code («В5ЫЙПО» → D5SQGJ): a keyboard-
   * emulating scanner types exactly this while the system layout is Russian. Used only when the text
   * is not the beginning of a name (a Russian word can be a valid code by chance: 1 in 30).
   */
  layoutBadge: string | null;
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
/** Longer input is a paste, not a name; the desk field caps it too. Keeps every query within one frame. */
export const MAX_QUERY_LENGTH = 200;
// More words than any name has; longer input is a paste, and assignment cost grows with it.
const MAX_WORDS = 8;
const PHONE_QUERY = /^[+\d\s().-]+$/;
const APOSTROPHES = /['`\u2019\u02bc]/g;

// «ИвановИИ», «ХайруллинАМ», «ПетроваВодкина»: a capitalized word with more capitals glued to it.
// Only such a word: «фЕдОрОв» is one word typed with Caps Lock trouble, not four.
const GLUED = /(?<!\p{L})\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}*)+(?!\p{L})/gu;
const unglue = (text: string) => text.replace(GLUED, (word) => word.replace(/(\p{Ll})(?=\p{Lu})/gu, '$1 ').replace(/(\p{Lu})(?=\p{Lu})/gu, '$1 '));
// "zzzz", "qqqq": no Latin spelling of a name repeats a letter three times; the skeleton would fold it to one.
const REPEATED = /(.)\1\1/;

/** A badge code typed as is, or with the Russian layout on. */
export function badgeCodesOf(text: string): { badge: string | null; layoutBadge: string | null } {
  const badge = normalizeBadgeCode(text);
  return { badge, layoutBadge: badge || !/[а-яё]/i.test(text) ? null : normalizeBadgeCode(cyrillicToLatinLayout(text)) };
}

export function parseQuery(query: string): QueryPlan {
  const trimmed = unglue(query.slice(0, MAX_QUERY_LENGTH).trim());
  const plan: QueryPlan = { badge: null, layoutBadge: null, phoneTail: null, words: [], initials: null, layout: null, translit: null };
  if (!trimmed) return plan;
  Object.assign(plan, badgeCodesOf(trimmed));

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
      .map((w) => (/^[a-z]+$/.test(w) ? { skeletons: REPEATED.test(w) ? [] : querySkeletons(w) } : { word: foldedWords(w)[0] ?? w }));
  }
  return plan;
}
