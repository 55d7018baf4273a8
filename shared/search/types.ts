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
 * the name spelled in Latin letters; one typo. A phone tail ranks with prefixes.
 */
export type MatchKind = 'badge' | 'exact' | 'prefix' | 'initials' | 'layout' | 'translit' | 'typo' | 'phone';

/** `score` is higher for better kinds and equal within a rank group; equal scores are ordered by name. */
export type SearchHit = { id: string; kind: MatchKind; score: number };
