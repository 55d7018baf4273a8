/**
 * The fixed query set of `npm run bench`: what an operator types at the desk, generated
 * deterministically from the people stored in the database (the demo event scaled to N), each query
 * with the person it is meant to find. The same queries go to the real desk field, to our engine
 * alone and to every peer. Pure: runs in the page harness and in Node.
 */
import { createRng, type Rng } from '../../../shared/generator/rng';
import { transliterate } from '../../../shared/generator/transliterate';
import { normalizePhone } from '../../../shared/people/phone';
import { cyrillicToLatinLayout } from '../../../shared/search/keyboard';

/** A person as the benchmark sees them (the `people` table row, trimmed). */
export type BenchPerson = { id: string; surname: string; name: string; patronymic: string; phone?: string };

export const QUERY_CLASSES = [
  'prefix 1–6',
  'prefixes s+n+p',
  'prefixes any order',
  'initials',
  'wrong layout',
  'translit',
  'one typo',
  'phone tail 4–7',
  'phone 10',
] as const;
export type QueryClass = (typeof QUERY_CLASSES)[number];

/**
 * A bare surname prefix of 1–6 letters names hundreds of people at 100k, so "the target among the
 * first ten" says nothing about the engine there: that class is timed, and its recall is not counted.
 */
export const TIMING_ONLY: ReadonlySet<QueryClass> = new Set<QueryClass>(['prefix 1–6']);

export type BenchQuery = { cls: QueryClass; text: string; /** person id; null for timing-only queries */ target: string | null };

/** One typo in a surname: a deletion, a transposition, a substitution or a doubled letter. */
function typo(word: string, rng: Rng): string {
  const w = word.toLowerCase();
  const i = rng.int(1, w.length - 2);
  switch (rng.int(0, 3)) {
    case 0:
      return w.slice(0, i) + w.slice(i + 1);
    case 1:
      return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
    case 2:
      return w.slice(0, i) + (w[i] === 'о' ? 'а' : 'о') + w.slice(i + 1);
    default:
      return w.slice(0, i) + w[i] + w.slice(i);
  }
}

const sortKey = (p: BenchPerson) => `${p.surname}\u0000${p.name}\u0000${p.patronymic}\u0000${p.phone ?? ''}`;

/**
 * `perClass` queries of every class, in round-robin order of classes (so a run cut short by a time
 * budget still covers every class evenly). People are picked by a seeded generator from the list
 * sorted by name and phone, so the set does not depend on the random ids the database was filled with.
 */
export function makeQueries(people: readonly BenchPerson[], opts: { seed: number; perClass: number }): BenchQuery[] {
  const sorted = [...people].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
  const withPhone = sorted.filter((p) => p.phone && normalizePhone(p.phone));
  const rng = createRng(opts.seed);
  const out: BenchQuery[] = [];
  for (let k = 0; k < opts.perClass; k++) {
    const p = rng.pick(sorted);
    const s = p.surname.toLowerCase();
    const n = p.name.toLowerCase();
    const pat = p.patronymic.toLowerCase();
    let t = p;
    while (t.surname.length < 6) t = rng.pick(sorted);
    const withTel = rng.pick(withPhone);
    const national = normalizePhone(withTel.phone!)!.slice(-10);
    const round: BenchQuery[] = [
      { cls: 'prefix 1–6', text: s.slice(0, 1 + (k % 6)), target: null },
      { cls: 'prefixes s+n+p', text: `${s.slice(0, 2 + (k % 5))} ${n.slice(0, 3)} ${pat.slice(0, 3)}`, target: p.id },
      { cls: 'prefixes any order', text: `${n} ${s.slice(0, 4)} ${pat.slice(0, 2)}`, target: p.id },
      { cls: 'initials', text: `${p.surname} ${p.name[0] ?? ''}.${p.patronymic[0] ?? ''}.`, target: p.id },
      { cls: 'wrong layout', text: cyrillicToLatinLayout(`${s} ${n} ${pat.slice(0, 3 + (k % 4))}`), target: p.id },
      { cls: 'translit', text: transliterate(`${p.surname} ${p.name} ${p.patronymic}`).toLowerCase(), target: p.id },
      { cls: 'one typo', text: `${typo(t.surname, rng)} ${t.name.toLowerCase()} ${t.patronymic.toLowerCase()}`, target: t.id },
      { cls: 'phone tail 4–7', text: national.slice(-(4 + (k % 4))), target: withTel.id },
      { cls: 'phone 10', text: national, target: withTel.id },
    ];
    out.push(...round);
  }
  return out;
}
