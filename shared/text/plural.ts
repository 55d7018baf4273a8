/**
 * Russian plural forms: one (1, 21, 101…), few (2–4, 22–24…), many (0, 5–20, 11–14, 25…).
 * `forms` are given as [one, few, many]: ['муниципалитет', 'муниципалитета', 'муниципалитетов'].
 */
export function pluralRu(n: number, forms: readonly [string, string, string]): string {
  const abs = Math.abs(Math.trunc(n));
  const mod100 = abs % 100;
  const mod10 = abs % 10;
  if (mod100 >= 11 && mod100 <= 14) return forms[2];
  if (mod10 === 1) return forms[0];
  if (mod10 >= 2 && mod10 <= 4) return forms[1];
  return forms[2];
}

/** "5 муниципалитетов" */
export function countRu(n: number, forms: readonly [string, string, string]): string {
  return `${n} ${pluralRu(n, forms)}`;
}
