/**
 * Russia's eight federal districts as a municipality stores them (the value kept in the data and in
 * exchange files, not a screen label); Bashkortostan is in the Volga one, the default for a new entry.
 */
export const federalDistricts = [
  'Центральный федеральный округ',
  'Северо-Западный федеральный округ',
  'Южный федеральный округ',
  'Северо-Кавказский федеральный округ',
  'Приволжский федеральный округ',
  'Уральский федеральный округ',
  'Сибирский федеральный округ',
  'Дальневосточный федеральный округ',
] as const;

export const HOME_FEDERAL_DISTRICT: (typeof federalDistricts)[number] = 'Приволжский федеральный округ';
