/**
 * The exchange screens' small formatters: refusal reasons, clock drift, times and a conflicting value in words.
 * Fields and values are named by the change humanizer (features/audit), the words are in the `exchange` namespace.
 */
import type { RefusalReason } from '../../../shared/sync/merge';
import type { TrustRefusalReason } from '../../../shared/trust/batches';
import { formatDate, formatNumber } from '../../../shared/text/format';
import { formatFieldValue, type RecordNames } from '../audit';
import { tr } from '../../i18n';

/** Why a change is not applied; each reason is named in the preview (issue 17). */
export const refusalText = (reason: RefusalReason | TrustRefusalReason): string => tr('exchange')(`refusal.${reason}`);

/** A value of `field` as a conflict shows it: «Иванов», «(пусто)». */
export function quotedValue(field: string, value: unknown, names?: RecordNames): string {
  const t = tr('exchange');
  if (value === null || value === undefined || value === '') return t('conflicts.emptyValue');
  return t('conflicts.quoted', { value: formatFieldValue(field, value, names) });
}

/** How far a clock is off: «40 мин», «3 ч 20 мин», «12 дн.». */
export function driftText(ms: number): string {
  const t = tr('exchange');
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes < 60) return t('drift.minutes', { minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('drift.hours', { hours, minutes: minutes % 60 });
  const days = Math.floor(hours / 24);
  if (days < 730) return t('drift.days', { days: formatNumber(days) });
  return t('drift.years', { count: Math.floor(days / 365.25) });
}

/** A moment in the event's time zone: «18.12.2019, 09:41:05». */
export const timeOf = (iso: string | number) => formatDate(iso, 'dateTimeSeconds');

/** When a stamp was written, by its wall part (hlc.ts). */
export const stampTime = (hlc: string) => timeOf(Number(hlc.slice(0, 15)));
