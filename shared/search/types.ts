/** One person as the desk search sees them. `id` is the registration (or person) id the desk acts on. */
export type SearchDoc = {
  id: string;
  surname: string;
  name: string;
  patronymic: string;
  phone?: string;
  badgeCode?: string;
};

/**
 * Why a result matched, best first: the badge code; every query word equal to a whole name word;
 * prefixes (initials are prefixes of one letter); the query typed with the Latin layout active;
 * the name spelled in Latin letters; one or two typos; a query word matched nothing and was left out.
 * A phone tail ranks with prefixes.
 */
export type MatchKind = 'badge' | 'exact' | 'prefix' | 'initials' | 'layout' | 'translit' | 'typo' | 'phone' | 'partial';

/**
 * `score` is higher for better kinds and equal within a rank group; within a group, hits come by how
 * well each word sits (surname first, exact first, typed order first), then by name.
 * `certain`: strong enough for Enter to act on, if it is the only such hit (enter.ts).
 */
export type SearchHit = { id: string; kind: MatchKind; score: number; certain: boolean };
