/**
 * Grammatical gender from a Russian/Bashkir/Tatar full name, for agreement in printed texts
 * («принял участие» / «приняла участие»). The patronymic decides when present; otherwise the surname's
 * ending; `null` when neither tells (initials only, foreign names).
 */
export function genderOf(p: { surname: string; name?: string; patronymic?: string }): 'm' | 'f' | null {
  const pat = (p.patronymic ?? '').toLowerCase().trim();
  if (/(вич|ич|оглы|улы)$/.test(pat)) return 'm';
  if (/(вна|чна|кызы|гызы)$/.test(pat)) return 'f';
  const sur = p.surname.toLowerCase().trim();
  if (/(ова|ева|ёва|ина|ына|ская|цкая|ая)$/.test(sur)) return 'f';
  if (/(ов|ев|ёв|ин|ын|ский|цкий|ой|ый)$/.test(sur)) return 'm';
  return null;
}

/** Past-tense verb agreeing with the person: «принял», «приняла», or «принял(а)» when unknown. */
export function agreeVerb(gender: 'm' | 'f' | null, masculine: string, feminine: string): string {
  return gender === 'm' ? masculine : gender === 'f' ? feminine : `${masculine}(а)`;
}
