/**
 * Names of the contest's enumerations (aggregation methods, tie-breaks, application statuses, kinds of
 * conflict) in the current language, and its moments and sums as the formatting module writes them.
 * Results and exports call these outside React, so they read the language layer through `tr`.
 */
import type { AggregationMethod, ApplicationStatus, ConflictKind, TieBreak } from '../../../shared/contest';
import i18next from 'i18next';
import { formatDate, formatMoney } from '../../../shared/text/format';
import { fullNameIn, type NameCase, type PersonName } from '../../../shared/text/names';
import { tr } from '../../i18n';

export const TIE_BREAKS: readonly TieBreak[] = ['higher-median', 'more-max-marks', 'earlier-submission', 'shared-place'];
export const APPLICATION_STATUSES: readonly ApplicationStatus[] = ['submitted', 'admitted', 'rejected', 'withdrawn'];

export const methodLabel = (m: AggregationMethod): string => tr('contest')(`method.${m}`);
export const tieBreakLabel = (t: TieBreak): string => tr('contest')(`tieBreak.${t}`);
export const statusLabel = (s: ApplicationStatus): string => tr('contest')(`status.${s}`);
export const conflictLabel = (k: ConflictKind): string => tr('contest')(`conflict.${k}`);

/** «12.05.2026, 14:30» in the event's time zone; «—» for nothing. */
export const formatWhen = (iso?: string) => (iso ? formatDate(iso, 'dateTime') : '—');
/** «150 000 ₽» (no-break space before the sign); «—» for nothing. */
export const formatRub = (n?: number) => (n === undefined ? '—' : formatMoney(n));

/**
 * A person's full name in a grammatical case for a Russian sentence («вернуть эксперту Бондаренко Елене
 * Владимировне»); other languages do not decline names, so they get the name as stored.
 */
export const nameIn = (person: PersonName | undefined, stored: string, nameCase: NameCase): string =>
  person && i18next.language === 'ru' ? fullNameIn(person, nameCase) : stored;
