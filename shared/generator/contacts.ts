import type { Rng } from './rng';
import { createWeightedPicker } from './rng';
import { transliterate } from './transliterate';

// Operators that sell numbers in Bashkortostan; the exact split does not matter, variety does.
const MOBILE_CODES = ['917', '987', '927', '937', '961', '962', '963', '965', '906', '903', '999', '996', '919', '951'];

type Parts = { area: string; local: string };

// Mobile and Ufa numbers split 3+3+2+2; district landlines (area 347xx) 5+1+2+2. The spread of
// notations is what delegate sheets actually contain; every one of them must survive normalizePhone.
const MOBILE_FORMATS: ReadonlyArray<readonly [(p: Parts) => string, number]> = [
  [({ area, local }) => `+7 (${area}) ${local.slice(0, 3)}-${local.slice(3, 5)}-${local.slice(5)}`, 4],
  [({ area, local }) => `8${area}${local}`, 4],
  [({ area, local }) => `+7${area}${local}`, 3],
  [({ area, local }) => `8-${area}-${local.slice(0, 3)}-${local.slice(3, 5)}-${local.slice(5)}`, 2],
  [({ area, local }) => `8 (${area}) ${local.slice(0, 3)} ${local.slice(3, 5)} ${local.slice(5)}`, 2],
  [({ area, local }) => `+7 ${area} ${local.slice(0, 3)}-${local.slice(3, 5)}-${local.slice(5)}`, 2],
  [({ area, local }) => `7 ${area} ${local}`, 1],
  [({ area, local }) => `${area}${local}`, 1],
  [({ area, local }) => `8(${area})${local}`, 1],
  [({ area, local }) => `8 ${area} ${local.slice(0, 3)}.${local.slice(3, 5)}.${local.slice(5)}`, 0.5],
  [({ area, local }) => `+7-${area}-${local.slice(0, 3)}-${local.slice(3, 5)}-${local.slice(5)}`, 0.5],
];

const DISTRICT_LANDLINE_FORMATS: ReadonlyArray<readonly [(p: Parts) => string, number]> = [
  [({ area, local }) => `8 (${area}) ${local[0]}-${local.slice(1, 3)}-${local.slice(3)}`, 3],
  [({ area, local }) => `+7 (${area}) ${local[0]}-${local.slice(1, 3)}-${local.slice(3)}`, 2],
  [({ area, local }) => `8${area}${local}`, 1],
  [({ area, local }) => `8-${area}-${local[0]}-${local.slice(1, 3)}-${local.slice(3)}`, 1],
];

const pickMobileFormat = createWeightedPicker(MOBILE_FORMATS.map(([, w]) => w));
const pickLandlineFormat = createWeightedPicker(DISTRICT_LANDLINE_FORMATS.map(([, w]) => w));

/** n random digits, the first at least firstMin (local numbers never start with 0 or 1). */
function digits(rng: Rng, n: number, firstMin = 0): string {
  const scale = 10 ** (n - 1);
  return String(rng.int(firstMin * scale, 10 * scale - 1)).padStart(n, '0');
}

/**
 * A phone number unused so far in `taken` (national 10 digits, which it records), written as a person
 * would: raw when `messy`, canonical "+7XXXXXXXXXX" otherwise. Landlines are for people with an office.
 */
export function generatePhone(rng: Rng, taken: Set<string>, opts: { messy: boolean; landline: boolean; ufa: boolean }): string {
  for (;;) {
    let parts: Parts;
    let district = false;
    if (!opts.landline) parts = { area: rng.pick(MOBILE_CODES), local: digits(rng, 7) };
    else if (opts.ufa) parts = { area: '347', local: digits(rng, 7, 2) };
    else {
      district = true;
      parts = { area: `347${rng.int(40, 98)}`, local: digits(rng, 5, 2) };
    }
    const national = parts.area + parts.local;
    if (taken.has(national)) continue;
    taken.add(national);
    if (!opts.messy) return '+7' + national;
    const raw = district
      ? DISTRICT_LANDLINE_FORMATS[pickLandlineFormat(rng)]![0](parts)
      : MOBILE_FORMATS[pickMobileFormat(rng)]![0](parts);
    // offices give the switchboard number with an extension
    return opts.landline && rng.chance(0.3) ? `${raw} доб. ${rng.int(101, 459)}` : raw;
  }
}

const DOMAINS = ['mail.ru', 'yandex.ru', 'gmail.com', 'bk.ru', 'inbox.ru', 'list.ru', 'rambler.ru'];
const pickDomain = createWeightedPicker([40, 25, 15, 8, 5, 5, 2]);

type LocalPattern = (s: string, n: string, p: string, rng: Rng) => string;
const LOCAL_PATTERNS: readonly LocalPattern[] = [
  (s, n) => `${s}.${n[0]}`,
  (s, n) => `${s}.${n[0]}`,
  (s) => s,
  (s, n) => `${n}.${s}`,
  (s, n) => `${n}.${s}`,
  (s, _n, _p, rng) => `${s}${String(rng.int(60, 105) % 100).padStart(2, '0')}`,
  (s, n, p) => `${n[0]}${p[0]}${s}`,
  (s, n) => `${s}_${n}`,
];

// Names come from small pools, so each is transliterated once per process rather than once per person.
const latinCache = new Map<string, string>();
function latin(text: string): string {
  let out = latinCache.get(text);
  if (out === undefined) {
    out = transliterate(text).toLowerCase();
    if (latinCache.size > 10_000) latinCache.clear();
    latinCache.set(text, out);
  }
  return out;
}

/** A Latin address like "galiullina.a@mail.ru", unique within `taken` (which it records). */
export function generateEmail(rng: Rng, taken: Set<string>, person: { surname: string; name: string; patronymic: string }): string {
  const s = latin(person.surname);
  const n = latin(person.name);
  const p = latin(person.patronymic);
  const local = rng.pick(LOCAL_PATTERNS)(s, n, p, rng);
  const domain = DOMAINS[pickDomain(rng)]!;
  let email = `${local}@${domain}`;
  // namesakes and common surnames collide; people then add digits, as mailbox providers suggest
  while (taken.has(email)) email = `${local}${rng.int(1, 999)}@${domain}`;
  taken.add(email);
  return email;
}
