/**
 * Russian number agreement for the contest's messages. Three forms: 1, 21, 101 → `one`; 2–4, 22–24 →
 * `few`; 0, 5–20, 25… → `many`. After «не хватает» and «из» the noun is genitive, where `few` and `many`
 * coincide, so callers pass the genitive pair ('эксперта', 'экспертов', 'экспертов').
 */
export function plural(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return one;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
}

/** «1 эксперта», «2 экспертов» — the genitive after «не хватает», «из». */
export const expertsGen = (n: number, adjective = ''): string =>
  adjective === ''
    ? `${n} ${plural(n, 'эксперта', 'экспертов', 'экспертов')}`
    : `${n} ${plural(n, `${adjective}ого`, `${adjective}ых`, `${adjective}ых`)} ${plural(n, 'эксперта', 'экспертов', 'экспертов')}`;

/** «1 эксперт», «3 эксперта», «5 экспертов» — the nominative. */
export const expertsNom = (n: number): string => `${n} ${plural(n, 'эксперт', 'эксперта', 'экспертов')}`;

/** «1 заявка», «2 заявки», «5 заявок». */
export const applicationsNom = (n: number): string => `${n} ${plural(n, 'заявка', 'заявки', 'заявок')}`;
