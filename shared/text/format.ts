/**
 * Numbers, money, sizes, counts and dates the way a Russian reader expects them: «300 000,5 ₽», «1,5 МБ»,
 * «21 муниципалитет», «18 декабря 2019 г.», times in the event's time zone. Everything goes through `Intl`
 * (the grouping space, the decimal comma, the plural category), so screens, exports and prints agree.
 *
 * The interface language picks the locale: Russian by default (the CLI and the Electron main process never
 * change it), British English («300,000.5 ₽», «1.5 MB», «7 Dec 2026, 17:30») once the renderer's language
 * layer calls `setFormatLanguage('en')`. Plural forms of Russian nouns (`formatCount`) stay Russian-ruled:
 * the forms passed in are Russian words.
 *
 * Units and currency are joined to their number with a no-break space so «₽» never wraps alone onto the
 * next line. Dates are shown in the event's time zone (Ufa is UTC+5), never the laptop's nor UTC: a desk
 * laptop set to Moscow time must still print the times people saw on the hall's clock.
 */

/** Ufa and the rest of Bashkortostan: UTC+5 all year. */
export const DEFAULT_TIME_ZONE = 'Asia/Yekaterinburg';

const NBSP = '\u00a0';

/** The languages numbers and dates are written in; the same codes as the interface languages. */
export type FormatLanguage = 'ru' | 'en';
const LOCALES: Record<FormatLanguage, string> = { ru: 'ru-RU', en: 'en-GB' };
let language: FormatLanguage = 'ru';

/** Switches every formatter below to the interface language (called by the renderer's language layer). */
export function setFormatLanguage(next: FormatLanguage): void {
  language = next;
}

/** The language formatters currently write in. */
export function formatLanguage(): FormatLanguage {
  return language;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(minFraction: number, maxFraction: number, lang: FormatLanguage): Intl.NumberFormat {
  const key = `${lang}|${minFraction}|${maxFraction}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: minFraction, maximumFractionDigits: maxFraction });
    numberFormats.set(key, f);
  }
  return f;
}

/**
 * «300 000,5», «0,71», «12». `digits` is the most fraction digits shown (2 unless given); `fixed` shows exactly
 * that many. Every formatter takes an optional last `lang`: a sentence written in Russian whatever the
 * interface language (the report's summary paragraph) passes 'ru' so its numbers read the Russian way.
 */
export function formatNumber(n: number, digits = 2, fixed = false, lang = language): string {
  if (!Number.isFinite(n)) return '—';
  return numberFormat(fixed ? digits : 0, digits, lang).format(n);
}

/** «300 000,5 ₽»: kopecks only when there are any. */
export function formatMoney(rubles: number, lang = language): string {
  return `${formatNumber(rubles, 2, false, lang)}${NBSP}₽`;
}

/** «×0,5»: a weight or coefficient. */
export function formatFactor(k: number): string {
  return `×${formatNumber(k, 3)}`;
}

const SIZE_UNITS: Record<FormatLanguage, readonly string[]> = { ru: ['Б', 'КБ', 'МБ', 'ГБ'], en: ['B', 'KB', 'MB', 'GB'] };

/**
 * «512 Б», «1,5 КБ», «12 КБ», «100,1 МБ»: binary multiples with at most one fraction digit. `up` rounds a
 * file's actual size upwards, so a file of 100 МБ and one byte never reads «100 МБ» beside a 100 МБ limit.
 */
export function formatBytes(bytes: number, rounding: 'nearest' | 'up' = 'nearest', lang = language): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  const units = SIZE_UNITS[lang];
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit > 0 ? 1 : 0;
  if (rounding === 'up') value = Math.ceil(value * 10 ** digits) / 10 ** digits;
  return `${formatNumber(value, digits, false, lang)}${NBSP}${units[unit]}`;
}

/** Noun forms for a count: [one, few, many] — «участник», «участника», «участников». */
export type PluralForms = readonly [one: string, few: string, many: string];

const pluralRules = new Intl.PluralRules('ru-RU');

/**
 * The form of a noun after a number, by Russian plural rules (Intl.PluralRules): 1, 21, 101 → one;
 * 2–4, 22–24 → few; 0, 5–20, 11–14, 25 → many; a fraction (1,5) → the genitive singular, i.e. `few`.
 */
export function pluralForm(n: number, forms: PluralForms): string {
  const c = pluralCategory(n);
  return c === 'one' ? forms[0] : c === 'few' ? forms[1] : forms[2];
}

/** The Russian count form of `n`: «one» (1, 21), «few» (2–4, 22–24, and fractions), «many» (0, 5–20, 25). */
export function pluralCategory(n: number): 'one' | 'few' | 'many' {
  const c = pluralRules.select(n);
  return c === 'one' ? 'one' : c === 'few' || c === 'other' ? 'few' : 'many';
}

/** «21 муниципалитет», «1 024 участника», «1,5 балла»: Russian words, so a Russian number in every interface language. */
export function formatCount(n: number, forms: PluralForms): string {
  return `${formatNumber(n, 2, false, 'ru')}${NBSP}${pluralForm(n, forms)}`;
}

type DateInput = string | number | Date;

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(kind: string, timeZone: string, options: Intl.DateTimeFormatOptions, lang: FormatLanguage): Intl.DateTimeFormat {
  const key = `${lang}|${kind}|${timeZone}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], { ...options, timeZone });
    dateFormats.set(key, f);
  }
  return f;
}

function toDate(input: DateInput): Date | undefined {
  const d = input instanceof Date ? input : new Date(input);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

const KINDS = {
  /** «18 декабря 2019 г.» */
  date: { day: 'numeric', month: 'long', year: 'numeric' },
  /** «18.12.2019» */
  shortDate: { day: '2-digit', month: '2-digit', year: 'numeric' },
  /** «18 декабря, 09:30» */
  dayTime: { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' },
  /** «18.12.2019, 09:30» */
  dateTime: { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' },
  /** «18.12.2019, 09:30:15» */
  dateTimeSeconds: { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' },
  /** «09:30» */
  time: { hour: '2-digit', minute: '2-digit' },
  /** «09:30:15» */
  timeSeconds: { hour: '2-digit', minute: '2-digit', second: '2-digit' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateKind = keyof typeof KINDS;

/**
 * English spells the month where Russian uses digits: «07/12/2026» reads as July to half the world, so
 * English dates are «7 Dec 2026», «7 Dec 2026, 17:30». The other kinds read the same in both languages.
 */
const ENGLISH_KINDS: Partial<Record<DateKind, Intl.DateTimeFormatOptions>> = {
  shortDate: { day: 'numeric', month: 'short', year: 'numeric' },
  dayTime: { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' },
  dateTime: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' },
  dateTimeSeconds: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' },
};

const kindOptions = (kind: DateKind, lang: FormatLanguage): Intl.DateTimeFormatOptions => (lang === 'en' ? ENGLISH_KINDS[kind] : undefined) ?? KINDS[kind];

/** A moment shown in the event's time zone; «—» for a missing or invalid value. */
export function formatDate(input: DateInput | undefined, kind: DateKind = 'date', timeZone = DEFAULT_TIME_ZONE, lang = language): string {
  const d = input === undefined ? undefined : toDate(input);
  return d ? dateFormat(kind, timeZone, kindOptions(kind, lang), lang).format(d) : '—';
}

/**
 * A calendar day stored as «YYYY-MM-DD» (an event's date), shown as «18 декабря 2019 г.». The day is a
 * date, not a moment: it is read in UTC so that no time zone can move it to the day before.
 */
export function formatDay(isoDay: string, lang = language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!m) return isoDay;
  return formatDate(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])), 'date', 'UTC', lang);
}

/** Today's calendar day («YYYY-MM-DD») in the event's time zone: in Ufa at 04:30 local it is already today. */
export function todayIn(timeZone = DEFAULT_TIME_ZONE, now: DateInput = Date.now()): string {
  const parts = dateFormat('iso-day', timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }, 'ru').formatToParts(toDate(now) ?? new Date());
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
