import type { MunicipalityInput } from './places';

/**
 * The two municipalities from other federal districts that came to the Ufa 2019 conference. Users add
 * such municipalities themselves; the demo needs them ready-made.
 */
export const otherRegionMunicipalities: readonly MunicipalityInput[] = [
  { name: 'г. Кирово-Чепецк', kind: 'other', region: 'Кировская область', federalDistrict: 'Приволжский федеральный округ' },
  { name: 'г. Златоуст', kind: 'other', region: 'Челябинская область', federalDistrict: 'Уральский федеральный округ' },
];
