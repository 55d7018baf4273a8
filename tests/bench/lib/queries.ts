/**
 * The fixed query set of `npm run bench`: what an operator types at the desk, generated
 * deterministically from the people stored in the database (the demo event scaled to N), each query
 * with the person it is meant to find. The same queries go to the real desk field, to our engine
 * alone and to every peer. Pure: runs in the page harness and in Node.
 */
import { createRng, type Rng } from '../../../shared/generator/rng';
import { transliterate } from '../../../shared/generator/transliterate';
import { normalizePhone } from '../../../shared/people/phone';
import { cyrillicToLatinLayout, latinLayoutToCyrillic } from '../../../shared/search/keyboard';
import { nameKey } from '../../../shared/text/spelling';
import { bashkirize, germanize, gibberish, twoTypos } from './spellings';

/** A person as the benchmark sees them (the `people` table row, trimmed; the badge code from their registration). */
export type BenchPerson = { id: string; surname: string; name: string; patronymic: string; phone?: string; badgeCode?: string };

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
  'full name',
  'name-position trap',
  'same-name people',
  'badge, RU layout',
  'Bashkir letters',
  'glued initials',
  'two typos',
  'German-style Latin',
  'gibberish',
  'absent people',
] as const;
export type QueryClass = (typeof QUERY_CLASSES)[number];

/**
 * Queries that name nobody: a right answer is Enter holding back (and, for gibberish, an empty list).
 * Recall@10 means nothing for them; the Node bench reports how often Enter held back.
 */
export const NOBODY: ReadonlySet<QueryClass> = new Set<QueryClass>(['gibberish', 'absent people']);

/** Classes where Enter must act (the person is named in full and is the only one so named). */
export const ENTER_EXPECTED: ReadonlySet<QueryClass> = new Set<QueryClass>(['full name', 'badge, RU layout', 'phone 10']);

/**
 * A bare surname prefix of 1–6 letters names hundreds of people at 100k, so "the target among the
 * first ten" says nothing about the engine there: that class is timed, and its recall is not counted.
 */
export const TIMING_ONLY: ReadonlySet<QueryClass> = new Set<QueryClass>(['prefix 1–6']);

export type BenchQuery = { cls: QueryClass; text: string; /** person id; null for timing-only queries and those naming nobody */ target: string | null };

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
const fullKey = (p: BenchPerson) => `${nameKey(p.surname)} ${nameKey(p.name)} ${nameKey(p.patronymic)}`;
const twoKey = (p: BenchPerson) => `${nameKey(p.surname)} ${nameKey(p.name)}`;
/** «Ильяс» → "ильяс", «Рамиль» → "рамил": what a patronymic made from the name starts with. */
const stem = (name: string) => nameKey(name).replace(/[ьйая]$/, '');

/** Who is who among the people: namesakes, name-position traps, which surname + name pairs exist. */
function census(people: readonly BenchPerson[]) {
  const full = new Map<string, number>();
  const pairs = new Map<string, number>();
  const bySurname = new Map<string, BenchPerson[]>();
  for (const p of people) {
    full.set(fullKey(p), (full.get(fullKey(p)) ?? 0) + 1);
    pairs.set(twoKey(p), (pairs.get(twoKey(p)) ?? 0) + 1);
    const s = nameKey(p.surname);
    const list = bySurname.get(s);
    if (list) list.push(p);
    else bySurname.set(s, [p]);
  }
  const namesakes = people.filter((p) => full.get(fullKey(p))! > 1);
  const unique = people.filter((p) => full.get(fullKey(p)) === 1);
  // A, where some B of the same surname has a patronymic made from A's name (Абзалов Ильяс / Абзалов Азамат Ильясович)
  const traps = people.filter((a) => (bySurname.get(nameKey(a.surname)) ?? []).some((b) => b !== a && nameKey(b.patronymic).startsWith(stem(a.name))));
  return { namesakes, unique, traps, pairs };
}

/**
 * `perClass` queries of every class, in round-robin order of classes (so a run cut short by a time
 * budget still covers every class evenly). People are picked by a seeded generator from the list
 * sorted by name and phone, so the set does not depend on the random ids the database was filled with.
 * A class with no fitting person (no namesakes in a small list, no badge codes) gets no queries.
 */
export function makeQueries(people: readonly BenchPerson[], opts: { seed: number; perClass: number }): BenchQuery[] {
  const sorted = [...people].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
  const withPhone = sorted.filter((p) => p.phone && normalizePhone(p.phone));
  const withBadge = sorted.filter((p) => p.badgeCode && /[A-Z]/.test(p.badgeCode));
  const bashkir = sorted.filter((p) => /[әөүҡғҙҫһң]/i.test(p.surname));
  const { namesakes, unique, traps, pairs } = census(sorted);
  const rng = createRng(opts.seed);
  const pick = (list: readonly BenchPerson[]) => (list.length ? rng.pick(list) : null);
  const out: BenchQuery[] = [];
  for (let k = 0; k < opts.perClass; k++) {
    const p = rng.pick(sorted);
    const s = p.surname.toLowerCase();
    const n = p.name.toLowerCase();
    const pat = p.patronymic.toLowerCase();
    let t = p;
    while (t.surname.length < 6) t = rng.pick(sorted);
    let long = p;
    while (long.surname.length < 7) long = rng.pick(sorted);
    const withTel = rng.pick(withPhone);
    const national = normalizePhone(withTel.phone!)!.slice(-10);
    const round: (BenchQuery | null)[] = [
      { cls: 'prefix 1–6', text: s.slice(0, 1 + (k % 6)), target: null },
      { cls: 'prefixes s+n+p', text: `${s.slice(0, 2 + (k % 5))} ${n.slice(0, 3)} ${pat.slice(0, 3)}`, target: p.id },
      { cls: 'prefixes any order', text: `${n} ${s.slice(0, 4)} ${pat.slice(0, 2)}`, target: p.id },
      { cls: 'initials', text: `${p.surname} ${p.name[0] ?? ''}.${p.patronymic[0] ?? ''}.`, target: p.id },
      { cls: 'wrong layout', text: cyrillicToLatinLayout(`${s} ${n} ${pat.slice(0, 3 + (k % 4))}`), target: p.id },
      { cls: 'translit', text: transliterate(`${p.surname} ${p.name} ${p.patronymic}`).toLowerCase(), target: p.id },
      { cls: 'one typo', text: `${typo(t.surname, rng)} ${t.name.toLowerCase()} ${t.patronymic.toLowerCase()}`, target: t.id },
      { cls: 'phone tail 4–7', text: national.slice(-(4 + (k % 4))), target: withTel.id },
      { cls: 'phone 10', text: national, target: withTel.id },
      ...moreQueries(k, { pick, rng, long, namesakes, unique, traps, pairs, withBadge, bashkir, sorted }),
    ];
    for (const q of round) if (q) out.push(q);
  }
  return out;
}

type Pools = {
  pick: (list: readonly BenchPerson[]) => BenchPerson | null;
  rng: Rng;
  long: BenchPerson;
  namesakes: readonly BenchPerson[];
  unique: readonly BenchPerson[];
  traps: readonly BenchPerson[];
  pairs: ReadonlyMap<string, number>;
  withBadge: readonly BenchPerson[];
  bashkir: readonly BenchPerson[];
  sorted: readonly BenchPerson[];
};

/** The classes of issue 20: the query forms that broke the Enter rule or found nobody. */
function moreQueries(k: number, x: Pools): (BenchQuery | null)[] {
  const { pick, rng, long } = x;
  const full = (p: BenchPerson) => `${p.surname} ${p.name} ${p.patronymic}`;
  const u = pick(x.unique);
  const trap = pick(x.traps);
  const twin = pick(x.namesakes);
  const badged = pick(x.withBadge);
  const b = pick(x.bashkir.length ? x.bashkir : x.sorted);
  const g = pick(x.sorted);
  // a trap typed four ways: as is, on the other layout, in Latin, with a typo in a long-enough surname
  const trapText = (p: BenchPerson) => {
    const plain = `${p.surname} ${p.name}`.toLowerCase();
    const form = k % 4;
    if (form === 1) return cyrillicToLatinLayout(plain);
    if (form === 2) return transliterate(`${p.surname} ${p.name}`);
    if (form === 3 && p.surname.length >= 6) return `${typo(p.surname, rng)} ${p.name.toLowerCase()}`;
    return plain;
  };
  let absent: string | null = null;
  for (let tries = 0; tries < 20 && !absent; tries++) {
    const a = rng.pick(x.sorted);
    const c = rng.pick(x.sorted);
    if (!x.pairs.has(`${nameKey(a.surname)} ${nameKey(c.name)}`)) absent = `${a.surname} ${c.name}${k % 2 ? ` ${c.patronymic}` : ''}`;
  }
  return [
    // surname + name alone only when no one else is so called
    u && { cls: 'full name', text: k % 2 || x.pairs.get(twoKey(u))! > 1 ? full(u) : `${u.surname} ${u.name}`, target: u.id },
    trap && { cls: 'name-position trap', text: trapText(trap), target: trap.id },
    twin && { cls: 'same-name people', text: full(twin), target: twin.id },
    badged && { cls: 'badge, RU layout', text: latinLayoutToCyrillic(badged.badgeCode!), target: badged.id },
    b && {
      cls: 'Bashkir letters',
      // stored with Bashkir letters: typed with Russian ones; stored with Russian ones: typed with Bashkir ones
      text: /[әөүҡғҙҫһң]/i.test(b.surname) ? `${nameKey(b.surname)} ${b.name} ${b.patronymic}` : `${bashkirize(b.surname)} ${b.name} ${b.patronymic}`,
      target: b.id,
    },
    { cls: 'glued initials', text: `${long.surname}${long.name[0] ?? ''}${long.patronymic[0] ?? ''}`, target: long.id },
    { cls: 'two typos', text: `${twoTypos(long.surname, rng)} ${long.name} ${long.patronymic}`, target: long.id },
    g && { cls: 'German-style Latin', text: germanize(k % 2 ? full(g) : `${g.surname} ${g.name}`), target: g.id },
    { cls: 'gibberish', text: gibberish(rng), target: null },
    absent ? { cls: 'absent people', text: absent, target: null } : null,
  ];
}
