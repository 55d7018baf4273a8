/**
 * Text folding shared by header recognition, name dedupe and municipality matching. People type the
 * same thing with ё or е, in capitals, with double spaces and non-breaking spaces pasted from Word;
 * all of those must compare equal.
 */

const SPACES = /[\s\u00a0\u2007\u202f\u2009]+/g;

/** Lower case, ё → е, any run of spaces → one space, trimmed. */
export function fold(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е').replace(SPACES, ' ').trim();
}

/** Trims and collapses spaces, keeping case and ё (what we store). */
export function tidy(s: string): string {
  return s.replace(SPACES, ' ').trim();
}

const LONG_ENOUGH = 200;

/**
 * A header as words: folded, punctuation dropped, runs of single letters joined ("Ф.И.О." → "фио",
 * "№ п/п" → "пп"), so that "ФИО", "Ф.И.О.", "ф. и. о." all read "фио". Only the first 200 characters
 * count: a header is a few words, and a 100,000-character cell must not cost more than a short one.
 */
export function headerWords(s: string): string {
  const tokens = fold(s.slice(0, LONG_ENOUGH)).split(/[^\p{L}\p{N}@]+/u).filter(Boolean);
  const out: string[] = [];
  let run = '';
  for (const t of tokens) {
    if (t.length === 1 && /\p{L}/u.test(t)) {
      run += t;
      continue;
    }
    if (run) out.push(run);
    run = '';
    out.push(t);
  }
  if (run) out.push(run);
  return out.join(' ');
}

/** "Галиуллина" → "Галиуллина", "ГАЛИУЛЛИНА-петрова" → "Галиуллина-Петрова". */
export function capitalizeName(s: string): string {
  return s
    .toLowerCase()
    .split('-')
    .map((part) => (part ? part[0]!.toUpperCase() + part.slice(1) : part))
    .join('-');
}

/** Cells people fill to say "nothing here". */
const NOTHING = new Set(['-', '--', '—', '–', 'нет', 'отсутствует', 'не имеется', 'н/д', 'нет данных', 'x', 'х']);

export function isNothing(s: string): boolean {
  const f = fold(s);
  return f === '' || NOTHING.has(f);
}
